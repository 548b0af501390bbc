import { App, Rate, Tag, Typography } from 'antd'
import { RecordTable } from '../activity/RecordTable'
import { RowActions } from '../activity/RowActions'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { Competitor, CompetitorKind } from '../../../shared/competitor'
import { call, errorMessage } from '../api/client'
import { useQuery } from '../api/useQuery'
import { CompetitorForm } from './CompetitorForm'
import type { CustomerOption } from './CustomerPicker'
import './projects.css'

const pageSize = 20
const dash = <span className="kq-card-empty">—</span>
const text = (v: string | null) => v ?? dash

export interface CompetitorFilters {
  kinds?: CompetitorKind[]
  quick?: string
}

/** 竞争对手/供应商: one customer's on its page, or all of them with the screen's filters. */
export function CompetitorsTable(props: { customer?: CustomerOption; filters?: CompetitorFilters }): React.JSX.Element {
  const { customer, filters } = props
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<{ record: Competitor | undefined } | null>(null)
  const { data, loading, error, reload } = useQuery('competitors.list', {
    ...(customer ? { customerId: customer.value } : {}),
    ...filters,
    startRow: (page - 1) * pageSize,
    endRow: page * pageSize,
  })
  const rows = data?.rows ?? []
  const total = data?.total ?? 0

  const remove = async (row: Competitor): Promise<void> => {
    try {
      await call('competitors.delete', { id: row.id })
      message.success(`已删除「${row.name}」`)
      if (rows.length === 1 && page > 1) setPage(page - 1)
      void reload()
    } catch (failure) {
      message.error(errorMessage(failure))
    }
  }

  const columns: ColumnsType<Competitor> = [
    ...(customer
      ? []
      : [
          {
            title: '客户',
            dataIndex: 'customerName',
            render: (v: string, row: Competitor) => <a href={`#/customers/${row.customerId}`}>{v}</a>,
          },
        ]),
    { title: '名称', dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 90,
      render: (v: CompetitorKind) => <Tag color={v === '竞争对手' ? 'volcano' : 'cyan'}>{v}</Tag>,
    },
    { title: '产品', dataIndex: 'products', render: text },
    { title: '销量', dataIndex: 'volume', render: text },
    { title: '价格', dataIndex: 'price', render: text },
    {
      title: '业务代表',
      dataIndex: 'repName',
      render: (v: string | null, row) =>
        v ? (
          <span>
            {v}
            {row.repRelation && <Typography.Text type="secondary">（{row.repRelation}）</Typography.Text>}
          </span>
        ) : (
          dash
        ),
    },
    {
      title: '客户满意度',
      dataIndex: 'satisfaction',
      width: 130,
      render: (v: number | null) => (v === null ? dash : <Rate disabled value={v} style={{ fontSize: 13 }} />),
    },
    {
      title: '我司份额',
      dataIndex: 'ourShare',
      width: 90,
      align: 'right',
      render: (v: number | null) => (v === null ? dash : `${v}%`),
    },
    { title: '优势', dataIndex: 'strengths', render: text },
    { title: '劣势', dataIndex: 'weaknesses', render: text },
    { title: '策略动向', dataIndex: 'strategy', render: text },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, row) => (
        <RowActions
          what="竞争对手"
          confirmTitle={`删除「${row.name}」？`}
          onEdit={() => setEditing({ record: row })}
          onDelete={() => remove(row)}
        />
      ),
    },
  ]

  return (
    <RecordTable<Competitor>
      count={`共 ${total} 条`}
      addLabel="登记竞争对手"
      onAdd={() => setEditing({ record: undefined })}
      error={error}
      onRetry={() => void reload()}
      loading={loading}
      rows={rows}
      columns={columns}
      emptyText={customer ? '尚无竞争对手或供应商信息' : '没有符合条件的记录'}
      page={page}
      pageSize={pageSize}
      total={total}
      onPage={setPage}
    >
      {editing !== null && (
        <CompetitorForm
          customer={customer}
          record={editing.record}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null)
            void reload()
          }}
        />
      )}
    </RecordTable>
  )
}

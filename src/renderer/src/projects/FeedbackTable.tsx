import { App, Rate, Tag } from 'antd'
import { RecordTable } from '../activity/RecordTable'
import { RowActions } from '../activity/RowActions'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { Feedback, FeedbackStatus, FeedbackType } from '../../../shared/feedback'
import { call, errorMessage } from '../api/client'
import { useQuery } from '../api/useQuery'
import type { CustomerOption } from './CustomerPicker'
import { FeedbackForm } from './FeedbackForm'
import './projects.css'

const pageSize = 20
const dash = <span className="kq-card-empty">—</span>

const typeColors: Record<FeedbackType, string> = { 投诉: 'red', 建议: 'blue', 咨询: 'default', 表扬: 'green' }
const statusColors: Record<FeedbackStatus, string> = {
  待处理: 'orange',
  处理中: 'processing',
  已解决: 'success',
  已关闭: 'default',
}

export interface FeedbackFilters {
  types?: FeedbackType[]
  statuses?: FeedbackStatus[]
  dateFrom?: string | null
  dateTo?: string | null
  quick?: string
}

/** 客户意见: one customer's on its page, or all of them with the screen's filters. Newest first. */
export function FeedbackTable(props: { customer?: CustomerOption; filters?: FeedbackFilters }): React.JSX.Element {
  const { customer, filters } = props
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [editing, setEditing] = useState<{ record: Feedback | undefined } | null>(null)
  const { data, loading, error, reload } = useQuery('feedback.list', {
    ...(customer ? { customerId: customer.value } : {}),
    ...filters,
    startRow: (page - 1) * pageSize,
    endRow: page * pageSize,
  })
  const rows = data?.rows ?? []
  const total = data?.total ?? 0

  const remove = async (row: Feedback): Promise<void> => {
    try {
      await call('feedback.delete', { id: row.id })
      message.success('已删除客户意见')
      if (rows.length === 1 && page > 1) setPage(page - 1)
      void reload()
    } catch (failure) {
      message.error(errorMessage(failure))
    }
  }

  const columns: ColumnsType<Feedback> = [
    { title: '收到日期', dataIndex: 'receivedAt', width: 110 },
    ...(customer
      ? []
      : [
          {
            title: '客户',
            dataIndex: 'customerName',
            render: (v: string, row: Feedback) => <a href={`#/customers/${row.customerId}`}>{v}</a>,
          },
        ]),
    {
      title: '类型',
      dataIndex: 'type',
      width: 70,
      render: (v: FeedbackType) => <Tag color={typeColors[v]}>{v}</Tag>,
    },
    { title: '产品', dataIndex: 'productLabel', render: (v: string | null) => v ?? dash },
    {
      title: '意见内容',
      dataIndex: 'content',
      render: (v: string | null) => (v ? <span className="kq-heat-reason">{v}</span> : dash),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (v: FeedbackStatus) => <Tag color={statusColors[v]}>{v}</Tag>,
    },
    { title: '处理人', dataIndex: 'handlerLabel', width: 80, render: (v: string | null) => v ?? dash },
    {
      title: '处理结果',
      dataIndex: 'resolution',
      render: (v: string | null) => (v ? <span className="kq-heat-reason">{v}</span> : dash),
    },
    { title: '解决日期', dataIndex: 'resolvedAt', width: 110, render: (v: string | null) => v ?? dash },
    {
      title: '满意度',
      dataIndex: 'satisfaction',
      width: 130,
      render: (v: number | null) => (v === null ? dash : <Rate disabled value={v} style={{ fontSize: 13 }} />),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, row) => (
        <RowActions
          what="客户意见"
          confirmTitle="删除这条客户意见？"
          onEdit={() => setEditing({ record: row })}
          onDelete={() => remove(row)}
        />
      ),
    },
  ]

  return (
    <RecordTable<Feedback>
      count={`共 ${total} 条意见`}
      addLabel="登记意见"
      onAdd={() => setEditing({ record: undefined })}
      error={error}
      onRetry={() => void reload()}
      loading={loading}
      rows={rows}
      columns={columns}
      emptyText={customer ? '尚无客户意见' : '没有符合条件的客户意见'}
      page={page}
      pageSize={pageSize}
      total={total}
      onPage={setPage}
    >
      {editing !== null && (
        <FeedbackForm
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

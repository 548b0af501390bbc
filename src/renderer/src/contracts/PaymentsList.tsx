import { DeleteOutlined } from '@ant-design/icons'
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import type { Payment } from '../../../shared/salesContract'
import { call, errorMessage } from '../api/client'
import { Loaded } from '../api/LoadFailed'
import { useLiveRefresh } from '../api/liveUpdates'
import { useQuery } from '../api/useQuery'
import { formatAmount, useDictOptions } from '../activity/activityHelpers'
import { DateRangeFilter, MultiFilter, QuickSearch } from '../activity/ListFilters'
import { navigate } from '../app/navigate'
import { ExportListButton } from '../excel/ExportListButton'
import '../activity/activity.css'
import '../projects/projects.css'
import './contracts.css'

const pageSize = 50
const dash = <span className="kq-card-empty">—</span>

interface Filters {
  paidFrom: string | null
  paidTo: string | null
  receiverStaffIds: number[]
  quick: string
}

const noFilters: Filters = { paidFrom: null, paidTo: null, receiverStaffIds: [], quick: '' }

/**
 * 回款记录: every payment the user sees, or those of one customer or one contract (fixed by the
 * page it sits on, so neither is a filter then), newest first, with 合计回款 over all that match.
 * A payment is deleted for good (there is no 回收站 for payments): the contract's 已收 and 应收
 * and its 回款 reminders follow.
 */
export function PaymentsList(props: {
  customerId?: number
  contractId?: number
  /** After a delete: the page around the list shows 已收/应收 too. */
  onChanged?: () => void
}): React.JSX.Element {
  const { customerId, contractId } = props
  const { message } = App.useApp()
  const [filters, setFilters] = useState<Filters>(noFilters)
  const [page, setPage] = useState(1)
  const staff = useDictOptions('staff')
  const fixed = {
    ...(customerId !== undefined ? { customerId } : {}),
    ...(contractId !== undefined ? { contractId } : {}),
  }
  const bounds = {
    ...(filters.paidFrom ? { paidFrom: filters.paidFrom } : {}),
    ...(filters.paidTo ? { paidTo: filters.paidTo } : {}),
  }
  const list = useQuery('payments.list', {
    ...fixed,
    ...bounds,
    receiverStaffIds: filters.receiverStaffIds,
    quick: filters.quick,
    startRow: (page - 1) * pageSize,
    endRow: page * pageSize,
  })
  useLiveRefresh(['records'], list.reload, { customerId })
  const { data, loading } = list
  const total = data?.total ?? 0
  const rows = data?.rows ?? []
  const filter = (changes: Partial<Filters>): void => {
    setFilters({ ...filters, ...changes })
    setPage(1)
  }
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters)

  const remove = async (row: Payment): Promise<void> => {
    try {
      await call('payments.delete', { id: row.id })
      message.success(`已删除 ${row.paidOn} 的回款 ${formatAmount(row.amount)} 元，合同 ${row.contractNo} 的应收已更新`)
      if (rows.length === 1 && page > 1) setPage(page - 1)
      void list.reload()
      props.onChanged?.()
    } catch (failure) {
      message.error(errorMessage(failure))
    }
  }

  const columns: ColumnsType<Payment> = [
    { title: '日期', dataIndex: 'paidOn', width: 104 },
    ...(contractId === undefined
      ? [
          {
            title: '合同编号',
            dataIndex: 'contractNo',
            width: 128,
            render: (v: string, row: Payment) => (
              <a
                href={`#/contracts/${row.contractId}`}
                title={row.contractName}
                onClick={(event) => {
                  event.preventDefault()
                  navigate(`/contracts/${row.contractId}`)
                }}
              >
                {v}
              </a>
            ),
          },
        ]
      : []),
    ...(customerId === undefined && contractId === undefined
      ? [
          {
            title: '客户',
            dataIndex: 'customerName',
            render: (v: string, row: Payment) => <a href={`#/customers/${row.customerId}`}>{v}</a>,
          },
        ]
      : []),
    {
      title: '金额',
      dataIndex: 'amount',
      width: 150,
      align: 'right',
      render: (v: number, row: Payment) => (
        <Space size={4}>
          {row.overAmount > 0 && (
            <Tooltip title={`这笔回款比当时的应收多 ${formatAmount(row.overAmount)} 元`}>
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                超收
              </Tag>
            </Tooltip>
          )}
          {formatAmount(v)}
        </Space>
      ),
    },
    { title: '方式', dataIndex: 'method', width: 84, render: (v: string | null) => v ?? dash },
    { title: '收款人', dataIndex: 'receiverLabel', width: 84, render: (v: string | null) => v ?? dash },
    {
      title: '期次',
      dataIndex: 'instalmentSeq',
      width: 64,
      align: 'center',
      render: (v: number | null) => (v === null ? dash : `第 ${v} 期`),
    },
    { title: '备注', dataIndex: 'remarks', render: (v: string | null) => v ?? dash },
    {
      title: '操作',
      key: 'actions',
      width: 60,
      render: (_: unknown, row: Payment) => (
        <Popconfirm
          title="删除这笔回款？"
          description={`${row.paidOn} 收到 ${formatAmount(row.amount)} 元。删除后不能恢复，合同的已收、应收和回款提醒随之更新。`}
          okText="删除"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(row)}
        >
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除回款记录" />
        </Popconfirm>
      ),
    },
  ]

  return (
    <div>
      <Loaded query={staff.load} compact what="收款人的选项" />
      <div className="kq-list-filters">
        <DateRangeFilter
          label="回款日期"
          placeholder={['回款开始日期', '回款结束日期']}
          onChange={({ dateFrom, dateTo }) => filter({ paidFrom: dateFrom, paidTo: dateTo })}
        />
        <MultiFilter<number>
          label="收款人"
          placeholder="全部收款人"
          width={140}
          value={filters.receiverStaffIds}
          onChange={(receiverStaffIds) => filter({ receiverStaffIds })}
          options={staff.options}
          searchable
        />
        <QuickSearch
          label="搜索回款"
          placeholder={contractId !== undefined ? '收款方式、备注' : '客户、合同编号、合同名称、备注'}
          width={contractId !== undefined ? 180 : 260}
          onSearch={(quick) => filter({ quick })}
        />
      </div>
      <div className="kq-activity-toolbar">
        <Space wrap size={[16, 4]} className="kq-contract-totals" aria-label="回款合计">
          <Typography.Text type="secondary">共 {total} 笔回款</Typography.Text>
          <span>
            合计回款 <Typography.Text strong>¥{formatAmount(data?.totalAmount ?? 0)}</Typography.Text>
          </span>
        </Space>
        <ExportListButton
          what="回款记录"
          disabled={total === 0}
          request={() => ({
            kind: 'payments',
            ...fixed,
            ...bounds,
            receiverStaffIds: filters.receiverStaffIds,
            quick: filters.quick,
          })}
        />
      </div>
      <Loaded query={list}>
        <Table<Payment>
          rowKey="id"
          size="small"
          bordered
          loading={loading}
          dataSource={rows}
          columns={columns}
          locale={{
            emptyText: filtered
              ? '没有符合条件的回款记录'
              : contractId !== undefined
                ? '尚无回款记录，可点击页面上方的「登记回款」记下收到的款项'
                : // No 登记回款 here: a payment belongs to a contract and is recorded on its page.
                  '尚无回款记录。回款在合同页面登记：在「合同」中打开一份合同，点击「登记回款」',
          }}
          scroll={{ x: 'max-content' }}
          pagination={
            total > pageSize
              ? { current: page, pageSize, total, showSizeChanger: false, onChange: (p) => setPage(p) }
              : false
          }
        />
      </Loaded>
    </div>
  )
}

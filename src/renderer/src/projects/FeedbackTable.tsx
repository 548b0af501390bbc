import { Rate, Tag } from 'antd'
import { RecordTable } from '../activity/RecordTable'
import { customerColumn, useRecordList } from '../activity/useRecordList'
import type { ColumnsType } from 'antd/es/table'
import type { Feedback, FeedbackStatus, FeedbackType } from '../../../shared/feedback'
import type { CustomerOption } from './CustomerPicker'
import { FeedbackForm } from './FeedbackForm'
import './projects.css'

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
  const list = useRecordList(
    'feedback',
    { ...(customer ? { customerId: customer.value } : {}), ...filters },
    {
      what: '客户意见',
      confirmTitle: () => '删除这条客户意见？',
      deleted: () => '已删除客户意见',
      fixedActions: true,
    },
  )

  const columns: ColumnsType<Feedback> = [
    { title: '收到日期', dataIndex: 'receivedAt', width: 110 },
    ...customerColumn<Feedback>(!customer),
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
    list.actionsColumn,
  ]

  return (
    <RecordTable<Feedback>
      {...list.table}
      count={`共 ${list.total} 条意见`}
      addLabel="登记意见"
      columns={columns}
      emptyText={customer ? '尚无客户意见' : '没有符合条件的客户意见'}
    >
      {list.editing !== null && (
        <FeedbackForm customer={customer} record={list.editing.record} onClose={list.closeForm} onSaved={list.saved} />
      )}
    </RecordTable>
  )
}

import { Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { reminderKindLabels, reminderStatusLabels, type Reminder } from '../../../shared/reminder'
import { daysBetween } from '../../../shared/dateMath'
import { dueText } from '../../../shared/reminderDates'
import { ReminderActions } from './ReminderActions'
import { reminderKindColors } from './reminderLook'

export interface ReminderPage {
  current: number
  pageSize: number
  total: number
  onChange: (page: number) => void
}

/** Reminders with who, why and how overdue, and what can be done with each. */
export function ReminderTable(props: {
  rows: Reminder[]
  today: string
  loading: boolean
  showCustomer: boolean
  onChanged: () => void
  page?: ReminderPage
  empty: string
}): React.JSX.Element {
  const { rows, today, showCustomer, onChanged } = props
  // The kind goes in front of the reason rather than in a column of its own: on a 1280 px
  // screen beside the 工作台's side panel that column's width is what the reason needs.
  const columns: ColumnsType<Reminder> = [
    ...(showCustomer
      ? [
          {
            title: '客户',
            key: 'customer',
            width: 170,
            ellipsis: true,
            render: (_: unknown, r: Reminder) =>
              r.customerId === null ? (
                <Typography.Text type="secondary">全体重要客户</Typography.Text>
              ) : (
                <a href={`#/customers/${r.customerId}`}>{r.customerName}</a>
              ),
          },
        ]
      : []),
    {
      title: '原因',
      dataIndex: 'reason',
      className: 'kq-reminder-reason',
      render: (_, r) => (
        <span data-testid="reminder-reason">
          <Tag color={reminderKindColors[r.kind]} className="kq-reminder-kind">
            {reminderKindLabels[r.kind]}
          </Tag>
          {unbrokenDates(r.reason)}
          {r.contractId !== null && (
            <a href={`#/contracts/${r.contractId}`} className="kq-reminder-contract">
              查看合同
            </a>
          )}
          {r.contactName && r.kind !== 'birthday' ? (
            <Typography.Text type="secondary">（联系人：{r.contactName}）</Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: '到期',
      dataIndex: 'dueDate',
      width: 112,
      render: (_, r) => {
        const overdue = daysBetween(r.dueDate, today) > 0
        return (
          <div className="kq-reminder-due">
            <div>{r.dueDate}</div>
            {r.status === 'pending' || r.status === 'snoozed' ? (
              <Typography.Text type={overdue ? 'danger' : 'secondary'} strong={overdue}>
                {r.status === 'snoozed' && r.snoozedUntil && r.snoozedUntil > today
                  ? `推迟到 ${r.snoozedUntil}`
                  : dueText(r.dueDate, today)}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{reminderStatusLabels[r.status]}</Typography.Text>
            )}
          </div>
        )
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, r) => <ReminderActions reminder={r} onChanged={onChanged} />,
    },
  ]
  return (
    <Table<Reminder>
      className="kq-reminder-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={props.loading}
      locale={{ emptyText: props.empty }}
      pagination={
        props.page && props.page.total > props.page.pageSize
          ? {
              current: props.page.current,
              pageSize: props.page.pageSize,
              total: props.page.total,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 条`,
              onChange: props.page.onChange,
            }
          : false
      }
    />
  )
}

/** A date in a reason (预计成交日期 2024-01-08 已过) stays on one line: a break at its hyphens reads as two numbers. */
function unbrokenDates(text: string): React.ReactNode {
  const parts = text.split(/(\d{4}-\d{2}-\d{2})/)
  if (parts.length === 1) return text
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="kq-nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  )
}

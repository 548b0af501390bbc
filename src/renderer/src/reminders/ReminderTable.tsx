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
  const columns: ColumnsType<Reminder> = [
    {
      title: '类型',
      dataIndex: 'kind',
      width: 96,
      render: (_, r) => <Tag color={reminderKindColors[r.kind]}>{reminderKindLabels[r.kind]}</Tag>,
    },
    ...(showCustomer
      ? [
          {
            title: '客户',
            key: 'customer',
            width: 190,
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
      render: (_, r) => (
        <span data-testid="reminder-reason">
          {r.reason}
          {r.contactName && r.kind !== 'birthday' ? (
            <Typography.Text type="secondary">（联系人：{r.contactName}）</Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: '到期',
      dataIndex: 'dueDate',
      width: 116,
      render: (_, r) => {
        const overdue = daysBetween(r.dueDate, today) > 0
        return (
          <div>
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
      width: 200,
      render: (_, r) => <ReminderActions reminder={r} onChanged={onChanged} />,
    },
  ]
  return (
    <Table<Reminder>
      rowKey="id"
      size="middle"
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

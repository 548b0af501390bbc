import { Button, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { daysBetween } from '../../../shared/dateMath'
import { fromFen, toFen, type Instalment } from '../../../shared/salesContract'
import { formatAmount } from '../activity/activityHelpers'

const dash = <span className="kq-card-empty">—</span>

const stateColors: Record<Instalment['state'], string> = {
  未到期: 'default',
  已收齐: 'green',
  部分收款: 'gold',
  逾期: 'red',
}

export const unpaidOf = (i: Instalment): number => fromFen(toFen(i.amount) - toFen(i.paidAmount))

/** 逾期 12 天 for an instalment past its date with some of it unpaid; its state otherwise. */
function stateText(i: Instalment, today: string): string {
  if (i.state === '逾期') return `逾期 ${daysBetween(i.dueOn, today)} 天`
  return i.state
}

/** 回款计划 as it stands: each 期次's 已收 and 未收 (payments settle them in date order) and how late it is. */
export function InstalmentsTable(props: {
  instalments: Instalment[]
  today: string
  /** 登记回款 against an instalment; absent where the contract takes no payments (草拟, 已终止). */
  onPay?: (instalment: Instalment) => void
}): React.JSX.Element {
  const { today, onPay } = props
  const columns: ColumnsType<Instalment> = [
    { title: '期次', dataIndex: 'seq', width: 64, render: (v: number) => `第 ${v} 期` },
    { title: '计划日期', dataIndex: 'dueOn', width: 104 },
    { title: '计划金额', dataIndex: 'amount', width: 120, align: 'right', render: (v: number) => formatAmount(v) },
    { title: '提醒', dataIndex: 'remindDaysBefore', width: 96, render: (v: number) => `提前 ${v} 天` },
    { title: '已收', dataIndex: 'paidAmount', width: 120, align: 'right', render: (v: number) => formatAmount(v) },
    {
      title: '未收',
      key: 'unpaid',
      width: 120,
      align: 'right',
      render: (_, i) => {
        const unpaid = unpaidOf(i)
        return unpaid > 0 ? <Typography.Text type="danger">{formatAmount(unpaid)}</Typography.Text> : formatAmount(0)
      },
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 104,
      render: (_, i) => (
        <Tag color={stateColors[i.state]} data-testid="instalment-state">
          {stateText(i, today)}
        </Tag>
      ),
    },
    { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? dash },
    ...(onPay
      ? [
          {
            title: '操作',
            key: 'pay',
            width: 92,
            render: (_: unknown, i: Instalment) =>
              unpaidOf(i) > 0 ? (
                <Button size="small" type="link" onClick={() => onPay(i)}>
                  登记回款
                </Button>
              ) : null,
          },
        ]
      : []),
  ]
  return (
    <Table<Instalment>
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={props.instalments}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '尚未制定回款计划，可点击「编辑回款计划」按期填写' }}
    />
  )
}

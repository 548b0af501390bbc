import { Form, Rate, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { calendarLabels } from '../../../../shared/calendarDate'
import { customerKindLabels, type Customer } from '../../../../shared/customer'
import { divisionName } from '../../../../shared/regions'
import { useLiveRefresh } from '../../api/liveUpdates'
import { useQuery } from '../../api/useQuery'
import type { CardField, StatCell } from './cardSections'
import type { CardLookups } from './useCardLookups'

const empty = <span className="kq-card-empty">—</span>

export function formatMoney(value: number): string {
  return `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`
}

/** A read-only cell, laid out like its editable twin so the card keeps its grid. */
export function ValueCell(props: { label: string; tooltip?: string; children: ReactNode }): React.JSX.Element {
  const { label, tooltip, children } = props
  return (
    <Form.Item label={label} tooltip={tooltip}>
      <span className="kq-card-value">{children ?? empty}</span>
    </Form.Item>
  )
}

function fieldContent(field: CardField, customer: Customer, lookups: CardLookups): ReactNode {
  if (field.key === 'groups') {
    return customer.groups.length > 0 ? customer.groups.map((g) => <Tag key={g.id}>{g.name}</Tag>) : null
  }
  const value = customer[field.key]
  if (value === null || value === undefined || value === '') return null
  switch (field.widget.type) {
    case 'dict':
      return typeof value === 'number' ? (lookups.dictLabel(value) ?? null) : null
    case 'division':
      return divisionName(String(value)) ?? String(value)
    case 'kind':
      return customerKindLabels[customer.kind]
    case 'stars':
      return <Rate disabled value={Number(value)} style={{ fontSize: 16 }} />
    case 'yesNo':
      return value ? '是' : '否'
    case 'money':
      return formatMoney(Number(value))
    case 'integer':
      return Number(value).toLocaleString('zh-CN')
    case 'calendarDate':
      return `${String(value)}（${calendarLabels[customer.birthCalendar]}）`
    default:
      return String(value)
  }
}

export function CardFieldValue(props: {
  field: CardField
  customer: Customer
  lookups: CardLookups
}): React.JSX.Element {
  return (
    <ValueCell label={props.field.label} tooltip={props.field.tooltip}>
      {fieldContent(props.field, props.customer, props.lookups)}
    </ValueCell>
  )
}

/** 交易次数 … 最近联系: kept by the app from the transactions and interactions, never typed. */
export function StatValue({ stat, customer }: { stat: StatCell; customer: Customer | undefined }): React.JSX.Element {
  if (stat.key === 'receivable' || stat.key === 'creditExcess') {
    return customer ? (
      <CreditValue label={stat.label} customerId={customer.id} excess={stat.key === 'creditExcess'} />
    ) : (
      <ValueCell label={stat.label}>{null}</ValueCell>
    )
  }
  const value = customer?.[stat.key]
  const content =
    value === null || value === undefined
      ? null
      : stat.key === 'transactionAmount'
        ? formatMoney(Number(value))
        : String(value)
  return <ValueCell label={stat.label}>{content}</ValueCell>
}

/** 应收 and 超额度 from the customer's owed contracts (receivables.customer), computed, never typed. */
function CreditValue(props: { label: string; customerId: number; excess: boolean }): React.JSX.Element {
  const credit = useQuery('receivables.customer', { customerId: props.customerId })
  useLiveRefresh(['records'], credit.reload, { customerId: props.customerId })
  const data = credit.data
  let content: ReactNode = null
  if (credit.error !== undefined) content = <Typography.Text type="secondary">未能读取</Typography.Text>
  else if (data && !props.excess) content = formatMoney(data.receivable)
  else if (data && data.overBy > 0)
    content = <Typography.Text type="danger">超出 {formatMoney(data.overBy)}</Typography.Text>
  else if (data) content = data.creditLimit && data.creditLimit > 0 ? '否' : '未设信用额度'
  return <ValueCell label={props.label}>{content}</ValueCell>
}

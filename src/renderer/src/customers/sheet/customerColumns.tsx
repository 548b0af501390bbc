import type { ColDef, ICellRendererParams } from 'ag-grid-community'
import { Progress, Tag } from 'antd'
import {
  customerDictFields,
  customerFieldKeys,
  customerFieldLabels,
  customerKindLabels,
  type CustomerField,
  type CustomerKind,
} from '../../../../shared/customer'
import { customerDictLabelKeys, defaultSheetColumns, type CustomerListRow } from '../../../../shared/customerList'
import { calendarLabels, type CalendarKind } from '../../../../shared/calendarDate'

type RowKey = keyof CustomerListRow & string

/** The row key a field is shown by: dictionary ids by their label, division codes by their name. */
function displayKey(field: CustomerField): RowKey {
  if (field in customerDictFields) return customerDictLabelKeys[field as keyof typeof customerDictFields]
  if (field === 'provinceCode') return 'provinceName'
  if (field === 'cityCode') return 'cityName'
  if (field === 'districtCode') return 'districtName'
  return field
}

export const dealGradeColors: Record<string, string> = { A: 'red', B: 'orange', C: 'gold', D: 'blue', E: 'default' }

function Stars({ value }: ICellRendererParams<CustomerListRow, number | null>): React.ReactNode {
  if (!value) return null
  return (
    <span style={{ color: '#f5a623', letterSpacing: 1 }} aria-label={`${value} 星`}>
      {'★'.repeat(value)}
      <span style={{ color: '#d9d9d9' }}>{'★'.repeat(5 - value)}</span>
    </span>
  )
}

function GradeTag({ value }: ICellRendererParams<CustomerListRow, string | null>): React.ReactNode {
  return value ? <Tag color={dealGradeColors[value] ?? 'default'}>{value} 级</Tag> : null
}

function CompletenessBar({ value }: ICellRendererParams<CustomerListRow, number>): React.ReactNode {
  if (value === undefined || value === null) return null
  return <Progress percent={value} size="small" status={value < 50 ? 'exception' : 'normal'} format={(p) => `${p}%`} />
}

/** The name opens the customer with one click (a double click anywhere on the row, or Enter, does too). */
function NameLink({ value, data }: ICellRendererParams<CustomerListRow, string>): React.ReactNode {
  if (!data) return value
  return (
    <a href={`#/customers/${data.id}`} className="kq-sheet-name" tabIndex={-1}>
      {value}
    </a>
  )
}

/** 超额度: the amount over the 信用额度 in red, 否 when within it (or no limit is set). */
function CreditExcess({ value, data }: ICellRendererParams<CustomerListRow, number>): React.ReactNode {
  if (!data || value == null) return null
  if (value <= 0) return <span style={{ color: '#8c8c8c' }}>否</span>
  return (
    <Tag color="red" title={`应收超出信用额度 ${money.format(value)} 元`}>
      超 {money.format(value)}
    </Tag>
  )
}

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

const special: Partial<Record<RowKey, Partial<ColDef<CustomerListRow>>>> = {
  name: { width: 240, pinned: 'left', lockPinned: true, cellStyle: { fontWeight: 500 }, cellRenderer: NameLink },
  kind: { width: 100, valueFormatter: (p) => (p.value ? customerKindLabels[p.value as CustomerKind] : '') },
  creditRating: { width: 120, cellRenderer: Stars },
  creditLimit: { type: 'rightAligned', valueFormatter: (p) => (p.value == null ? '' : money.format(p.value)) },
  employeeCount: { type: 'rightAligned', width: 110 },
  hasDecisionPower: { valueFormatter: (p) => (p.value == null ? '' : p.value ? '是' : '否') },
  birthCalendar: { valueFormatter: (p) => (p.value ? calendarLabels[p.value as CalendarKind] : '') },
  dealGradeOverride: { cellRenderer: GradeTag },
  phone: { width: 150 },
  email: { width: 200 },
}

/** Columns that are not customer fields: statistics and derived values. */
const extraColumns: ColDef<CustomerListRow>[] = [
  { colId: 'groups', field: 'groups', headerName: '分组', width: 160, sortable: false },
  { colId: 'contactNames', field: 'contactNames', headerName: '联系人', width: 160 },
  { colId: 'dealGrade', field: 'dealGrade', headerName: '成交级别', width: 100, cellRenderer: GradeTag },
  { colId: 'transactionCount', field: 'transactionCount', headerName: '交易次数', width: 100, type: 'rightAligned' },
  {
    colId: 'transactionAmount',
    field: 'transactionAmount',
    headerName: '交易金额',
    width: 130,
    type: 'rightAligned',
    valueFormatter: (p) => (p.value == null ? '' : money.format(p.value)),
  },
  {
    colId: 'receivable',
    field: 'receivable',
    headerName: '应收',
    width: 130,
    type: 'rightAligned',
    valueFormatter: (p) => (p.value == null ? '' : money.format(p.value)),
  },
  { colId: 'creditExcess', field: 'creditExcess', headerName: '超额度', width: 130, cellRenderer: CreditExcess },
  { colId: 'firstTransactionAt', field: 'firstTransactionAt', headerName: '首次交易', width: 120 },
  { colId: 'lastTransactionAt', field: 'lastTransactionAt', headerName: '最近交易', width: 120 },
  { colId: 'lastContactAt', field: 'lastContactAt', headerName: '最近联系', width: 120 },
  {
    colId: 'completeness',
    field: 'completeness',
    headerName: '资料完整度',
    width: 140,
    cellRenderer: CompletenessBar,
  },
  { colId: 'createdAt', field: 'createdAt', headerName: '创建时间', width: 170 },
  { colId: 'updatedAt', field: 'updatedAt', headerName: '修改时间', width: 170 },
]

/** Shown on first start; the user's own choice is remembered afterwards. */
export const defaultVisibleColumns = new Set<string>(defaultSheetColumns)

/** Every customer field as a column, then the derived ones; the sheet starts with the default set visible. */
const allColumns: ColDef<CustomerListRow>[] = [
  { colId: 'code', field: 'code', headerName: '客户编号', width: 140 },
  ...customerFieldKeys.map((field): ColDef<CustomerListRow> => {
    const key = displayKey(field)
    return {
      colId: key,
      field: key,
      headerName: customerFieldLabels[field],
      width: 130,
      tooltipField: key,
      ...special[key],
    }
  }),
  ...extraColumns,
]

export const customerColumns: ColDef<CustomerListRow>[] = allColumns.map((column) => ({
  ...column,
  hide: !defaultVisibleColumns.has(column.colId ?? ''),
}))

import { customerDictFields, customerFieldKeys, customerFieldLabels, type CustomerField } from './customer'
import { customerDictLabelKeys, type CustomerListRow } from './customerList'

/**
 * The columns the customer sheet can export: the sheet's own column ids (row keys,
 * dictionary fields by their label, 省/市/区 by name) with the header and how the
 * value is written to Excel. The core maps each key through this list; nothing
 * from the request reaches the SQL.
 */

export type SheetColumnKey = keyof CustomerListRow & string

/** How a value is written: real dates, numbers with a format, labels for coded values. */
export type ExportValueKind =
  'text' | 'date' | 'datetime' | 'money' | 'number' | 'integer' | 'percent' | 'kind' | 'yesNo' | 'calendar'

export interface ExportColumn<K extends string = string> {
  key: K
  header: string
  kind: ExportValueKind
  /** Default width in Excel characters. */
  width: number
}

/** The row key a customer field is shown by on the sheet. */
export function customerDisplayKey(field: CustomerField): SheetColumnKey {
  if (field in customerDictFields) return customerDictLabelKeys[field as keyof typeof customerDictFields]
  if (field === 'provinceCode') return 'provinceName'
  if (field === 'cityCode') return 'cityName'
  if (field === 'districtCode') return 'districtName'
  return field
}

const kinds: Partial<Record<SheetColumnKey, ExportValueKind>> = {
  registeredAt: 'date',
  foundedDate: 'date',
  expectedCloseDate: 'date',
  firstTransactionAt: 'date',
  lastTransactionAt: 'date',
  lastContactAt: 'date',
  createdAt: 'datetime',
  updatedAt: 'datetime',
  deletedAt: 'datetime',
  creditLimit: 'money',
  transactionAmount: 'money',
  receivable: 'money',
  creditExcess: 'money',
  employeeCount: 'integer',
  transactionCount: 'integer',
  creditRating: 'integer',
  completeness: 'percent',
  kind: 'kind',
  hasDecisionPower: 'yesNo',
  birthCalendar: 'calendar',
}

const widths: Partial<Record<ExportValueKind, number>> = { date: 12, datetime: 19, money: 14, integer: 10, percent: 11 }
/** Text columns that usually hold more than a word. */
const textWidths: Partial<Record<SheetColumnKey, number>> = {
  name: 30,
  address: 32,
  email: 24,
  website: 24,
  creditCode: 22,
}

const column = (key: SheetColumnKey, header: string, width?: number): ExportColumn<SheetColumnKey> => {
  const kind = kinds[key] ?? 'text'
  return { key, header, kind, width: width ?? textWidths[key] ?? widths[kind] ?? 16 }
}

/** Every exportable column, in the sheet's default order. */
export const customerSheetColumns: ExportColumn<SheetColumnKey>[] = [
  column('code', '客户编号', 16),
  ...customerFieldKeys.map((field) => column(customerDisplayKey(field), customerFieldLabels[field])),
  column('groups', '分组', 20),
  column('contactNames', '联系人', 20),
  column('dealGrade', '成交级别', 10),
  column('transactionCount', '交易次数'),
  column('transactionAmount', '交易金额'),
  column('receivable', '应收'),
  column('creditExcess', '超额度'),
  column('firstTransactionAt', '首次交易'),
  column('lastTransactionAt', '最近交易'),
  column('lastContactAt', '最近联系'),
  column('completeness', '资料完整度'),
  column('createdAt', '创建时间'),
  column('updatedAt', '修改时间'),
  column('deletedAt', '删除时间'),
]

export const customerSheetColumnKeys = customerSheetColumns.map((c) => c.key) as [SheetColumnKey, ...SheetColumnKey[]]

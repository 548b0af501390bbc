import { calendarLabels, type CalendarKind } from './calendarDate'
import { customerDictFields, customerKindLabels, type CustomerField, type CustomerKind } from './customer'
import { divisionName } from './regions'

const divisionFields = new Set<string>(['provinceCode', 'cityCode', 'districtCode'])

/**
 * A customer field's value as people read it (the change history, the merge
 * comparison): dictionary labels, division names, 是/否, 公历/农历; null when empty.
 */
export function displayCustomerValue(field: CustomerField, value: unknown, labels: Map<number, string>): string | null {
  if (value === null || value === undefined || value === '') return null
  if (field in customerDictFields) return labels.get(Number(value)) ?? `#${String(value)}`
  if (divisionFields.has(field)) return divisionName(String(value)) ?? String(value)
  if (field === 'kind') return customerKindLabels[value as CustomerKind] ?? String(value)
  if (field === 'birthCalendar') return calendarLabels[value as CalendarKind] ?? String(value)
  if (field === 'creditRating') return `${String(value)}星`
  if (typeof value === 'boolean') return value ? '是' : '否'
  return String(value)
}

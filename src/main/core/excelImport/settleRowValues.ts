import { calendarLabels, lunarDaysInMonth, parseCalendarDate, type CalendarKind } from '../../../shared/calendarDate'
import type { CalendarCell } from '../../../shared/importCleaning'
import { resolveDivisionNames, resolveDivisionText } from '../regions/regionNames'

export interface RowProblem {
  column: string
  message: string
}

const divisionKeys = { province: 'provinceCode', city: 'cityCode', district: 'districtCode' } as const
const divisionFields = ['provinceCode', 'cityCode', 'districtCode'] as const

/**
 * The values of a row that take more than one column, settled in place before
 * the record is built: 省/市/区 names → codes (or 所在地区 when the three are not
 * given), a date with its 历法 column → date and calendar, and the 纪念日 pair →
 * the contact's importantDates. A value that cannot be settled is dropped and its
 * problem returned, naming the column as headed in the file.
 */
export function settleRowValues(values: Record<string, unknown>, headerOf: (key: string) => string): RowProblem[] {
  const problems: RowProblem[] = []
  settleDivisions(values, headerOf, problems)

  if ('birthDate' in values) {
    const birth = settleDate(values.birthDate as CalendarCell, values.birthCalendar as CalendarKind | undefined)
    if ('error' in birth) {
      problems.push({ column: headerOf('birthDate'), message: birth.error })
      delete values.birthDate
    } else {
      values.birthDate = birth.date
      values.birthCalendar = birth.calendar
    }
  }

  const birthdayCalendar = take(values, 'contact.birthdayCalendar') as CalendarKind | undefined
  if ('contact.birthday' in values) {
    const birthday = settleDate(values['contact.birthday'] as CalendarCell, birthdayCalendar)
    if ('error' in birthday) {
      problems.push({ column: headerOf('contact.birthday'), message: birthday.error })
      delete values['contact.birthday']
    } else values['contact.birthday'] = birthday
  }

  const dateLabel = take(values, 'contact.importantDateLabel') as string | undefined
  if ('contact.importantDates' in values) {
    const date = settleDate(values['contact.importantDates'] as CalendarCell, undefined)
    if ('error' in date) {
      problems.push({ column: headerOf('contact.importantDates'), message: date.error })
      delete values['contact.importantDates']
    } else values['contact.importantDates'] = [{ label: dateLabel ?? '纪念日', ...date }]
  } else if (dateLabel !== undefined) {
    problems.push({ column: headerOf('contact.importantDateLabel'), message: '填写了纪念日名称，但缺少纪念日日期' })
  }
  return problems
}

function take(values: Record<string, unknown>, key: string): unknown {
  if (!(key in values)) return undefined
  const value = values[key]
  Reflect.deleteProperty(values, key)
  return value
}

/** 农历/公历 written with the date wins over the 历法 column, which wins over what the date's wording implies. */
function settleDate(
  cell: CalendarCell,
  column: CalendarKind | undefined,
): { date: string; calendar: CalendarKind } | { error: string } {
  const calendar = cell.stated ? cell.calendar : (column ?? cell.calendar)
  if (!parseCalendarDate(cell.date, calendar)) {
    return {
      error: `${calendarLabels[calendar]}日期「${cell.date}」不存在${calendar === 'lunar' ? lunarReason(cell.date) : ''}`,
    }
  }
  return { date: cell.date, calendar }
}

const lunarMonthNames = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']

/** Why a lunar date with a year does not exist: the year has no such leap month, or the month is short. */
function lunarReason(date: string): string {
  const match = /^(\d{4})-(闰)?(\d{2})-(\d{2})$/.exec(date)
  if (!match) return ''
  const [year, month] = [Number(match[1]), Number(match[3])]
  const days = lunarDaysInMonth(year, match[2] ? -month : month)
  const name = `${match[2] ?? ''}${lunarMonthNames[month - 1] ?? month}月`
  return days === null ? `（农历 ${year} 年没有${name}）` : `（农历 ${year} 年${name}只有 ${days} 天）`
}

function settleDivisions(values: Record<string, unknown>, headerOf: (key: string) => string, problems: RowProblem[]) {
  const combined = take(values, 'divisions') as string | undefined
  const names = {
    province: (values.provinceCode as string | undefined) ?? null,
    city: (values.cityCode as string | undefined) ?? null,
    district: (values.districtCode as string | undefined) ?? null,
  }
  const separate = names.province !== null || names.city !== null || names.district !== null
  if (!separate && combined === undefined) {
    placesOfAddress(values)
    return
  }
  const read = combined === undefined ? null : resolveDivisionText(combined)
  // The three columns, when a row fills any of them, say more than one 所在地区 cell.
  const result = separate || read === null ? resolveDivisionNames(names) : read
  // A street after the names: the cell is the 通讯地址 unless the row has one. Kept whole, as a
  // 通讯地址 is written elsewhere (the card's, the template's example): 北京市朝阳区建国路88号.
  if (combined !== undefined && read?.ok && read.street !== undefined && !('address' in values)) {
    if (combined.length > addressMax) {
      problems.push({ column: headerOf('divisions'), message: `通讯地址不能超过 ${addressMax} 个字` })
    } else values.address = combined
  }
  if (!result.ok) {
    for (const key of divisionFields) if (key in values) Reflect.deleteProperty(values, key)
    problems.push({ column: headerOf(separate ? divisionKeys[result.level] : 'divisions'), message: result.message })
    return
  }
  for (const key of divisionFields) {
    const code = result.codes[key]
    if (code !== null) values[key] = code
    else if (key in values) Reflect.deleteProperty(values, key)
  }
}

/**
 * A row with no 省/市/区 of its own whose 地址 starts with them (广东省广州市天河区体育西路1号,
 * 浦东新区世纪大道100号) takes them from there; the address stays as written. An address
 * that starts otherwise (体育西路1号) is only an address: nothing is guessed, nothing refused.
 */
function placesOfAddress(values: Record<string, unknown>): void {
  if (typeof values.address !== 'string') return
  const read = resolveDivisionText(values.address)
  if (!read.ok) return
  for (const key of divisionFields) {
    const code = read.codes[key]
    if (code !== null) values[key] = code
  }
}

/** As customerCreateInput's 通讯地址. */
const addressMax = 200

/**
 * Cleaning of what real spreadsheets hold (docs/product-rules.md#excel-import): full-width characters, stray
 * spaces, phone numbers stored as numbers, Excel serial dates and text dates,
 * dictionary labels typed slightly differently, yes/no words. Pure: the import
 * preview and commit run the same functions, so what the preview shows is what is saved.
 */

import { splitPhoneText, stripDecoration, tidyPhone } from './cellDecoration'

/** A cell as the readers hand it over: exceljs gives numbers, booleans and Dates, CSV only text. */
export type RawCell = string | number | boolean | Date | null

export type Cleaned<T> = { ok: true; value: T | null } | { ok: false; error: string }

const ok = <T>(value: T | null): Cleaned<T> => ({ ok: true, value })
const fail = <T>(error: string): Cleaned<T> => ({ ok: false, error })

/** Full-width digits, letters, punctuation and the ideographic space to half-width (ＡＢＣ１２３，（） → ABC123,()). */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/**
 * Half-width, no leading/trailing space, runs of spaces, tabs, line breaks and NBSP as one space,
 * without quotes around the whole text or Excel's text-forcing apostrophe (stripDecoration).
 */
export function cleanText(cell: RawCell): string | null {
  if (cell === null) return null
  if (cell instanceof Date) return isoOfDate(cell)
  const text = stripDecoration(
    toHalfWidth(String(cell))
      .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
      .trim(),
  )
  return text === '' ? null : text
}

/**
 * A phone number as text. Excel keeps numbers typed into a cell as numbers, so
 * 13800138000 arrives as a number, sometimes as `1.38001380000E10` text, and a
 * landline loses the 0 of its area code (020-12345678 → 2012345678): put back.
 * Spaces go; a mobile keeps only its digits; a landline keeps its `-`. The
 * first number of a cell that holds several (cleanPhones).
 */
export function cleanPhone(cell: RawCell): string | null {
  return cleanPhones(cell)?.[0] ?? null
}

/** Digits and dashes only: most phone cells, which need none of tidyPhone's readings. */
const plainPhone = /^[\d-]+$/

/**
 * Every number of a phone cell, each as cleanPhone gives it: labels (手机：),
 * country codes (+86), extensions (转801 → -801) and quotes taken off
 * (cellDecoration.splitPhoneText), 13800138000/13900139000 as two.
 */
export function cleanPhones(cell: RawCell): string[] | null {
  if (cell === null || typeof cell === 'boolean' || cell instanceof Date) {
    const text = cleanText(cell)
    return text === null ? null : [text]
  }
  if (typeof cell === 'number') return [tidyPhone(numberDigits(cell), true)]
  const text = cleanText(cell)
  if (text === null) return null
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return [tidyPhone(numberDigits(Number(text)), true)]
  if (plainPhone.test(text)) return [tidyPhone(text)]
  return splitPhoneText(text.replace(/[—–]/g, '-'))
}

function numberDigits(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value)
}

/** A number from a number cell or text such as `1,200.50`, `１２００`, `¥1200`, `1200元`. */
export function cleanNumber(cell: RawCell, label: string): Cleaned<number> {
  if (cell === null) return ok(null)
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail(`${label}不是有效的数字`)
  const text = cleanText(cell)
  if (text === null) return ok(null)
  const stripped = text.replace(/[,\s¥￥]/g, '').replace(/元$/, '')
  const value = Number(stripped)
  return stripped !== '' && Number.isFinite(value) ? ok(value) : fail(`${label}「${text}」不是有效的数字`)
}

const excelEpoch = Date.UTC(1899, 11, 30)
const dayMs = 86_400_000

/** `YYYY-MM-DD` of a Date by its UTC fields: exceljs turns date cells into UTC midnights. */
function isoOfDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return isoOfDate(date)
}

const textDate = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/
const compactDate = /^(\d{4})(\d{2})(\d{2})$/

/**
 * A date as `YYYY-MM-DD` from a date cell, an Excel serial number (45296 = 2024-01-05)
 * or text: 2024-1-5, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105, with or without a time.
 */
export function cleanDate(cell: RawCell, label: string): Cleaned<string> {
  if (cell === null) return ok(null)
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail(`${label}不是有效的日期`) : ok(isoOfDate(cell))
  if (typeof cell === 'number') return serialDate(cell, label)
  const text = cleanText(cell)
  if (text === null) return ok(null)
  if (/^\d{5}(\.\d+)?$/.test(text)) return serialDate(Number(text), label)
  const match = textDate.exec(text) ?? compactDate.exec(text)
  if (!match) return fail(`${label}「${text}」无法识别为日期，请写成 2024-01-05 或 2024年1月5日`)
  const iso = isoOf(Number(match[1]), Number(match[2]), Number(match[3]))
  return iso ? ok(iso) : fail(`${label}「${text}」不是存在的日期`)
}

function serialDate(serial: number, label: string): Cleaned<string> {
  // 1 = 1900-01-01 … 2958465 = 9999-12-31; Excel's phantom 1900-02-29 (60) is before any real record.
  if (!(serial >= 1 && serial < 2958466)) return fail(`${label}「${serial}」不是有效的日期`)
  return ok(isoOfDate(new Date(excelEpoch + Math.floor(serial) * dayMs)))
}

const yesWords = new Set(['是', '有', '对', 'y', 'yes', 'true', '1', '√', '✓', '✔'])
const noWords = new Set(['否', '无', '没有', '不是', '错', 'n', 'no', 'false', '0', '×', '✗', 'x'])

/** 是/否 and the other ways people write yes and no. */
export function cleanYesNo(cell: RawCell, label: string): Cleaned<boolean> {
  if (cell === null) return ok(null)
  if (typeof cell === 'boolean') return ok(cell)
  const text = cleanText(cell)
  if (text === null) return ok(null)
  const word = text.toLowerCase()
  if (yesWords.has(word)) return ok(true)
  if (noWords.has(word)) return ok(false)
  return fail(`${label}「${text}」应填写 是 或 否`)
}

/** The key labels are compared by: half-width, lower case, no spaces at all. */
export function labelKey(label: string): string {
  return toHalfWidth(label).toLowerCase().replace(/\s+/g, '')
}

export interface LabelItem {
  id: number
  label: string
}

export type LabelMatch<T extends LabelItem> = { item: T } | { item: null; suggestions: T[] }

/**
 * The dictionary item a typed label means: the same label after labelKey, else
 * no match but suggestions whose label starts with, contains or is contained in
 * the typed one (the user decides; nothing is guessed silently).
 */
export function matchLabel<T extends LabelItem>(label: string, items: T[]): LabelMatch<T> {
  const key = labelKey(label)
  const exact = items.find((item) => labelKey(item.label) === key)
  if (exact) return { item: exact }
  const scored = items
    .map((item) => {
      const other = labelKey(item.label)
      if (key === '' || other === '') return null
      const rank =
        other.startsWith(key) || key.startsWith(other) ? 0 : other.includes(key) || key.includes(other) ? 1 : 2
      return rank < 2 ? { item, rank } : null
    })
    .filter((s): s is { item: T; rank: number } => s !== null)
    .sort((a, b) => a.rank - b.rank)
  return { item: null, suggestions: scored.slice(0, 5).map((s) => s.item) }
}

/** Picks one of the allowed words (男/女, 已成交 …) after labelKey, or fails naming the choices. */
export function cleanChoice<T extends string>(cell: RawCell, label: string, choices: readonly T[]): Cleaned<T> {
  const text = cleanText(cell)
  if (text === null) return ok(null)
  const found = choices.find((choice) => labelKey(choice) === labelKey(text))
  return found ? ok(found) : fail(`${label}「${text}」应为：${choices.join('、')}`)
}

/** A birthday or 纪念日 as written: `calendar` from 农历/公历 in the text, else lunar for 八月十五-style dates. */
export interface CalendarCell {
  /** In the format of calendarDate.ts: `YYYY-MM-DD`, `MM-DD`, a lunar leap month as `闰04`. */
  date: string
  calendar: 'solar' | 'lunar'
  /** Written in the cell (农历 …), so a 历法 column does not override it. */
  stated: boolean
}

const calendarWords: [RegExp, 'solar' | 'lunar'][] = [
  [/农历|阴历|旧历/, 'lunar'],
  [/公历|阳历|新历/, 'solar'],
]
const calendarWordMarks = /[(（[【]?\s*(?:农历|阴历|旧历|公历|阳历|新历)\s*[)）\]】]?\s*[:：]?/g

/** 公历/农历 and the other words for them (阳历/阴历, 新历/旧历). */
export function cleanCalendarKind(cell: RawCell, label: string): Cleaned<'solar' | 'lunar'> {
  const text = cleanText(cell)
  if (text === null) return ok(null)
  const found = calendarWords.find(([words]) => new RegExp(`^(?:${words.source})$`).test(text))
  return found ? ok(found[1]) : fail(`${label}「${text}」应填写 公历 或 农历`)
}

const numericDay =
  /^(?:(\d{4})\s*[-/.年]\s*)?(闰)?\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/
const chineseDigits = '〇一二三四五六七八九'
const chineseDay =
  /^(?:(\d{4}|[〇零一二三四五六七八九]{4})\s*年)?(闰)?(正|冬|腊|臘|十[一二]?|[一二三四五六七八九])月(.+?)日?$/
const monthWords: Record<string, number> = { 正: 1, 冬: 11, 腊: 12, 臘: 12 }

function chineseNumber(text: string): number | null {
  const digit = (c: string | undefined) => (c === undefined ? -1 : chineseDigits.indexOf(c.replace('零', '〇')))
  const m = /^(初|廿|卅|[一二三]?十)?([一二三四五六七八九十])?$/.exec(text)
  if (!m || text === '') return null
  const [, head, tail] = m
  const unit = tail === undefined ? 0 : tail === '十' ? 10 : digit(tail)
  if (head === undefined) return unit
  if (head === '初') return unit
  if (head === '廿') return tail === undefined ? 20 : tail === '十' ? null : 20 + unit
  if (head === '卅') return tail === undefined ? 30 : null
  if (tail === '十') return null
  const tens = head.length === 1 ? 1 : digit(head[0])
  return tens * 10 + unit
}

function lunarMonthOf(text: string): number | null {
  return monthWords[text] ?? chineseNumber(text)
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * A birthday or 纪念日 in either calendar: what cleanDate reads (date cells,
 * serials, 1990-08-15, 1990年8月15日), without the year (08-15, 8月15日), with
 * 农历/阴历 or 公历/阳历 before or after it (农历1990-08-15, 1990-08-15（农历）,
 * 农历闰四月十五), and lunar dates in words (八月十五, 正月初一, 腊月廿三, 一九九〇年八月十五).
 * Whether the date exists in its calendar is checked once the calendar is settled.
 */
export function cleanCalendarDate(cell: RawCell, label: string): Cleaned<CalendarCell> {
  if (cell === null || cell instanceof Date || typeof cell === 'number') {
    const date = cleanDate(cell, label)
    return date.ok && date.value !== null
      ? ok({ date: date.value, calendar: 'solar', stated: false })
      : (date as Cleaned<never>)
  }
  const text = cleanText(cell)
  if (text === null) return ok(null)
  const stated = calendarWords.find(([words]) => words.test(text))?.[1]
  const rest = text.replace(calendarWordMarks, '').trim()
  const unreadable = fail<CalendarCell>(
    `${label}「${text}」无法识别为日期，请写成 1990-08-15、08-15（不知道年份）或 农历八月十五`,
  )
  if (/^\d{5}(\.\d+)?$/.test(rest) || /^\d{8}$/.test(rest)) {
    const date = cleanDate(rest, label)
    return date.ok && date.value !== null
      ? ok({ date: date.value, calendar: stated ?? 'solar', stated: !!stated })
      : unreadable
  }
  const numeric = numericDay.exec(rest)
  if (numeric) {
    const [, year, leap, month, day] = numeric
    const date = `${year ? `${year}-` : ''}${leap ?? ''}${pad2(Number(month))}-${pad2(Number(day))}`
    return ok({ date, calendar: leap ? 'lunar' : (stated ?? 'solar'), stated: !!stated || !!leap })
  }
  const words = chineseDay.exec(rest)
  if (!words) return unreadable
  const [, yearWords, leap, monthText, dayText] = words
  const month = lunarMonthOf(monthText ?? '')
  const day = /^\d{1,2}$/.test(dayText ?? '') ? Number(dayText) : chineseNumber(dayText ?? '')
  if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return unreadable
  const year = yearWords
    ? [...yearWords].map((c) => (/\d/.test(c) ? c : chineseDigits.indexOf(c.replace('零', '〇')))).join('')
    : null
  const date = `${year ? `${year}-` : ''}${leap ?? ''}${pad2(month)}-${pad2(day)}`
  return ok({ date, calendar: stated ?? 'lunar', stated: !!stated })
}

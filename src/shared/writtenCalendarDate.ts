import { parseCalendarDate, type CalendarKind } from './calendarDate'

/**
 * Birthdays as people write them (八月十五, 腊月初八, 闰四月初一, 1980年八月十五,
 * 1980-8-15, 8月15日) read into the stored form of calendarDate.ts (`1980-08-15`,
 * `闰04-01` …), and a stored lunar date written back the way people read it.
 */

export interface WrittenDate {
  /** The date in the stored format, not yet checked against a calendar. */
  date: string
  /** Written with lunar words (初八, 腊月, 闰 or a leading 农历): only a lunar date reads that way. */
  lunarWords: boolean
}

const digitOf: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

const numeric = /^(?:(\d{4})[-/.年])?(闰)?(\d{1,2})[-/.月](\d{1,2})[日号]?$/
const worded =
  /^(?:(\d{4}|[〇零○一二三四五六七八九]{4})年?)?(闰)?(\d{1,2}|[正元一二三四五六七八九十冬腊]{1,3})月份?(\d{1,2}|[初廿卅一二三四五六七八九十]{1,3})[日号]?$/

/** The parts of what was typed, or null when it does not read as a month and a day. */
export function parseWrittenDate(text: string): WrittenDate | null {
  let rest = text.normalize('NFKC').replace(/\s+/g, '')
  let lunarWords = false
  const prefix = /^(农历|阴历|旧历)/.exec(rest)
  if (prefix) {
    lunarWords = true
    rest = rest.slice(prefix[0].length)
  }
  const match = numeric.exec(rest) ?? worded.exec(rest)
  if (!match) return null
  const [, yearText, leapMark, monthText = '', dayText = ''] = match
  const year = yearText === undefined ? null : /^\d+$/.test(yearText) ? Number(yearText) : yearOfDigits(yearText)
  const month = /^\d+$/.test(monthText) ? Number(monthText) : monthOfWords(monthText)
  const day = /^\d+$/.test(dayText) ? Number(dayText) : dayOfWords(dayText)
  if (year === null && yearText !== undefined) return null
  if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null
  if (leapMark || !/^\d+$/.test(monthText) || !/^\d+$/.test(dayText)) lunarWords = true
  const pad = (n: number): string => String(n).padStart(2, '0')
  const date = `${year === null ? '' : `${year}-`}${leapMark ? '闰' : ''}${pad(month)}-${pad(day)}`
  return { date, lunarWords }
}

/** What was typed as a date of `calendar` in the stored format, or null when it is no such date. */
export function readCalendarDate(text: string, calendar: CalendarKind): string | null {
  const written = parseWrittenDate(text)
  if (!written || (written.lunarWords && calendar !== 'lunar')) return null
  return parseCalendarDate(written.date, calendar) ? written.date : null
}

const monthNames = ['正月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '冬月', '腊月']

export function lunarMonthName(month: number): string {
  return monthNames[month - 1] ?? `${month}月`
}

export function lunarDayName(day: number): string {
  if (day <= 10) return `初${tens(day)}`
  if (day < 20) return `十${tens(day - 10)}`
  if (day === 20) return '二十'
  if (day < 30) return `廿${tens(day - 20)}`
  return '三十'
}

/** A stored lunar date the way people say it: 1980年八月十五, 闰四月初一. The text itself when it is not one. */
export function writtenLunarDate(date: string): string {
  const parsed = parseCalendarDate(date, 'lunar')
  if (!parsed) return date
  const year = parsed.year === null ? '' : `${parsed.year}年`
  return `${year}${parsed.leap ? '闰' : ''}${lunarMonthName(parsed.month)}${lunarDayName(parsed.day)}`
}

function tens(n: number): string {
  return ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][n] ?? ''
}

function yearOfDigits(text: string): number | null {
  let year = 0
  for (const char of text) {
    const digit = digitOf[char]
    if (digit === undefined) return null
    year = year * 10 + digit
  }
  return year
}

function monthOfWords(text: string): number | null {
  if (text === '正' || text === '元') return 1
  if (text === '冬') return 11
  if (text === '腊') return 12
  return chineseNumber(text)
}

function dayOfWords(text: string): number | null {
  if (text.startsWith('初')) {
    const n = chineseNumber(text.slice(1))
    return n !== null && n <= 10 ? n : null
  }
  if (text === '卅') return 30
  if (text.startsWith('廿')) {
    const rest = text.slice(1)
    const n = rest === '' ? 0 : chineseNumber(rest)
    return n !== null && n < 10 ? 20 + n : null
  }
  return chineseNumber(text)
}

/** 一 … 九, 十, 十五, 二十, 二十三, 三十: the numbers a month or a day is written with. */
function chineseNumber(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text)
  if (!match || text === '') return null
  const [, first, ten, last] = match
  if (!ten) return first && !last ? (digitOf[first] ?? null) : null
  return (first ? (digitOf[first] ?? 0) : 1) * 10 + (last ? (digitOf[last] ?? 0) : 0)
}

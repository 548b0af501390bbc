import { Lunar, Solar } from 'lunar-typescript'
import { lunarDaysInMonth, parseCalendarDate, type CalendarKind } from './calendarDate'
import { addDays, daysBetween } from './dateMath'
import { nextSolarOccurrence } from './nextSolarOccurrence'

/**
 * Date arithmetic of the reminder rules, on `YYYY-MM-DD` strings (the form the
 * database keeps), in UTC so no time zone or DST shift can move a day.
 */

/** 逾期 3 天 / 今天到期 / 2 天后: how a due date reads on a given day. */
export function dueText(dueDate: string, today: string): string {
  const days = daysBetween(dueDate, today)
  if (days > 0) return `逾期 ${days} 天`
  if (days === 0) return '今天到期'
  return days === -1 ? '明天' : `${-days} 天后`
}

/**
 * The month-day keys (`MM-DD`, the last five characters of a stored date) that may
 * fall within [today, today + days]: a superset that the birthday rule narrows
 * with nextSolarOccurrence, so the SQL can look dates up by an indexed key.
 * - solar 29 Feb in a common year is celebrated on 28 Feb (nextSolarOccurrence's rule),
 *   so a window holding 28 Feb of a common year also asks for 02-29;
 * - a lunar day 30 in a 29-day month falls on the 29th, so the 29th also asks for 30;
 * - leap-month dates (闰MM-DD) share the key of their month number.
 */
export function birthdayKeys(today: string, days: number): Record<CalendarKind, string[]> {
  const solar = new Set<string>()
  const lunar = new Set<string>()
  for (let i = 0; i <= days; i++) {
    const date = addDays(today, i)
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    const md = date.slice(5)
    solar.add(md)
    if (md === '02-28' && !isLeapYear(y)) solar.add('02-29')
    const l = Solar.fromYmd(y, m, d).getLunar()
    const month = Math.abs(l.getMonth())
    lunar.add(`${pad(month)}-${pad(l.getDay())}`)
    if (l.getDay() === 29 && lunarDaysInMonth(l.getYear(), l.getMonth()) === 29) lunar.add(`${pad(month)}-30`)
  }
  return { solar: [...solar].sort(), lunar: [...lunar].sort() }
}

/**
 * Next occurrences by (month-day, calendar, today). The birth year plays no part in
 * it, and a lunar conversion costs milliseconds (lunar-typescript builds the year's
 * solar terms), so a scan over thousands of birthdays sharing a few dates converts each once.
 */
const occurrences = new Map<string, string>()
const maxRemembered = 10_000

/** The solar date of the next occurrence when it lies within [today, today + days], else null. */
export function occurrenceWithin(date: string, calendar: CalendarKind, today: string, days: number): string | null {
  if (!parseCalendarDate(date, calendar)) return null
  const key = `${date.replace(/^\d{4}-/, '')}|${calendar}|${today}`
  let next = occurrences.get(key)
  if (next === undefined) {
    if (occurrences.size >= maxRemembered) occurrences.clear()
    next = nextSolarOccurrence(date, calendar, today)
    occurrences.set(key, next)
  }
  return next <= addDays(today, days) ? next : null
}

/** How a person's date reads: 农历八月十五 / 公历 3 月 8 日. */
export function calendarDateText(date: string, calendar: CalendarKind): string {
  const parsed = parseCalendarDate(date, calendar)
  if (!parsed) return date
  if (calendar === 'solar') return `${parsed.month}月${parsed.day}日`
  const lunar = Lunar.fromYmd(2000, parsed.month, Math.min(parsed.day, 29))
  const day = parsed.day === 30 ? '三十' : lunar.getDayInChinese()
  return `农历${parsed.leap ? '闰' : ''}${lunar.getMonthInChinese()}月${day}`
}

/** Age reached on a solar birthday whose year is known; null for lunar dates or unknown years. */
export function ageOn(date: string, calendar: CalendarKind, occurrence: string): number | null {
  const parsed = parseCalendarDate(date, calendar)
  if (!parsed || parsed.year === null || calendar !== 'solar') return null
  const age = Number(occurrence.slice(0, 4)) - parsed.year
  return age > 0 ? age : null
}

export interface Festival {
  name: string
  date: string
  calendar: CalendarKind
}

/** The festivals an office greets its customers on; the lunar ones move every year. */
export const festivals: readonly Festival[] = [
  { name: '元旦', date: '01-01', calendar: 'solar' },
  { name: '春节', date: '01-01', calendar: 'lunar' },
  { name: '元宵节', date: '01-15', calendar: 'lunar' },
  { name: '端午节', date: '05-05', calendar: 'lunar' },
  { name: '中秋节', date: '08-15', calendar: 'lunar' },
  { name: '重阳节', date: '09-09', calendar: 'lunar' },
  { name: '国庆节', date: '10-01', calendar: 'solar' },
]

/** Festivals falling within [today, today + days], with their solar date this time. */
export function festivalsWithin(today: string, days: number): { name: string; date: string; text: string }[] {
  const found: { name: string; date: string; text: string }[] = []
  for (const festival of festivals) {
    const date = occurrenceWithin(festival.date, festival.calendar, today, days)
    if (date) found.push({ name: festival.name, date, text: calendarDateText(festival.date, festival.calendar) })
  }
  return found.sort((a, b) => a.date.localeCompare(b.date))
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

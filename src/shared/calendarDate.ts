import { LunarYear } from 'lunar-typescript'
import { z } from 'zod'

/**
 * Dates of people (birthdays, anniversaries) are kept as the person knows them:
 * in the solar (公历) or the lunar (农历) calendar, with or without the year.
 *
 * Format of `date`:
 * - `YYYY-MM-DD` or, when the year is unknown, `MM-DD` (e.g. a spouse's birthday);
 * - lunar dates use the lunar month and day numbers (`1985-08-15` = 八月十五);
 *   a date in a leap month (闰月) writes `闰` before the month: `2020-闰04-15`.
 * A solar `MM-DD` may be `02-29`; a lunar day may be 30 even though some years'
 * month has 29 days (the occurrence falls on the 29th then, see nextSolarOccurrence).
 */
export const calendarKinds = ['solar', 'lunar'] as const
export type CalendarKind = (typeof calendarKinds)[number]
export const calendarLabels: Record<CalendarKind, string> = { solar: '公历', lunar: '农历' }

export const calendarSchema = z.enum(calendarKinds, { error: '历法只能是公历（solar）或农历（lunar）' })

export interface ParsedCalendarDate {
  year: number | null
  month: number
  day: number
  /** A lunar leap month (闰月). */
  leap: boolean
}

const pattern = /^(?:(\d{4})-)?(闰)?(\d{2})-(\d{2})$/

/** The parts of a date in the format above, or null when it is not a real date of that calendar. */
export function parseCalendarDate(date: string, calendar: CalendarKind): ParsedCalendarDate | null {
  const match = pattern.exec(date)
  if (!match) return null
  const year = match[1] ? Number(match[1]) : null
  const leap = Boolean(match[2])
  const month = Number(match[3])
  const day = Number(match[4])
  if (month < 1 || month > 12 || day < 1) return null
  if (calendar === 'solar') {
    if (leap) return null
    if (day > solarDaysInMonth(year ?? 2000, month)) return null
    if (year !== null && (year < 1800 || year > 2200)) return null
    return { year, month, day, leap }
  }
  if (day > 30) return null
  if (year !== null) {
    // With a year the lunar month must exist (a leap month only in its year) and hold the day.
    const days = lunarDaysInMonth(year, leap ? -month : month)
    if (days === null || day > days) return null
  }
  return { year, month, day, leap }
}

export function solarDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Per `year:month`, filled a whole lunar year at a time: lunar-typescript keeps
 * only the last year it computed (about 1 ms each), so an import's birthdays of
 * many years took that per date without this.
 */
const lunarMonthDays = new Map<string, number | null>()

/** Days of a lunar month (negative month = leap month), or null when that month does not exist. */
export function lunarDaysInMonth(year: number, month: number): number | null {
  const key = `${year}:${month}`
  const known = lunarMonthDays.get(key)
  if (known !== undefined) return known
  try {
    const months = LunarYear.fromYear(year).getMonthsInYear()
    // Bounded by the years people are born in and celebrate: a few thousand entries at most.
    if (lunarMonthDays.size < 100_000) {
      for (let m = 1; m <= 12; m++) lunarMonthDays.set(`${year}:${m}`, null).set(`${year}:${-m}`, null)
      for (const found of months) lunarMonthDays.set(`${year}:${found.getMonth()}`, found.getDayCount())
    }
    return months.find((found) => found.getMonth() === month)?.getDayCount() ?? null
  } catch {
    return null
  }
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real solar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = isoPattern.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= solarDaysInMonth(year, month) && year >= 1800 && year <= 2200
}

/** `{date, calendar}`: a birthday or an important date, as described at the top of this file. */
export const calendarDateSchema = z
  .strictObject(
    {
      date: z.string({ error: '日期必须是文字' }).trim(),
      calendar: calendarSchema.default('solar'),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? '日期只能包含 date 和 calendar' : '日期格式不正确') },
  )
  .superRefine((value, ctx) => {
    if (!parseCalendarDate(value.date, value.calendar)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: calendarDateMessage(value.calendar) })
    }
  })
export type CalendarDate = z.output<typeof calendarDateSchema>

export function calendarDateMessage(calendar: CalendarKind): string {
  return calendar === 'solar'
    ? '公历日期应写成 YYYY-MM-DD（如 1985-03-08），不知道年份可写 MM-DD'
    : '农历日期应写成 YYYY-MM-DD（如 1985-08-15 表示八月十五），闰月写成 2020-闰04-15，不知道年份可写 MM-DD，且该农历日期须存在'
}

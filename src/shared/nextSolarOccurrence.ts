import { Lunar, LunarYear, Solar } from 'lunar-typescript'
import { lunarDaysInMonth, parseCalendarDate, type CalendarKind } from './calendarDate'

/**
 * The first solar date on or after `today` (YYYY-MM-DD) on which a birthday or
 * anniversary (see calendarDate.ts for the format) falls. Rules, as most
 * families keep them:
 * - solar 29 Feb in a common year → 28 Feb;
 * - lunar day 30 in a year whose month has 29 days → the 29th (the month's last day);
 * - a date in a lunar leap month (`闰04-15`) → that leap month in years that have
 *   it, otherwise the ordinary month of the same number; an ordinary-month date
 *   always stays in the ordinary month.
 * Throws on a date that is not in the format (inputs are validated at the boundary).
 */
export function nextSolarOccurrence(date: string, calendar: CalendarKind, today: string): string {
  const parsed = parseCalendarDate(date, calendar)
  if (!parsed) throw new Error(`not a ${calendar} date: ${date}`)
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  const candidates =
    calendar === 'solar'
      ? [year, year + 1].map((y) => solarInYear(y, parsed.month, parsed.day))
      : lunarYearsAround(year, month, day).map((y) => lunarInYear(y, parsed.month, parsed.day, parsed.leap))
  const next = candidates.filter((c) => c >= today).sort()[0]
  if (!next) throw new Error(`no occurrence of ${date} after ${today}`)
  return next
}

function solarInYear(year: number, month: number, day: number): string {
  const leapYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const safeDay = month === 2 && day === 29 && !leapYear ? 28 : day
  return `${year}-${pad(month)}-${pad(safeDay)}`
}

/** The lunar year of today, the one before (its 12th month can fall in this solar year) and the next. */
function lunarYearsAround(year: number, month: number, day: number): number[] {
  const lunarYear = Solar.fromYmd(year, month, day).getLunar().getYear()
  return [lunarYear - 1, lunarYear, lunarYear + 1]
}

function lunarInYear(year: number, month: number, day: number, leap: boolean): string {
  const useLeap = leap && LunarYear.fromYear(year).getLeapMonth() === month
  const lunarMonth = useLeap ? -month : month
  const days = lunarDaysInMonth(year, lunarMonth) ?? 29
  return Lunar.fromYmd(year, lunarMonth, Math.min(day, days)).getSolar().toYmd()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

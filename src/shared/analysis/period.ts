/**
 * Analysis periods. A period is the half-open range [from, to) of `YYYY-MM-DD`
 * dates, so consecutive periods never share a day and `date >= from AND date < to`
 * is the one SQL test for "in the period".
 */
import { addDays, daysBetween } from '../dateMath'

export interface Period {
  from: string
  to: string
}

export const periodKinds = ['year', 'quarter', 'month', 'custom'] as const
export type PeriodKind = (typeof periodKinds)[number]
export const periodKindLabels: Record<PeriodKind, string> = { year: '年', quarter: '季', month: '月', custom: '自定义' }

function monthStart(year: number, month: number): string {
  const total = year * 12 + month - 1
  const y = Math.floor(total / 12)
  return `${String(y).padStart(4, '0')}-${String(total - y * 12 + 1).padStart(2, '0')}-01`
}

/** The year, quarter (1–4) or month (1–12) `index` of `year`. */
export function calendarPeriod(kind: Exclude<PeriodKind, 'custom'>, year: number, index = 1): Period {
  if (kind === 'year') return { from: monthStart(year, 1), to: monthStart(year + 1, 1) }
  const months = kind === 'quarter' ? 3 : 1
  const first = (index - 1) * months + 1
  return { from: monthStart(year, first), to: monthStart(year, first + months) }
}

/**
 * The period just before: the previous year, quarter or month for a calendar
 * period; for a custom range, the same number of days ending where it starts.
 */
export function previousPeriod(period: Period, kind: PeriodKind): Period {
  if (kind !== 'custom') {
    const [y, m] = period.from.split('-').map(Number) as [number, number]
    const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1
    return { from: monthStart(y, m - months), to: period.from }
  }
  return { from: addDays(period.from, -daysBetween(period.from, period.to)), to: period.from }
}

/** `count` consecutive periods of the kind, the last being `last`, oldest first. */
export function recentPeriods(last: Period, kind: PeriodKind, count: number): Period[] {
  const periods = [last]
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] as Period, kind))
  return periods
}

/** How the office names a period: 2026年, 2026年第1季度, 2026年3月, or 2026-01-05 至 2026-02-04. */
export function periodLabel(period: Period, kind: PeriodKind): string {
  const [y, m] = period.from.split('-').map(Number) as [number, number]
  if (kind === 'year') return `${y}年`
  if (kind === 'quarter') return `${y}年第${Math.ceil(m / 3)}季度`
  if (kind === 'month') return `${y}年${m}月`
  return `${period.from} 至 ${addDays(period.to, -1)}`
}

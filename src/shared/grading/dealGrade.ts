import type { dealGrades, demandStatuses } from '../customer'

export type DemandStatus = (typeof demandStatuses)[number]
export type DealGrade = (typeof dealGrades)[number]

export interface DealGradeInput {
  demandStatus: DemandStatus | null
  /** `YYYY-MM-DD`, or null when not yet known. */
  expectedCloseDate: string | null
}

export interface DealGradeResult {
  grade: DealGrade | null
  /** A clear need whose expected closing date is already past (graded A, flagged). */
  overdue: boolean
  /** Why, in Chinese, for a tooltip. */
  reason: string
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * The calendar date `months` months after `date` (`YYYY-MM-DD`). A day the target
 * month lacks is clamped to its last day (31 Jan + 1 month = 28/29 Feb), the same
 * as dayjs's `add(n, 'month')`, which the customer list's SQL uses for its bounds:
 * the two must agree or the sheet and the customer card would show different grades.
 */
export function addCalendarMonths(date: string, months: number): string {
  const match = isoPattern.exec(date)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months
  const year = Math.floor(total / 12)
  const month = total - year * 12 + 1
  const day = Math.min(Number(match[3]), daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Months of 明确需求 graded A, B and C: "within N months" = on or before today + N calendar months. */
const gradeMonths: readonly (readonly [DealGrade, number])[] = [
  ['A', 1],
  ['B', 3],
  ['C', 6],
]

/**
 * 成交级别 (docs/product-rules.md#deal-grade), without the user's override:
 * - 无需求 → E; 潜在需求 → D; no demand status → null (not graded);
 * - 明确需求 without a date → D (until a date is set);
 * - 明确需求 with a date before today → A and overdue (the deal is late, so it is the most urgent);
 * - otherwise A/B/C when the date is on or before today + 1/3/6 calendar months
 *   (inclusive, month ends clamped as in addCalendarMonths), else D.
 * Dates are compared as `YYYY-MM-DD` strings, exactly as customerListQuery's SQL does.
 */
export function computeDealGrade(input: DealGradeInput, today: string): DealGradeResult {
  const { demandStatus, expectedCloseDate } = input
  if (demandStatus === null) return { grade: null, overdue: false, reason: '未填需求状况' }
  if (demandStatus === '无需求') return { grade: 'E', overdue: false, reason: '无需求（死亡客户）' }
  if (demandStatus === '潜在需求') return { grade: 'D', overdue: false, reason: '潜在需求' }
  if (expectedCloseDate === null) return { grade: 'D', overdue: false, reason: '明确需求，未填预计成交日期' }
  if (expectedCloseDate < today) {
    return { grade: 'A', overdue: true, reason: `明确需求，预计成交日期 ${expectedCloseDate} 已过` }
  }
  for (const [grade, months] of gradeMonths) {
    if (expectedCloseDate <= addCalendarMonths(today, months)) {
      return { grade, overdue: false, reason: `明确需求，预计 ${months} 个月内成交` }
    }
  }
  return { grade: 'D', overdue: false, reason: '明确需求，预计 6 个月后才成交' }
}

export type Urgency = '紧急' | '缓急' | '不紧急' | '可慢反应'

/**
 * Urgency of the next action (docs/product-rules.md#urgency, seed 001's 紧急/缓急/不紧急/可慢反应):
 * ≤ 7 days 紧急, ≤ 30 days 缓急 ("1 month" counted as 30 days, since this is a
 * day count, not a date), ≤ 90 days 不紧急, later 可慢反应. A negative count (the
 * action is late) is 紧急.
 */
export function urgency(daysUntilNextAction: number): Urgency {
  if (daysUntilNextAction <= 7) return '紧急'
  if (daysUntilNextAction <= 30) return '缓急'
  if (daysUntilNextAction <= 90) return '不紧急'
  return '可慢反应'
}

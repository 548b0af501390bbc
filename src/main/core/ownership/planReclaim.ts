import type { DealGrade, DemandStatus } from '../../../shared/grading/dealGrade'
import { computeDealGrade } from '../../../shared/grading/dealGrade'
import type { valueClasses } from '../../../shared/customer'
import type { ReclaimRule } from '../../../shared/ownership'
import { addDays, daysBetween } from '../../../shared/dateMath'

type ValueClass = (typeof valueClasses)[number]

/** What the 回收规则 looks at of one owned, live customer. */
export interface ReclaimCandidate {
  id: number
  /** `YYYY-MM-DD`: the last 交往记录, or the registration day when there is none. */
  lastContact: string
  demandStatus: DemandStatus | null
  expectedCloseDate: string | null
  dealGradeOverride: DealGrade | null
  valueClass: ValueClass | null
  /** A 项目 of this customer not yet 签约 or 失败. */
  hasOpenProject: boolean
  /** `YYYY-MM-DD` of the latest 交易记录, or null. */
  lastSale: string | null
}

export interface ReclaimWarning {
  id: number
  lastContact: string
  /** The day the warning is due: `warnDaysBefore` before the move. Stable, so a rerun adds nothing. */
  warnDate: string
  reclaimDate: string
  days: number
}

export interface ReclaimPlan {
  reclaim: number[]
  warn: ReclaimWarning[]
}

/**
 * The 回收规则 as of `today` (docs/product-rules.md#ownership): a customer with no
 * 交往记录 for its level's N days goes back to the 公海 on day lastContact + N, and its
 * owner is warned from day lastContact + N − warnDaysBefore. A level without N, an open
 * 项目 (when exempted) or a 交易 within exemptRecentSaleDays keeps the customer where it is.
 * Pure: the runner loads the candidates and writes the outcome.
 */
export function planReclaim(today: string, rule: ReclaimRule, candidates: readonly ReclaimCandidate[]): ReclaimPlan {
  const plan: ReclaimPlan = { reclaim: [], warn: [] }
  if (!rule.enabled) return plan
  for (const customer of candidates) {
    const days = daysFor(rule, customer, today)
    if (days === null || isExempt(rule, customer, today)) continue
    const reclaimDate = addDays(customer.lastContact, days)
    const warnDate = addDays(reclaimDate, -rule.warnDaysBefore)
    if (today >= reclaimDate) plan.reclaim.push(customer.id)
    else if (today >= warnDate)
      plan.warn.push({ id: customer.id, lastContact: customer.lastContact, warnDate, reclaimDate, days })
  }
  return plan
}

/** The fewest days any level is given: no customer contacted more recently than this (less the warning) can be due. */
export function shortestDays(rule: ReclaimRule): number | null {
  const days = Object.values(rule.basis === 'dealGrade' ? rule.daysByDealGrade : rule.daysByValueClass)
  return days.length === 0 ? null : Math.min(...days)
}

function daysFor(rule: ReclaimRule, customer: ReclaimCandidate, today: string): number | null {
  if (rule.basis === 'valueClass') {
    return customer.valueClass === null ? null : (rule.daysByValueClass[customer.valueClass] ?? null)
  }
  const grade =
    customer.dealGradeOverride ??
    computeDealGrade({ demandStatus: customer.demandStatus, expectedCloseDate: customer.expectedCloseDate }, today)
      .grade
  return grade === null ? null : (rule.daysByDealGrade[grade] ?? null)
}

function isExempt(rule: ReclaimRule, customer: ReclaimCandidate, today: string): boolean {
  if (rule.exemptOpenProjects && customer.hasOpenProject) return true
  return (
    rule.exemptRecentSaleDays !== null &&
    customer.lastSale !== null &&
    daysBetween(customer.lastSale, today) <= rule.exemptRecentSaleDays
  )
}

import type { PastCycleRow, RetentionOutput, RetentionPeriod } from '../../../shared/analysis/analysisOutputs'
import type { Period } from '../../../shared/analysis/period'
import { daysBetween } from '../../../shared/dateMath'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'
import { cents, shareOf } from './analysisMath'
import { andScopeSql, liveCustomerSalesSql, parameters, type Param } from './customerSalesSql'

/**
 * 保持与流失 over consecutive periods (oldest first). For each period after the
 * first: the customers who bought in it, those of the period before who bought
 * again (保持) or did not (流失), and the new customers, whose 首次交易 falls in it; of the customers
 * the caller sees.
 */
export async function retentionPeriods(db: SqlReader, caller: Caller, periods: Period[]): Promise<RetentionPeriod[]> {
  const first = periods[0]
  const last = periods[periods.length - 1]
  if (!first || !last) return []
  // Each live customer's periods with a purchase as a bit mask (masksSql); customers sharing a mask
  // are then counted together, and one pass over the masks sums every period's buyers and retained
  // (a pass per period and figure cost 0.7 s at 37 months, when nearly every customer has a mask of
  // its own). The new customers are a COUNT over an index range per period: joined and grouped by
  // period instead, their rows went through a sort (~0.1 s at 100,000).
  const { values, param } = parameters()
  const scope = andScopeSql(param, caller)
  const later = periods.slice(1)
  const figures = [
    ...periods.map((_, i) => `TOTAL(n * ((mask >> ${i}) & 1)) AS buyers${i}`),
    ...later.map((_, j) => `TOTAL(n * ((mask >> ${j + 1}) & (mask >> ${j}) & 1)) AS retained${j + 1}`),
    ...later.map(
      (p, j) =>
        `(SELECT COUNT(*) FROM customer c INDEXED BY customer_first_transaction
          WHERE c.deleted_at IS NULL AND c.first_transaction_at >= ${param(p.from)}
            AND c.first_transaction_at < ${param(p.to)}${scope}) AS fresh${j + 1}`,
    ),
  ]
  const row = await db.first<Record<string, number>>(
    `WITH m AS (${masksSql(param, caller, periods, { from: first.from, to: last.to })}),
       masks AS MATERIALIZED (SELECT mask, COUNT(*) AS n FROM m GROUP BY mask)
     SELECT ${figures.join(',\n')} FROM masks`,
    values,
  )
  const figure = (name: string) => row?.[name] ?? 0
  return later.map((period, index) => {
    const i = index + 1
    const now = figure(`buyers${i}`)
    const before = figure(`buyers${i - 1}`)
    const retained = figure(`retained${i}`)
    const newCustomers = figure(`fresh${i}`)
    return {
      from: period.from,
      to: period.to,
      buyers: now,
      previousBuyers: before,
      retained,
      churned: before - retained,
      retentionRate: before === 0 ? null : shareOf(retained, before),
      churnRate: before === 0 ? null : shareOf(before - retained, before),
      newCustomers,
      newGrowth: before === 0 ? null : shareOf(newCustomers, before),
    }
  })
}

/**
 * Up to seekPeriods periods this long or longer are looked up per customer (seekMasksSql); more, or
 * shorter ones, are read from the sales (scanMasksSql). A lookup costs the same whatever a period
 * holds, so it wins when the periods hold many sales, and loses as their number grows. retentionPeriods
 * on 100,000 customers with 1,000,000 sales over three years, CPU looked up against read: 4 years
 * 0.31 s against 0.43, 6 years 0.39 against 0.46, 8 years 0.47 against 0.48, 12 years 0.63 against
 * 0.50; 7 quarters 0.43 against 0.44, 10 quarters 0.59 against 0.53; 7 months 0.38 against 0.27,
 * 13 months 0.70 against 0.41.
 */
const seekFromDays = 60
const seekPeriods = 8

/** Per live customer in the caller's scope: `mask`, bit i set when it bought in `periods[i]`. */
function masksSql(param: Param, caller: Caller, periods: Period[], window: Period): string {
  const days = periods.reduce((sum, p) => sum + daysBetween(p.from, p.to), 0) / periods.length
  return days >= seekFromDays && periods.length <= seekPeriods
    ? seekMasksSql(param, caller, periods, window)
    : scanMasksSql(param, caller, periods, window)
}

/**
 * Whether the customer bought in each period as an EXISTS over sale_customer_cover: one seek per
 * customer and period, whatever the period holds, instead of reading every sale. Customers with no
 * sale in the whole window (a third of them over four years) take one seek.
 */
function seekMasksSql(param: Param, caller: Caller, periods: Period[], window: Period): string {
  const bought = (from: string, to: string) =>
    `EXISTS (SELECT 1 FROM sale s INDEXED BY sale_customer_cover
       WHERE s.customer_id = c.id AND s.date >= ${param(from)} AND s.date < ${param(to)})`
  const bits = periods.map((p, i) => `(${bought(p.from, p.to)} << ${i})`).join(' | ')
  return `SELECT CASE WHEN ${bought(window.from, window.to)} THEN ${bits} ELSE 0 END AS mask
    FROM customer c WHERE c.deleted_at IS NULL${andScopeSql(param, caller)}`
}

/**
 * One pass over the window's sales in customer order (liveCustomerSalesSql), the bitwise OR of the
 * customer's sales' bits being SUM(DISTINCT) of them. A sale's bit comes from a CASE that halves the
 * (ordered, not overlapping) periods at each step, so a sale costs a few comparisons however many
 * periods there are (a CASE down the list, newest first, cost a fifth more at thirteen months; a
 * join with the periods per sale three times as much). A period's end is compared only where a gap
 * follows it: else the next period's start, or the window's end, already bounds the sale.
 */
function scanMasksSql(param: Param, caller: Caller, periods: Period[], window: Period): string {
  const leaf = (i: number) => {
    const to = periods[i]?.to ?? ''
    return i === periods.length - 1 || periods[i + 1]?.from === to ? `${2 ** i}` : `((s.date < ${param(to)}) << ${i})`
  }
  // The sale is on or after periods[lo].from and before periods[hi + 1].from (or the window's end).
  const bit = (lo: number, hi: number): string => {
    if (lo === hi) return leaf(lo)
    const mid = Math.floor((lo + hi) / 2) + 1
    return `CASE WHEN s.date >= ${param(periods[mid]?.from)} THEN ${bit(mid, hi)} ELSE ${bit(lo, mid - 1)} END`
  }
  return `SELECT SUM(DISTINCT ${bit(0, periods.length - 1)}) AS mask
    ${liveCustomerSalesSql(param, caller, window.from, window.to)}
    GROUP BY s.customer_id`
}

/** The WHERE of pastPurchaseCycle keeps cycle_days and last_transaction_at from being NULL. */
interface PastCycleDbRow {
  id: number
  name: string
  label: string
  cycle_days: number
  last_transaction_at: string
  transaction_amount: number
  days_since: number
}

/**
 * Customers past their purchase cycle on `asOf`: they have bought before and the
 * days since 最近交易 reach the cycle of their 购买策略 (the same rule as the
 * 业务下滑提醒), most overdue first; of the customers the caller sees.
 */
export async function pastPurchaseCycle(
  db: SqlReader,
  caller: Caller,
  asOf: string,
  limit: number,
): Promise<RetentionOutput['pastCycle']> {
  const scope = andCustomerScope(caller)
  // Per 购买策略 with a cycle, a range of customer_sales_decline_scan: last_transaction_at before the day
  // after asOf − cycle, which the julianday condition implies (for a date, or a date with a time), so
  // the rows are the same; without it every live customer was read (~3× the time at 100,000).
  const where = `FROM dict_item d CROSS JOIN customer c INDEXED BY customer_sales_decline_scan
      ON c.purchase_strategy_id = d.id
    WHERE c.deleted_at IS NULL AND c.last_transaction_at IS NOT NULL AND d.cycle_days IS NOT NULL
      AND c.last_transaction_at <= ?1 AND c.last_transaction_at < date(?1, '+1 day', '-' || d.cycle_days || ' days')
      AND julianday(?1) - julianday(c.last_transaction_at) >= d.cycle_days${scope.sql}`
  const count = await db.first<{ n: number }>(`SELECT COUNT(*) AS n ${where}`, [asOf, ...scope.params])
  const raws = await db.all<PastCycleDbRow>(
    `SELECT c.id, c.name, d.label, d.cycle_days, c.last_transaction_at, c.transaction_amount,
       CAST(julianday(?1) - julianday(c.last_transaction_at) AS INTEGER) AS days_since
     ${where}
     ORDER BY days_since - d.cycle_days DESC, c.transaction_amount DESC, c.id LIMIT ?`,
    [asOf, ...scope.params, limit],
  )
  const rows: PastCycleRow[] = raws.map((r) => ({
    customerId: r.id,
    name: r.name,
    purchaseStrategy: r.label,
    cycleDays: r.cycle_days,
    lastTransactionAt: r.last_transaction_at,
    daysSince: r.days_since,
    overdueDays: r.days_since - r.cycle_days,
    transactionAmount: cents(r.transaction_amount),
  }))
  return { total: count?.n ?? 0, rows }
}

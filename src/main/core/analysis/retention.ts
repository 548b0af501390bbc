import type { PastCycleRow, RetentionOutput, RetentionPeriod } from '../../../shared/analysis/analysisOutputs'
import type { Period } from '../../../shared/analysis/period'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'
import { cents, shareOf } from './analysisMath'
import { andScopeSql, liveCustomerSalesSql, parameters } from './customerSalesSql'

/** Per period (its index `i`): buyers and retained are TOTALs (REAL), fresh a COUNT. */
interface RetentionRow {
  i: number
  buyers: number
  retained: number
  fresh: number
}

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
  // One pass over the window's sales in customer order (liveCustomerSalesSql): each live customer's
  // periods with a purchase as a bit mask, the bitwise OR being SUM(DISTINCT) of each sale's bit. The
  // bit comes from a CASE over the (ordered, not overlapping) periods, newest first since recent sales
  // are the most; a join with the periods per sale cost three times as much. Customers sharing a mask
  // are then counted together, so the sums per period run over a few thousand masks instead of a pass
  // over the customers for each period. The new customers are a COUNT over an index range per period:
  // joined and grouped by period instead, their rows went through a sort (~0.1 s at 100,000).
  const { values, param } = parameters()
  const json = param(JSON.stringify(periods))
  const bit = `CASE ${periods
    .map((p, i) => ({ p, i }))
    .reverse()
    .map(({ p, i }) => `WHEN s.date >= ${param(p.from)} THEN (s.date < ${param(p.to)}) << ${i}`)
    .join(' ')} ELSE 0 END`
  const raws = await db.all<RetentionRow>(
    `WITH p AS MATERIALIZED (
         SELECT CAST(key AS INTEGER) AS i, json_extract(value, '$.from') AS f, json_extract(value, '$.to') AS t
         FROM json_each(${json})),
       m AS (
         SELECT SUM(DISTINCT ${bit}) AS mask ${liveCustomerSalesSql(param, caller, first.from, last.to)}
         GROUP BY s.customer_id),
       masks AS MATERIALIZED (SELECT mask, COUNT(*) AS n FROM m GROUP BY mask),
       fresh AS (
         SELECT p.i, (
           SELECT COUNT(*) FROM customer c INDEXED BY customer_first_transaction
           WHERE c.deleted_at IS NULL AND c.first_transaction_at >= p.f AND c.first_transaction_at < p.t${andScopeSql(param, caller)}
         ) AS n
         FROM p)
     SELECT fresh.i, fresh.n AS fresh,
       (SELECT TOTAL(n * ((mask >> fresh.i) & 1)) FROM masks) AS buyers,
       (SELECT TOTAL(n * ((mask >> fresh.i) & (mask >> (fresh.i - 1)) & 1)) FROM masks) AS retained
     FROM fresh`,
    values,
  )
  const buyers = new Map(raws.map((r) => [r.i, r]))
  return periods.slice(1).map((period, index) => {
    const i = index + 1
    const now = buyers.get(i)?.buyers ?? 0
    const before = buyers.get(i - 1)?.buyers ?? 0
    const retained = buyers.get(i)?.retained ?? 0
    const newCustomers = buyers.get(i)?.fresh ?? 0
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

import type { EntityManager } from 'typeorm'
import type { PastCycleRow, RetentionOutput, RetentionPeriod } from '../../../shared/analysis/analysisOutputs'
import type { Period } from '../../../shared/analysis/period'
import { cents, shareOf } from './analysisMath'

/**
 * 保持与流失 over consecutive periods (oldest first). For each period after the
 * first: the customers who bought in it, those of the period before who bought
 * again (保持) or did not (流失), and the new customers, whose 首次交易 falls in it.
 */
export async function retentionPeriods(manager: EntityManager, periods: Period[]): Promise<RetentionPeriod[]> {
  // Buyers per period, then LAG over each customer's periods says whether it also bought in the one before.
  const raws: { i: number; buyers: number; retained: number }[] = await manager.query(
    `WITH p AS (SELECT CAST(key AS INTEGER) AS i, json_extract(value, '$.from') AS f, json_extract(value, '$.to') AS t
                FROM json_each(?)),
       b AS (SELECT p.i, s.customer_id FROM p JOIN sale s ON s.date >= p.f AND s.date < p.t
             GROUP BY p.i, s.customer_id),
       l AS (SELECT b.i, LAG(b.i) OVER (PARTITION BY b.customer_id ORDER BY b.i) AS before
             FROM b JOIN customer c ON c.id = b.customer_id AND c.deleted_at IS NULL)
     SELECT i, COUNT(*) AS buyers, SUM(before = i - 1) AS retained FROM l GROUP BY i`,
    [JSON.stringify(periods)],
  )
  const fresh: { i: number; n: number }[] = await manager.query(
    `WITH p AS (SELECT CAST(key AS INTEGER) AS i, json_extract(value, '$.from') AS f, json_extract(value, '$.to') AS t
                FROM json_each(?))
     SELECT p.i, (SELECT COUNT(*) FROM customer c
                  WHERE c.deleted_at IS NULL AND c.first_transaction_at >= p.f AND c.first_transaction_at < p.t) AS n
     FROM p`,
    [JSON.stringify(periods)],
  )
  const buyers = new Map(raws.map((r) => [Number(r.i), r]))
  const newCounts = new Map(fresh.map((r) => [Number(r.i), Number(r.n)]))
  return periods.slice(1).map((period, index) => {
    const i = index + 1
    const now = Number(buyers.get(i)?.buyers ?? 0)
    const before = Number(buyers.get(i - 1)?.buyers ?? 0)
    const retained = Number(buyers.get(i)?.retained ?? 0)
    const newCustomers = newCounts.get(i) ?? 0
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
 * Customers past their purchase cycle on `asOf`: they have bought before and the
 * days since 最近交易 reach the cycle of their 购买策略 (the same rule as the
 * 业务下滑提醒), most overdue first.
 */
export async function pastPurchaseCycle(
  manager: EntityManager,
  asOf: string,
  limit: number,
): Promise<RetentionOutput['pastCycle']> {
  const where = `FROM customer c JOIN dict_item d ON d.id = c.purchase_strategy_id
    WHERE c.deleted_at IS NULL AND c.last_transaction_at IS NOT NULL AND d.cycle_days IS NOT NULL
      AND c.last_transaction_at <= ? AND julianday(?) - julianday(c.last_transaction_at) >= d.cycle_days`
  const [count] = await manager.query(`SELECT COUNT(*) AS n ${where}`, [asOf, asOf])
  const raws: Record<string, unknown>[] = await manager.query(
    `SELECT c.id, c.name, d.label, d.cycle_days, c.last_transaction_at, c.transaction_amount,
       CAST(julianday(?) - julianday(c.last_transaction_at) AS INTEGER) AS days_since
     ${where}
     ORDER BY days_since - d.cycle_days DESC, c.transaction_amount DESC, c.id LIMIT ?`,
    [asOf, asOf, asOf, limit],
  )
  const rows: PastCycleRow[] = raws.map((r) => ({
    customerId: Number(r.id),
    name: String(r.name),
    purchaseStrategy: String(r.label),
    cycleDays: Number(r.cycle_days),
    lastTransactionAt: String(r.last_transaction_at),
    daysSince: Number(r.days_since),
    overdueDays: Number(r.days_since) - Number(r.cycle_days),
    transactionAmount: cents(r.transaction_amount),
  }))
  return { total: Number(count.n), rows }
}

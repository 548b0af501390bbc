import { abcBounds, abcClasses, type AbcClass } from '../../../../../src/shared/analysis/abcClass'
import type { ParetoOutput } from '../../../../../src/shared/analysis/analysisOutputs'
import type { Period } from '../../../../../src/shared/analysis/period'
import type { Caller } from '../../../../../src/main/core/accounts/caller'
import type { SqlReader } from '../../../../../src/main/core/db/sqlHandles'
import { cents, shareOf } from '../../../../../src/main/core/analysis/analysisMath'
import { liveCustomerSalesSql, parameters } from './customerSalesSql'

const topRows = 100

/** One ranked customer; total_n, total, top_n and top_amount are the period's, cls_n and cls_amount its class's. */
interface ParetoDbRow {
  id: number
  name: string
  amount: number
  n: number
  cum: number
  cls: AbcClass
  total_n: number
  total: number
  top_n: number
  top_amount: number
  cls_n: number
  cls_amount: number
}

/**
 * 二八分析 of a period's sales to the customers the caller sees: customers by amount (largest first, equal amounts
 * by id), the running share (SUM() OVER), ABC classes by the inclusive bounds of
 * abcClass.ts, the share of the top ⌈n / 5⌉ customers. Returns one curve point per
 * percent of customers, the top 100 rows, and the first row of each class, which
 * carries that class's totals.
 */
export async function pareto(db: SqlReader, caller: Caller, period: Period): Promise<ParetoOutput> {
  const { values, param } = parameters()
  const raws = await db.all<ParetoDbRow>(
    `WITH a AS (
         SELECT s.customer_id AS id, ROUND(TOTAL(s.amount), 2) AS amount
         ${liveCustomerSalesSql(param, caller, period.from, period.to)}
         GROUP BY s.customer_id HAVING amount > 0),
       r AS (
         SELECT id, amount, ROW_NUMBER() OVER (ORDER BY amount DESC, id) AS n, COUNT(*) OVER () AS total_n,
           SUM(amount) OVER (ORDER BY amount DESC, id ROWS UNBOUNDED PRECEDING) AS cum, SUM(amount) OVER () AS total
         FROM a),
       k AS (
         SELECT r.*,
           CASE WHEN ROUND(cum * 100 / total, 4) <= ${param(abcBounds.A)} THEN 'A'
             WHEN ROUND(cum * 100 / total, 4) <= ${param(abcBounds.B)} THEN 'B' ELSE 'C' END
             AS cls,
           (total_n + 4) / 5 AS top_n
         FROM r),
       w AS (
         SELECT k.*, COUNT(*) OVER (PARTITION BY cls) AS cls_n, SUM(amount) OVER (PARTITION BY cls) AS cls_amount,
           ROW_NUMBER() OVER (PARTITION BY cls ORDER BY n) AS cls_first,
           TOTAL(CASE WHEN n <= top_n THEN amount END) OVER () AS top_amount
         FROM k)
     SELECT w.*, c.name FROM w JOIN customer c ON c.id = w.id
     WHERE n <= ${param(topRows)} OR n = total_n OR cls_first = 1 OR (n * 100) / total_n > ((n - 1) * 100) / total_n
     ORDER BY n`,
    values,
  )
  const first = raws[0]
  if (!first) {
    return { customers: 0, totalAmount: 0, topFifthCount: 0, topFifthShare: 0, curve: [], classes: [], top: [] }
  }
  const total = first.total
  const customers = first.total_n
  const isCurvePoint = (n: number) =>
    n === customers || Math.floor((n * 100) / customers) > Math.floor(((n - 1) * 100) / customers)
  const classes = new Map<AbcClass, { customers: number; amount: number }>()
  for (const r of raws) {
    classes.set(r.cls, { customers: r.cls_n, amount: r.cls_amount })
  }
  return {
    customers,
    totalAmount: cents(total),
    topFifthCount: first.top_n,
    topFifthShare: shareOf(first.top_amount, total),
    curve: [
      { customerShare: 0, salesShare: 0 },
      ...raws
        .filter((r) => isCurvePoint(r.n))
        .map((r) => ({ customerShare: r.n / customers, salesShare: r.cum / total })),
    ],
    classes: abcClasses.map((abcClass) => {
      const found = classes.get(abcClass)
      return {
        abcClass,
        customers: found?.customers ?? 0,
        amount: cents(found?.amount ?? 0),
        share: shareOf(found?.amount ?? 0, total),
      }
    }),
    top: raws
      .filter((r) => r.n <= topRows)
      .map((r) => ({
        customerId: r.id,
        name: r.name,
        rank: r.n,
        amount: cents(r.amount),
        cumulativeShare: r.cum / total,
        abcClass: r.cls,
      })),
  }
}

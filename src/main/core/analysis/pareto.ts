import { abcBounds, abcClasses, type AbcClass } from '../../../shared/analysis/abcClass'
import type { ParetoOutput } from '../../../shared/analysis/analysisOutputs'
import type { Period } from '../../../shared/analysis/period'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import { cents, shareOf } from './analysisMath'
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
 * The class of a ranked row (abcClassOf: its share rounded to 4 places against the inclusive bounds),
 * rounding only the shares within 0.001 of a bound: a share further below a bound rounds below it,
 * one further above rounds above, so the answer is the same and most rows skip ROUND (a formatting
 * and parsing of the number in SQLite, a sizeable part of the query when run on every customer).
 */
function classSql(param: (value: unknown) => string): string {
  const share = 'cum * 100 / total'
  const within = (bound: string, cls: AbcClass) =>
    `WHEN ${share} <= ${bound} - 0.001 THEN '${cls}'
     WHEN ${share} <= ${bound} + 0.001 AND ROUND(${share}, 4) <= ${bound} THEN '${cls}'`
  return `CASE ${within(param(abcBounds.A), 'A')} ${within(param(abcBounds.B), 'B')} ELSE 'C' END`
}

/**
 * 二八分析 of a period's sales to the customers the caller sees: customers by amount (largest first, equal amounts
 * by id), the running share (SUM() OVER), ABC classes by the inclusive bounds of
 * abcClass.ts, the share of the top ⌈n / 5⌉ customers. Returns one curve point per
 * percent of customers, the top 100 rows, and the first row of each class, which
 * carries that class's totals.
 *
 * Only the rank and the running sum are windows, over one sort (`win`); the period's totals, the
 * classes' totals and the top fifth's are plain aggregates, since windows OVER () and PARTITION BY
 * each buffered and sorted every customer once more. Identical to the SQL it replaced
 * (tests/main/core/analysis/paretoRewrite.test.ts).
 */
export async function pareto(db: SqlReader, caller: Caller, period: Period): Promise<ParetoOutput> {
  const { values, param } = parameters()
  const cls = classSql(param)
  const raws = await db.all<ParetoDbRow>(
    `WITH a AS MATERIALIZED (
         SELECT s.customer_id AS id, ROUND(TOTAL(s.amount), 2) AS amount
         ${liveCustomerSalesSql(param, caller, period.from, period.to)}
         GROUP BY s.customer_id HAVING amount > 0),
       r AS MATERIALIZED (
         SELECT id, amount, ROW_NUMBER() OVER win AS n, SUM(amount) OVER win AS cum
         FROM a WINDOW win AS (ORDER BY amount DESC, id ROWS UNBOUNDED PRECEDING)),
       t AS MATERIALIZED (SELECT COUNT(*) AS total_n, SUM(amount) AS total, (COUNT(*) + 4) / 5 AS top_n FROM a),
       top AS MATERIALIZED (SELECT TOTAL(amount) AS top_amount FROM r, t WHERE n <= top_n),
       classes AS MATERIALIZED (
         SELECT cls, COUNT(*) AS cls_n, SUM(amount) AS cls_amount, MIN(n) AS cls_first
         FROM (SELECT n, amount, ${cls} AS cls FROM r, t) GROUP BY cls),
       picked AS (
         SELECT r.*, t.*, ${cls} AS cls FROM r, t
         WHERE n <= ${param(topRows)} OR n = total_n OR n IN (SELECT cls_first FROM classes)
           OR (n * 100) / total_n > ((n - 1) * 100) / total_n)
     SELECT picked.*, top.top_amount, classes.cls_n, classes.cls_amount, c.name
     FROM picked JOIN classes ON classes.cls = picked.cls JOIN top JOIN customer c ON c.id = picked.id
     ORDER BY picked.n`,
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

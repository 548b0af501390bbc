import type { SalesPerformanceRow } from '../../../../../src/shared/analysis/analysisOutputs'
import { calendarPeriod } from '../../../../../src/shared/analysis/period'
import type { Caller } from '../../../../../src/main/core/accounts/caller'
import type { SqlReader } from '../../../../../src/main/core/db/sqlHandles'
import { cents, changeOf, shareOf } from '../../../../../src/main/core/analysis/analysisMath'
import { andScopeSql, parameters } from './customerSalesSql'

export interface SalesPerformance {
  rows: SalesPerformanceRow[]
  total: number
  totalAmount: number
}

/** One ranked customer; total and total_amount are the year's, the same on every row. */
interface SalesPerformanceDbRow {
  customer_id: number
  code: string
  name: string
  product_count: number
  quantity: number
  amount: number
  previous: number
  /** NULL when none of the customer's sales names a product. */
  products: string | null
  rank: number
  total: number
  total_amount: number
}

/**
 * 销售业绩 of one year: for each customer the caller sees who bought in it, the products bought,
 * quantity, amount, share of the year's sales, change against the year before and
 * rank (RANK(): equal amounts share a rank). Only the best `limit` ranks are returned;
 * the product names are looked up for those rows only.
 */
export async function salesPerformance(
  db: SqlReader,
  caller: Caller,
  year: number,
  limit: number,
): Promise<SalesPerformance> {
  const period = calendarPeriod('year', year)
  const previous = calendarPeriod('year', year - 1)
  const { values, param } = parameters()
  const from = param(period.from)
  const to = param(period.to)
  const previousFrom = param(previous.from)
  const rows = param(limit)
  // Only the ranked customers need the scope: the later subqueries read sales of the page's customers.
  const inScope = andScopeSql(param, caller)
  const raws = await db.all<SalesPerformanceDbRow>(
    `WITH cur AS (
         SELECT s.customer_id, COUNT(DISTINCT s.product_id) AS product_count, TOTAL(s.quantity) AS quantity,
           TOTAL(s.amount) AS amount
         FROM sale s JOIN customer c ON c.id = s.customer_id AND c.deleted_at IS NULL
         WHERE s.date >= ${from} AND s.date < ${to}${inScope} GROUP BY s.customer_id),
       ranked AS (
         SELECT cur.*, RANK() OVER (ORDER BY ROUND(cur.amount, 2) DESC) AS rank, COUNT(*) OVER () AS total,
           SUM(cur.amount) OVER () AS total_amount
         FROM cur),
       page AS (SELECT * FROM ranked ORDER BY rank LIMIT ${rows})
     SELECT page.*, c.code, c.name,
       (SELECT TOTAL(p.amount) FROM sale p WHERE p.customer_id = page.customer_id AND p.date >= ${previousFrom} AND p.date < ${from})
         AS previous,
       (SELECT group_concat(label, '、') FROM (
          SELECT DISTINCT d.label FROM sale x JOIN dict_item d ON d.id = x.product_id
          WHERE x.customer_id = page.customer_id AND x.date >= ${from} AND x.date < ${to} ORDER BY d.sort_order))
         AS products
     FROM page JOIN customer c ON c.id = page.customer_id
     ORDER BY page.rank, c.pinyin, c.id`,
    values,
  )
  const first = raws[0]
  const totalAmount = first ? first.total_amount : 0
  return {
    total: first ? first.total : 0,
    totalAmount: cents(totalAmount),
    rows: raws.map((r) => {
      const amount = cents(r.amount)
      const previousAmount = cents(r.previous)
      return {
        customerId: r.customer_id,
        code: r.code,
        name: r.name,
        year,
        products: r.products ?? '',
        productCount: r.product_count,
        quantity: Math.round(r.quantity * 1000) / 1000,
        amount,
        share: shareOf(r.amount, totalAmount),
        previousAmount,
        change: changeOf(amount, previousAmount),
        rank: r.rank,
      }
    }),
  }
}

import type { SalesPerformanceRow } from '../../../shared/analysis/analysisOutputs'
import { calendarPeriod } from '../../../shared/analysis/period'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import { cents, changeOf, shareOf } from './analysisMath'
import { liveCustomerSalesSql, parameters } from './customerSalesSql'

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
 * rank (RANK(): equal amounts share a rank). Only the best `limit` rows are returned, in rank order
 * and then by pinyin and id, which also decides which of the customers sharing the last rank fit.
 *
 * The amounts per customer come from the covering index (liveCustomerSalesSql), one pass in customer
 * order; everything else is asked for the returned rows only: only the customers at or above the
 * `limit`-th amount are ranked (a customer ranked above one of them is one of them too), and their
 * products, quantity, previous year and product names are looked up for them alone. Ranking and
 * counting products for every customer had read each of the year's sales from the table.
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
  const sales = liveCustomerSalesSql(param, caller, period.from, period.to)
  const from = param(period.from)
  const to = param(period.to)
  const previousFrom = param(previous.from)
  const rows = param(limit)
  const raws = await db.all<SalesPerformanceDbRow>(
    `WITH cur AS MATERIALIZED (
         SELECT s.customer_id, TOTAL(s.amount) AS amount, ROUND(TOTAL(s.amount), 2) AS ra ${sales}
         GROUP BY s.customer_id),
       t AS MATERIALIZED (SELECT COUNT(*) AS total, SUM(amount) AS total_amount FROM cur),
       ranked AS MATERIALIZED (
         SELECT cur.customer_id, cur.amount, RANK() OVER (ORDER BY cur.ra DESC) AS rank, c.code, c.name, c.pinyin
         FROM cur JOIN customer c ON c.id = cur.customer_id
         WHERE cur.ra >= COALESCE((SELECT ra FROM cur ORDER BY ra DESC LIMIT 1 OFFSET ${rows} - 1), 0)),
       page AS MATERIALIZED (SELECT * FROM ranked ORDER BY rank, pinyin, customer_id LIMIT ${rows}),
       bought AS MATERIALIZED (
         SELECT s.customer_id, COUNT(DISTINCT s.product_id) AS product_count, TOTAL(s.quantity) AS quantity
         FROM sale s WHERE s.customer_id IN (SELECT customer_id FROM page) AND s.date >= ${from} AND s.date < ${to}
         GROUP BY s.customer_id)
     SELECT page.*, bought.product_count, bought.quantity, t.total, t.total_amount,
       (SELECT TOTAL(p.amount) FROM sale p WHERE p.customer_id = page.customer_id AND p.date >= ${previousFrom} AND p.date < ${from})
         AS previous,
       (SELECT group_concat(label, '、') FROM (
          SELECT DISTINCT d.label FROM sale x JOIN dict_item d ON d.id = x.product_id
          WHERE x.customer_id = page.customer_id AND x.date >= ${from} AND x.date < ${to} ORDER BY d.sort_order))
         AS products
     FROM page JOIN bought ON bought.customer_id = page.customer_id JOIN t
     ORDER BY page.rank, page.pinyin, page.customer_id`,
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

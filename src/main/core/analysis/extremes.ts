import type { EntityManager } from 'typeorm'
import type { ExtremeRow, ExtremesOutput } from '../../../shared/analysis/analysisOutputs'
import type { Period } from '../../../shared/analysis/period'
import { cents, changeOf } from './analysisMath'

/**
 * 极端情况: the top N customers by the period's amount, by growth and by decline
 * against the previous period (absolute difference), each with both ranks
 * (RANK() among customers who bought in that period) and its 应对措施 note.
 * One pass: the three lists are three ROW_NUMBER()s over the same per-customer sums.
 */
export async function extremes(
  manager: EntityManager,
  period: Period,
  previous: Period,
  topN: number,
): Promise<ExtremesOutput> {
  const raws: Record<string, unknown>[] = await manager.query(
    `WITH cur AS (SELECT customer_id, TOTAL(amount) AS amount FROM sale WHERE date >= ? AND date < ? GROUP BY customer_id),
       prev AS (SELECT customer_id, TOTAL(amount) AS amount FROM sale WHERE date >= ? AND date < ? GROUP BY customer_id),
       sums AS (
         SELECT c.id, c.name, c.pinyin, COALESCE(cur.amount, 0) AS a, COALESCE(prev.amount, 0) AS p
         FROM customer c LEFT JOIN cur ON cur.customer_id = c.id LEFT JOIN prev ON prev.customer_id = c.id
         WHERE c.deleted_at IS NULL AND (cur.customer_id IS NOT NULL OR prev.customer_id IS NOT NULL)),
       ranked AS (
         SELECT sums.*, ROUND(a - p, 2) AS d,
           CASE WHEN a > 0 THEN RANK() OVER (ORDER BY ROUND(a, 2) DESC) END AS rank,
           CASE WHEN p > 0 THEN RANK() OVER (ORDER BY ROUND(p, 2) DESC) END AS previous_rank,
           ROW_NUMBER() OVER (ORDER BY a DESC, pinyin, id) AS n_total,
           ROW_NUMBER() OVER (ORDER BY ROUND(a - p, 2) DESC, pinyin, id) AS n_growth,
           ROW_NUMBER() OVER (ORDER BY ROUND(a - p, 2) ASC, pinyin, id) AS n_decline
         FROM sums)
     SELECT ranked.*, note.note
     FROM ranked LEFT JOIN customer_response_note note ON note.customer_id = ranked.id
     WHERE (n_total <= ? AND a > 0) OR (n_growth <= ? AND d > 0) OR (n_decline <= ? AND d < 0)`,
    [period.from, period.to, previous.from, previous.to, topN, topN, topN],
  )
  const pick = (key: string, keep: (r: Record<string, unknown>) => boolean): ExtremeRow[] =>
    raws
      .filter(keep)
      .sort((x, y) => Number(x[key]) - Number(y[key]))
      .map(extremeFromRaw)
  return {
    byTotal: pick('n_total', (r) => Number(r.n_total) <= topN && Number(r.a) > 0),
    byGrowth: pick('n_growth', (r) => Number(r.n_growth) <= topN && Number(r.d) > 0),
    byDecline: pick('n_decline', (r) => Number(r.n_decline) <= topN && Number(r.d) < 0),
  }
}

function extremeFromRaw(r: Record<string, unknown>): ExtremeRow {
  const amount = cents(r.a)
  const previousAmount = cents(r.p)
  const rank = r.rank === null ? null : Number(r.rank)
  const previousRank = r.previous_rank === null ? null : Number(r.previous_rank)
  return {
    customerId: Number(r.id),
    name: String(r.name),
    amount,
    previousAmount,
    difference: cents(amount - previousAmount),
    change: changeOf(amount, previousAmount),
    rank,
    previousRank,
    rankChange: rank === null || previousRank === null ? null : previousRank - rank,
    note: r.note === null || r.note === undefined ? null : String(r.note),
  }
}

import type { ExtremeRow, ExtremesOutput } from '../../../../../src/shared/analysis/analysisOutputs'
import type { Period } from '../../../../../src/shared/analysis/period'
import type { Caller } from '../../../../../src/main/core/accounts/caller'
import type { SqlReader } from '../../../../../src/main/core/db/sqlHandles'
import { cents, changeOf } from '../../../../../src/main/core/analysis/analysisMath'
import { parameters, periodPairSql } from './customerSalesSql'

/** A customer picked for a list: its two amounts, their difference, both ranks (NULL without a purchase) and its note. */
interface ExtremeDbRow {
  list: 'total' | 'growth' | 'decline'
  n: number
  id: number
  name: string
  a: number
  p: number
  rank: number | null
  previous_rank: number | null
  note: string | null
}

/**
 * 极端情况: the top N customers the caller sees by the period's amount, by growth and by decline
 * against the previous period (absolute difference), each with both ranks
 * (RANK() among customers who bought in that period) and its 应对措施 note.
 * periodPairSql sums both periods per customer in one pass; each list is then an
 * ORDER BY … LIMIT (a top-N sort that keeps N rows), and only the two ranks sort
 * every customer.
 */
export async function extremes(
  db: SqlReader,
  caller: Caller,
  period: Period,
  previous: Period,
  topN: number,
): Promise<ExtremesOutput> {
  const { values, param } = parameters()
  const pair = periodPairSql(param, caller, period, previous)
  const limit = param(topN)
  const raws = await db.all<ExtremeDbRow>(
    `WITH pair AS (${pair}),
       sums AS (
         SELECT c.id, c.name, c.pinyin, COALESCE(pair.amount, 0) AS a, COALESCE(pair.previous, 0) AS p,
           ROUND(COALESCE(pair.amount, 0) - COALESCE(pair.previous, 0), 2) AS d
         FROM pair JOIN customer c ON c.id = pair.customer_id),
       ranked AS MATERIALIZED (
         SELECT sums.*, CASE WHEN a > 0 THEN RANK() OVER (ORDER BY ROUND(a, 2) DESC) END AS rank,
           CASE WHEN p > 0 THEN RANK() OVER (ORDER BY ROUND(p, 2) DESC) END AS previous_rank
         FROM sums),
       picked AS (
         SELECT * FROM (
           SELECT 'total' AS list, -a AS k, * FROM ranked WHERE a > 0 ORDER BY a DESC, pinyin, id LIMIT ${limit})
         UNION ALL
         SELECT * FROM (SELECT 'growth', -d, * FROM ranked WHERE d > 0 ORDER BY d DESC, pinyin, id LIMIT ${limit})
         UNION ALL
         SELECT * FROM (SELECT 'decline', d, * FROM ranked WHERE d < 0 ORDER BY d ASC, pinyin, id LIMIT ${limit}))
     SELECT picked.*, ROW_NUMBER() OVER (PARTITION BY list ORDER BY k, pinyin, id) AS n, note.note
     FROM picked LEFT JOIN customer_response_note note ON note.customer_id = picked.id`,
    values,
  )
  const pick = (list: ExtremeDbRow['list']): ExtremeRow[] =>
    raws
      .filter((r) => r.list === list)
      .sort((x, y) => x.n - y.n)
      .map(extremeFromRaw)
  return { byTotal: pick('total'), byGrowth: pick('growth'), byDecline: pick('decline') }
}

function extremeFromRaw(r: ExtremeDbRow): ExtremeRow {
  const amount = cents(r.a)
  const previousAmount = cents(r.p)
  const rank = r.rank
  const previousRank = r.previous_rank
  return {
    customerId: r.id,
    name: r.name,
    amount,
    previousAmount,
    difference: cents(amount - previousAmount),
    change: changeOf(amount, previousAmount),
    rank,
    previousRank,
    rankChange: rank === null || previousRank === null ? null : previousRank - rank,
    note: r.note,
  }
}

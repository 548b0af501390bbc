import { addCalendarMonths } from '../../../shared/grading/dealGrade'
import type { RfmCustomer, RfmOutput } from '../../../shared/analysis/analysisOutputs'
import { addDays } from '../../../shared/dateMath'
import { rfmSegmentRules, rfmSegments, type RfmHighs, type RfmSegment } from '../../../shared/analysis/rfmSegments'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import { cents, shareOf } from './analysisMath'
import { liveCustomerSalesSql, parameters } from './customerSalesSql'

const ks = [1, 2, 3, 4] as const

/**
 * The four cut values of a score: quintileScore of rfmSegments.ts is 1 + ⌊c × 5 / n⌋ for the c
 * customers ranked before (RANK() − 1), and it reaches k + 1 exactly when c ≥ ⌈k × n / 5⌉ = t_k,
 * that is when the t_k-th value in rank order (cut k) ranks before the customer's. So a score is 1
 * plus the number of cuts ranked before (`before`: '<' ascending, '>' descending): the number the
 * RANK() per customer gave, ties included, without sorting every customer for each score.
 */
const score = (value: string, cut: string, before: '<' | '>') =>
  `1 + ${ks.map((k) => `(${cut}${k} ${before} ${value})`).join(' + ')}`

/**
 * The score is above the mean `mean` (1 ≤ mean ≤ 5) exactly when it is at least ⌊mean⌋ + 1, that
 * is when cut ⌊mean⌋ ranks before the value (cuts are in rank order); never when the mean is 5. So
 * a high is one comparison with the cut this CASE picks (NULL, compared as false by IS 1, for 5).
 */
const cutAbove = (mean: string, cut: string) =>
  `CASE CAST(${mean} AS INTEGER) ${ks.map((k) => `WHEN ${k} THEN ${cut}${k}`).join(' ')} END`

/**
 * The t-th value in rank order (t1…t4 of k), over a CTE of the distinct values `v`, their count `c`
 * and the running count `cum` in rank order: the first value whose running count reaches t, MIN
 * for an ascending order, MAX for a descending one.
 */
const cutsOf = (cte: string, pick: 'MIN' | 'MAX', name: string) =>
  ks.map((k) => `(SELECT ${pick}(v) FROM ${cte} WHERE cum >= t${k}) AS ${name}${k}`).join(', ')

/** The sum of a score over the distinct values of such a CTE, each counted `c` times. */
const scoreSumOf = (cte: string, cut: string, before: '<' | '>') =>
  `(SELECT SUM(c * (${score('v', cut, before)})) FROM ${cte})`

const highsOf = (rule: RfmHighs) => Number(rule.r) * 4 + Number(rule.f) * 2 + Number(rule.m)

/** The segment rules of rfmSegments.ts as a CASE over the highs (r·4 + f·2 + m) of the query. */
const segmentSql = `CASE top.highs ${rfmSegmentRules
  .map((rule) => `WHEN ${highsOf(rule)} THEN '${rule.segment}'`)
  .join(' ')} END`

/** The columns of rfm's rows that are read: each scored customer's, its segment's and the means (the same on every row). */
interface RfmDbRow {
  id: number
  name: string
  r: number
  f: number
  m: number
  rs: number
  fs: number
  ms: number
  segment: RfmSegment
  segment_count: number
  segment_amount: number
  mr: number
  mf: number
  mm: number
  scored_count: number
  total_m: number
}

/**
 * RFM over the window of `windowMonths` months up to and including `asOf`:
 * R = days from the last purchase to asOf, F = purchases, M = amount; each
 * scored 1–5 by quintile (5 = most recent / most frequent / largest). Customers
 * without a purchase in the window, and those the caller does not see, are not scored. Returns the segment totals and
 * the `perSegment` largest customers of each segment.
 *
 * One pass over the sales per customer (w); after it, no sort of every customer per score (a RANK()
 * OVER each cost as much as a tenth of a second at 65,000 customers). The cuts of R and F come from
 * counts per distinct value (a few hundred days or purchase counts), those of M from the customers'
 * ids in M order, one aggregate (json_group_array … ORDER BY), read at four positions. The means are
 * sums over those counts, the highs one comparison each (cutAbove), the segments' totals a GROUP BY
 * and their largest customers one top-N sort per segment; only the returned rows get their scores.
 * Identical to the RANK() and window version it replaced (tests/main/core/analysis/rfmRewrite.test.ts).
 */
export async function rfm(
  db: SqlReader,
  caller: Caller,
  asOf: string,
  windowMonths: number,
  perSegment: number,
): Promise<RfmOutput> {
  const to = addDays(asOf, 1)
  const from = addCalendarMonths(to, -windowMonths)
  const { values, param } = parameters()
  const rows = param(perSegment)
  const raws = await db.all<RfmDbRow>(
    `WITH w AS MATERIALIZED (
         SELECT s.customer_id AS id, CAST(julianday(${param(asOf)}) - julianday(MAX(s.date)) AS INTEGER) AS r,
           COUNT(*) AS f, TOTAL(s.amount) AS m, ROUND(TOTAL(s.amount), 2) AS mv
         ${liveCustomerSalesSql(param, caller, from, to)}
         GROUP BY s.customer_id),
       k AS MATERIALIZED (SELECT COUNT(*) AS n, ${ks.map((k) => `(${k} * COUNT(*) + 4) / 5 AS t${k}`).join(', ')} FROM w),
       rc AS MATERIALIZED (
         SELECT r AS v, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY r DESC ROWS UNBOUNDED PRECEDING) AS cum
         FROM w GROUP BY r),
       fc AS MATERIALIZED (
         SELECT f AS v, COUNT(*) AS c, SUM(COUNT(*)) OVER (ORDER BY f ROWS UNBOUNDED PRECEDING) AS cum
         FROM w GROUP BY f),
       mk AS MATERIALIZED (
         SELECT ${ks.map((k) => `j ->> (t${k} - 1) AS i${k}`).join(', ')}
         FROM (SELECT json_group_array(id ORDER BY m, id) AS j FROM w), k),
       cuts AS MATERIALIZED (
         SELECT k.n, ${cutsOf('rc', 'MAX', 'cr')}, ${cutsOf('fc', 'MIN', 'cf')},
           ${ks.map((k) => `(SELECT w.mv FROM w WHERE w.id = (SELECT i${k} FROM mk)) AS cm${k}`).join(', ')}
         FROM k),
       means AS MATERIALIZED (
         SELECT cuts.*, 1.0 * ${scoreSumOf('rc', 'cr', '>')} / n AS mr, 1.0 * ${scoreSumOf('fc', 'cf', '<')} / n AS mf,
           1.0 * ms_sum / n AS mm, total_m
         FROM cuts, (SELECT SUM(${score('w.mv', 'cm', '<')}) AS ms_sum, TOTAL(w.m) AS total_m FROM w, cuts)),
       above AS MATERIALIZED (
         SELECT means.*, ${cutAbove('mr', 'cr')} AS hr, ${cutAbove('mf', 'cf')} AS hf, ${cutAbove('mm', 'cm')} AS hm
         FROM means),
       segmented AS MATERIALIZED (
         SELECT ((hr > w.r) IS 1) * 4 + ((hf < w.f) IS 1) * 2 + ((hm < w.mv) IS 1) AS highs, w.m, w.id, w.r, w.f
         FROM w, above),
       totals AS MATERIALIZED (
         SELECT highs, COUNT(*) AS segment_count, TOTAL(m) AS segment_amount FROM segmented GROUP BY highs),
       top AS MATERIALIZED (
         ${rfmSegmentRules
           .map(
             (rule) =>
               `SELECT * FROM (SELECT * FROM segmented WHERE highs = ${highsOf(rule)} ORDER BY m DESC, id LIMIT ${rows})`,
           )
           .join(' UNION ALL ')})
     SELECT top.id, top.r, top.f, top.m, ${score('top.r', 'cr', '>')} AS rs, ${score('top.f', 'cf', '<')} AS fs,
       ${score('ROUND(top.m, 2)', 'cm', '<')} AS ms, ${segmentSql} AS segment, totals.segment_count, totals.segment_amount,
       above.mr, above.mf, above.mm, above.n AS scored_count, above.total_m, c.name
     FROM top JOIN totals ON totals.highs = top.highs JOIN above JOIN customer c ON c.id = top.id
     ORDER BY segment, top.m DESC, top.id`,
    values,
  )
  const first = raws[0]
  const totalAmount = first ? first.total_m : 0
  const bySegment = new Map<string, { customers: number; amount: number }>()
  for (const r of raws) {
    bySegment.set(r.segment, { customers: r.segment_count, amount: r.segment_amount })
  }
  return {
    from,
    to,
    scored: first ? first.scored_count : 0,
    mean: first ? { r: first.mr, f: first.mf, m: first.mm } : { r: 0, f: 0, m: 0 },
    segments: rfmSegments.map((segment) => {
      const found = bySegment.get(segment)
      return {
        segment,
        customers: found?.customers ?? 0,
        amount: cents(found?.amount ?? 0),
        share: shareOf(found?.amount ?? 0, totalAmount),
      }
    }),
    customers: raws.map((r): RfmCustomer => ({
      customerId: r.id,
      name: r.name,
      recencyDays: r.r,
      frequency: r.f,
      monetary: cents(r.m),
      r: r.rs,
      f: r.fs,
      m: r.ms,
      segment: r.segment,
    })),
  }
}

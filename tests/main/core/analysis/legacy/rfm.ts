import { addCalendarMonths } from '../../../../../src/shared/grading/dealGrade'
import type { RfmCustomer, RfmOutput } from '../../../../../src/shared/analysis/analysisOutputs'
import { addDays } from '../../../../../src/shared/dateMath'
import { rfmSegmentRules, rfmSegments, type RfmSegment } from '../../../../../src/shared/analysis/rfmSegments'
import type { Caller } from '../../../../../src/main/core/accounts/caller'
import type { SqlReader } from '../../../../../src/main/core/db/sqlHandles'
import { cents, shareOf } from '../../../../../src/main/core/analysis/analysisMath'
import { liveCustomerSalesSql, parameters } from './customerSalesSql'

/** quintileScore of rfmSegments.ts in SQL: ties share a RANK(), so they share a score. */
const score = (order: string) => `1 + (RANK() OVER (ORDER BY ${order}) - 1) * 5 / COUNT(*) OVER ()`

/**
 * The highs (above the mean score) as one small integer, r·4 + f·2 + m: the windows partition by
 * this cheap number, and only the returned rows spell out their segment (segmentSql), where the
 * segment CASE per scored customer had cost as much as the scoring.
 */
const highsSql = '(rs > mr) * 4 + (fs > mf) * 2 + (ms > mm)'

/** The segment rules of rfmSegments.ts as a CASE over the highs of highsSql. */
const segmentSql = `CASE highs ${rfmSegmentRules
  .map((rule) => `WHEN ${Number(rule.r) * 4 + Number(rule.f) * 2 + Number(rule.m)} THEN '${rule.segment}'`)
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
 * the `perSegment` largest customers of each segment, all in one pass. The means are one
 * aggregate row joined to the scores: as windows OVER () they buffered every scored row once more.
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
  const raws = await db.all<RfmDbRow>(
    `WITH w AS (
         SELECT s.customer_id AS id, CAST(julianday(${param(asOf)}) - julianday(MAX(s.date)) AS INTEGER) AS r,
           COUNT(*) AS f, TOTAL(s.amount) AS m
         ${liveCustomerSalesSql(param, caller, from, to)}
         GROUP BY s.customer_id),
       scored AS MATERIALIZED (
         SELECT w.*, ${score('r DESC')} AS rs, ${score('f')} AS fs, ${score('ROUND(m, 2)')} AS ms FROM w),
       means AS (
         SELECT AVG(rs) AS mr, AVG(fs) AS mf, AVG(ms) AS mm, COUNT(*) AS scored_count, TOTAL(m) AS total_m
         FROM scored),
       segmented AS (SELECT scored.*, means.*, ${highsSql} AS highs FROM scored, means),
       counted AS (
         SELECT segmented.*, COUNT(*) OVER (PARTITION BY highs) AS segment_count,
           TOTAL(m) OVER (PARTITION BY highs) AS segment_amount,
           ROW_NUMBER() OVER (PARTITION BY highs ORDER BY m DESC, id) AS n
         FROM segmented)
     SELECT counted.*, ${segmentSql} AS segment, c.name FROM counted JOIN customer c ON c.id = counted.id
     WHERE n <= ${param(perSegment)} ORDER BY segment, n`,
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

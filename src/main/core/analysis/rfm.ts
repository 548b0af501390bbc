import type { EntityManager } from 'typeorm'
import { addCalendarMonths } from '../../../shared/grading/dealGrade'
import type { RfmCustomer, RfmOutput } from '../../../shared/analysis/analysisOutputs'
import { addDays } from '../../../shared/analysis/period'
import { rfmSegmentRules, rfmSegments, type RfmSegment } from '../../../shared/analysis/rfmSegments'
import { cents, shareOf } from './analysisMath'

/** quintileScore of rfmSegments.ts in SQL: ties share a RANK(), so they share a score. */
const score = (order: string) => `1 + (RANK() OVER (ORDER BY ${order}) - 1) * 5 / COUNT(*) OVER ()`

/** The segment rules of rfmSegments.ts as a CASE over the scores and their means (high = above the mean). */
const segmentSql = `CASE ${rfmSegmentRules
  .map(
    (rule) =>
      `WHEN (rs > mr) = ${Number(rule.r)} AND (fs > mf) = ${Number(rule.f)} AND (ms > mm) = ${Number(rule.m)} THEN '${rule.segment}'`,
  )
  .join(' ')} END`

/**
 * RFM over the window of `windowMonths` months up to and including `asOf`:
 * R = days from the last purchase to asOf, F = purchases, M = amount; each
 * scored 1–5 by quintile (5 = most recent / most frequent / largest). Customers
 * without a purchase in the window are not scored. Returns the segment totals and
 * the `perSegment` largest customers of each segment, all in one pass.
 */
export async function rfm(
  manager: EntityManager,
  asOf: string,
  windowMonths: number,
  perSegment: number,
): Promise<RfmOutput> {
  const to = addDays(asOf, 1)
  const from = addCalendarMonths(to, -windowMonths)
  const raws: Record<string, unknown>[] = await manager.query(
    `WITH w AS (
         SELECT s.customer_id AS id, CAST(julianday(?) - julianday(MAX(s.date)) AS INTEGER) AS r, COUNT(*) AS f,
           TOTAL(s.amount) AS m
         FROM sale s JOIN customer c ON c.id = s.customer_id AND c.deleted_at IS NULL
         WHERE s.date >= ? AND s.date < ? GROUP BY s.customer_id),
       scored AS (
         SELECT w.*, ${score('r DESC')} AS rs, ${score('f')} AS fs, ${score('ROUND(m, 2)')} AS ms FROM w),
       means AS (
         SELECT scored.*, AVG(rs) OVER () AS mr, AVG(fs) OVER () AS mf, AVG(ms) OVER () AS mm,
           COUNT(*) OVER () AS scored_count, TOTAL(m) OVER () AS total_m
         FROM scored),
       segmented AS (SELECT means.*, ${segmentSql} AS segment FROM means),
       counted AS (
         SELECT segmented.*, COUNT(*) OVER (PARTITION BY segment) AS segment_count,
           TOTAL(m) OVER (PARTITION BY segment) AS segment_amount,
           ROW_NUMBER() OVER (PARTITION BY segment ORDER BY m DESC, id) AS n
         FROM segmented)
     SELECT counted.*, c.name FROM counted JOIN customer c ON c.id = counted.id
     WHERE n <= ? ORDER BY segment, n`,
    [asOf, from, to, perSegment],
  )
  const first = raws[0]
  const totalAmount = first ? Number(first.total_m) : 0
  const bySegment = new Map<string, { customers: number; amount: number }>()
  for (const r of raws) {
    bySegment.set(String(r.segment), { customers: Number(r.segment_count), amount: Number(r.segment_amount) })
  }
  return {
    from,
    to,
    scored: first ? Number(first.scored_count) : 0,
    mean: first ? { r: Number(first.mr), f: Number(first.mf), m: Number(first.mm) } : { r: 0, f: 0, m: 0 },
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
      customerId: Number(r.id),
      name: String(r.name),
      recencyDays: Number(r.r),
      frequency: Number(r.f),
      monetary: cents(r.m),
      r: Number(r.rs),
      f: Number(r.fs),
      m: Number(r.ms),
      segment: r.segment as RfmSegment,
    })),
  }
}

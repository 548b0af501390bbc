import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ratioSets } from '../../../../src/main/core/analysis/ratios'
import type { AnalysisDimension } from '../../../../src/shared/analysis/dimensions'
import { calendarPeriod } from '../../../../src/shared/analysis/period'
import { ratioSets as legacyRatioSets } from './legacy/ratios'
import { firstStatementPlan, rewriteFixture, type RewriteFixture } from './rewriteFixture'

/**
 * 比率分析 sums each customer's two periods by a correlated range of the index instead of one pass
 * with a CASE per sale joined back to the customers: its answers must be the very ones of the SQL it
 * replaces, compared deeply and exactly (counts, amounts, and the shares and changes, which are
 * ratios of the unrounded sums and so show a sum added in another order) over years, a quarter, a
 * month, periods in which nobody bought, the area dimensions and the page's set, on the shared hard
 * demo data plus customers registered after the period: with sales in it (counted as buyers, not as
 * customers) and without (not counted, and their group not shown).
 */
let fixture: RewriteFixture

beforeAll(async () => {
  fixture = await rewriteFixture('ratiosRewrite')
  const [y] = fixture.years
  const ids = fixture.customerIds
  await fixture.write(async (db) => {
    // Registered after the period, with sales in it.
    await db.run(
      `UPDATE customer SET registered_at = '${y + 1}-03-01 10:00:00'
       WHERE id IN (SELECT customer_id FROM sale WHERE date >= '${y}-01-01' GROUP BY customer_id ORDER BY customer_id LIMIT 25)`,
    )
    // Registered after the period, without sales, in a 省 and 城市 no one else has (no real code): a group of nobody.
    const nobody = ids.slice(200, 205).join(', ')
    await db.run(`DELETE FROM sale WHERE customer_id IN (${nobody})`)
    await db.run(
      `UPDATE customer SET registered_at = '${y + 2}-01-01 09:00:00', province_code = '990000', city_code = '990100'
       WHERE id IN (${nobody})`,
    )
  })
}, 120_000)
afterAll(async () => {
  await fixture.close()
})

const dimensionSets: AnalysisDimension[][] = [
  ['region', 'salesScale', 'nature', 'industry'],
  ['province', 'salesScale', 'nature', 'industry'],
  ['city'],
  ['source', 'region'],
]

describe('the rewritten 比率分析 answers as the SQL it replaces', () => {
  it('every dimension over years, a quarter, a month and periods without sales', async () => {
    const [y, y1, y2] = fixture.years
    let buyers = 0
    let lateBuyers = 0
    let nobodysGroups = 0
    for (const [, caller] of fixture.callers) {
      for (const [period, previous] of [
        [calendarPeriod('year', y), calendarPeriod('year', y1)],
        [calendarPeriod('year', y1), calendarPeriod('year', y2)],
        [calendarPeriod('year', y2), calendarPeriod('year', y2 - 1)],
        [calendarPeriod('quarter', y1, 3), calendarPeriod('quarter', y1, 2)],
        [calendarPeriod('month', y1, 7), calendarPeriod('month', y1, 6)],
        [calendarPeriod('year', y + 1), calendarPeriod('year', y)],
        [calendarPeriod('year', y - 30), calendarPeriod('year', y - 31)],
        [calendarPeriod('year', y), calendarPeriod('year', y - 2)],
      ]) {
        for (const dimensions of dimensionSets) {
          const now = await fixture.read((db) => ratioSets(db, caller, period, previous, dimensions))
          expect(now).toEqual(await fixture.read((db) => legacyRatioSets(db, caller, period, previous, dimensions)))
          const rows = now.flatMap((set) => set.rows)
          buyers += rows.reduce((sum, r) => sum + r.buyers, 0)
          lateBuyers += rows.filter((r) => r.buyers > r.customers).length
          nobodysGroups += rows.filter((r) => r.key === '990000' || r.key === '990100').length
        }
      }
    }
    expect(buyers).toBeGreaterThan(1000)
    // The customers registered after the period: buying in it, they make some groups' buyers outnumber
    // their customers; not buying, their 省 and 城市 are no group.
    expect(lateBuyers).toBeGreaterThan(0)
    expect(nobodysGroups).toBe(0)
  })

  it("sums each customer's periods once: the per-customer rows are not flattened into the grouping", async () => {
    // Flattened, every use of a sum (the WHERE, COUNT, TOTAL) runs its subquery again: the same
    // answers at three times the cost, which only the plan shows.
    const [y, y1] = fixture.years
    for (const [, caller] of fixture.callers) {
      const details = await fixture.read((db) =>
        firstStatementPlan(db, (reader) =>
          ratioSets(reader, caller, calendarPeriod('year', y), calendarPeriod('year', y1), ['region', 'nature']),
        ),
      )
      expect(details.filter((d) => d.startsWith('CORRELATED SCALAR SUBQUERY'))).toHaveLength(2)
      expect(details.some((d) => d.startsWith('CO-ROUTINE'))).toBe(true)
    }
  })
})

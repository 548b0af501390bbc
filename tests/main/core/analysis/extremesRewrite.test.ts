import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extremes } from '../../../../src/main/core/analysis/extremes'
import { calendarPeriod, type Period } from '../../../../src/shared/analysis/period'
import { extremes as legacyExtremes } from './legacy/extremes'
import { firstStatementPlan, rewriteFixture, type RewriteFixture } from './rewriteFixture'

/**
 * 极端情况 ranks only the customers it lists, by buckets of amounts: its answers must be the very ones
 * of the SQL it replaces, which ranked every customer, compared deeply and exactly (lists, equal
 * amounts in pinyin order, both ranks, notes) over years, quarters, months, a period in which nobody
 * bought, lists longer than the customers who qualify, and amounts around a bucket's edge (1,024)
 * that round across it.
 */
let fixture: RewriteFixture

beforeAll(async () => {
  fixture = await rewriteFixture('extremesRewrite')
  const [y] = fixture.years
  const edge = [1023.996, 1024, 1024.004, 1023.994, 1023.99, 2047.999, 2048.004, 1023.996, 0.004, 3071.995]
  await fixture.write(async (db) => {
    for (const [i, amount] of edge.entries()) {
      const customer = fixture.customerIds[i] ?? 0
      await db.run(
        `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (?, ?, ?, '2000-01-01', '2000-01-01')`,
        [customer, `${y - 20}-05-01`, amount],
      )
      await db.run(
        `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (?, ?, ?, '2000-01-01', '2000-01-01')`,
        [customer, `${y - 21}-05-01`, edge[edge.length - 1 - i] ?? 0],
      )
    }
    const notes = fixture.customerIds.slice(0, 400).filter((_, i) => i % 3 === 0)
    for (const id of notes) {
      await db.run(
        `INSERT OR REPLACE INTO customer_response_note (customer_id, note, updated_at) VALUES (?, ?, '2000-01-01')`,
        [id, `应对 ${id}`],
      )
    }
  })
}, 120_000)
afterAll(async () => {
  await fixture.close()
})

describe('the rewritten 极端情况 answers as the SQL it replaces', () => {
  it('the three lists with both ranks and notes', async () => {
    const [y, y1, y2] = fixture.years
    let listed = 0
    for (const [, caller] of fixture.callers) {
      for (const [period, previous] of [
        [calendarPeriod('year', y), calendarPeriod('year', y1)],
        [calendarPeriod('year', y1), calendarPeriod('year', y2)],
        [calendarPeriod('quarter', y1, 3), calendarPeriod('quarter', y1, 2)],
        [calendarPeriod('month', y1, 7), calendarPeriod('month', y1, 6)],
        [calendarPeriod('year', y2), calendarPeriod('year', y - 30)],
        [calendarPeriod('year', y - 30), calendarPeriod('year', y - 31)],
        [calendarPeriod('year', y - 20), calendarPeriod('year', y - 21)],
      ]) {
        for (const topN of [1, 3, 10, 100]) {
          const now = await fixture.read((db) => extremes(db, caller, period, previous, topN))
          expect(now).toEqual(await fixture.read((db) => legacyExtremes(db, caller, period, previous, topN)))
          listed += now.byTotal.length + now.byGrowth.length + now.byDecline.length
        }
      }
    }
    expect(listed).toBeGreaterThan(1000)
  })

  it("looks up each customer's two years once; shorter periods and a 业务员's customers are read in one pass", async () => {
    // The lookups are the same answers as the pass (above); only the plan shows which ran, and that
    // each sum runs once per customer: flattened into its readers, every use of a sum (the WHERE,
    // the COALESCEs, the difference) would run its subquery again.
    const [y, y1] = fixture.years
    // Ranges of sales read: one for the pass, one per period looked up.
    const ranges = async (caller: (typeof fixture.callers)[number][1], period: Period, previous: Period) =>
      fixture.read(async (db) => {
        const plan = await firstStatementPlan(db, (reader) => extremes(reader, caller, period, previous, 10))
        return plan.filter((d) => d.startsWith('SEARCH s USING COVERING INDEX sale_customer_cover')).length
      })
    const [[, all], [, sales]] = fixture.callers
    expect(await ranges(all, calendarPeriod('year', y), calendarPeriod('year', y1))).toBe(2)
    expect(await ranges(all, calendarPeriod('quarter', y1, 3), calendarPeriod('quarter', y1, 2))).toBe(1)
    expect(await ranges(sales, calendarPeriod('year', y), calendarPeriod('year', y1))).toBe(1)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pastPurchaseCycle, retentionPeriods } from '../../../../src/main/core/analysis/retention'
import { calendarPeriod, recentPeriods, type Period } from '../../../../src/shared/analysis/period'
import {
  pastPurchaseCycle as legacyPastPurchaseCycle,
  retentionPeriods as legacyRetentionPeriods,
} from './legacy/retention'
import { rewriteFixture, type RewriteFixture } from './rewriteFixture'

/**
 * 保持与流失 counts 新客户 per period without a sort, reads 过周期 from an index, and finds who bought
 * in a period by a lookup per customer and period when the periods are long, by one pass over the
 * sales with a CASE that halves the periods when they are short: its answers must be the very ones
 * of the SQL it replaces, kept in ./legacy as it was. Compared deeply and exactly on demo data made
 * harder on purpose: equal totals, amounts whose sums are not exact in binary, customers in the
 * 回收站, and as a 业务员 and as the PC's user; over years, quarters and months (each way of finding
 * the buyers), periods with gaps between them, periods in which nobody bought (first, last, all), and
 * the most periods the contract allows.
 */
let fx: RewriteFixture

/**
 * Periods with gaps between them (allowed: ordered and not overlapping), short ones and long ones:
 * a sale in a gap is in no period, so a period's end must be compared where a gap follows it.
 */
function gapped([y, y1, y2]: [number, number, number]): Period[][] {
  return [
    [
      { from: `${y2}-03-01`, to: `${y2}-03-20` },
      { from: `${y2}-04-01`, to: `${y2}-04-15` },
      { from: `${y2}-04-15`, to: `${y2}-05-01` },
      { from: `${y1}-01-10`, to: `${y1}-02-01` },
      { from: `${y1}-02-01`, to: `${y1}-02-02` },
      { from: `${y1}-06-01`, to: `${y1}-07-01` },
      { from: `${y}-01-01`, to: `${y}-01-31` },
    ],
    [
      { from: `${y2}-01-01`, to: `${y2}-06-01` },
      { from: `${y2}-07-01`, to: `${y1}-01-01` },
      { from: `${y1}-02-01`, to: `${y1}-09-01` },
      { from: `${y}-01-01`, to: `${y}-06-30` },
    ],
  ]
}

beforeAll(async () => {
  fx = await rewriteFixture('retentionRewrite')
  // A 首次交易 long before any sale: new customers in periods in which nobody bought.
  await fx.write(async (db) => {
    await db.run(`UPDATE customer SET first_transaction_at = ? WHERE id IN (?, ?)`, [
      `${fx.years[0] - 40}-03-15`,
      fx.customerIds[3],
      fx.customerIds[4],
    ])
  })
}, 120_000)
afterAll(async () => fx.close())

describe('the rewritten 保持与流失 answers as the SQL it replaces', () => {
  it('保持与流失 and the customers past their purchase cycle', async () => {
    let overdue = 0
    let buyers = 0
    let gapBuyers = 0
    let lonelyNew = 0
    for (const [, caller] of fx.callers) {
      for (const [period, kind, count] of [
        [calendarPeriod('year', fx.years[0] ?? 2026), 'year', 4],
        [calendarPeriod('month', fx.years[1] ?? 2025, 12), 'month', 13],
        [calendarPeriod('quarter', fx.years[1] ?? 2025, 2), 'quarter', 3],
        [calendarPeriod('quarter', fx.years[0] ?? 2026, 4), 'quarter', 7],
        [calendarPeriod('quarter', fx.years[0] ?? 2026, 4), 'quarter', 10],
        [calendarPeriod('month', fx.years[0] ?? 2026, 12), 'month', 7],
        [calendarPeriod('month', fx.years[0] ?? 2026, 12), 'month', 37],
        [calendarPeriod('year', (fx.years[0] ?? 2026) + 2), 'year', 6],
        [calendarPeriod('year', (fx.years[0] ?? 2026) - 30), 'year', 3],
        [calendarPeriod('month', (fx.years[2] ?? 2024) + 1, 2), 'month', 5],
        [calendarPeriod('month', fx.years[0] - 40, 4), 'month', 3],
        [calendarPeriod('year', fx.years[0] - 39), 'year', 2],
      ] as const) {
        const list = recentPeriods(period, kind, count)
        const now = await fx.read((db) => retentionPeriods(db, caller, list))
        expect(now).toEqual(await fx.read((db) => legacyRetentionPeriods(db, caller, list)))
        buyers += now.reduce((sum, p) => sum + p.buyers, 0)
        lonelyNew += now
          .filter((p) => p.buyers === 0 && p.previousBuyers === 0)
          .reduce((sum, p) => sum + p.newCustomers, 0)
      }
      for (const list of gapped(fx.years)) {
        const now = await fx.read((db) => retentionPeriods(db, caller, list))
        expect(now).toEqual(await fx.read((db) => legacyRetentionPeriods(db, caller, list)))
        gapBuyers += now.reduce((sum, p) => sum + p.buyers + p.previousBuyers, 0)
      }
      for (const asOf of [`${fx.years[0]}-06-30`, `${fx.years[1]}-02-28`]) {
        for (const limit of [5, 200]) {
          const now = await fx.read((db) => pastPurchaseCycle(db, caller, asOf, limit))
          expect(now).toEqual(await fx.read((db) => legacyPastPurchaseCycle(db, caller, asOf, limit)))
          overdue += now.total
        }
      }
    }
    expect(overdue).toBeGreaterThan(20)
    expect(buyers).toBeGreaterThan(1000)
    expect(gapBuyers).toBeGreaterThan(100)
    expect(lonelyNew).toBeGreaterThan(0)
  })
})

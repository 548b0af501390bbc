import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pastPurchaseCycle, retentionPeriods } from '../../../../src/main/core/analysis/retention'
import { calendarPeriod, recentPeriods } from '../../../../src/shared/analysis/period'
import {
  pastPurchaseCycle as legacyPastPurchaseCycle,
  retentionPeriods as legacyRetentionPeriods,
} from './legacy/retention'
import { rewriteFixture, type RewriteFixture } from './rewriteFixture'

/**
 * 保持与流失 counts 新客户 per period without a sort and reads 过周期 from an index: its answers must
 * be the very ones of the SQL it replaces, kept in ./legacy as it was. Compared deeply and exactly on
 * demo data made harder on purpose: equal totals, amounts whose sums are not exact in binary,
 * customers in the 回收站, and as a 业务员 and as the PC's user.
 */
let fx: RewriteFixture

beforeAll(async () => {
  fx = await rewriteFixture('retentionRewrite')
}, 120_000)
afterAll(async () => fx.close())

describe('the rewritten 保持与流失 answers as the SQL it replaces', () => {
  it('保持与流失 and the customers past their purchase cycle', async () => {
    let overdue = 0
    for (const [, caller] of fx.callers) {
      for (const [period, kind, count] of [
        [calendarPeriod('year', fx.years[0] ?? 2026), 'year', 4],
        [calendarPeriod('month', fx.years[1] ?? 2025, 12), 'month', 13],
        [calendarPeriod('quarter', fx.years[1] ?? 2025, 2), 'quarter', 3],
      ] as const) {
        const list = recentPeriods(period, kind, count)
        expect(await fx.read((db) => retentionPeriods(db, caller, list))).toEqual(
          await fx.read((db) => legacyRetentionPeriods(db, caller, list)),
        )
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
  })
})

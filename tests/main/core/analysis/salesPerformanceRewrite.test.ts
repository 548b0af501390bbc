import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { salesPerformance } from '../../../../src/main/core/analysis/salesPerformance'
import { salesPerformance as legacySalesPerformance } from './legacy/salesPerformance'
import { rewriteFixture, type RewriteFixture } from './rewriteFixture'

/**
 * 销售业绩 ranks only the customers that can make the page: its answers must be the very ones of the
 * SQL it replaces, compared deeply and exactly, over years and a year in which nobody bought. One
 * thing was never defined before: when the customers sharing the last rank do not all fit, the old
 * query kept whichever its sort left first; now the page is the first rows in the order shown (rank,
 * then pinyin and id). So each page must be the old query's whole list cut to its length, and keep
 * the old page's ranks.
 */
let fixture: RewriteFixture

beforeAll(async () => {
  fixture = await rewriteFixture('salesPerformanceRewrite')
}, 120_000)
afterAll(async () => {
  await fixture.close()
})

describe('the rewritten 销售业绩 answers as the SQL it replaces', () => {
  it('ranks, shares, products and the year before', async () => {
    const [y, y1, y2] = fixture.years
    let rows = 0
    let split = 0
    for (const [, caller] of fixture.callers) {
      for (const year of [y, y1, y2, y - 30]) {
        const full = await fixture.read((db) => legacySalesPerformance(db, caller, year, 5000))
        expect(await fixture.read((db) => salesPerformance(db, caller, year, 5000))).toEqual(full)
        // Limits that cut between customers of one rank, and some that do not.
        const shared = full.rows.findIndex((r, i) => i > 0 && full.rows[i - 1]?.rank === r.rank)
        for (const limit of [1, 2, 17, 200, ...(shared > 0 ? [shared] : [])]) {
          const now = await fixture.read((db) => salesPerformance(db, caller, year, limit))
          const old = await fixture.read((db) => legacySalesPerformance(db, caller, year, limit))
          expect(now).toEqual({ ...full, rows: full.rows.slice(0, limit) })
          expect(now.rows.map((r) => r.rank)).toEqual(old.rows.map((r) => r.rank))
          if (limit === shared) split++
          rows += now.rows.length
        }
      }
    }
    expect(rows).toBeGreaterThan(500)
    expect(split).toBeGreaterThan(0)
  })
})

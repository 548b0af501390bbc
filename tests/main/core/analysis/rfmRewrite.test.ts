import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rfm } from '../../../../src/main/core/analysis/rfm'
import { rfm as legacyRfm } from './legacy/rfm'
import { rewriteFixture, type RewriteFixture } from './rewriteFixture'

/**
 * RFM scores by cut values instead of a RANK() per customer and score: its answers must be the very
 * ones of the SQL it replaces, compared deeply and exactly (scores, means, segment totals, the rows
 * of each segment and their order) over windows long and short, one in which nobody bought, and
 * segments cut to 1, 7 and 500 rows.
 */
let fixture: RewriteFixture

beforeAll(async () => {
  fixture = await rewriteFixture('rfmRewrite')
}, 120_000)
afterAll(async () => {
  await fixture.close()
})

describe('the rewritten RFM answers as the SQL it replaces', () => {
  it('scores, segments and their largest customers', async () => {
    const [y, y1] = fixture.years
    let scored = 0
    for (const [, caller] of fixture.callers) {
      for (const [asOf, months] of [
        [`${y}-12-31`, 12],
        [`${y}-06-30`, 1],
        [`${y1}-03-15`, 36],
        [`${y1 - 30}-01-01`, 12],
      ] as const) {
        for (const perSegment of [1, 7, 500]) {
          const now = await fixture.read((db) => rfm(db, caller, asOf, months, perSegment))
          expect(now).toEqual(await fixture.read((db) => legacyRfm(db, caller, asOf, months, perSegment)))
          scored += now.scored
        }
      }
    }
    expect(scored).toBeGreaterThan(1000)
  })
})

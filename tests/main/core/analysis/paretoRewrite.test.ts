import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pareto } from '../../../../src/main/core/analysis/pareto'
import { calendarPeriod } from '../../../../src/shared/analysis/period'
import { pareto as legacyPareto } from './legacy/pareto'
import { rewriteFixture, type RewriteFixture } from './rewriteFixture'

/**
 * 二八分析 with one window instead of five: its answers must be the very ones of the SQL it replaces,
 * compared deeply and exactly (running shares, classes and their totals, the top fifth, the curve)
 * over years, a quarter, a month and a period in which nobody bought.
 */
let fixture: RewriteFixture

beforeAll(async () => {
  fixture = await rewriteFixture('paretoRewrite')
  // Years long before the demo data whose running shares land on a bound (80 % exactly: A) and just
  // past it (80.0006 %: B, though it is within the 0.001 the class CASE rounds).
  const [y] = fixture.years
  const [first, second] = fixture.customerIds
  await fixture.write(async (db) => {
    for (const [year, amounts] of [
      [y - 20, [80, 20]],
      [y - 21, [800006, 199994]],
      [y - 22, [949999.4, 50000.6]],
    ] as const) {
      for (const [i, amount] of amounts.entries()) {
        await db.run(
          `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (?, ?, ?, '2000-01-01', '2000-01-01')`,
          [i === 0 ? first : second, `${year}-05-01`, amount],
        )
      }
    }
  })
}, 120_000)
afterAll(async () => {
  await fixture.close()
})

describe('the rewritten 二八分析 answers as the SQL it replaces', () => {
  it('shares, classes, the top fifth and the curve', async () => {
    const [y, y1, y2] = fixture.years
    let customers = 0
    for (const [, caller] of fixture.callers) {
      for (const period of [
        calendarPeriod('year', y),
        calendarPeriod('year', y1),
        calendarPeriod('year', y2),
        calendarPeriod('quarter', y1, 3),
        calendarPeriod('month', y1, 7),
        calendarPeriod('year', y - 30),
        calendarPeriod('year', y - 20),
        calendarPeriod('year', y - 21),
        calendarPeriod('year', y - 22),
      ]) {
        const now = await fixture.read((db) => pareto(db, caller, period))
        expect(now).toEqual(await fixture.read((db) => legacyPareto(db, caller, period)))
        customers += now.customers
      }
    }
    expect(customers).toBeGreaterThan(1000)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localCaller, type Caller } from '../../../../src/main/core/accounts/caller'
import { pastPurchaseCycle, retentionPeriods } from '../../../../src/main/core/analysis/retention'
import { calendarPeriod, recentPeriods } from '../../../../src/shared/analysis/period'
import { testCaller } from '../../../helpers/callers'
import { call, testCore } from '../../../helpers/testCore'
import {
  pastPurchaseCycle as legacyPastPurchaseCycle,
  retentionPeriods as legacyRetentionPeriods,
} from './legacy/retention'

/**
 * 保持与流失 counts 新客户 per period without a sort and reads 过周期 from an index: its answers must
 * be the very ones of the SQL it replaces, kept in ./legacy as it was. Compared deeply and exactly on
 * demo data made harder on purpose: equal totals, amounts whose sums are not exact in binary,
 * customers in the 回收站, and as a 业务员 and as the PC's user.
 */
let core: Awaited<ReturnType<typeof testCore>>
let callers: [string, Caller][]
let years: number[]

beforeAll(async () => {
  core = await testCore('analysisRewrite')
  await call(core, 'demo.load', { customers: 700 })
  await core.store.write(async (db) => {
    // Ties: 30 customers whose sales all become one amount, so their totals per period are equal.
    await db.run(
      `UPDATE sale SET amount = 1234.5 WHERE customer_id IN (SELECT id FROM customer ORDER BY id LIMIT 30 OFFSET 40)`,
    )
    // Sums that are not exact in binary floating point.
    await db.run(`UPDATE sale SET amount = 0.1 WHERE id % 11 = 0`)
    await db.run(`UPDATE sale SET amount = 0.2 WHERE id % 13 = 0`)
    await db.run(`UPDATE sale SET amount = 1e-2 * (id % 997) WHERE id % 17 = 0`)
  })
  const binned = (await core.store.manager.query(`SELECT id FROM customer ORDER BY id DESC LIMIT 8`)) as {
    id: number
  }[]
  await call(core, 'customers.delete', { ids: binned.map((r) => r.id) })
  const [owner] = (await core.store.manager.query(
    `SELECT owner_staff_id AS s FROM customer WHERE owner_staff_id IS NOT NULL
     GROUP BY owner_staff_id ORDER BY COUNT(*) DESC, s LIMIT 1`,
  )) as { s: number }[]
  callers = [
    ['单机', localCaller],
    ['业务员', testCaller('sales', owner?.s ?? null)],
  ]
  const [last] = (await core.store.manager.query(`SELECT CAST(substr(MAX(date), 1, 4) AS INTEGER) AS y FROM sale`)) as {
    y: number
  }[]
  const y = last?.y ?? new Date().getFullYear()
  years = [y, y - 1, y - 2]
}, 120_000)
afterAll(async () => {
  await core.close()
})

const read = <T>(work: (db: Parameters<Parameters<typeof core.store.read>[0]>[0]) => Promise<T>) =>
  core.store.read(work)

describe('the rewritten 保持与流失 answers as the SQL it replaces', () => {
  it('保持与流失 and the customers past their purchase cycle', async () => {
    let overdue = 0
    for (const [, caller] of callers) {
      for (const [period, kind, count] of [
        [calendarPeriod('year', years[0] ?? 2026), 'year', 4],
        [calendarPeriod('month', years[1] ?? 2025, 12), 'month', 13],
        [calendarPeriod('quarter', years[1] ?? 2025, 2), 'quarter', 3],
      ] as const) {
        const list = recentPeriods(period, kind, count)
        expect(await read((db) => retentionPeriods(db, caller, list))).toEqual(
          await read((db) => legacyRetentionPeriods(db, caller, list)),
        )
      }
      for (const asOf of [`${years[0]}-06-30`, `${years[1]}-02-28`]) {
        for (const limit of [5, 200]) {
          const now = await read((db) => pastPurchaseCycle(db, caller, asOf, limit))
          expect(now).toEqual(await read((db) => legacyPastPurchaseCycle(db, caller, asOf, limit)))
          overdue += now.total
        }
      }
    }
    expect(overdue).toBeGreaterThan(20)
  })
})

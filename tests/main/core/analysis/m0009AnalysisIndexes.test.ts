import { describe, expect, it } from 'vitest'
import { latestSchemaVersion } from '../../../../src/main/core/db/migrations'
import { openStore } from '../../../../src/main/core/db/openStore'
import { localCaller } from '../../../../src/main/core/accounts/caller'
import { ratios } from '../../../../src/main/core/analysis/ratios'
import { retentionPeriods } from '../../../../src/main/core/analysis/retention'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 9 (统计分析 indexes)', () => {
  it('migrates a version-8 database holding sales without losing any; the period sums read its indexes', async () => {
    const { path, db: v8 } = await databaseAtVersion(8)
    await v8.query(
      `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at,
         updated_at, first_transaction_at, last_transaction_at)
       VALUES ('KH-2026-00001', 'enterprise', '甲公司', '甲公司', 'x', 'x', '2025-01-01', 'n', 'n',
         '2025-06-01', '2026-02-01')`,
    )
    for (const [date, amount] of [
      ['2025-06-01', 30],
      ['2026-02-01', 10],
    ] as const) {
      await v8.query(
        `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (1, ?, ?, 'n', 'n')`,
        [date, amount],
      )
    }
    const salesBefore = await v8.query(`SELECT * FROM sale ORDER BY id`)
    await v8.destroy()

    const { store, applied } = await openStore(path)
    try {
      // Later migrations run too when a version-8 file is opened.
      expect(applied).toContain('AnalysisIndexes1795400000009')
      const m = store.manager
      expect(await m.query(`PRAGMA user_version`)).toEqual([{ user_version: latestSchemaVersion }])
      // Later migrations add who recorded each sale (13), its edit count (14) and its contract (15):
      // unknown, 0 and none for the rows already there.
      expect(await m.query(`SELECT * FROM sale ORDER BY id`)).toEqual(
        salesBefore.map((sale: Record<string, unknown>) => ({
          ...sale,
          created_by: null,
          updated_by: null,
          version: 0,
          contract_id: null,
        })),
      )
      const year = (y: number) => ({ from: `${y}-01-01`, to: `${y + 1}-01-01` })
      const [row] = await store.read((db) => ratios(db, localCaller, year(2026), year(2025), 'region'))
      expect(row).toMatchObject({ customers: 1, buyers: 1, amount: 10, previousAmount: 30 })
      const [period] = await store.read((db) => retentionPeriods(db, localCaller, [year(2025), year(2026)]))
      expect(period).toMatchObject({ buyers: 1, previousBuyers: 1, retained: 1, newCustomers: 0 })

      const plan = async (sql: string) => JSON.stringify(await m.query(`EXPLAIN QUERY PLAN ${sql}`))
      expect(
        await plan(`SELECT customer_id, TOTAL(amount) FROM sale INDEXED BY sale_customer_cover
                    WHERE customer_id IN (SELECT id FROM customer WHERE deleted_at IS NULL)
                      AND date >= '2026-01-01' AND date < '2027-01-01' GROUP BY customer_id`),
      ).toMatch(
        /COVERING INDEX sale_customer_cover[^"]*\(customer_id=\? AND date>\? AND date<\?\)(?![\s\S]*TEMP B-TREE)/,
      )
      expect(
        await plan(`SELECT COUNT(*) FROM customer INDEXED BY customer_first_transaction
                    WHERE deleted_at IS NULL AND first_transaction_at >= '2026-01-01'`),
      ).toContain('customer_first_transaction (first_transaction_at>?)')
    } finally {
      await store.close()
    }
  })
})

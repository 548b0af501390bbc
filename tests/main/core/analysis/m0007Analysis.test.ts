import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 7 (统计分析)', () => {
  it('migrates a version-6 database holding sales without losing any, and the aggregates use its indexes', async () => {
    const { path, db: v6 } = await databaseAtVersion(6)
    await v6.query(
      `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at)
       VALUES ('KH-2026-00001', 'enterprise', '甲公司', '甲公司', 'x', 'x', '2026-01-01', 'n', 'n')`,
    )
    await v6.query(
      `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (1, '2026-02-01', 10, 'n', 'n')`,
    )
    const salesBefore = await v6.query(`SELECT * FROM sale ORDER BY id`)
    await v6.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied).toContain('Analysis1795400000007')
      const m = store.manager
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
      await m.query(`INSERT INTO customer_response_note (customer_id, note, updated_at) VALUES (1, '回访', 'n')`)
      await expect(
        m.query(`INSERT INTO customer_response_note (customer_id, note, updated_at) VALUES (99, 'x', 'n')`),
      ).rejects.toThrow(/FOREIGN KEY/)
      await m.query(`DELETE FROM customer WHERE id = 1`)
      expect(await m.query(`SELECT COUNT(*) AS n FROM customer_response_note`)).toEqual([{ n: 0 }])

      const plan = async (sql: string) => JSON.stringify(await m.query(`EXPLAIN QUERY PLAN ${sql}`))
      expect(
        await plan(`SELECT customer_id, TOTAL(amount) FROM sale WHERE date >= '2026-01-01' AND date < '2027-01-01'
                    GROUP BY customer_id`),
      ).toContain('COVERING INDEX sale_date_cover')
      expect(
        await plan(`SELECT staff_id, COUNT(*) FROM interaction WHERE occurred_at >= '2026-01-01' AND occurred_at < '2027-01-01'
                    GROUP BY staff_id`),
      ).toContain('COVERING INDEX interaction_occurred_cover')
    } finally {
      await store.close()
    }
  })
})

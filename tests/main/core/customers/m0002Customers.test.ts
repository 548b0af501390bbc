import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 2 (customers)', () => {
  it('migrates a version-1 database holding rows without losing any', async () => {
    const { path, db: v1 } = await databaseAtVersion(1)
    await v1.query(`INSERT INTO dict_item (category, label, sort_order, enabled) VALUES ('staff', '张三', 1, 1)`)
    await v1.query(`INSERT INTO app_setting (key, value) VALUES ('theme', 'dark')`)
    const dictBefore = await v1.query(`SELECT * FROM dict_item ORDER BY id`)
    const regionsBefore = await v1.query(`SELECT * FROM province_region ORDER BY province_code`)
    expect((await v1.query(`PRAGMA user_version`))[0].user_version).toBe(1)
    await v1.destroy()

    const { store, applied } = await openStore(path)
    try {
      // Later migrations run too; this test checks what migration 2 did.
      expect(applied[0]).toBe('Customers1795400000002')
      const m = store.manager
      expect((await m.query(`PRAGMA user_version`))[0].user_version).toBeGreaterThanOrEqual(2)
      expect(await m.query(`SELECT * FROM dict_item ORDER BY id`)).toEqual(dictBefore)
      expect(await m.query(`SELECT * FROM province_region ORDER BY province_code`)).toEqual(regionsBefore)
      expect(await m.query(`SELECT value FROM app_setting WHERE key = 'theme'`)).toEqual([{ value: 'dark' }])
      const tables = (await m.query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)).map(
        (r: { name: string }) => r.name,
      )
      expect(tables).toEqual(
        expect.arrayContaining([
          'customer',
          'customer_code_counter',
          'customer_group',
          'customer_group_member',
          'contact',
          'contact_date',
          'customer_change',
        ]),
      )
      const [staff] = await m.query(`SELECT id FROM dict_item WHERE label = '张三'`)
      await m.query(
        `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, owner_staff_id, registered_at, created_at, updated_at)
         VALUES ('KH-2026-00001', 'enterprise', '甲', '甲', 'jia', 'j', ?, '2026-01-01', '2026-01-01', '2026-01-01')`,
        [staff.id],
      )
      await expect(m.query(`DELETE FROM dict_item WHERE id = ?`, [staff.id])).rejects.toThrow(/FOREIGN KEY/)
      const plan = await m.query(
        `EXPLAIN QUERY PLAN SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY pinyin, id LIMIT 100`,
      )
      expect(JSON.stringify(plan)).toContain('customer_deleted_pinyin')
      expect(JSON.stringify(plan)).not.toContain('TEMP B-TREE')
    } finally {
      await store.close()
    }
  })
})

import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 3 (交往记录, 交易记录)', () => {
  it('migrates a version-2 database holding customers without losing any', async () => {
    const { path, db: v2 } = await databaseAtVersion(2)
    await v2.query(`INSERT INTO dict_item (category, label, sort_order, enabled) VALUES ('product', '打印机', 1, 1)`)
    for (const [code, name] of [
      ['KH-2026-00001', '甲公司'],
      ['KH-2026-00002', '乙公司'],
    ]) {
      await v2.query(
        `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at,
           transaction_count, transaction_amount, last_contact_at)
         VALUES (?, 'enterprise', ?, ?, 'x', 'x', '2026-01-01', '2026-01-01', '2026-01-01', 2, 150.5, '2026-01-02')`,
        [code, name, name],
      )
    }
    await v2.query(`INSERT INTO contact (customer_id, sort_order, name) VALUES (1, 0, '张三')`)
    const customersBefore = await v2.query(`SELECT * FROM customer ORDER BY id`)
    const contactsBefore = await v2.query(`SELECT * FROM contact ORDER BY id`)
    const dictBefore = await v2.query(`SELECT * FROM dict_item ORDER BY id`)
    expect((await v2.query(`PRAGMA user_version`))[0].user_version).toBe(2)
    await v2.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied[0]).toBe('Activity1795400000003')
      const m = store.manager
      expect((await m.query(`PRAGMA user_version`))[0].user_version).toBeGreaterThanOrEqual(3)
      // Every column kept as it was; migration 13 adds who changed a customer last.
      expect(await m.query(`SELECT * FROM customer ORDER BY id`)).toMatchObject(customersBefore)
      // Every column kept as it was; migration 10 adds the contacts' pinyin.
      expect(await m.query(`SELECT * FROM contact ORDER BY id`)).toMatchObject(contactsBefore)
      expect(await m.query(`SELECT * FROM dict_item ORDER BY id`)).toEqual(dictBefore)

      const [visit] = await m.query(`SELECT id FROM dict_item WHERE category = 'interactionType' AND label = '拜访'`)
      const [product] = await m.query(`SELECT id FROM dict_item WHERE label = '打印机'`)
      await m.query(
        `INSERT INTO interaction (customer_id, contact_id, occurred_at, type_id, created_at, updated_at)
         VALUES (1, 1, '2026-02-01 10:00', ?, 'now', 'now')`,
        [visit.id],
      )
      await m.query(
        `INSERT INTO sale (customer_id, date, product_id, amount, created_at, updated_at) VALUES (1, '2026-02-01', ?, 10, 'now', 'now')`,
        [product.id],
      )
      await expect(
        m.query(
          `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (1, '2026-02-01', -1, 'n', 'n')`,
        ),
      ).rejects.toThrow(/CHECK/)
      await expect(m.query(`DELETE FROM dict_item WHERE id = ?`, [product.id])).rejects.toThrow(/FOREIGN KEY/)
      await expect(m.query(`DELETE FROM dict_item WHERE id = ?`, [visit.id])).rejects.toThrow(/FOREIGN KEY/)
      await m.query(`DELETE FROM contact WHERE id = 1`)
      expect(await m.query(`SELECT contact_id FROM interaction`)).toEqual([{ contact_id: null }])
      await m.query(`DELETE FROM customer WHERE id = 1`)
      expect(await m.query(`SELECT COUNT(*) AS n FROM interaction`)).toEqual([{ n: 0 }])
      expect(await m.query(`SELECT COUNT(*) AS n FROM sale`)).toEqual([{ n: 0 }])

      const plan = async (sql: string) => JSON.stringify(await m.query(`EXPLAIN QUERY PLAN ${sql}`))
      expect(await plan(`SELECT id FROM interaction WHERE customer_id = 2 ORDER BY occurred_at DESC`)).toContain(
        'interaction_customer_occurred',
      )
      expect(await plan(`SELECT id FROM interaction WHERE next_follow_up = '2026-03-01'`)).toContain(
        'interaction_next_follow_up',
      )
      expect(await plan(`SELECT id FROM sale WHERE customer_id = 2 ORDER BY date DESC`)).toContain('sale_customer_date')
      expect(await plan(`SELECT id FROM sale WHERE product_id = 1 AND date >= '2026-01-01'`)).toContain(
        'sale_product_date',
      )
    } finally {
      await store.close()
    }
  })
})

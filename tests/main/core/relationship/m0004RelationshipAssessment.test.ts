import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 4 (客情关系等级评估)', () => {
  it('migrates a version-3 database holding customers without losing any', async () => {
    const { path, db: v3 } = await databaseAtVersion(3)
    for (const [code, name, level] of [
      ['KH-2026-00001', '甲公司', 'II'],
      ['KH-2026-00002', '乙公司', null],
    ]) {
      await v3.query(
        `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at,
           relationship_level)
         VALUES (?, 'enterprise', ?, ?, 'x', 'x', '2026-01-01', '2026-01-01', '2026-01-01', ?)`,
        [code, name, name, level],
      )
    }
    await v3.query(
      `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (1, '2026-02-01', 10, 'n', 'n')`,
    )
    const customersBefore = await v3.query(`SELECT * FROM customer ORDER BY id`)
    const salesBefore = await v3.query(`SELECT * FROM sale ORDER BY id`)
    expect((await v3.query(`PRAGMA user_version`))[0].user_version).toBe(3)
    await v3.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied[0]).toBe('RelationshipAssessment1795400000004')
      const m = store.manager
      expect((await m.query(`PRAGMA user_version`))[0].user_version).toBeGreaterThanOrEqual(4)
      // Every column kept as it was; migration 13 adds who changed a customer last and who entered a sale.
      expect(await m.query(`SELECT * FROM customer ORDER BY id`)).toMatchObject(customersBefore)
      expect(await m.query(`SELECT * FROM sale ORDER BY id`)).toMatchObject(salesBefore)

      const insert = (role: string, chosen: string | null) =>
        m.query(
          `INSERT INTO relationship_assessment (customer_id, assessed_at, role, ticked, suggested_level, chosen_level)
           VALUES (1, '2026-03-01 10:00:00', ?, '[]', NULL, ?)`,
          [role, chosen],
        )
      await insert('owner', 'III')
      await insert('other', null)
      await expect(insert('boss', null)).rejects.toThrow(/CHECK/)
      await expect(insert('owner', 'V')).rejects.toThrow(/CHECK/)
      await expect(
        m.query(
          `INSERT INTO relationship_assessment (customer_id, assessed_at, role, ticked) VALUES (99, 'x', 'owner', '[]')`,
        ),
      ).rejects.toThrow(/FOREIGN KEY/)

      const plan = JSON.stringify(
        await m.query(
          `EXPLAIN QUERY PLAN SELECT id FROM relationship_assessment WHERE customer_id = 1 ORDER BY assessed_at DESC`,
        ),
      )
      expect(plan).toContain('relationship_assessment_customer_assessed')

      await m.query(`DELETE FROM customer WHERE id = 1`)
      expect(await m.query(`SELECT COUNT(*) AS n FROM relationship_assessment`)).toEqual([{ n: 0 }])
    } finally {
      await store.close()
    }
  })
})

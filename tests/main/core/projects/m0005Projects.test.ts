import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 5 (项目, 竞争对手, 客户意见)', () => {
  it('migrates a version-4 database holding customers and activity without losing any', async () => {
    const { path, db: v4 } = await databaseAtVersion(4)
    for (const [code, name] of [
      ['KH-2026-00001', '甲方医院'],
      ['KH-2026-00002', '乙方安装公司'],
    ]) {
      await v4.query(
        `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at,
           relationship_level)
         VALUES (?, 'enterprise', ?, ?, 'x', 'x', '2026-01-01', '2026-01-01', '2026-01-01', 'II')`,
        [code, name, name],
      )
    }
    await v4.query(
      `INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES (1, '2026-02-01', 9, 'n', 'n')`,
    )
    const customersBefore = await v4.query(`SELECT * FROM customer ORDER BY id`)
    const salesBefore = await v4.query(`SELECT * FROM sale ORDER BY id`)
    await v4.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied[0]).toBe('Projects1795400000005')
      const m = store.manager
      // Every column kept as it was; migration 13 adds who changed a customer last and who entered a sale.
      expect(await m.query(`SELECT * FROM customer ORDER BY id`)).toMatchObject(customersBefore)
      expect(await m.query(`SELECT * FROM sale ORDER BY id`)).toMatchObject(salesBefore)

      const insertProject = (owner: number, contractor: number | null, stage = '投标') =>
        m.query(
          `INSERT INTO project (name, owner_customer_id, contractor_customer_id, stage, created_at, updated_at)
           VALUES ('门诊楼', ?, ?, ?, 'n', 'n')`,
          [owner, contractor, stage],
        )
      await insertProject(1, 2)
      expect(await m.query(`SELECT tender_facts, heat, heat_reason FROM project`)).toEqual([
        { tender_facts: '[]', heat: 10, heat_reason: '' },
      ])
      await expect(insertProject(1, 1)).rejects.toThrow(/CHECK/)
      await expect(insertProject(1, 2, '谈判')).rejects.toThrow(/CHECK/)
      await expect(insertProject(9, null)).rejects.toThrow(/FOREIGN KEY/)

      const insertFeedback = (received: string, resolved: string | null, type = '投诉') =>
        m.query(
          `INSERT INTO feedback (customer_id, type, received_at, resolved_at, status, created_at, updated_at)
           VALUES (1, ?, ?, ?, '待处理', 'n', 'n')`,
          [type, received, resolved],
        )
      await insertFeedback('2026-03-01', '2026-03-01')
      await expect(insertFeedback('2026-03-02', '2026-03-01')).rejects.toThrow(/CHECK/)
      await expect(insertFeedback('2026-03-02', null, '抱怨')).rejects.toThrow(/CHECK/)
      await m.query(
        `INSERT INTO competitor (customer_id, name, kind, our_share, created_at, updated_at) VALUES (2, '格力', '竞争对手', 40, 'n', 'n')`,
      )
      await expect(
        m.query(`INSERT INTO competitor (customer_id, name, kind, our_share, created_at, updated_at)
                 VALUES (2, '美的', '竞争对手', 101, 'n', 'n')`),
      ).rejects.toThrow(/CHECK/)

      const plan = async (sql: string) => JSON.stringify(await m.query(`EXPLAIN QUERY PLAN ${sql}`))
      expect(await plan(`SELECT id FROM project WHERE contractor_customer_id = 2`)).toContain('project_contractor')
      expect(await plan(`SELECT id FROM feedback WHERE received_at >= '2026-01-01'`)).toContain('feedback_received')

      await m.query(`DELETE FROM customer WHERE id = 2`)
      expect(await m.query(`SELECT contractor_customer_id FROM project`)).toEqual([{ contractor_customer_id: null }])
      expect(await m.query(`SELECT COUNT(*) AS n FROM competitor`)).toEqual([{ n: 0 }])
      await m.query(`DELETE FROM customer WHERE id = 1`)
      expect(await m.query(`SELECT COUNT(*) AS n FROM project`)).toEqual([{ n: 0 }])
      expect(await m.query(`SELECT COUNT(*) AS n FROM feedback`)).toEqual([{ n: 0 }])
    } finally {
      await store.close()
    }
  })
})

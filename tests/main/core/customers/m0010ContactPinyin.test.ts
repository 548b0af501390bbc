import { describe, expect, it } from 'vitest'
import { namePinyin } from '../../../../src/main/core/customers/namePinyin'
import { ContactPinyin1795400000010 } from '../../../../src/main/core/db/migrations/m0010ContactPinyin'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

/** More than one round of reads (10,000) and of writes (2,000 a statement). */
const generated = 12_345

const triggersSql = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`

describe('migration 10 (联系人拼音)', () => {
  it('fills the pinyin of every existing contact, changes nothing else, and marks both customers of a move', async () => {
    const { path, db: v9 } = await databaseAtVersion(9)
    for (const code of ['KH-2026-00001', 'KH-2026-00002']) {
      await v9.query(
        `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at)
         VALUES (?, 'enterprise', ?, ?, 'x', 'x', '2026-01-01', 'n', 'n')`,
        [code, `公司${code}`, `公司${code}`],
      )
    }
    const named = ['张三', '王经理', 'ＡＢＣ李工', '欧阳娜娜', '——', 'Tom Lee']
    for (const [i, name] of named.entries()) {
      await v9.query(
        `INSERT INTO contact (customer_id, sort_order, name, mobile, birthday_date, birthday_calendar)
         VALUES (1, ?, ?, '13800138000', '1980-06-15', 'solar')`,
        [i, name],
      )
    }
    // Many more, named from a few surnames and given names as an office's contacts are.
    await v9.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO contact (customer_id, sort_order, name)
       SELECT 2, i, substr('赵钱孙李周吴郑王', i % 8 + 1, 1) || substr('伟芳娜敏静强磊军洋勇', i % 10 + 1, 1)
         || CASE WHEN i % 3 = 0 THEN '经理' ELSE '' END FROM n`,
      [generated],
    )
    await v9.query(
      `INSERT INTO contact_date (contact_id, sort_order, label, date, calendar) VALUES (1, 0, '配偶生日', '06-14', 'solar')`,
    )
    const before = await v9.query(`SELECT * FROM contact ORDER BY id`)
    const triggersBefore = await v9.query(triggersSql)
    await v9.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied[0]).toBe('ContactPinyin1795400000010')
      const m = store.manager
      const after: Record<string, unknown>[] = await m.query(`SELECT * FROM contact ORDER BY id`)
      expect(after).toHaveLength(named.length + generated)
      // m0014's version comes later (its own test checks it).
      expect(after.map(({ pinyin: _p, pinyin_initials: _i, version: _v, ...rest }) => rest)).toEqual(before)
      for (const row of after) {
        const { pinyin, initials } = namePinyin(String(row.name))
        if (row.pinyin !== pinyin || row.pinyin_initials !== initials) {
          expect([row.id, row.name, row.pinyin, row.pinyin_initials]).toEqual([row.id, row.name, pinyin, initials])
        }
      }
      expect(after.slice(0, named.length).map((r) => [r.name, r.pinyin, r.pinyin_initials])).toEqual([
        ['张三', 'zhangsan', 'zs'],
        ['王经理', 'wangjingli', 'wjl'],
        ['ＡＢＣ李工', 'abcligong', 'abclg'],
        ['欧阳娜娜', 'ouyangnana', 'oynn'],
        ['——', '', ''],
        ['Tom Lee', 'tomlee', 'tomlee'],
      ])
      // An INSERT naming no pinyin (a raw script, the bench's baseline) gets '' rather than failing.
      await m.query(`INSERT INTO contact (customer_id, sort_order, name) VALUES (1, 99, '新人')`)
      expect(await m.query(`SELECT pinyin, pinyin_initials FROM contact WHERE name = '新人'`)).toEqual([
        { pinyin: '', pinyin_initials: '' },
      ])

      const dirtyCount = async () => (await m.query(`SELECT customer_id FROM reminder_dirty`)).length
      const clean = () => m.query(`DELETE FROM reminder_dirty`)
      await clean()
      await m.query(`UPDATE contact SET customer_id = 2 WHERE id = 1`)
      expect(await m.query(`SELECT customer_id FROM reminder_dirty ORDER BY customer_id`)).toEqual([
        { customer_id: 1 },
        { customer_id: 2 },
      ])
      await clean()
      await m.query(`UPDATE contact SET pinyin = 'x', remarks = '备注' WHERE id = 1`) // not a reminder input
      expect(await dirtyCount()).toBe(0)
      await m.query(`UPDATE contact_date SET contact_id = 2 WHERE id = 1`) // contact 2 is customer 1's
      expect(await m.query(`SELECT customer_id FROM reminder_dirty ORDER BY customer_id`)).toEqual([
        { customer_id: 1 },
        { customer_id: 2 },
      ])

      // Down restores version 9's triggers and columns exactly.
      const runner = m.connection.createQueryRunner()
      try {
        await new ContactPinyin1795400000010().down(runner)
      } finally {
        await runner.release()
      }
      // Less the triggers later migrations add on tables of their own (m0015's 合同/回款).
      const laterTables = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name NOT LIKE 'contract%' ORDER BY name`
      expect(await m.query(laterTables)).toEqual(triggersBefore)
      const columns: { name: string }[] = await m.query(`PRAGMA table_info(contact)`)
      expect(columns.map((c) => c.name)).not.toContain('pinyin')
      expect(await m.query(`PRAGMA user_version`)).toEqual([{ user_version: 9 }])
    } finally {
      await store.close()
    }
  })
})

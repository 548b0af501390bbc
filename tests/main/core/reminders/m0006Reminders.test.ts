import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 6 (提醒)', () => {
  it('migrates a version-5 database holding customers and contacts without losing any', async () => {
    const { path, db: v5 } = await databaseAtVersion(5)
    await v5.query(
      `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at)
       VALUES ('KH-2026-00001', 'enterprise', '甲公司', '甲公司', 'x', 'x', '2026-01-01', 'n', 'n')`,
    )
    await v5.query(
      `INSERT INTO contact (customer_id, sort_order, name, birthday_date, birthday_calendar) VALUES (1, 0, '张三', '08-15', 'lunar')`,
    )
    await v5.query(
      `INSERT INTO contact_date (contact_id, sort_order, label, date, calendar) VALUES (1, 0, '配偶生日', '1990-02-29', 'solar')`,
    )
    const before = {
      customers: await v5.query(`SELECT * FROM customer`),
      contacts: await v5.query(`SELECT * FROM contact`),
      dates: await v5.query(`SELECT * FROM contact_date`),
    }
    await v5.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied[0]).toBe('Reminders1795400000006')
      const m = store.manager
      // Migration 10 adds the contacts' pinyin columns, 13 the customer's updated_by; every column before stays as it was.
      const contacts: Record<string, unknown>[] = await m.query(`SELECT * FROM contact`)
      expect({
        customers: await m.query(`SELECT * FROM customer`),
        contacts: contacts.map(({ pinyin: _pinyin, pinyin_initials: _initials, ...row }) => row),
        dates: await m.query(`SELECT * FROM contact_date`),
      }).toMatchObject(before)

      const insert = (kind: string, customerId: number | null, due = '2026-03-01') =>
        m.query(
          `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
           VALUES (?, ?, '', ?, '因为', 'n') ON CONFLICT DO NOTHING`,
          [kind, customerId, due],
        )
      await insert('followUp', 1)
      await insert('followUp', 1) // the same occasion
      await insert('festival', null)
      await insert('festival', null) // NULL customers still collide, through the partial index
      await insert('festival', null, '2026-09-25')
      expect(await m.query(`SELECT kind, due_date FROM reminder ORDER BY id`)).toEqual([
        { kind: 'followUp', due_date: '2026-03-01' },
        { kind: 'festival', due_date: '2026-03-01' },
        { kind: 'festival', due_date: '2026-09-25' },
      ])
      await expect(insert('birthday', null)).rejects.toThrow(/CHECK/)
      await expect(insert('someday', 1)).rejects.toThrow(/CHECK/)

      // The rules' predicates use their indexes (the expressions must match the index verbatim).
      const plan = async (sql: string, params: unknown[]) =>
        JSON.stringify(await m.query(`EXPLAIN QUERY PLAN ${sql}`, params))
      expect(
        await plan(
          `SELECT c.id FROM dict_item d JOIN customer c ON c.contact_strategy_id = d.id AND c.deleted_at IS NULL
             AND COALESCE(c.last_contact_at, substr(c.registered_at, 1, 10)) <= date(?, '-' || d.cycle_days || ' days')
           WHERE d.category = 'contactStrategy' AND d.cycle_days IS NOT NULL`,
          ['2026-03-01'],
        ),
      ).toContain('customer_follow_up_scan')
      expect(
        await plan(
          `SELECT ct.id FROM contact ct WHERE ct.birthday_date IS NOT NULL AND ct.birthday_calendar = ?
             AND substr(ct.birthday_date, -5) IN (SELECT value FROM json_each(?))`,
          ['lunar', '["08-15"]'],
        ),
      ).toContain('contact_birthday_md')

      await m.query(`DELETE FROM customer WHERE id = 1`)
      expect(await m.query(`SELECT COUNT(*) AS n FROM reminder WHERE customer_id IS NOT NULL`)).toEqual([{ n: 0 }])
    } finally {
      await store.close()
    }
  })
})

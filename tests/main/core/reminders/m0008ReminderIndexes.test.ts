import { describe, expect, it } from 'vitest'
import { openStore } from '../../../../src/main/core/db/openStore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'

describe('migration 8 (the kept open-reminder count)', () => {
  it('migrates a version-7 database holding reminders, counting its open ones, and keeps the count after', async () => {
    const { path, db: v7 } = await databaseAtVersion(7)
    await v7.query(
      `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at)
       VALUES ('KH-2026-00001', 'enterprise', '甲公司', '甲公司', 'x', 'x', '2026-01-01', 'n', 'n')`,
    )
    for (const [due, status] of [
      ['2026-03-01', 'pending'],
      ['2026-03-02', 'pending'],
      ['2026-03-03', 'done'],
      ['2026-03-04', 'snoozed'],
    ]) {
      await v7.query(
        `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at, status)
         VALUES ('followUp', 1, '', ?, '因为', 'n', ?)`,
        [due, status],
      )
    }
    const before = await v7.query(`SELECT * FROM reminder ORDER BY id`)
    await v7.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied[0]).toBe('ReminderIndexes1795400000008')
      const m = store.manager
      expect(await m.query(`SELECT * FROM reminder ORDER BY id`)).toEqual(before)
      const kept = async () => (await m.query(`SELECT n FROM reminder_pending_count`))[0].n
      expect(await kept()).toBe(2)

      await m.query(`UPDATE reminder SET status = 'pending' WHERE status = 'snoozed'`)
      expect(await kept()).toBe(3)
      await m.query(`UPDATE reminder SET status = 'done', done_at = 'n' WHERE due_date = '2026-03-01'`)
      await m.query(`UPDATE reminder SET reason = '另一个原因'`) // not a status change
      expect(await kept()).toBe(2)
      await m.query(
        `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
         VALUES ('followUp', 1, '', '2026-03-05', '因为', 'n')`,
      )
      expect(await kept()).toBe(3)
      await m.query(`DELETE FROM customer`) // its reminders go by cascade
      expect(await kept()).toBe(0)
    } finally {
      await store.close()
    }
  })
})

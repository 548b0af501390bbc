import { copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DataSource } from 'typeorm'
import { expect, it } from 'vitest'
import { migrations } from '../../../../src/main/core/db/migrations'
import { openStore } from '../../../../src/main/core/db/openStore'
import { tempDir } from '../../../helpers/tempDir'

it('m0015 on a version-14 database full of rows: reminders rebuilt with the same rows, ids and counts; sales gain no contract; contracts work', async () => {
  const path = join(tempDir('m0015'), 'kqgj.sqlite')
  copyFileSync(resolve(__dirname, '../../../fixtures/db/kqgj-v9.sqlite'), path)
  const v14 = new DataSource({ type: 'sqlite', database: path, migrations: migrations.slice(0, 14) })
  await v14.initialize()
  await v14.runMigrations({ transaction: 'all' })
  // A deleted reminder leaves a gap at the top: its id must not be handed out again.
  const [{ top }] = await v14.query(`SELECT MAX(id) AS top FROM reminder`)
  await v14.query(`DELETE FROM reminder WHERE id = ?`, [top])
  const reminders: Record<string, unknown>[] = await v14.query(`SELECT * FROM reminder ORDER BY id`)
  const sales: Record<string, unknown>[] = await v14.query(`SELECT * FROM sale ORDER BY id`)
  const [{ pending }] = await v14.query(`SELECT n AS pending FROM reminder_pending_count`)
  const [{ seq }] = await v14.query(`SELECT seq FROM sqlite_sequence WHERE name = 'reminder'`)
  await v14.destroy()
  expect(reminders.length).toBeGreaterThan(0)
  expect(sales.length).toBeGreaterThan(0)
  expect(seq).toBe(top)

  const { store, applied } = await openStore(path)
  try {
    expect(applied).toEqual(['Contracts1795400000015'])
    const m = store.manager
    expect(await m.query('PRAGMA user_version')).toEqual([{ user_version: 15 }])
    expect(await m.query('PRAGMA foreign_key_check')).toEqual([])
    expect(await m.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    expect(await m.query(`SELECT * FROM reminder ORDER BY id`)).toEqual(reminders)
    expect(await m.query(`SELECT * FROM sale ORDER BY id`)).toEqual(sales.map((s) => ({ ...s, contract_id: null })))
    expect(await m.query(`SELECT n FROM reminder_pending_count`)).toEqual([{ n: pending }])
    const indexes: { name: string }[] = await m.query(
      `SELECT name FROM sqlite_master WHERE tbl_name = 'reminder' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`,
    )
    expect(indexes.map((i) => i.name)).toEqual([
      'reminder_customer',
      'reminder_festival_key',
      'reminder_interaction',
      'reminder_pending_delete',
      'reminder_pending_insert',
      'reminder_pending_update',
      'reminder_status_due',
      'reminder_status_kind',
      'reminder_unnotified',
    ])

    // The new kinds are allowed, the next id is past the deleted one, and the count trigger still counts.
    const customerId = (sales[0]?.customer_id as number) ?? 0
    await m.query(
      `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
       VALUES ('payment', ?, 'instalment:1', '2026-12-01', '回款', 'n')`,
      [customerId],
    )
    const [fresh] = await m.query(`SELECT id FROM reminder WHERE kind = 'payment'`)
    expect(fresh.id).toBe(top + 1)
    expect(await m.query(`SELECT n FROM reminder_pending_count`)).toEqual([{ n: pending + 1 }])
    await expect(
      m.query(
        `INSERT INTO reminder (kind, customer_id, due_date, reason, created_at) VALUES ('bogus', ?, 'd', 'r', 'n')`,
        [customerId],
      ),
    ).rejects.toThrow(/CHECK/)

    // 已收 follows the payments (triggers), and the customer is marked for the next reminder scan.
    await m.query(`DELETE FROM reminder_dirty`)
    await m.query(
      `INSERT INTO contract (contract_no, customer_id, name, amount, status, created_at, updated_at)
       VALUES ('HT-2026-0001', ?, '年度供货', 1000, '执行中', 'n', 'n')`,
      [customerId],
    )
    await m.query(
      `INSERT INTO contract_payment (contract_id, paid_on, amount, created_at) VALUES (1, '2026-12-01', 300.1, 'n')`,
    )
    await m.query(
      `INSERT INTO contract_payment (contract_id, paid_on, amount, created_at) VALUES (1, '2026-12-02', 0.2, 'n')`,
    )
    expect(await m.query(`SELECT received_amount FROM contract`)).toEqual([{ received_amount: 300.3 }])
    await m.query(`DELETE FROM contract_payment WHERE amount = 0.2`)
    expect(await m.query(`SELECT received_amount FROM contract`)).toEqual([{ received_amount: 300.1 }])
    expect(await m.query(`SELECT customer_id FROM reminder_dirty`)).toEqual([{ customer_id: customerId }])
    // A sale may name its contract; the contract deleted for good leaves the sale without one.
    await m.query(`UPDATE sale SET contract_id = 1 WHERE id = ?`, [sales[0]?.id])
    await m.query(`DELETE FROM contract`)
    expect(await m.query(`SELECT contract_id FROM sale WHERE id = ?`, [sales[0]?.id])).toEqual([{ contract_id: null }])
    expect(await m.query(`SELECT COUNT(*) AS n FROM contract_payment`)).toEqual([{ n: 0 }])
  } finally {
    await store.close()
  }
})

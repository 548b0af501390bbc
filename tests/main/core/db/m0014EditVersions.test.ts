import { copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DataSource } from 'typeorm'
import { expect, it } from 'vitest'
import { migrations } from '../../../../src/main/core/db/migrations'
import { openStore } from '../../../../src/main/core/db/openStore'
import { tempDir } from '../../../helpers/tempDir'

const versioned = ['customer', 'contact', 'interaction', 'sale', 'project', 'competitor', 'feedback']
const records = ['interaction', 'sale', 'project', 'competitor', 'feedback']

it('m0014 on a version-13 database full of rows: every row kept as it was, each at version 0, no record with a last editor', async () => {
  // The last released fixture (rows in every table), brought to version 13 by the app's own migrations.
  const path = join(tempDir('m0014'), 'kqgj.sqlite')
  copyFileSync(resolve(__dirname, '../../../fixtures/db/kqgj-v9.sqlite'), path)
  const v13 = new DataSource({ type: 'sqlite', database: path, migrations: migrations.slice(0, 13) })
  await v13.initialize()
  await v13.runMigrations({ transaction: 'all' })
  // A customer last changed by a user (m0013's column) keeps that user.
  await v13.query(
    `INSERT INTO app_user (login, login_key, name, role, password_hash, created_at, updated_at)
     VALUES ('zhang', 'zhang', '张三', 'manager', 'x', 'n', 'n')`,
  )
  await v13.query(`UPDATE customer SET updated_by = 1 WHERE id % 7 = 0`)
  const before: Record<string, Record<string, unknown>[]> = {}
  for (const table of versioned) before[table] = await v13.query(`SELECT * FROM ${table} ORDER BY id`)
  await v13.destroy()
  for (const table of versioned) expect(before[table]?.length, table).toBeGreaterThan(0)

  // Up to m0014 only: later migrations add columns of their own (m0015's sale.contract_id).
  const { store, applied } = await openStore(path, { migrations: migrations.slice(0, 14) })
  try {
    expect(applied).toEqual(['EditVersions1795400000014'])
    const m = store.manager
    expect(await m.query('PRAGMA user_version')).toEqual([{ user_version: 14 }])
    expect(await m.query('PRAGMA foreign_key_check')).toEqual([])
    for (const table of versioned) {
      const after: Record<string, unknown>[] = await m.query(`SELECT * FROM ${table} ORDER BY id`)
      const added = records.includes(table) ? { version: 0, updated_by: null } : { version: 0 }
      expect(after, table).toEqual((before[table] ?? []).map((row) => ({ ...row, ...added })))
    }
    const [{ n }] = await m.query(`SELECT count(*) AS n FROM customer WHERE updated_by = 1`)
    expect(n).toBeGreaterThan(0)
    // New rows start at 0 too, with nobody named.
    await m.query(
      `INSERT INTO competitor (customer_id, name, kind, created_at, updated_at) VALUES (?, '新竞品', '竞争对手', 'n', 'n')`,
      [before.customer?.[0]?.id],
    )
    expect(await m.query(`SELECT version, updated_by FROM competitor WHERE name = '新竞品'`)).toEqual([
      { version: 0, updated_by: null },
    ])
  } finally {
    await store.close()
  }
})

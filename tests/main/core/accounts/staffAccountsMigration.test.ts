import { copyFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { latestSchemaVersion } from '../../../../src/main/core/db/migrations'
import { withRaw, rawAll } from '../../../../src/main/core/db/rawSqlite'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

it('m0013 on a database of the last released schema: every 负责业务员 kept, no login until accounts are on, then the 业务员 maps onto a user', async () => {
  const dir = tempDir('m0013')
  const path = join(dir, 'kqgj.sqlite')
  copyFileSync(resolve(__dirname, '../../../fixtures/db/kqgj-v9.sqlite'), path)
  const owners = (sql: string) => withRaw(path, 'readonly', (db) => rawAll(db, sql))
  const before = await owners(`SELECT id, owner_staff_id FROM customer ORDER BY id`)
  const perStaff = (await owners(
    `SELECT owner_staff_id AS staff, count(*) AS n FROM customer WHERE owner_staff_id IS NOT NULL AND deleted_at IS NULL
      GROUP BY owner_staff_id ORDER BY n DESC, staff`,
  )) as { staff: number; n: number }[]
  const pool = (await owners(
    `SELECT count(*) AS n FROM customer WHERE owner_staff_id IS NULL AND deleted_at IS NULL`,
  )) as {
    n: number
  }[]
  const busiest = perStaff[0]
  if (!busiest) throw new Error('the fixture has customers with a 负责业务员')

  core = await openCore(dir, { checkOutput: true })
  const c = core
  expect(await c.store.manager.query('PRAGMA user_version')).toEqual([{ user_version: latestSchemaVersion }])
  expect(await c.store.read((db) => db.all(`SELECT id, owner_staff_id FROM customer ORDER BY id`))).toEqual(before)
  expect(await c.store.read((db) => db.all(`SELECT count(*) AS n FROM app_user`))).toEqual([{ n: 0 }])
  // Single-PC as before: no login, every customer.
  expect((await call(c, 'auth.status', {})).enabled).toBe(false)
  const all = await call(c, 'customers.list', { startRow: 0, endRow: 1 })

  const admin = await call(c, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
  const staffName = (await call(c, 'dictionary.list', { category: 'staff' }, admin.token)).find(
    (d) => d.id === busiest.staff,
  )?.label
  const user = await call(
    c,
    'users.create',
    {
      login: 'sales',
      name: staffName ?? '业务员',
      role: 'sales',
      password: 'secret-2',
      staffId: busiest.staff,
      customerLimit: null,
    },
    admin.token,
  )
  expect(user.ownedCustomers).toBe(busiest.n)
  const sales = await call(c, 'auth.login', { login: 'sales', password: 'secret-2', remember: false })
  const seen = await call(c, 'customers.list', { startRow: 0, endRow: 1 }, sales.token)
  expect(seen.total).toBe(busiest.n + (pool[0]?.n ?? 0))
  expect(seen.total).toBeLessThan(all.total)
})

import type { Caller } from '../../../../src/main/core/accounts/caller'
import { asCaller, testCaller } from '../../../helpers/callers'
import { databaseDigest, type TableDigest } from '../../../helpers/databaseDigest'
import { call, testCore } from '../../../helpers/testCore'
import type { Channel, ChannelInput } from '../../../../src/shared/contract'

/**
 * Demo customers spread over the 业务员 items, a fifth of them put back into the
 * 公海, and real app_user rows for two 业务员 and a 主管 (the who-did-what columns
 * reference them). `mine` is the 业务员 owning the most customers, `other` the next.
 */
export interface ScopeFixture {
  core: Awaited<ReturnType<typeof testCore>>
  dbPath: string
  mine: number
  other: number
  sales: Caller
  otherSales: Caller
  manager: Caller
  /** Live customers of `sales`: theirs and the 公海, by a query of its own. */
  scopeIds(options?: { deleted?: boolean }): Promise<number[]>
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>
  /** One customer id owned by `other` (out of the 业务员's scope). */
  othersCustomer(): Promise<number>
  /** One customer id owned by `mine`. */
  ownCustomer(): Promise<number>
  poolCustomer(): Promise<number>
}

export async function scopeFixture(prefix: string, customers = 240): Promise<ScopeFixture> {
  const core = await testCore(prefix)
  await call(core, 'demo.load', { customers })
  const rows = async <R>(sql: string, params: unknown[] = []): Promise<R[]> =>
    (await core.store.manager.query(sql, params)) as R[]
  await rows(`UPDATE customer SET owner_staff_id = NULL WHERE id % 5 = 0`)
  const owners = await rows<{ s: number }>(
    `SELECT owner_staff_id AS s FROM customer WHERE owner_staff_id IS NOT NULL
     GROUP BY owner_staff_id ORDER BY COUNT(*) DESC, s LIMIT 2`,
  )
  const [mine, other] = owners.map((o) => o.s)
  if (mine === undefined || other === undefined) throw new Error('demo data has fewer than two 业务员')
  const insertUser = (login: string, name: string, role: string, staffId: number | null) =>
    core.store.write(
      async (db) =>
        (
          await db.run(
            `INSERT INTO app_user (login, login_key, name, role, staff_id, password_hash, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, 'x', '2026-12-06 08:00:00', '2026-12-06 08:00:00')`,
            [login, login, name, role, staffId],
          )
        ).lastId,
    )
  const salesId = await insertUser('zhang', '张业务', 'sales', mine)
  const otherId = await insertUser('li', '李业务', 'sales', other)
  const managerId = await insertUser('wang', '王主管', 'manager', null)
  const { databasePath } = await call(core, 'app.info', {})
  const pick = async (sql: string, params: unknown[]): Promise<number> => {
    const [row] = await rows<{ id: number }>(`${sql} AND deleted_at IS NULL ORDER BY id LIMIT 1`, params)
    if (!row) throw new Error(`no customer for ${sql}`)
    return row.id
  }
  return {
    core,
    dbPath: databasePath,
    mine,
    other,
    sales: testCaller('sales', mine, salesId, '张业务'),
    otherSales: testCaller('sales', other, otherId, '李业务'),
    manager: testCaller('manager', null, managerId, '王主管'),
    rows,
    scopeIds: async ({ deleted = false } = {}) =>
      (
        await rows<{ id: number }>(
          `SELECT id FROM customer WHERE deleted_at IS ${deleted ? 'NOT ' : ''}NULL
           AND (owner_staff_id = ? OR owner_staff_id IS NULL) ORDER BY id`,
          [mine],
        )
      ).map((r) => r.id),
    othersCustomer: () => pick(`SELECT id FROM customer WHERE owner_staff_id = ?`, [other]),
    ownCustomer: () => pick(`SELECT id FROM customer WHERE owner_staff_id = ?`, [mine]),
    poolCustomer: () => pick(`SELECT id FROM customer WHERE owner_staff_id IS NULL`, []),
  }
}

/** Every table's row count and hash, to show a refused call left the database as it was. */
export function digest(fixture: ScopeFixture): Promise<Record<string, TableDigest>> {
  return databaseDigest(fixture.dbPath)
}

/** Runs a channel as `caller` and returns the error it must throw (fails when it succeeds). */
export async function refusal<C extends Channel>(
  fixture: ScopeFixture,
  caller: Caller,
  channel: C,
  input: ChannelInput<C>,
): Promise<{ code: string; message: string }> {
  try {
    await asCaller(fixture.core, caller, channel, input)
  } catch (error) {
    const e = error as { code?: string; message: string }
    return { code: e.code ?? 'none', message: e.message }
  }
  throw new Error(`${channel} was not refused`)
}

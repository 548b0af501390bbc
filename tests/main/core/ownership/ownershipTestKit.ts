import type { Role } from '../../../../src/shared/accounts'
import type { Core } from '../../../../src/main/core/openCore'
import { testCaller } from '../../../helpers/callers'
import type { Caller } from '../../../../src/main/core/accounts/caller'

/** A 业务员 dictionary item and a real app_user standing for it (the moves write the user id). */
export async function addUser(
  core: Core,
  name: string,
  role: Role,
  options: { limit?: number | null; enabled?: boolean; staff?: boolean } = {},
): Promise<{ userId: number; staffId: number | null; caller: Caller }> {
  return core.store.write(async (db) => {
    let staffId: number | null = null
    if (options.staff !== false) {
      staffId = (
        await db.run(
          `INSERT INTO dict_item (category, label, sort_order) VALUES ('staff', ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM dict_item))`,
          [name],
        )
      ).lastId
    }
    const userId = (
      await db.run(
        `INSERT INTO app_user (login, login_key, name, role, enabled, staff_id, customer_limit, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'x', '2026-12-01 09:00:00', '2026-12-01 09:00:00')`,
        [name, name, name, role, options.enabled === false ? 0 : 1, staffId, options.limit ?? null],
      )
    ).lastId
    return { userId, staffId, caller: testCaller(role, staffId, userId, name) }
  })
}

/** `count` customers owned by `staffId` (null = the 公海), registered on `registered`; their ids in order. */
export async function addCustomers(
  core: Core,
  count: number,
  staffId: number | null,
  fields: { registered?: string; lastContact?: string | null; demandStatus?: string; valueClass?: string } = {},
): Promise<number[]> {
  return core.store.write(async (db) => {
    const first = (await db.first<{ n: number }>(`SELECT COALESCE(MAX(id), 0) AS n FROM customer`))?.n ?? 0
    await db.run(
      `WITH RECURSIVE n(i) AS (SELECT ? + 1 UNION ALL SELECT i + 1 FROM n WHERE i < ? + ?)
       INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at,
         owner_staff_id, last_contact_at, demand_status, value_class)
       SELECT 'T' || i, 'enterprise', '客户' || i, '客户' || i, 'kehu' || i, 'kh', ?, ?, ?, ?, ?, ?, ? FROM n`,
      [
        first,
        first,
        count,
        fields.registered ?? '2026-01-01 09:00:00',
        '2026-01-01 09:00:00',
        '2026-01-01 09:00:00',
        staffId,
        fields.lastContact ?? null,
        fields.demandStatus ?? null,
        fields.valueClass ?? null,
      ],
    )
    const rows = await db.all<{ id: number }>(`SELECT id FROM customer WHERE id > ? ORDER BY id`, [first])
    return rows.map((r) => r.id)
  })
}

/** One customer; its id. */
export async function addCustomer(
  core: Core,
  staffId: number | null,
  fields: Parameters<typeof addCustomers>[3] = {},
): Promise<number> {
  const [id] = await addCustomers(core, 1, staffId, fields)
  if (id === undefined) throw new Error('no customer was added')
  return id
}

export function owners(core: Core, ids: readonly number[]): Promise<(number | null)[]> {
  return core.store.read(async (db) => {
    const rows = await db.all<{ owner: number | null }>(
      `SELECT owner_staff_id AS owner FROM customer WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      [JSON.stringify(ids)],
    )
    return rows.map((r) => r.owner)
  })
}

export function rows<Row>(core: Core, sql: string, params: unknown[] = []): Promise<Row[]> {
  return core.store.read((db) => db.all<Row>(sql, params))
}

export async function countOf(core: Core, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: number }>(core, sql, params)
  return row?.n ?? 0
}

/** What a refused call must leave as it was. */
export async function snapshot(core: Core): Promise<string> {
  const all = await rows<unknown>(
    core,
    `SELECT (SELECT json_group_array(json_array(id, owner_staff_id, updated_by, updated_at)) FROM customer) AS customers,
       (SELECT count(*) FROM customer_change) AS changes, (SELECT count(*) FROM audit_event) AS audits`,
  )
  return JSON.stringify(all)
}

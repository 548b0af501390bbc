import type { SqlReader, SqlWriter } from '../db/sqlHandles'

/**
 * SQL of 负责人 moves (docs/product-rules.md#ownership). A move is set-based: one
 * INSERT … SELECT of 变更记录 rows and one UPDATE per chunk of ids, so a handover of
 * 100,000 customers is a few dozen statements in one transaction, not 100,000 saves.
 */

/** Ids per statement: json_each of 5,000 numbers is a ~30 KB parameter, far below SQLite's limits. */
const chunkSize = 5_000

export const ownerField = { field: 'ownerStaffId', label: '负责业务员' } as const

export interface MoveBy {
  /** The user who moved them; null for the core's own job (回收规则). */
  userId: number | null
  /** Local time stamped on the customer and its 变更记录. */
  now: string
}

/**
 * Sets the 负责业务员 of `ids` to `toStaffId` (null = the 公海), writing each moved
 * customer's 变更记录 (old and new 业务员 by name) and 最后修改人. Customers already
 * there are left alone. Returns how many moved.
 */
export async function moveCustomers(
  db: SqlWriter,
  ids: readonly number[],
  toStaffId: number | null,
  by: MoveBy,
): Promise<number> {
  const toLabel = toStaffId === null ? null : await staffLabel(db, toStaffId)
  let moved = 0
  for (let start = 0; start < ids.length; start += chunkSize) {
    const idsJson = JSON.stringify(ids.slice(start, start + chunkSize))
    await db.run(
      `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value, user_id)
       SELECT c.id, ?, ?, ?, o.label, ?, ?
       FROM customer c LEFT JOIN dict_item o ON o.id = c.owner_staff_id
       WHERE c.id IN (SELECT value FROM json_each(?)) AND c.owner_staff_id IS NOT ?`,
      [by.now, ownerField.field, ownerField.label, toLabel, by.userId, idsJson, toStaffId],
    )
    const result = await db.run(
      `UPDATE customer SET owner_staff_id = ?, updated_by = ?, updated_at = ?, version = version + 1
       WHERE id IN (SELECT value FROM json_each(?)) AND owner_staff_id IS NOT ?`,
      [toStaffId, by.userId, by.now, idsJson, toStaffId],
    )
    moved += result.changes
  }
  return moved
}

export async function staffLabel(db: SqlReader, staffId: number): Promise<string | null> {
  const row = await db.first<{ label: string }>(`SELECT label FROM dict_item WHERE id = ?`, [staffId])
  return row?.label ?? null
}

/** Of `ids`, how many are not live customers in the 公海 (owned, in the 回收站, or gone). */
export async function countNotInPool(db: SqlReader, ids: readonly number[]): Promise<number> {
  const row = await db.first<{ n: number }>(
    `SELECT count(*) AS n FROM customer WHERE id IN (SELECT value FROM json_each(?))
       AND owner_staff_id IS NULL AND deleted_at IS NULL`,
    [JSON.stringify(ids)],
  )
  return ids.length - (row?.n ?? 0)
}

/** Of `ids`, how many exist and how many of those are in the 公海. */
export async function poolCounts(db: SqlReader, ids: readonly number[]): Promise<{ found: number; inPool: number }> {
  const row = await db.first<{ found: number; inPool: number }>(
    `SELECT count(*) AS found, COALESCE(SUM(owner_staff_id IS NULL), 0) AS inPool
     FROM customer WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  )
  return row ?? { found: 0, inPool: 0 }
}

export interface OwnershipUser {
  id: number
  name: string
  enabled: boolean
  staffId: number | null
  customerLimit: number | null
}

export async function ownershipUser(db: SqlReader, userId: number): Promise<OwnershipUser | null> {
  const row = await db.first<{
    id: number
    name: string
    enabled: number
    staff_id: number | null
    customer_limit: number | null
  }>(`SELECT id, name, enabled, staff_id, customer_limit FROM app_user WHERE id = ?`, [userId])
  return row
    ? {
        id: row.id,
        name: row.name,
        enabled: row.enabled === 1,
        staffId: row.staff_id,
        customerLimit: row.customer_limit,
      }
    : null
}

/** Every customer of a 业务员, the 回收站's included (a handover when someone leaves). */
export async function customerIdsOfStaff(db: SqlReader, staffId: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(`SELECT id FROM customer WHERE owner_staff_id = ? ORDER BY id`, [staffId])
  return rows.map((r) => r.id)
}

/**
 * Open reminders (待处理 or 已推迟) of a 业务员's customers. Reminders belong to a
 * customer, not to a user, so they follow the customer when it moves; this only counts them.
 */
export async function openReminderCountOfStaff(db: SqlReader, staffId: number): Promise<number> {
  const row = await db.first<{ n: number }>(
    `SELECT count(*) AS n FROM customer c CROSS JOIN reminder r ON r.customer_id = c.id
     WHERE c.owner_staff_id = ? AND r.status IN ('pending', 'snoozed')`,
    [staffId],
  )
  return row?.n ?? 0
}

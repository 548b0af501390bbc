import type { EntityManager } from 'typeorm'
import { completeness, completenessFieldKeys } from '../../../shared/completeness'
import {
  customerAutoShape,
  customerFieldKeys,
  duplicateReasons,
  type Customer,
  type CustomerDuplicate,
} from '../../../shared/customer'
import { CustomerEntity, customerColumnKinds, snakeCase, type CustomerRow } from '../db/customerEntities'
import { listContacts } from './contactQueries'
import { groupsOfCustomer } from './groupQueries'

const outputKeys = [...Object.keys(customerAutoShape), ...customerFieldKeys] as (keyof CustomerRow)[]
/** [property, column, is boolean] of every customer column, worked out once. */
export const customerColumnPairs = (Object.keys(customerColumnKinds) as (keyof CustomerRow)[]).map(
  (key) => [key, snakeCase(key), customerColumnKinds[key].startsWith('boolean')] as const,
)

/** `c.<column> AS <column>` for every customer column, for raw selects read by customerFromRaw. */
export const customerColumnsSql = Object.keys(customerColumnKinds)
  .map((key) => `c.${snakeCase(key)}`)
  .join(', ')

/** A raw `SELECT c.*`-style row (snake_case, 0/1 booleans) as a CustomerRow. */
export function customerFromRaw(raw: Record<string, unknown>): CustomerRow {
  const row: Record<string, unknown> = {}
  for (const [key, column, isBoolean] of customerColumnPairs) {
    const value = raw[column]
    row[key] = isBoolean && value !== null && value !== undefined ? Boolean(value) : value
  }
  return row as unknown as CustomerRow
}

export async function findCustomerRow(manager: EntityManager, id: number): Promise<CustomerRow | null> {
  return manager.findOneBy(CustomerEntity, { id })
}

/** The whole card: values, groups, contacts and 资料完整度. */
export async function findCustomer(manager: EntityManager, id: number): Promise<Customer | null> {
  const row = await findCustomerRow(manager, id)
  if (!row) return null
  const [groups, contacts] = [await groupsOfCustomer(manager, id), await listContacts(manager, id)]
  const picked = Object.fromEntries(outputKeys.map((key) => [key, row[key]])) as Omit<
    Customer,
    'groups' | 'contacts' | 'completeness'
  >
  return { ...picked, groups, contacts, completeness: completeness({ ...picked, contacts }) }
}

/**
 * The next 客户编号 of a year, KH-<year>-<5 digits>. The counter only goes up
 * (inside the caller's transaction), so a code is never issued twice, even after
 * its customer was deleted for good.
 */
export async function nextCustomerCode(manager: EntityManager, year: number): Promise<string> {
  for (;;) {
    await manager.query(
      `INSERT INTO customer_code_counter (year, last_value) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = last_value + 1`,
      [year],
    )
    const [{ last_value: value }] = await manager.query(`SELECT last_value FROM customer_code_counter WHERE year = ?`, [
      year,
    ])
    const code = `KH-${year}-${String(value).padStart(5, '0')}`
    const [taken] = await manager.query(`SELECT 1 FROM customer WHERE code = ?`, [code])
    if (!taken) return code
  }
}

export async function insertCustomer(manager: EntityManager, row: Omit<CustomerRow, 'id'>): Promise<number> {
  const result = await manager.insert(CustomerEntity, row)
  return Number(result.identifiers[0]?.id)
}

export async function updateCustomer(manager: EntityManager, id: number, changes: Partial<CustomerRow>): Promise<void> {
  if (Object.keys(changes).length > 0) await manager.update(CustomerEntity, { id }, changes)
}

export async function creditCodeHolder(
  manager: EntityManager,
  creditCode: string,
  excludeId: number | null,
): Promise<{ code: string; name: string; deleted: boolean } | null> {
  const [row] = await manager.query(
    `SELECT code, name, deleted_at FROM customer WHERE credit_code = ? AND id IS NOT ?`,
    [creditCode, excludeId],
  )
  return row ? { code: String(row.code), name: String(row.name), deleted: row.deleted_at !== null } : null
}

/** Customers sharing the normalised name, the phone digits (also a contact's) or the e-mail. */
export async function findDuplicates(
  manager: EntityManager,
  keys: { nameNorm: string | null; phoneNorm: string | null; emailNorm: string | null; creditCode: string | null },
  excludeId: number | null,
): Promise<CustomerDuplicate[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT c.id, c.code, c.name, c.deleted_at, m.reason FROM (
       SELECT id, 0 AS reason FROM customer WHERE credit_code = ?5
       UNION SELECT id, 1 FROM customer WHERE name_norm = ?1
       UNION SELECT id, 2 FROM customer WHERE phone_norm = ?2
       UNION SELECT customer_id, 2 FROM contact WHERE mobile_norm = ?2 OR office_phone_norm = ?2
       UNION SELECT id, 3 FROM customer WHERE email_norm = ?3
     ) m JOIN customer c ON c.id = m.id
     WHERE c.id IS NOT ?4
     ORDER BY c.id, m.reason LIMIT 200`,
    [keys.nameNorm, keys.phoneNorm, keys.emailNorm, excludeId, keys.creditCode],
  )
  const found = new Map<number, CustomerDuplicate>()
  for (const row of rows) {
    const reason = duplicateReasons[Number(row.reason)] ?? '名称相同'
    const id = Number(row.id)
    const entry = found.get(id)
    if (entry) {
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason)
      continue
    }
    found.set(id, {
      id,
      code: String(row.code),
      name: String(row.name),
      reason,
      reasons: [reason],
      deleted: row.deleted_at !== null,
    })
  }
  return [...found.values()].slice(0, 50)
}

/** How many of the ids exist, and how many of those are in the 回收站. */
export async function idsState(manager: EntityManager, idsJson: string): Promise<{ found: number; deleted: number }> {
  const [row] = await manager.query(
    `SELECT COUNT(*) AS found, COALESCE(SUM(deleted_at IS NOT NULL), 0) AS deleted FROM customer
     WHERE id IN (SELECT value FROM json_each(?))`,
    [idsJson],
  )
  return { found: Number(row.found), deleted: Number(row.deleted) }
}

/** Ids among `idsJson` whose deleted state is `inBin`. */
export async function idsInState(manager: EntityManager, idsJson: string, inBin: boolean): Promise<number[]> {
  const rows: { id: number }[] = await manager.query(
    `SELECT id FROM customer WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS ${inBin ? 'NOT NULL' : 'NULL'}`,
    [idsJson],
  )
  return rows.map((r) => Number(r.id))
}

export async function setDeletedAt(
  manager: EntityManager,
  idsJson: string,
  deletedAt: string | null,
  updatedAt: string,
): Promise<void> {
  await manager.query(
    `UPDATE customer SET deleted_at = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`,
    [deletedAt, updatedAt, idsJson],
  )
}

/** The real delete (彻底删除): contacts, their dates, memberships and history go with it. */
export async function purgeCustomers(manager: EntityManager, idsJson: string): Promise<void> {
  await manager.query(`DELETE FROM customer WHERE id IN (SELECT value FROM json_each(?))`, [idsJson])
}

/**
 * Sets one dictionary column on many customers, writing a history row for each
 * customer whose value changes. `column` comes from the whitelist of batch fields.
 * Returns the customers whose field went from empty to set or back: only their
 * 资料完整度 can have changed.
 */
export async function setDictColumnForMany(
  manager: EntityManager,
  change: { column: string; field: string; label: string; value: number | null; valueLabel: string | null },
  idsJson: string,
  changedAt: string,
): Promise<number[]> {
  const { column } = change
  const flipped: { id: number }[] = await manager.query(
    `SELECT id FROM customer WHERE id IN (SELECT value FROM json_each(?)) AND (${column} IS NULL) <> (? IS NULL)`,
    [idsJson, change.value],
  )
  await manager.query(
    `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value)
     SELECT c.id, ?, ?, ?, COALESCE(d.label, '#' || c.${column}), ? FROM customer c
     LEFT JOIN dict_item d ON d.id = c.${column}
     WHERE c.id IN (SELECT value FROM json_each(?)) AND c.${column} IS NOT ?`,
    [changedAt, change.field, change.label, change.valueLabel, idsJson, change.value],
  )
  await manager.query(
    `UPDATE customer SET ${column} = ?, updated_at = ?
     WHERE id IN (SELECT value FROM json_each(?)) AND ${column} IS NOT ?`,
    [change.value, changedAt, idsJson, change.value],
  )
  return flipped.map((r) => Number(r.id))
}

export async function touchCustomers(manager: EntityManager, ids: number[], updatedAt: string): Promise<void> {
  if (ids.length === 0) return
  await manager.query(`UPDATE customer SET updated_at = ? WHERE id IN (SELECT value FROM json_each(?))`, [
    updatedAt,
    JSON.stringify(ids),
  ])
}

/**
 * Recomputes the stored 资料完整度 of many customers with the one shared function,
 * a thousand at a time, writing only the values that changed.
 */
export async function refreshCompleteness(manager: EntityManager, ids: number[]): Promise<void> {
  const columns = ['id', 'kind', 'completeness', ...completenessFieldKeys]
    .map((key) => `c.${snakeCase(key)}`)
    .join(', ')
  for (let start = 0; start < ids.length; start += 5000) {
    const chunk = JSON.stringify(ids.slice(start, start + 5000))
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${columns}, (SELECT COUNT(*) FROM contact t WHERE t.customer_id = c.id) AS contact_count
       FROM customer c WHERE c.id IN (SELECT value FROM json_each(?))`,
      [chunk],
    )
    const changed: [number, number][] = []
    for (const raw of rows) {
      const row = customerFromRaw(raw)
      const percent = completeness(row, Number(raw.contact_count)).percent
      if (percent !== row.completeness) changed.push([row.id, percent])
    }
    if (changed.length > 0) {
      await manager.query(
        `UPDATE customer SET completeness = x.percent
         FROM (SELECT value ->> 0 AS id, value ->> 1 AS percent FROM json_each(?)) AS x
         WHERE customer.id = x.id`,
        [JSON.stringify(changed)],
      )
    }
  }
}

import { completeness, completenessFieldKeys } from '../../../shared/completeness'
import {
  customerAutoShape,
  customerFieldKeys,
  duplicateReasons,
  type Customer,
  type CustomerDuplicate,
} from '../../../shared/customer'
import { CustomerEntity, customerColumnKinds, snakeCase, type CustomerRow } from '../db/customerEntities'
import type { Caller } from '../accounts/caller'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { lastChange } from '../common/editVersion'
import { mustFind } from '../common/mustFind'
import { listContacts } from './contactQueries'
import { groupsOfCustomer } from './groupQueries'
import { Params, scopeSql } from './numberedParams'

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

export async function findCustomerRow(db: SqlReader, id: number): Promise<CustomerRow | null> {
  const raw = await db.first<Record<string, unknown>>(`SELECT ${customerColumnsSql} FROM customer c WHERE c.id = ?`, [
    id,
  ])
  return raw ? customerFromRaw(raw) : null
}

/** The whole card: values, groups, contacts and 资料完整度. */
export async function findCustomer(db: SqlReader, id: number): Promise<Customer | null> {
  const row = await findCustomerRow(db, id)
  if (!row) return null
  const [groups, contacts] = [await groupsOfCustomer(db, id), await listContacts(db, id)]
  const picked = Object.fromEntries(outputKeys.map((key) => [key, row[key]])) as Omit<
    Customer,
    'groups' | 'contacts' | 'completeness' | 'updatedByName' | 'version'
  >
  const change = mustFind(await lastChange(db, 'customer', id), '客户')
  return {
    ...picked,
    groups,
    contacts,
    completeness: completeness({ ...picked, contacts }),
    updatedByName: change.userName,
    version: change.version,
  }
}

/**
 * The next 客户编号 of a year, KH-<year>-<5 digits>. The counter only goes up
 * (inside the caller's transaction), so a code is never issued twice, even after
 * its customer was deleted for good.
 */
export async function nextCustomerCode(db: SqlWriter, year: number): Promise<string> {
  for (;;) {
    await db.run(
      `INSERT INTO customer_code_counter (year, last_value) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = last_value + 1`,
      [year],
    )
    const [{ last_value: value }] = await db.all<{ last_value: number }>(
      `SELECT last_value FROM customer_code_counter WHERE year = ?`,
      [year],
    )
    const code = `KH-${year}-${String(value).padStart(5, '0')}`
    const taken = await db.first(`SELECT 1 FROM customer WHERE code = ?`, [code])
    if (!taken) return code
  }
}

export async function insertCustomer(db: SqlWriter, row: Omit<CustomerRow, 'id'>): Promise<number> {
  const result = await db.manager.insert(CustomerEntity, row)
  return Number(result.identifiers[0]?.id)
}

/** Every change counts up the customer's edit version (a card loaded before it can no longer save over it). */
export async function updateCustomer(db: SqlWriter, id: number, changes: Partial<CustomerRow>): Promise<void> {
  if (Object.keys(changes).length === 0) return
  await db.manager.update(CustomerEntity, { id }, changes)
  await db.run(`UPDATE customer SET version = version + 1 WHERE id = ?`, [id])
}

export async function creditCodeHolder(
  db: SqlReader,
  creditCode: string,
  excludeId: number | null,
): Promise<{ id: number; code: string; name: string; deleted: boolean } | null> {
  const row = await db.first<{ id: number; code: string; name: string; deleted_at: string | null }>(
    `SELECT id, code, name, deleted_at FROM customer WHERE credit_code = ? AND id IS NOT ?`,
    [creditCode, excludeId],
  )
  return row ? { id: row.id, code: row.code, name: row.name, deleted: row.deleted_at !== null } : null
}

/**
 * Customers sharing the normalised name, the phone digits (also a contact's) or the e-mail.
 *
 * A 业务员 typing a new customer must learn that it already exists even when it is another
 * 业务员's, or the office ends up with two cards of one company; but the other card is
 * not theirs to read. So duplicates outside the caller's scope are folded into one entry
 * (id 0, 与其他业务员的客户重名, the reasons only): no id, code, name, owner or count.
 */
export async function findDuplicates(
  db: SqlReader,
  caller: Caller,
  keys: { nameNorm: string | null; phoneNorm: string | null; emailNorm: string | null; creditCode: string | null },
  excludeId: number | null,
): Promise<CustomerDuplicate[]> {
  const params = new Params()
  const [name, phone, email, exclude, creditCode] = [
    keys.nameNorm,
    keys.phoneNorm,
    keys.emailNorm,
    excludeId,
    keys.creditCode,
  ].map((value) => params.add(value))
  const scope = scopeSql(caller, params) ?? '1'
  /** `reason` indexes duplicateReasons; `visible` is 1 within the caller's scope. */
  const rows = await db.all<{
    id: number
    code: string
    name: string
    deleted_at: string | null
    reason: number
    visible: number
  }>(
    `SELECT c.id, c.code, c.name, c.deleted_at, m.reason, ${scope} AS visible FROM (
       SELECT id, 0 AS reason FROM customer WHERE credit_code = ${creditCode}
       UNION SELECT id, 1 FROM customer WHERE name_norm = ${name}
       UNION SELECT id, 2 FROM customer WHERE phone_norm = ${phone}
       UNION SELECT customer_id, 2 FROM contact WHERE mobile_norm = ${phone} OR office_phone_norm = ${phone}
       UNION SELECT id, 3 FROM customer WHERE email_norm = ${email}
     ) m JOIN customer c ON c.id = m.id
     WHERE c.id IS NOT ${exclude}
     ORDER BY c.id, m.reason LIMIT 200`,
    params.values,
  )
  const found = new Map<number, CustomerDuplicate>()
  let hidden: CustomerDuplicate | null = null
  for (const row of rows) {
    const reason = duplicateReasons[row.reason] ?? '名称相同'
    if (!row.visible) {
      hidden ??= {
        id: 0,
        code: '',
        name: '与其他业务员的客户重名',
        reason,
        reasons: [],
        deleted: false,
        otherOwner: true,
      }
      if (!hidden.reasons.includes(reason)) hidden.reasons.push(reason)
      continue
    }
    const { id } = row
    const entry = found.get(id)
    if (entry) {
      if (!entry.reasons.includes(reason)) entry.reasons.push(reason)
      continue
    }
    found.set(id, {
      id,
      code: row.code,
      name: row.name,
      reason,
      reasons: [reason],
      deleted: row.deleted_at !== null,
      otherOwner: false,
    })
  }
  const visible = [...found.values()].slice(0, 50)
  if (hidden) hidden.reasons.sort((a, b) => duplicateReasons.indexOf(a) - duplicateReasons.indexOf(b))
  return hidden ? [...visible, { ...hidden, reason: hidden.reasons[0] ?? hidden.reason }] : visible
}

/** How many of the ids exist, and how many of those are in the 回收站. */
export async function idsState(db: SqlReader, idsJson: string): Promise<{ found: number; deleted: number }> {
  const [counts] = await db.all<{ found: number; deleted: number }>(
    `SELECT COUNT(*) AS found, COALESCE(SUM(deleted_at IS NOT NULL), 0) AS deleted FROM customer
     WHERE id IN (SELECT value FROM json_each(?))`,
    [idsJson],
  )
  return counts
}

/** Ids among `idsJson` whose deleted state is `inBin`. */
export async function idsInState(db: SqlReader, idsJson: string, inBin: boolean): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT id FROM customer WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS ${inBin ? 'NOT NULL' : 'NULL'}`,
    [idsJson],
  )
  return rows.map((r) => r.id)
}

export async function setDeletedAt(
  db: SqlWriter,
  idsJson: string,
  deletedAt: string | null,
  updatedAt: string,
  updatedBy: number | null,
): Promise<void> {
  await db.run(
    `UPDATE customer SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1
     WHERE id IN (SELECT value FROM json_each(?))`,
    [deletedAt, updatedAt, updatedBy, idsJson],
  )
}

/** The real delete (彻底删除): contacts, their dates, memberships and history go with it. */
export async function purgeCustomers(db: SqlWriter, idsJson: string): Promise<void> {
  await db.run(`DELETE FROM customer WHERE id IN (SELECT value FROM json_each(?))`, [idsJson])
}

/**
 * Sets one dictionary column on many customers, writing a history row for each
 * customer whose value changes. `column` comes from the whitelist of batch fields.
 * Returns the customers whose field went from empty to set or back: only their
 * 资料完整度 can have changed.
 */
export async function setDictColumnForMany(
  db: SqlWriter,
  change: { column: string; field: string; label: string; value: number | null; valueLabel: string | null },
  idsJson: string,
  changedAt: string,
  userId: number | null,
): Promise<number[]> {
  const { column } = change
  const flipped = await db.all<{ id: number }>(
    `SELECT id FROM customer WHERE id IN (SELECT value FROM json_each(?)) AND (${column} IS NULL) <> (? IS NULL)`,
    [idsJson, change.value],
  )
  await db.run(
    `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value, user_id)
     SELECT c.id, ?, ?, ?, COALESCE(d.label, '#' || c.${column}), ?, ? FROM customer c
     LEFT JOIN dict_item d ON d.id = c.${column}
     WHERE c.id IN (SELECT value FROM json_each(?)) AND c.${column} IS NOT ?`,
    [changedAt, change.field, change.label, change.valueLabel, userId, idsJson, change.value],
  )
  await db.run(
    `UPDATE customer SET ${column} = ?, updated_at = ?, updated_by = ?, version = version + 1
     WHERE id IN (SELECT value FROM json_each(?)) AND ${column} IS NOT ?`,
    [change.value, changedAt, userId, idsJson, change.value],
  )
  return flipped.map((r) => r.id)
}

export async function touchCustomers(
  db: SqlWriter,
  ids: number[],
  updatedAt: string,
  updatedBy: number | null,
): Promise<void> {
  if (ids.length === 0) return
  await db.run(
    `UPDATE customer SET updated_at = ?, updated_by = ?, version = version + 1
     WHERE id IN (SELECT value FROM json_each(?))`,
    [updatedAt, updatedBy, JSON.stringify(ids)],
  )
}

/**
 * Recomputes the stored 资料完整度 of many customers with the one shared function,
 * a thousand at a time, writing only the values that changed.
 */
export async function refreshCompleteness(db: SqlWriter, ids: number[]): Promise<void> {
  const columns = ['id', 'kind', 'completeness', ...completenessFieldKeys]
    .map((key) => `c.${snakeCase(key)}`)
    .join(', ')
  for (let start = 0; start < ids.length; start += 5000) {
    const chunk = JSON.stringify(ids.slice(start, start + 5000))
    const rows = await db.all<Record<string, unknown> & { contact_count: number }>(
      `SELECT ${columns}, (SELECT COUNT(*) FROM contact t WHERE t.customer_id = c.id) AS contact_count
       FROM customer c WHERE c.id IN (SELECT value FROM json_each(?))`,
      [chunk],
    )
    const changed: [number, number][] = []
    for (const raw of rows) {
      const row = customerFromRaw(raw)
      const percent = completeness(row, raw.contact_count).percent
      if (percent !== row.completeness) changed.push([row.id, percent])
    }
    if (changed.length > 0) {
      await db.run(
        `UPDATE customer SET completeness = x.percent
         FROM (SELECT value ->> 0 AS id, value ->> 1 AS percent FROM json_each(?)) AS x
         WHERE customer.id = x.id`,
        [JSON.stringify(changed)],
      )
    }
  }
}

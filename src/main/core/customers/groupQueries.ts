import type { CustomerGroup } from '../../../shared/customerGroup'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'

/** Groups are listed in the order they were created, everywhere. */

/** SQL for the '、'-joined group names of the customer whose id is `idExpression`. */
export function groupNamesSql(idExpression: string): string {
  return `(SELECT group_concat(name, '、') FROM (
    SELECT g.name FROM customer_group_member gm JOIN customer_group g ON g.id = gm.group_id
    WHERE gm.customer_id = ${idExpression} ORDER BY g.id))`
}

/** Groups are shared by the office; their counts are of the customers the caller sees. */
export async function listGroups(db: SqlReader, caller: Caller): Promise<CustomerGroup[]> {
  const scope = andCustomerScope(caller)
  return db.all<CustomerGroup>(
    `SELECT g.id, g.name, COUNT(c.id) AS count FROM customer_group g
     LEFT JOIN customer_group_member gm ON gm.group_id = g.id
     LEFT JOIN customer c ON c.id = gm.customer_id AND c.deleted_at IS NULL${scope.sql}
     GROUP BY g.id ORDER BY g.id`,
    scope.params,
  )
}

export async function findGroup(db: SqlReader, caller: Caller, id: number): Promise<CustomerGroup | null> {
  return (await listGroups(db, caller)).find((g) => g.id === id) ?? null
}

export async function findGroupIdByName(db: SqlReader, name: string): Promise<number | null> {
  const row = await db.first<{ id: number }>(`SELECT id FROM customer_group WHERE name = ?`, [name])
  return row ? row.id : null
}

export async function insertGroup(db: SqlWriter, name: string): Promise<number> {
  return (await db.run(`INSERT INTO customer_group (name) VALUES (?)`, [name])).lastId
}

export async function renameGroup(db: SqlWriter, id: number, name: string): Promise<void> {
  await db.run(`UPDATE customer_group SET name = ? WHERE id = ?`, [name, id])
}

export async function deleteGroup(db: SqlWriter, id: number): Promise<void> {
  await db.run(`DELETE FROM customer_group WHERE id = ?`, [id])
}

/** Ids of the named groups, creating the ones that do not exist yet; order and duplicates as given. */
export async function ensureGroups(db: SqlWriter, names: string[]): Promise<number[]> {
  const ids: number[] = []
  for (const name of names) {
    const id = (await findGroupIdByName(db, name)) ?? (await insertGroup(db, name))
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

/** Which of these group ids exist. */
export async function existingGroupIds(db: SqlReader, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await db.all<{ id: number }>(
    `SELECT id FROM customer_group WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  )
  return rows.map((r) => r.id)
}

export async function groupsOfCustomer(db: SqlReader, customerId: number): Promise<{ id: number; name: string }[]> {
  return db.all<{ id: number; name: string }>(
    `SELECT g.id, g.name FROM customer_group_member gm JOIN customer_group g ON g.id = gm.group_id
     WHERE gm.customer_id = ? ORDER BY g.id`,
    [customerId],
  )
}

export async function setCustomerGroups(db: SqlWriter, customerId: number, groupIds: number[]): Promise<void> {
  await db.run(
    `DELETE FROM customer_group_member WHERE customer_id = ? AND group_id NOT IN (SELECT value FROM json_each(?))`,
    [customerId, JSON.stringify(groupIds)],
  )
  await db.run(
    `INSERT OR IGNORE INTO customer_group_member (customer_id, group_id) SELECT ?, value FROM json_each(?)`,
    [customerId, JSON.stringify(groupIds)],
  )
}

/**
 * Runs a change of group memberships for many customers and records, for each
 * customer whose groups `affectedSql` selects, its groups before and after in the
 * history. `affectedSql` is a SELECT of customer ids built from constants.
 */
export async function withGroupHistory(
  db: SqlWriter,
  affected: { sql: string; params: unknown[] },
  changedAt: string,
  userId: number | null,
  mutate: () => Promise<void>,
): Promise<number[]> {
  const [{ before }] = await db.all<{ before: number }>(`SELECT COALESCE(MAX(id), 0) AS before FROM customer_change`)
  await db.run(
    `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value, user_id)
     SELECT a.id, ?, 'groups', '分组', ${groupNamesSql('a.id')}, NULL, ? FROM (${affected.sql}) a`,
    [changedAt, userId, ...affected.params],
  )
  await mutate()
  await db.run(
    `UPDATE customer_change SET new_value = ${groupNamesSql('customer_change.customer_id')}
     WHERE id > ? AND field = 'groups'`,
    [before],
  )
  const rows = await db.all<{ customer_id: number }>(
    `SELECT customer_id FROM customer_change WHERE id > ? AND field = 'groups'`,
    [before],
  )
  return rows.map((r) => r.customer_id)
}

/** Adds and removes groups on many customers, with their history; returns the customers whose groups changed. */
export async function changeGroupsOfMany(
  db: SqlWriter,
  idsJson: string,
  groups: { add: number[]; remove: number[] },
  changedAt: string,
  userId: number | null,
): Promise<number[]> {
  const [addJson, removeJson] = [JSON.stringify(groups.add), JSON.stringify(groups.remove)]
  const affected = {
    sql: `SELECT j.value AS id FROM json_each(?) j
      WHERE EXISTS (SELECT 1 FROM json_each(?) g WHERE NOT EXISTS (
        SELECT 1 FROM customer_group_member WHERE customer_id = j.value AND group_id = g.value))
      OR EXISTS (SELECT 1 FROM customer_group_member
        WHERE customer_id = j.value AND group_id IN (SELECT value FROM json_each(?)))`,
    params: [idsJson, addJson, removeJson],
  }
  return withGroupHistory(db, affected, changedAt, userId, async () => {
    await db.run(
      `INSERT OR IGNORE INTO customer_group_member (customer_id, group_id)
       SELECT j.value, g.value FROM json_each(?) j, json_each(?) g`,
      [idsJson, addJson],
    )
    await db.run(
      `DELETE FROM customer_group_member WHERE customer_id IN (SELECT value FROM json_each(?))
       AND group_id IN (SELECT value FROM json_each(?))`,
      [idsJson, removeJson],
    )
  })
}

import type { DuplicateGroup, DuplicateMember } from '../../../shared/customerMerge'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { customerReferences, type CustomerReference } from './customerReferences'

/**
 * Groups of customers (not in the 回收站) sharing the normalised name, the phone
 * digits or the e-mail, largest first; the grouping runs in SQL. Only customers the
 * caller sees are grouped: a 业务员 merges within their own and the 公海.
 */
export async function duplicateGroups(
  db: SqlReader,
  caller: Caller,
  limit: number,
): Promise<{ groups: DuplicateGroup[]; total: number }> {
  const scope = andCustomerScope(caller)
  /** `ids` is a JSON array of customer ids. */
  const rows = await db.all<{ kind: DuplicateGroup['kind']; key: string; ids: string; total: number }>(
    `WITH keyed AS (
       SELECT 'name' AS kind, name_norm AS key, id FROM customer c
       WHERE deleted_at IS NULL AND name_norm <> ''${scope.sql}
       UNION ALL SELECT 'phone', phone_norm, id FROM customer c
       WHERE deleted_at IS NULL AND length(phone_norm) >= 7${scope.sql}
       UNION ALL SELECT 'email', email_norm, id FROM customer c
       WHERE deleted_at IS NULL AND email_norm LIKE '%_@_%'${scope.sql}
     ), grouped AS (
       SELECT kind, key, json_group_array(id) AS ids, COUNT(*) AS n FROM keyed GROUP BY kind, key HAVING COUNT(*) > 1
     )
     SELECT kind, key, ids, (SELECT COUNT(*) FROM grouped) AS total FROM grouped
     ORDER BY n DESC, CASE kind WHEN 'name' THEN 0 WHEN 'phone' THEN 1 ELSE 2 END, key LIMIT ?`,
    [...scope.params, ...scope.params, ...scope.params, limit],
  )
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.ids) as number[]))]
  const members = await membersById(db, ids)
  return {
    total: rows[0]?.total ?? 0,
    groups: rows.map((r) => ({
      kind: r.kind,
      key: r.key,
      members: (JSON.parse(r.ids) as number[])
        .sort((a, b) => a - b)
        .map((id) => members.get(id))
        .filter((m): m is DuplicateMember => m !== undefined),
    })),
  }
}

interface MemberRaw {
  id: number
  code: string
  name: string
  phone: string | null
  email: string | null
  registered_at: string
  completeness: number
  contact_count: number
  sale_count: number
  interaction_count: number
}

async function membersById(db: SqlReader, ids: number[]): Promise<Map<number, DuplicateMember>> {
  const rows = await db.all<MemberRaw>(
    `SELECT c.id, c.code, c.name, c.phone, c.email, c.registered_at, c.completeness,
       (SELECT COUNT(*) FROM contact t WHERE t.customer_id = c.id) AS contact_count,
       (SELECT COUNT(*) FROM sale s WHERE s.customer_id = c.id) AS sale_count,
       (SELECT COUNT(*) FROM interaction i WHERE i.customer_id = c.id) AS interaction_count
     FROM customer c WHERE c.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  )
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        name: r.name,
        phone: r.phone,
        email: r.email,
        registeredAt: r.registered_at,
        completeness: r.completeness,
        contactCount: r.contact_count,
        saleCount: r.sale_count,
        interactionCount: r.interaction_count,
      },
    ]),
  )
}

/**
 * Moves the rows of every registered reference from the merged customers to the
 * survivor. Table and column names come from the registry, never from input.
 * Returns the rows moved per `table.column`.
 */
export async function moveReferences(
  db: SqlWriter,
  survivorId: number,
  mergedIds: number[],
  by: { time: string; userId: number | null },
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {}
  const idsJson = JSON.stringify(mergedIds)
  const groupJson = JSON.stringify([survivorId, ...mergedIds])
  /** `, version = …` and its parameters: a moved row that forms edit counts as changed (see CustomerReference). */
  const stamp = (ref: CustomerReference): [string, unknown[]] =>
    ref.edited === 'record'
      ? [', version = version + 1, updated_at = ?, updated_by = ?', [by.time, by.userId]]
      : ref.edited === 'version'
        ? [', version = version + 1', []]
        : ['', []]
  // Before any row moves: a row whose two customers both merge into one would break its CHECK.
  for (const ref of customerReferences) {
    if (!ref.differsFrom) continue
    const [sets, values] = stamp(ref)
    await db.run(
      `UPDATE ${ref.table} SET ${ref.column} = NULL${sets}
       WHERE ${ref.column} IN (SELECT value FROM json_each(?)) AND ${ref.differsFrom} IN (SELECT value FROM json_each(?))`,
      [...values, groupJson, groupJson],
    )
  }
  for (const ref of customerReferences) {
    if (ref.onMerge === 'keep') continue
    const verb = ref.onMerge === 'move' ? 'UPDATE' : 'UPDATE OR IGNORE'
    const count = `SELECT COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} IN (SELECT value FROM json_each(?))`
    const [before] = await db.all<{ n: number }>(count, [idsJson])
    const [sets, values] = stamp(ref)
    await db.run(
      `${verb} ${ref.table} SET ${ref.column} = ?${sets} WHERE ${ref.column} IN (SELECT value FROM json_each(?))`,
      [survivorId, ...values, idsJson],
    )
    const [after] = await db.all<{ n: number }>(count, [idsJson])
    moved[`${ref.table}.${ref.column}`] = before.n - after.n
  }
  return moved
}

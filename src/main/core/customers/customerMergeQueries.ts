import type { EntityManager } from 'typeorm'
import type { DuplicateGroup, DuplicateMember } from '../../../shared/customerMerge'
import { customerReferences } from './customerReferences'

/**
 * Groups of customers (not in the 回收站) sharing the normalised name, the phone
 * digits or the e-mail, largest first; the grouping runs in SQL.
 */
export async function duplicateGroups(
  manager: EntityManager,
  limit: number,
): Promise<{ groups: DuplicateGroup[]; total: number }> {
  const rows: { kind: DuplicateGroup['kind']; key: string; ids: string; total: number }[] = await manager.query(
    `WITH keyed AS (
       SELECT 'name' AS kind, name_norm AS key, id FROM customer WHERE deleted_at IS NULL AND name_norm <> ''
       UNION ALL SELECT 'phone', phone_norm, id FROM customer WHERE deleted_at IS NULL AND length(phone_norm) >= 7
       UNION ALL SELECT 'email', email_norm, id FROM customer WHERE deleted_at IS NULL AND email_norm LIKE '%_@_%'
     ), grouped AS (
       SELECT kind, key, json_group_array(id) AS ids, COUNT(*) AS n FROM keyed GROUP BY kind, key HAVING COUNT(*) > 1
     )
     SELECT kind, key, ids, (SELECT COUNT(*) FROM grouped) AS total FROM grouped
     ORDER BY n DESC, CASE kind WHEN 'name' THEN 0 WHEN 'phone' THEN 1 ELSE 2 END, key LIMIT ?`,
    [limit],
  )
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.ids) as number[]))]
  const members = await membersById(manager, ids)
  return {
    total: Number(rows[0]?.total ?? 0),
    groups: rows.map((r) => ({
      kind: r.kind,
      key: String(r.key),
      members: (JSON.parse(r.ids) as number[])
        .sort((a, b) => a - b)
        .map((id) => members.get(id))
        .filter((m): m is DuplicateMember => m !== undefined),
    })),
  }
}

async function membersById(manager: EntityManager, ids: number[]): Promise<Map<number, DuplicateMember>> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT c.id, c.code, c.name, c.phone, c.email, c.registered_at, c.completeness,
       (SELECT COUNT(*) FROM contact t WHERE t.customer_id = c.id) AS contact_count,
       (SELECT COUNT(*) FROM sale s WHERE s.customer_id = c.id) AS sale_count,
       (SELECT COUNT(*) FROM interaction i WHERE i.customer_id = c.id) AS interaction_count
     FROM customer c WHERE c.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  )
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        code: String(r.code),
        name: String(r.name),
        phone: (r.phone as string | null) ?? null,
        email: (r.email as string | null) ?? null,
        registeredAt: String(r.registered_at),
        completeness: Number(r.completeness),
        contactCount: Number(r.contact_count),
        saleCount: Number(r.sale_count),
        interactionCount: Number(r.interaction_count),
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
  manager: EntityManager,
  survivorId: number,
  mergedIds: number[],
): Promise<Record<string, number>> {
  const moved: Record<string, number> = {}
  const idsJson = JSON.stringify(mergedIds)
  const groupJson = JSON.stringify([survivorId, ...mergedIds])
  // Before any row moves: a row whose two customers both merge into one would break its CHECK.
  for (const ref of customerReferences) {
    if (!ref.differsFrom) continue
    await manager.query(
      `UPDATE ${ref.table} SET ${ref.column} = NULL
       WHERE ${ref.column} IN (SELECT value FROM json_each(?)) AND ${ref.differsFrom} IN (SELECT value FROM json_each(?))`,
      [groupJson, groupJson],
    )
  }
  for (const ref of customerReferences) {
    if (ref.onMerge === 'keep') continue
    const verb = ref.onMerge === 'move' ? 'UPDATE' : 'UPDATE OR IGNORE'
    const [before] = await manager.query(
      `SELECT COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} IN (SELECT value FROM json_each(?))`,
      [idsJson],
    )
    await manager.query(
      `${verb} ${ref.table} SET ${ref.column} = ? WHERE ${ref.column} IN (SELECT value FROM json_each(?))`,
      [survivorId, idsJson],
    )
    const [after] = await manager.query(
      `SELECT COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} IN (SELECT value FROM json_each(?))`,
      [idsJson],
    )
    moved[`${ref.table}.${ref.column}`] = Number(before.n) - Number(after.n)
  }
  return moved
}

import type { Caller } from '../accounts/caller'
import { customerScope } from '../common/customerScope'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'

/** What a 交往记录 import needs to know of the customers its rows name, besides who they are (saleTargets). */
export interface VisitCustomerFacts {
  /** In the caller's scope (customerScope): a 业务员 imports onto their own and the 公海 only. */
  inScope: boolean
  /** The 负责业务员 when it is an enabled item: the 业务员 of a row that gives none (as createInteraction). */
  ownerStaffId: number | null
}

export async function visitCustomerFacts(
  db: SqlReader,
  customerIds: number[],
  caller: Caller,
): Promise<Map<number, VisitCustomerFacts>> {
  const scope = customerScope(caller)
  const rows = await db.all<{ id: number; in_scope: number; owner_staff_id: number | null }>(
    `SELECT c.id, ${scope ? `(${scope.sql})` : '1'} AS in_scope,
       (SELECT d.id FROM dict_item d WHERE d.id = c.owner_staff_id AND d.category = 'staff' AND d.enabled = 1)
         AS owner_staff_id
     FROM customer c WHERE c.id IN (SELECT value FROM json_each(?))`,
    [...(scope?.params ?? []), JSON.stringify([...new Set(customerIds)])],
  )
  return new Map(rows.map((r) => [r.id, { inScope: r.in_scope === 1, ownerStaffId: r.owner_staff_id }]))
}

/** The 交往记录 of the customers at the times given: what a re-imported row may repeat. */
export async function visitsAt(
  db: SqlReader,
  customerIds: number[],
  times: string[],
): Promise<
  { customerId: number; occurredAt: string; typeId: number; subject: string | null; content: string | null }[]
> {
  if (customerIds.length === 0) return []
  const rows = await db.all<{
    customer_id: number
    occurred_at: string
    type_id: number
    subject: string | null
    content: string | null
  }>(
    `SELECT customer_id, occurred_at, type_id, subject, content FROM interaction
     WHERE customer_id IN (SELECT value FROM json_each(?)) AND occurred_at IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...new Set(customerIds)]), JSON.stringify([...new Set(times)])],
  )
  return rows.map((r) => ({
    customerId: r.customer_id,
    occurredAt: r.occurred_at,
    typeId: r.type_id,
    subject: r.subject,
    content: r.content,
  }))
}

/** The contacts of the customers bearing one of the names (as written on the card): a row's 联系人. */
export async function contactsNamed(
  db: SqlReader,
  customerIds: number[],
  names: string[],
): Promise<{ id: number; customerId: number; name: string }[]> {
  if (names.length === 0) return []
  const rows = await db.all<{ id: number; customer_id: number; name: string }>(
    `SELECT id, customer_id, name FROM contact
     WHERE customer_id IN (SELECT value FROM json_each(?)) AND name IN (SELECT value FROM json_each(?))
     ORDER BY sort_order, id`,
    [JSON.stringify([...new Set(customerIds)]), JSON.stringify([...new Set(names)])],
  )
  return rows.map((r) => ({ id: r.id, customerId: r.customer_id, name: r.name }))
}

/**
 * The 业务员 a signed-in user's row defaults to, as createInteraction: the item they stand for
 * when enabled (null when disabled); undefined when they stand for none (single-PC too), and
 * the customer's 负责业务员 is taken instead.
 */
export async function callerStaff(db: SqlReader, caller: Caller): Promise<number | null | undefined> {
  if (caller.userId === null || caller.staffId === null) return undefined
  const row = await db.first<{ id: number }>(
    `SELECT id FROM dict_item WHERE id = ? AND category = 'staff' AND enabled = 1`,
    [caller.staffId],
  )
  return row?.id ?? null
}

/** The highest 交往记录 id so far: the rows an import inserts after it (AUTOINCREMENT) are its own. */
export async function lastInteractionId(db: SqlWriter): Promise<number> {
  const row = await db.first<{ id: number | null }>(`SELECT MAX(id) AS id FROM interaction`)
  return row?.id ?? 0
}

/** Who imported the rows after `lastIdBefore` (the entity leaves 录入人 out; RecordTable.setCreator sets it too). */
export async function setImportedInteractionsCreator(
  db: SqlWriter,
  lastIdBefore: number,
  userId: number | null,
): Promise<void> {
  if (userId === null) return
  await db.run(`UPDATE interaction SET created_by = ? WHERE id > ?`, [userId, lastIdBefore])
}

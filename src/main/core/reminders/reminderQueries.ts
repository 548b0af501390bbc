import type { Caller } from '../accounts/caller'
import { customerScope } from '../common/customerScope'
import type { SqlParams, SqlReader, SqlWriter } from '../db/sqlHandles'
import { contractIdOf, instalmentIdOf } from './contractRules'
import {
  reminderKinds,
  type Reminder,
  type ReminderCounts,
  type ReminderKind,
  type ReminderListInput,
  type ReminderListOutput,
} from '../../../shared/reminder'

/** Reads and status changes of reminders; the rules that create them are in reminderRules.ts. */

const select = `SELECT r.id, r.kind, r.customer_id, c.name AS customer_name, r.contact_id, ct.name AS contact_name,
    r.due_date, r.reason, r.status, r.snoozed_until, r.created_at, r.done_at, r.interaction_id,
    CASE r.kind
      WHEN 'payment' THEN (SELECT contract_id FROM contract_instalment WHERE id = ${instalmentIdOf('r')})
      WHEN 'contractEnd' THEN ${contractIdOf('r')}
    END AS contract_id
  FROM reminder r
  LEFT JOIN customer c ON c.id = r.customer_id
  LEFT JOIN contact ct ON ct.id = r.contact_id`

/**
 * Reminders of customers in the 回收站 wait there with them. Few customers are in
 * it, so this reads a short list once rather than joining every reminder's customer.
 */
export const notBinned = `(r.customer_id IS NULL OR r.customer_id NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL))`

/**
 * The reminders a caller sees, as a condition on `r`: those of customers in their scope
 * (customerScope), and the ones of no customer (节日问候, for everyone). `staffId` narrows
 * what 主管/管理员 see to one 业务员's customers ('mine': their own); a 业务员 keeps their
 * scope whatever is sent. Null when nothing is left out.
 */
export function reminderScope(caller: Caller, staffId?: number | 'mine'): { sql: string; params: unknown[] } | null {
  const scope = customerScope(caller, 'sc')
  if (scope) {
    return {
      sql: `(r.customer_id IS NULL OR r.customer_id IN (SELECT sc.id FROM customer sc WHERE ${scope.sql}))`,
      params: scope.params,
    }
  }
  if (staffId === undefined) return null
  return {
    sql: `(r.customer_id IS NULL OR r.customer_id IN (SELECT sc.id FROM customer sc WHERE sc.owner_staff_id = ?))`,
    // A 主管 standing for no 业务员 owns no customers: 'mine' leaves only the reminders of none.
    params: [staffId === 'mine' ? caller.staffId : staffId],
  }
}

/** `AND <reminderScope>` for a fixed WHERE, with its parameters. */
function andReminderScope(caller: Caller): { sql: string; params: unknown[] } {
  const scope = reminderScope(caller)
  return scope ? { sql: ` AND ${scope.sql}`, params: scope.params } : { sql: '', params: [] }
}

/** Open = pending. A snoozed reminder becomes pending again when a scan reaches its day. */
const openOrder = 'r.due_date, r.kind, r.customer_id, r.id'

interface ReminderDbRow {
  id: number
  kind: Reminder['kind']
  customer_id: number | null
  customer_name: string | null
  contact_id: number | null
  contact_name: string | null
  due_date: string
  reason: string
  status: Reminder['status']
  snoozed_until: string | null
  created_at: string
  done_at: string | null
  interaction_id: number | null
  contract_id: number | null
}

function toReminder(r: ReminderDbRow): Reminder {
  return {
    id: r.id,
    kind: r.kind,
    customerId: r.customer_id,
    customerName: r.customer_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    dueDate: r.due_date,
    reason: r.reason,
    status: r.status,
    snoozedUntil: r.snoozed_until,
    createdAt: r.created_at,
    doneAt: r.done_at,
    interactionId: r.interaction_id,
    contractId: r.contract_id,
  }
}

export async function listReminders(
  db: SqlReader,
  input: ReminderListInput,
  today: string,
  caller: Caller,
): Promise<ReminderListOutput> {
  const clauses = [notBinned]
  const params: unknown[] = []
  const scope = reminderScope(caller, input.staffId)
  if (scope) {
    clauses.push(scope.sql)
    params.push(...scope.params)
  }
  if (input.view === 'open') {
    clauses.push(`r.status = 'pending'`)
  } else if (input.view === 'snoozed') {
    clauses.push(`r.status = 'snoozed'`)
  } else if (input.view !== 'all') {
    clauses.push('r.status = ?')
    params.push(input.view)
  }
  if (input.customerId !== undefined) {
    clauses.push('r.customer_id = ?')
    params.push(input.customerId)
  }
  if (input.dueTo) {
    clauses.push('r.due_date <= ?')
    params.push(input.dueTo)
  }
  const where = clauses.join(' AND ')
  let counts: ReminderCounts | null = null
  if (input.withCounts) {
    const countRows = await db.all<{ kind: ReminderKind; n: number }>(
      `SELECT r.kind, COUNT(*) AS n FROM reminder r WHERE ${where} GROUP BY r.kind`,
      params,
    )
    counts = Object.fromEntries(reminderKinds.map((k) => [k, 0])) as ReminderCounts
    for (const row of countRows) counts[row.kind] = row.n
  }

  const kinds: readonly ReminderKind[] = input.kinds?.length ? input.kinds : reminderKinds
  const kindClause = kinds.length === reminderKinds.length ? '' : ` AND r.kind IN (${kinds.map(() => '?').join(', ')})`
  const kindParams = kindClause ? [...kinds] : []
  const order = input.view === 'open' || input.view === 'snoozed' ? openOrder : 'r.done_at DESC, r.id DESC'
  const rows = await db.all<ReminderDbRow>(`${select} WHERE ${where}${kindClause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
    ...params,
    ...kindParams,
    input.limit,
    input.offset,
  ])
  const total = counts
    ? kinds.reduce((sum: number, k) => sum + (counts?.[k] ?? 0), 0)
    : await countWhere(db, `${where}${kindClause}`, [...params, ...kindParams])
  return { rows: rows.map(toReminder), total, counts, today }
}

/** How many reminders (as `r`) match `where`. */
async function countWhere(db: SqlReader, where: string, params: SqlParams = []): Promise<number> {
  const row = await db.first<{ n: number }>(`SELECT COUNT(*) AS n FROM reminder r WHERE ${where}`, params)
  return row?.n ?? 0
}

export async function findReminder(db: SqlReader, id: number): Promise<Reminder | null> {
  const row = await db.first<ReminderDbRow>(`${select} WHERE r.id = ?`, [id])
  return row ? toReminder(row) : null
}

export async function setReminderStatus(
  db: SqlWriter,
  id: number,
  values: {
    status: Reminder['status']
    doneAt?: string | null
    snoozedUntil?: string | null
    interactionId?: number | null
  },
): Promise<void> {
  await db.run(
    `UPDATE reminder SET status = ?, done_at = ?, snoozed_until = ?, interaction_id = COALESCE(?, interaction_id)
     WHERE id = ?`,
    [values.status, values.doneAt ?? null, values.snoozedUntil ?? null, values.interactionId ?? null, id],
  )
}

/** The count of the caller's open reminders due today or earlier and the most urgent of them, for the tray. */
export async function urgentReminders(
  db: SqlReader,
  today: string,
  limit: number,
  caller: Caller,
): Promise<{ pending: number; top: Reminder[] }> {
  const scope = andReminderScope(caller)
  const due = `r.status = 'pending' AND r.due_date <= ? AND ${notBinned}${scope.sql}`
  const pending = await countWhere(db, due, [today, ...scope.params])
  const rows = await db.all<ReminderDbRow>(`${select} WHERE ${due} ORDER BY ${openOrder} LIMIT ?`, [
    today,
    ...scope.params,
    limit,
  ])
  return { pending, top: rows.map(toReminder) }
}

/**
 * The caller's open reminders not yet announced: the first `limit` of them, and how
 * many there are. All of those are marked announced in the same transaction, so a
 * second call (or a crash after it) never shows them again; a first scan that finds
 * thousands announces a few and sums up the rest. Other users' reminders stay
 * unannounced until one of them is signed in.
 */
export async function takeUnannounced(
  db: SqlWriter,
  now: string,
  limit: number,
  caller: Caller,
): Promise<{ shown: Reminder[]; total: number }> {
  const scope = andReminderScope(caller)
  const where = `r.notified_at IS NULL AND r.status = 'pending' AND ${notBinned}${scope.sql}`
  const rows = await db.all<ReminderDbRow>(`${select} WHERE ${where} ORDER BY ${openOrder} LIMIT ?`, [
    ...scope.params,
    limit,
  ])
  if (rows.length === 0) return { shown: [], total: 0 }
  const total = await countWhere(db, where, scope.params)
  await db.run(`UPDATE reminder SET notified_at = ? WHERE id IN (SELECT r.id FROM reminder r WHERE ${where})`, [
    now,
    ...scope.params,
  ])
  return { shown: rows.map(toReminder), total }
}

/** The caller's open reminders: the cheap counter for those who see all, a count over their scope for the rest. */
export async function openReminderCountFor(db: SqlReader, caller: Caller): Promise<number> {
  const scope = reminderScope(caller)
  if (!scope) return openReminderCount(db)
  return countWhere(db, `r.status = 'pending' AND ${notBinned} AND ${scope.sql}`, scope.params)
}

/**
 * Open reminders outside the 回收站: the pending count the triggers of migration 8 keep,
 * less the binned customers' (few customers, each looked up by key), rather than
 * counting ~100,000 open reminders on every scan.
 */
export async function openReminderCount(db: SqlReader): Promise<number> {
  // NULL only if migration 8's counter row were missing: then there is nothing to subtract from.
  const row = await db.first<{ n: number | null }>(
    `SELECT (SELECT n FROM reminder_pending_count WHERE id = 1) - (
       SELECT COUNT(*) FROM customer c CROSS JOIN reminder r INDEXED BY reminder_customer ON r.customer_id = c.id
       WHERE c.deleted_at IS NOT NULL AND r.status = 'pending') AS n`,
  )
  return row?.n ?? 0
}

import type { SqlWriter } from '../db/sqlHandles'
import { localNow } from '../common/localTime'
import type { Caller } from './caller'

/** The kinds of event kept beside the customers' own 变更记录. */
export type AuditAction =
  | 'import'
  | 'merge'
  | 'restore'
  | 'handover'
  | 'reclaim'
  | 'users'
  | 'accounts'
  /** A contract taken back from the 回收站 or deleted for good. */
  | 'contracts'

/**
 * One line of who did what (imports, merges, restores, handovers, account changes).
 * The user's name is copied so the line still reads right after a rename.
 */
export async function recordAudit(
  db: SqlWriter,
  caller: Caller,
  action: AuditAction,
  detail: string,
  now: Date = new Date(),
): Promise<void> {
  await db.run(`INSERT INTO audit_event (at, user_id, user_name, action, detail) VALUES (?, ?, ?, ?, ?)`, [
    localNow(now),
    caller.userId,
    caller.userId === null ? null : caller.name,
    action,
    detail,
  ])
}

import { staleEditField } from '../../../shared/editVersion'
import { AppError } from '../appError'
import type { SqlReader } from '../db/sqlHandles'
import { localToday } from './localTime'

/** The tables whose rows carry an edit version (m0014, contract m0015). */
export type VersionedTable = 'customer' | 'interaction' | 'sale' | 'project' | 'competitor' | 'feedback' | 'contract'

/** The latest change of a row: its version, when (`YYYY-MM-DD HH:mm:ss`) and by whom (null: single-PC or the user is gone). */
export interface LastChange {
  version: number
  updatedAt: string
  userName: string | null
}

/** The row's version and who last changed it (customer.updated_by, a record's updated_by), or null when it is gone. */
export async function lastChange(db: SqlReader, table: VersionedTable, id: number): Promise<LastChange | null> {
  const row = await db.first<{ version: number; updated_at: string; name: string | null }>(
    `SELECT t.version, t.updated_at, u.name FROM ${table} t LEFT JOIN app_user u ON u.id = t.updated_by WHERE t.id = ?`,
    [id],
  )
  return row ? { version: row.version, updatedAt: row.updated_at, userName: row.name } : null
}

/**
 * Refuses a save that names an older version than the stored one, before anything is
 * written: someone saved the row after the form was loaded, and writing now would
 * silently undo their change. `version` undefined (an older caller) is not checked.
 */
export function assertVersion(subject: string, version: number | undefined, stored: LastChange): void {
  if (version === undefined || version === stored.version) return
  throw staleEdit(subject, stored)
}

/**
 * 该客户已被 张三 于 10:32 修改，请重新载入后再改 — or, with no user to name (single-PC:
 * the same customer open in two windows), 该客户已于 10:32 被修改（可能在另一个窗口）….
 */
export function staleEdit(subject: string, change: { updatedAt: string; userName: string | null }): AppError {
  const when = changeTime(change.updatedAt, localToday())
  const message = change.userName
    ? `${subject}已被 ${change.userName} 于 ${when} 修改，请重新载入后再改`
    : `${subject}已于 ${when} 被修改（可能在另一个窗口），请重新载入后再改`
  return new AppError('CONFLICT', message, { [staleEditField]: message })
}

/** 10:32 today, 12月5日 10:32 this year, else 2025年12月5日 10:32. */
export function changeTime(at: string, today: string): string {
  const [date = '', time = ''] = at.split(' ')
  const hm = time.slice(0, 5)
  if (date === today) return hm
  const [year, month, day] = date.split('-').map(Number)
  const monthDay = `${month}月${day}日 ${hm}`
  return date.slice(0, 4) === today.slice(0, 4) ? monthDay : `${year}年${monthDay}`
}

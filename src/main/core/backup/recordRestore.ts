import type { Caller } from '../accounts/caller'
import { recordAudit } from '../accounts/auditLog'
import type { Store } from '../store'

/**
 * The audit line of a restore, written into the database that is live after it
 * (the restored one): the line before the restore went away with the old file.
 * A copy from before this user existed has no row to point at; the name is then
 * kept in the text.
 */
export async function recordRestore(store: Store, caller: Caller, detail: string, now: Date): Promise<void> {
  await store.write(async (db) => {
    const known =
      caller.userId !== null &&
      (await db.first<{ id: number }>(`SELECT id FROM app_user WHERE id = ?`, [caller.userId])) !== undefined
    if (caller.userId === null || known) {
      await recordAudit(db, caller, 'restore', detail, now)
    } else {
      await recordAudit(db, { ...caller, userId: null }, 'restore', `${detail}（操作人：${caller.name}）`, now)
    }
  })
}

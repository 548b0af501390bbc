import { join } from 'node:path'
import { backupTables } from '../../../shared/backup'
import { AppError } from '../appError'
import { inspectDatabaseFile } from '../db/preflight'
import { latestSchemaVersion } from '../db/migrations'
import { openStore } from '../db/openStore'
import type { CoreContext } from '../handlerTypes'
import type { Store } from '../store'
import { describeBackup } from './backupCatalog'
import { backupFolder } from './backupSettings'
import { installDatabaseFile } from './installDatabaseFile'
import { writeLastRestore } from './lastRestore'
import type { ParsedBackupName } from './backupNames'
import { takeBackup } from './takeBackup'

/**
 * Checks a backup (or a file the user chose) and, only if it is a whole
 * 客情管家 database this program can open, replaces the current database with
 * it. The current database is first saved as an undo backup. All of it runs
 * with the store to itself: no handler reads or writes while the file changes,
 * and afterwards the same Store serves the restored data (migrated if older).
 */
export async function restoreDatabase(ctx: CoreContext, sourcePath: string, now: Date) {
  await checkRestorable(sourcePath)
  const folder = backupFolder(ctx.dataDir)
  const { store } = ctx
  const undo = await store.exclusive(async () => {
    const saved = await takeBackup(store.databasePath, folder, 'undo', now)
    await store.dataSource.destroy()
    try {
      await installDatabaseFile(sourcePath, store.databasePath)
      await reopen(store, now)
    } catch (error) {
      // Whatever went wrong, the user gets back the database they had.
      await installDatabaseFile(join(folder, saved.name), store.databasePath)
      await reopen(store, now)
      if (error instanceof AppError) throw error
      throw new AppError(
        'INTERNAL',
        `恢复失败，已回到恢复前的数据：${error instanceof Error ? error.message : String(error)}`,
      )
    }
    return saved
  })
  writeLastRestore(ctx.dataDir, { folder, undoName: undo.name })
  if (ctx.startup)
    ctx.startup.notice = { movedAside: null, newestBackup: null, networkWarning: ctx.startup.notice.networkWarning }
  return summary(store, folder, undo)
}

async function checkRestorable(path: string): Promise<void> {
  const state = await inspectDatabaseFile(path, latestSchemaVersion, 'integrity_check')
  if (state.state === 'missing') throw new AppError('VALIDATION', '所选文件是空的，不能用来恢复')
  if (state.state !== 'ok') {
    throw new AppError('VALIDATION', `不能用这个文件恢复：${state.message.replace(/，?未做任何修改：.*$/, '')}`)
  }
  if (state.schemaVersion < 1) throw new AppError('VALIDATION', '不能用这个文件恢复：它不是客情管家的数据库')
}

async function reopen(store: Store, now: Date): Promise<void> {
  const { store: opened } = await openStore(store.databasePath, { now })
  store.replace(opened.dataSource)
}

async function summary(store: Store, folder: string, undo: ParsedBackupName) {
  const [{ user_version: schemaVersion }] = await store.read((m) => m.query('PRAGMA user_version'))
  const undoInfo = await describeBackup(folder, undo)
  const current = await store.read(async (m) => {
    const counts: Record<string, number> = {}
    for (const table of backupTables) {
      const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM "${table}"`)
      counts[table] = Number(n)
    }
    return counts
  })
  return { undo: undoInfo, schemaVersion: Number(schemaVersion), rowCounts: current }
}

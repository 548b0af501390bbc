import { join } from 'node:path'
import { backupTables } from '../../../shared/backup'
import { AppError } from '../appError'
import { inspectDatabaseFile } from '../db/preflight'
import { latestSchemaVersion } from '../db/migrations'
import { openStore } from '../db/openStore'
import type { CoreContext } from '../handlerTypes'
import type { Store } from '../store'
import { describeBackup } from './backupCatalog'
import type { ParsedBackupName } from './backupNames'
import { backupFolder } from './backupSettings'
import { failureText } from './failureText'
import { stageDatabaseFile, swapInStagedFile } from './stageDatabaseFile'
import { clearLastRestore, readLastRestore, writeRestoreRecord, type LastRestore } from './lastRestore'
import { oneBackupAtATime } from './oneBackupAtATime'
import { takeBackup } from './takeBackup'

/**
 * Checks a backup (or a file the user chose) and, only if it is a whole
 * 客情管家 database this program can open, replaces the current database with
 * it. The current database is first saved as an undo backup. All of it runs
 * with the store to itself: no handler reads or writes while the file changes,
 * and afterwards the same Store serves the restored data (migrated if older).
 *
 * The order makes a crash at any point safe (finishInterruptedRestore picks up
 * at the next start): the undo copy, then a complete copy of the chosen file
 * beside the database, then the record naming the undo copy — on the disk —
 * and only then the one-step rename over the closed database. Once the file is
 * replaced, 撤销恢复 is always on offer.
 */
export async function restoreDatabase(ctx: CoreContext, sourcePath: string, now: Date) {
  await checkRestorable(sourcePath)
  const folder = backupFolder(ctx.dataDir)
  const { store } = ctx
  const target = store.databasePath
  // The backup turn too: no backup reads the file while it is swapped.
  const undo = await store.exclusive(() =>
    oneBackupAtATime(async () => {
      const previous = readLastRestore(ctx.dataDir)
      const saved = await takeBackup(target, folder, 'undo', now)
      try {
        await stageDatabaseFile(sourcePath, target)
        writeRestoreRecord(ctx.dataDir, { folder, undoName: saved.name, step: 'replacing' })
      } catch (error) {
        throw new AppError('INTERNAL', `恢复失败，数据未改变：${failureText(error)}`)
      }
      try {
        await store.dataSource.destroy()
        swapInStagedFile(target)
        await reopen(store, now)
      } catch (error) {
        // Whatever went wrong, the user gets back the database they had.
        await putBack(ctx, folder, saved, previous, now)
        if (error instanceof AppError) throw error
        throw new AppError('INTERNAL', `恢复失败，已回到恢复前的数据：${failureText(error)}`)
      }
      writeRestoreRecord(ctx.dataDir, { folder, undoName: saved.name })
      return saved
    }),
  )
  if (ctx.startup)
    ctx.startup.notice = { movedAside: null, newestBackup: null, networkWarning: ctx.startup.notice.networkWarning }
  return summary(store, folder, undo)
}

/** The undo copy back in place after a failed restore; the record of an earlier restore is kept as it was. */
async function putBack(
  ctx: CoreContext,
  folder: string,
  undo: ParsedBackupName,
  previous: LastRestore | null,
  now: Date,
): Promise<void> {
  const { store } = ctx
  try {
    await stageDatabaseFile(join(folder, undo.name), store.databasePath)
    writeRestoreRecord(ctx.dataDir, { folder, undoName: undo.name, step: 'puttingBack' })
    if (store.dataSource.isInitialized) await store.dataSource.destroy()
    swapInStagedFile(store.databasePath)
    if (previous) writeRestoreRecord(ctx.dataDir, previous)
    else clearLastRestore(ctx.dataDir)
  } finally {
    // Even if the undo copy could not be put in place (the old file is then still there, and the next
    // start finishes putting it back), the handlers must not be left without a database.
    if (!store.dataSource.isInitialized) await reopen(store, now)
  }
}

async function checkRestorable(path: string): Promise<void> {
  const state = await inspectDatabaseFile(path, latestSchemaVersion, { check: 'integrity_check' })
  if (state.state === 'missing' || ('empty' in state && state.empty))
    throw new AppError('VALIDATION', '所选文件是空的，不能用来恢复')
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
  const [{ user_version: schemaVersion }] = await store.read((db) =>
    db.all<{ user_version: number }>('PRAGMA user_version'),
  )
  const undoInfo = await describeBackup(folder, undo)
  const current = await store.read(async (db) => {
    const counts: Record<string, number> = {}
    for (const table of backupTables) {
      const [{ n }] = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`)
      counts[table] = n
    }
    return counts
  })
  return { undo: undoInfo, schemaVersion, rowCounts: current }
}

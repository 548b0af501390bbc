import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type sqlite3 from 'sqlite3'
import { rawAll, withRaw } from '../db/rawSqlite'
import { flushFile, renameDurably } from './durableFiles'
import { companionSuffixes, removeDatabaseFile } from './removeDatabaseFile'

/** node-sqlite3's Backup (sqlite3_backup_*), which its type declarations leave out. */
interface SqliteBackup {
  step(pages: number, callback: (error: Error | null) => void): void
  finish(callback?: (error: Error | null) => void): void
  readonly completed: boolean
  readonly failed: boolean
}
type WithBackup = sqlite3.Database & { backup(filename: string, callback: (error: Error | null) => void): SqliteBackup }

/**
 * Copies the database at `sourcePath` into `destPath` with SQLite's online
 * backup API, never by copying the file: other connections may keep writing,
 * and the copy is the database as one committed moment saw it. `step(-1)` copies
 * every page under one read transaction, which WAL lets writers work beside.
 *
 * The copy is written as `<dest>.partial`. The backup API copies the source's
 * header too, which marks the copy as a WAL database; it is switched back to
 * rollback-journal mode (checked, not assumed) so it is one self-contained file
 * with no -wal/-shm, flushed to the disk, and only then renamed into place: a
 * file under the final name is always whole. Callers take turns
 * (oneBackupAtATime), so no two copies share a `.partial`.
 */
export async function onlineBackup(sourcePath: string, destPath: string): Promise<void> {
  mkdirSync(dirname(destPath), { recursive: true })
  const partial = `${destPath}.partial`
  removeDatabaseFile(partial)
  try {
    await withRaw(sourcePath, 'readonly', async (db) => {
      const backup = await new Promise<SqliteBackup>((resolve, reject) => {
        const started: SqliteBackup = (db as WithBackup).backup(partial, (error) =>
          error ? reject(error) : resolve(started),
        )
      })
      try {
        await new Promise<void>((resolve, reject) => backup.step(-1, (error) => (error ? reject(error) : resolve())))
        if (!backup.completed) throw new Error('备份未完成')
      } finally {
        await new Promise<void>((resolve) => backup.finish(() => resolve()))
      }
    })
    const mode = await withRaw(partial, 'readwrite', async (db) => {
      const [row] = await rawAll(db, 'PRAGMA journal_mode = DELETE')
      return String(row?.journal_mode)
    })
    if (mode !== 'delete') throw new Error(`备份文件未能转为单文件（日志模式仍是 ${mode}）`)
    const leftover = companionSuffixes.find((suffix) => existsSync(`${partial}${suffix}`))
    if (leftover) throw new Error(`备份文件旁仍有 ${leftover} 文件`)
    if (existsSync(destPath)) throw new Error(`备份文件已存在：${destPath}`)
    flushFile(partial)
    renameDurably(partial, destPath)
  } finally {
    removeDatabaseFile(partial)
  }
}

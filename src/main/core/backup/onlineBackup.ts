import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type sqlite3 from 'sqlite3'
import { rawExec, withRaw } from '../db/rawSqlite'

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
 * The copy is written under a temporary name and renamed when complete, and is
 * left in rollback-journal mode so it is one self-contained file.
 */
export async function onlineBackup(sourcePath: string, destPath: string): Promise<void> {
  mkdirSync(dirname(destPath), { recursive: true })
  const partial = `${destPath}.partial`
  rmSync(partial, { force: true })
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
    await withRaw(partial, 'readwrite', (db) => rawExec(db, 'PRAGMA journal_mode = DELETE'))
    if (existsSync(destPath)) throw new Error(`备份文件已存在：${destPath}`)
    renameSync(partial, destPath)
  } finally {
    rmSync(partial, { force: true })
    rmSync(`${partial}-journal`, { force: true })
  }
}

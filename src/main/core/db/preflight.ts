import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import type sqlite3 from 'sqlite3'
import { AppError } from '../appError'
import { openRaw, rawAll, closeRaw } from './rawSqlite'

const sqliteHeader = 'SQLite format 3\u0000'
/** SQLite's file header; a shorter file that starts like one was cut off. */
const headerSize = 100

export type PreflightResult = { state: 'missing' } | { state: 'ok'; schemaVersion: number }

/** Why a file cannot be opened: each gets its own Chinese message and, at start-up, its own handling. */
export type FileProblem = 'foreign' | 'corrupt' | 'newer'
export type DatabaseFileState =
  | PreflightResult
  | {
      state: FileProblem
      message: string
      schemaVersion?: number
      /** A zero-byte file: what a crash and a truncation leave, never what SQLite writes for a database it made. */
      empty?: { walBytes: number }
      /** Readable once SQLite rolls back the `-journal` beside it (see InspectOptions.rollBackHotJournal). */
      hotJournal?: boolean
    }

export interface InspectOptions {
  check?: 'quick_check' | 'integrity_check'
  /**
   * Only for the app's own database at start-up: a process killed inside a
   * rollback-journal transaction (the restored file's switch to WAL is one)
   * leaves a hot `-journal` that a read-only connection cannot roll back, and
   * SQLite answers SQLITE_READONLY. That is an unfinished write, not damage:
   * the file is opened read-write once so SQLite rolls it back, as any open
   * would, and is then looked at again.
   */
  rollBackHotJournal?: boolean
}

/**
 * Looks at an existing database file without changing a byte of it (but see
 * `rollBackHotJournal`): the header, `PRAGMA quick_check` (or the slower,
 * complete `integrity_check`) and the schema version. Every verdict carries a
 * Chinese message naming the file.
 */
export async function inspectDatabaseFile(
  path: string,
  latestVersion: number,
  options: InspectOptions = {},
): Promise<DatabaseFileState> {
  const state = await inspectOnce(path, latestVersion, options.check ?? 'quick_check')
  if (options.rollBackHotJournal && state.state === 'corrupt' && state.hotJournal) {
    await rollBackJournal(path)
    return inspectOnce(path, latestVersion, options.check ?? 'quick_check')
  }
  return state
}

async function inspectOnce(
  path: string,
  latestVersion: number,
  check: 'quick_check' | 'integrity_check',
): Promise<DatabaseFileState> {
  if (!existsSync(path)) return { state: 'missing' }
  const size = statSync(path).size
  if (size === 0) return emptyFile(path)
  const header = readHeader(path)
  if (!sqliteHeader.startsWith(header)) {
    return { state: 'foreign', message: `数据文件不是客情管家的数据库，未做任何修改：${path}` }
  }
  if (size < headerSize)
    return { state: 'corrupt', message: `数据文件不完整（只有 ${size} 字节），未做任何修改：${path}` }
  let db: sqlite3.Database | undefined
  try {
    db = await openRaw(path, 'readonly')
    const rows = await rawAll(db, `PRAGMA ${check}`)
    const verdict = rows.map((row) => String(Object.values(row)[0])).join('; ')
    if (verdict !== 'ok') {
      return { state: 'corrupt', message: `数据文件已损坏（${verdict.slice(0, 200)}），未做任何修改：${path}` }
    }
    const [row] = await rawAll(db, 'PRAGMA user_version')
    const schemaVersion = Number(row?.user_version ?? 0)
    if (schemaVersion > latestVersion) {
      return {
        state: 'newer',
        schemaVersion,
        message: `数据文件由更新版本的客情管家创建（结构版本 ${schemaVersion}，本程序支持到 ${latestVersion}），请升级程序后再打开。文件未做任何修改：${path}`,
      }
    }
    if (schemaVersion === 0 && (await hasForeignTables(db))) {
      return { state: 'foreign', message: `数据文件是其他程序的数据库，不是客情管家的，未做任何修改：${path}` }
    }
    return { state: 'ok', schemaVersion }
  } catch (error) {
    if (hasHotJournal(path, error)) {
      return {
        state: 'corrupt',
        hotJournal: true,
        message: `数据文件有未完成的写入（旁边的 -journal 日志需要回滚），未做任何修改：${path}`,
      }
    }
    const problem = describe(error)
    return { state: 'corrupt', message: `数据文件无法读取（${problem}），未做任何修改：${path}` }
  } finally {
    if (db) await closeRaw(db).catch(() => undefined)
  }
}

/** Refuses foreign, corrupt or newer files with their message, leaving them as they were. */
export async function preflight(path: string, latestVersion: number): Promise<PreflightResult> {
  const result = await inspectDatabaseFile(path, latestVersion)
  if (result.state === 'missing' || result.state === 'ok') return result
  throw new AppError('DB_OPEN', result.message)
}

/**
 * Only a missing file is a first start. SQLite would take a zero-byte file for a
 * new database and drop the -wal beside it, which may hold the last changes.
 */
function emptyFile(path: string): DatabaseFileState {
  const walBytes = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0
  const wal = walBytes > 0 ? `，旁边的日志文件（-wal）还有 ${walBytes} 字节数据` : ''
  return {
    state: 'corrupt',
    empty: { walBytes },
    message: `数据文件是空的（0 字节）${wal}，未做任何修改：${path}`,
  }
}

function hasHotJournal(path: string, error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_READONLY' && existsSync(`${path}-journal`)
}

/** A read-write connection's first read rolls a hot journal back and deletes it. */
async function rollBackJournal(path: string): Promise<void> {
  const db = await openRaw(path, 'readwrite')
  try {
    await rawAll(db, 'SELECT COUNT(*) AS n FROM sqlite_master')
  } finally {
    await closeRaw(db).catch(() => undefined)
  }
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(16)
    const read = readSync(fd, buffer, 0, 16, 0)
    return buffer.subarray(0, read).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

/** A version-0 file is one a migration never finished on; tables in it belong to some other program. */
async function hasForeignTables(db: sqlite3.Database): Promise<boolean> {
  const rows = await rawAll(
    db,
    `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'`,
  )
  return Number(rows[0]?.n ?? 0) > 0
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB') return '不是数据库文件'
  if (code === 'SQLITE_CORRUPT') return '文件损坏'
  if (code === 'SQLITE_CANTOPEN') return '无法打开'
  return code ?? (error instanceof Error ? error.message : String(error))
}

import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs'
import sqlite3 from 'sqlite3'
import { AppError } from '../appError'

const sqliteHeader = 'SQLite format 3\u0000'

export type PreflightResult = { state: 'missing' } | { state: 'ok'; schemaVersion: number }

/**
 * Looks at an existing database file without changing a byte of it: the header,
 * `PRAGMA quick_check` and the schema version. A file that fails any check is
 * refused with a Chinese message naming the file, and is left as it was.
 */
export async function preflight(path: string, latestVersion: number): Promise<PreflightResult> {
  if (!existsSync(path)) return { state: 'missing' }
  if (statSync(path).size === 0) return { state: 'missing' }
  if (!hasSqliteHeader(path)) {
    throw new AppError('DB_OPEN', `数据文件不是客情管家的数据库，未做任何修改：${path}`)
  }
  const db = await openReadOnly(path)
  try {
    const check = await all(db, 'PRAGMA quick_check')
    const verdict = check.map((row) => String(Object.values(row)[0])).join('; ')
    if (verdict !== 'ok') {
      throw new AppError('DB_OPEN', `数据文件已损坏（${verdict.slice(0, 200)}），未做任何修改：${path}`)
    }
    const [row] = await all(db, 'PRAGMA user_version')
    const schemaVersion = Number(row?.user_version ?? 0)
    if (schemaVersion > latestVersion) {
      throw new AppError(
        'DB_OPEN',
        `数据文件由更新版本的客情管家创建（结构版本 ${schemaVersion}，本程序支持到 ${latestVersion}），请升级程序后再打开。文件未做任何修改：${path}`,
      )
    }
    return { state: 'ok', schemaVersion }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('DB_OPEN', `数据文件无法读取（${describe(error)}），未做任何修改：${path}`)
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()))
  }
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(16)
    const read = readSync(fd, buffer, 0, 16, 0)
    return read === 16 && buffer.toString('latin1') === sqliteHeader
  } finally {
    closeSync(fd)
  }
}

function openReadOnly(path: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, sqlite3.OPEN_READONLY, (error) =>
      error ? reject(new AppError('DB_OPEN', `数据文件无法打开（${describe(error)}）：${path}`)) : resolve(db),
    )
  })
}

function all(db: sqlite3.Database, sql: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, (error, rows: Record<string, unknown>[]) => (error ? reject(error) : resolve(rows))),
  )
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB') return '不是数据库文件'
  if (code === 'SQLITE_CORRUPT') return '文件损坏'
  if (code === 'SQLITE_CANTOPEN') return '无法打开'
  return code ?? (error instanceof Error ? error.message : String(error))
}

import sqlite3 from 'sqlite3'

/**
 * A bare sqlite3 connection, for work beside the app's TypeORM connection:
 * reading a backup file, or taking an online backup of the live database.
 */
export function openRaw(path: string, mode: 'readonly' | 'readwrite'): Promise<sqlite3.Database> {
  const flags = mode === 'readonly' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, flags, (error) => (error ? reject(error) : resolve(db)))
  })
}

export function rawAll(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows: Record<string, unknown>[]) => (error ? reject(error) : resolve(rows))),
  )
}

export function rawExec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())))
}

export function closeRaw(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))
}

/** Opens, runs `work`, and always closes. */
export async function withRaw<T>(
  path: string,
  mode: 'readonly' | 'readwrite',
  work: (db: sqlite3.Database) => Promise<T>,
): Promise<T> {
  const db = await openRaw(path, mode)
  try {
    return await work(db)
  } finally {
    await closeRaw(db).catch(() => undefined)
  }
}

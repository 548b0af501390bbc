import sqlite3 from 'sqlite3'

export interface RawDatabase {
  all: (sql: string, params?: unknown[]) => Promise<unknown[]>
  exec: (sql: string) => Promise<void>
  close: () => Promise<void>
}

/**
 * The baseline's connection: the same sqlite3 driver on the same file, with the
 * pragmas TypeORM sets on the app's connection, and nothing in between.
 */
export async function openRawDatabase(path: string): Promise<RawDatabase> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)))
  })
  const all = (sql: string, params: unknown[] = []): Promise<unknown[]> =>
    new Promise((resolve, reject) => db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))))
  const exec = (sql: string): Promise<void> =>
    new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())))
  await exec('PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON')
  return {
    all,
    exec,
    close: () => new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve()))),
  }
}

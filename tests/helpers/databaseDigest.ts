import { createHash } from 'node:crypto'
import type sqlite3 from 'sqlite3'
import { rawAll, withRaw } from '../../src/main/core/db/rawSqlite'

export interface TableDigest {
  count: number
  hash: string
}

/** Row count and a hash of every row (in rowid or key order) of each user table, read through its own connection. */
export async function databaseDigest(path: string): Promise<Record<string, TableDigest>> {
  return withRaw(path, 'readonly', async (db) => {
    const tables = await rawAll(
      db,
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    const digest: Record<string, TableDigest> = {}
    for (const { name } of tables) {
      const rows = await rawAll(db, await everyRowSql(db, String(name)))
      digest[String(name)] = {
        count: rows.length,
        hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex'),
      }
    }
    return digest
  })
}

/** Every row of a table in a fixed order: by all its columns, whatever their number. */
export async function everyRowSql(db: sqlite3.Database, table: string): Promise<string> {
  const columns = await rawAll(db, `SELECT COUNT(*) AS n FROM pragma_table_info(?)`, [table])
  const n = Number(columns[0]?.n ?? 1)
  return `SELECT * FROM "${table}" ORDER BY ${Array.from({ length: n }, (_, i) => i + 1).join(', ')}`
}

/** Sums of the numeric columns that carry money and quantities, where the table exists. */
export async function databaseSums(path: string, sums: Record<string, string>): Promise<Record<string, number>> {
  return withRaw(path, 'readonly', async (db) => {
    const result: Record<string, number> = {}
    for (const [label, sql] of Object.entries(sums)) {
      const [row] = await rawAll(db, sql)
      result[label] = Number(Object.values(row ?? {})[0] ?? 0)
    }
    return result
  })
}

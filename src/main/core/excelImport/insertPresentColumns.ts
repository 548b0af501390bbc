import type { EntitySchema } from 'typeorm'
import type { SqlWriter } from '../db/sqlHandles'

/** SQLite's limit on the parameters of one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const maxVariables = 32766
const maxRowsPerStatement = 500

/**
 * Multi-row INSERTs naming only the columns some row of the batch fills: an
 * imported customer sets a dozen of its ~90 columns, and binding the rest as
 * NULL was most of the cost of a large import. Absent columns take their
 * default (NULL), exactly as a NULL would.
 */
export async function insertPresentColumns<Row extends object>(
  db: SqlWriter,
  entity: EntitySchema<Row>,
  rows: Partial<Row>[],
): Promise<void> {
  if (rows.length === 0) return
  const metadata = db.manager.connection.getMetadata(entity)
  const records = rows as Record<string, unknown>[]
  const columns = metadata.columns
    .map((c) => ({ property: c.propertyName, name: c.databaseName, isBoolean: c.type === 'boolean' }))
    .filter((c) => records.some((r) => r[c.property] !== undefined && r[c.property] !== null))
  const perStatement = Math.min(maxRowsPerStatement, Math.floor(maxVariables / columns.length))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const head = `INSERT INTO ${metadata.tableName} (${columns.map((c) => c.name).join(', ')}) VALUES `
  for (let start = 0; start < records.length; start += perStatement) {
    const slice = records.slice(start, start + perStatement)
    const params: unknown[] = []
    for (const record of slice) {
      for (const column of columns) {
        const value = record[column.property] ?? null
        params.push(column.isBoolean && value !== null ? (value ? 1 : 0) : value)
      }
    }
    await db.run(head + Array(slice.length).fill(tuple).join(', '), params)
  }
}

import type { EntityManager, EntitySchema } from 'typeorm'

/** SQLite's limit on the parameters of one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const maxVariables = 32766
const maxRowsPerStatement = 500

/** Multi-row INSERTs of whole rows, as many rows per statement as SQLite's variable limit allows. */
export async function bulkInsert<Row extends object>(
  manager: EntityManager,
  entity: EntitySchema<Row>,
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return
  const metadata = manager.connection.getMetadata(entity)
  const columns = metadata.columns.map((c) => ({
    property: c.propertyName,
    name: c.databaseName,
    isBoolean: c.type === 'boolean',
  }))
  const perStatement = Math.min(maxRowsPerStatement, Math.floor(maxVariables / columns.length))
  const tuple = `(${columns.map(() => '?').join(', ')})`
  const head = `INSERT INTO ${metadata.tableName} (${columns.map((c) => c.name).join(', ')}) VALUES `
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement)
    const params: unknown[] = []
    for (const row of slice) {
      const record = row as Record<string, unknown>
      for (const column of columns) {
        const value = record[column.property] ?? null
        params.push(column.isBoolean && value !== null ? (value ? 1 : 0) : value)
      }
    }
    await manager.query(head + Array(slice.length).fill(tuple).join(', '), params)
  }
}

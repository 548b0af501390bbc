import type { DataSource, Logger } from 'typeorm'
import type { RawDatabase } from './rawDatabase'

export interface CapturedQuery {
  sql: string
  params: unknown[]
}

/**
 * Runs `work` and records every statement the app sent to SQLite (TypeORM logs
 * each one, transaction statements included, through its logger whether or not
 * logging is on). Replaying them raw is the baseline of a case that gives none.
 */
export async function captureSql(dataSource: DataSource, work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const queries: CapturedQuery[] = []
  const original = dataSource.logger
  const recorder: Logger = {
    logQuery: (sql, params) => void queries.push({ sql, params: params ?? [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  }
  Object.assign(dataSource, { logger: recorder })
  try {
    await work()
  } finally {
    Object.assign(dataSource, { logger: original })
  }
  return queries
}

export async function replay(raw: RawDatabase, queries: CapturedQuery[]): Promise<void> {
  for (const query of queries) await raw.all(query.sql, query.params)
}

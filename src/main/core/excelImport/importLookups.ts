import { rawAll, withRaw } from '../db/rawSqlite'
import type { SqlParams } from '../db/sqlHandles'
import type { Queryable } from './importQueries'

/**
 * A read-only connection of a commit's own, for its duplicate lookups. The
 * commit's writes hold the app's connection in one long transaction, where
 * each lookup waited behind the inserts queued before it; on a connection of
 * its own it runs on another of SQLite's threads meanwhile, and (WAL) sees the
 * database as last committed: the customers from before the import, which is
 * what the check asks about (the import's own rows are the file's duplicates).
 */
export function withImportLookups<T>(databasePath: string, work: (lookups: Queryable) => Promise<T>): Promise<T> {
  return withRaw(databasePath, 'readonly', (db) => {
    // A reader waits only out a checkpoint that resets the WAL (a backup's); the app's
    // own connection waits likewise.
    db.configure('busyTimeout', 5000)
    // Rows are typed where each query is written, as SqlReader's are.
    return work({ all: <Row>(sql: string, params: SqlParams = []) => rawAll(db, sql, [...params]) as Promise<Row[]> })
  })
}

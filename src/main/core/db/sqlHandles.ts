import type sqlite3 from 'sqlite3'
import type { EntityManager } from 'typeorm'
import { rawAll } from './rawSqlite'

/** Parameters of one statement, in order; values only, never SQL. */
export type SqlParams = readonly unknown[]

/** What a write statement did: SQLite's last inserted rowid and the rows it changed. */
export interface RunResult {
  lastId: number
  changes: number
}

/**
 * The database as a read path sees it: typed rows out, no way to write.
 * `all<Row>` declares each row's type once, where the SQL is, so callers do not
 * cast column by column (SQLite hands back numbers and text as they are stored).
 * Handed out by `Store.read`; a write path gets a `SqlWriter`.
 */
export class SqlReader {
  /** `aside`: a read-only connection of its own (Store.readAside) instead of the manager's, and what stops it. */
  constructor(
    protected readonly entityManager: EntityManager,
    private readonly aside?: { connection: sqlite3.Database; signal?: AbortSignal },
  ) {}

  all<Row>(sql: string, params: SqlParams = []): Promise<Row[]> {
    assertReadOnly(sql)
    if (!this.aside) return this.entityManager.query(sql, [...params])
    // SQLite's interrupt stops only the statement running: the next one is refused here.
    if (this.aside.signal?.aborted) return Promise.reject(new Error('interrupted'))
    // Told to TypeORM's logger like every other statement (the bench replays what it logs).
    this.entityManager.connection.logger.logQuery(sql, [...params])
    return rawAll(this.aside.connection, sql, [...params]) as Promise<Row[]>
  }

  async first<Row>(sql: string, params: SqlParams = []): Promise<Row | undefined> {
    const rows = await this.all<Row>(sql, params)
    return rows[0]
  }
}

/** The database inside a `Store.write` transaction: reads, writes and TypeORM's entity API. */
export class SqlWriter extends SqlReader {
  /** Entity saves and multi-row inserts (bulkInsert) go through TypeORM's manager of this transaction. */
  get manager(): EntityManager {
    return this.entityManager
  }

  /**
   * A read, or a write with RETURNING: any statement that answers rows. Straight to
   * the driver's connection, because TypeORM's sqlite runner sends a statement that
   * begins with `INSERT `, `UPDATE ` or `DELETE ` to sqlite3's run(), which drops the
   * rows. The same connection as TypeORM's, so inside the same transaction.
   */
  override all<Row>(sql: string, params: SqlParams = []): Promise<Row[]> {
    const connection = this.connection(sql, params)
    return new Promise((resolve, reject) =>
      connection.all(sql, [...params], (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows))),
    )
  }

  /**
   * A statement whose rows are not wanted. sqlite3's run() reports the last rowid
   * and the changes whatever the statement begins with (TypeORM's runner only does
   * for statements that begin with `INSERT ` and the like).
   */
  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    const connection = this.connection(sql, params)
    return new Promise((resolve, reject) =>
      connection.run(sql, [...params], function (this: { lastID: number; changes: number }, error: Error | null) {
        if (error) reject(error)
        else resolve({ lastId: this.lastID, changes: this.changes })
      }),
    )
  }

  /** The driver's connection, after telling TypeORM's logger, which sees every other statement too (the bench replays what it logs). */
  private connection(sql: string, params: SqlParams): SqliteConnection {
    const { logger, driver } = this.entityManager.connection
    logger.logQuery(sql, [...params])
    return (driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection
  }
}

/** The part of sqlite3's Database the writer uses. */
interface SqliteConnection {
  all(sql: string, params: unknown[], callback: (error: Error | null, rows: never[]) => void): void
  run(
    sql: string,
    params: unknown[],
    callback: (this: { lastID: number; changes: number }, error: Error | null) => void,
  ): void
}

/**
 * A second guard behind the types: a statement on a read handle must start as a
 * read does. A CTE followed by INSERT/UPDATE/DELETE is a write.
 */
function assertReadOnly(sql: string): void {
  const head = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase()
  const reads =
    head === 'SELECT' ||
    head === 'VALUES' ||
    head === 'EXPLAIN' ||
    (head === 'WITH' && !/\)\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql)) ||
    (head === 'PRAGMA' && !sql.includes('='))
  if (!reads) throw new Error(`A read path tried to write: ${sql.slice(0, 80)}`)
}

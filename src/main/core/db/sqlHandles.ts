import type { EntityManager } from 'typeorm'

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
  constructor(protected readonly entityManager: EntityManager) {}

  all<Row>(sql: string, params: SqlParams = []): Promise<Row[]> {
    assertReadOnly(sql)
    return this.entityManager.query(sql, [...params])
  }

  async first<Row>(sql: string, params: SqlParams = []): Promise<Row | undefined> {
    const rows = await this.all<Row>(sql, params)
    return rows[0]
  }

  /**
   * Only while the query modules move to `all`/`first`: the manager behind this
   * handle. Every use is a read path that could still write; it goes away when
   * the last one is converted.
   * @deprecated use all/first
   */
  get legacy(): EntityManager {
    return this.entityManager
  }
}

/** The database inside a `Store.write` transaction: reads, writes and TypeORM's entity API. */
export class SqlWriter extends SqlReader {
  /** Entity saves and multi-row inserts (bulkInsert) go through TypeORM's manager of this transaction. */
  get manager(): EntityManager {
    return this.entityManager
  }

  /** A read, or a write with RETURNING: any statement that answers rows. */
  override all<Row>(sql: string, params: SqlParams = []): Promise<Row[]> {
    return this.entityManager.query(sql, [...params])
  }

  async run(sql: string, params: SqlParams = []): Promise<RunResult> {
    // The transaction's own runner (sqlite shares one connection); `true` asks for rowid and changes too.
    const runner = this.entityManager.queryRunner ?? this.entityManager.connection.createQueryRunner()
    const result = (await runner.query(sql, [...params], true)) as { raw: unknown; affected?: number }
    return { lastId: typeof result.raw === 'number' ? result.raw : 0, changes: result.affected ?? 0 }
  }
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

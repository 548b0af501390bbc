import { DataSource, type EntityManager, type QueryRunner } from 'typeorm'
import { AppError } from './appError'
import { withRaw } from './db/rawSqlite'
import { SqlReader, SqlWriter } from './db/sqlHandles'

/**
 * TypeORM's own bookkeeping of the shared sqlite query runner. `transactionDepth`
 * is protected in its types; the store keeps it equal to what SQLite says.
 */
interface RunnerState {
  isTransactionActive: boolean
  transactionDepth: number
}

/** How long `exclusive` and `close` wait for reads in flight before going on without them. */
export const defaultReadWaitMs = 30_000

export interface StoreOptions {
  /** Tests shorten the wait; a stuck reader must never block a restore or a shutdown for ever. */
  readWaitMs?: number
}

export interface WriteOptions {
  /**
   * Only the core's own bookkeeping, which nothing shown or counted reads (a session's last use):
   * it leaves `dataVersion`, and so the kept analysis answers, as they are.
   */
  bookkeeping?: boolean
}

/**
 * The open database. TypeORM's sqlite driver shares one connection, so two
 * transactions started at once would interleave on it; `write` queues them.
 *
 * The store begins, commits and rolls back its transactions itself instead of
 * `DataSource.transaction`: when SQLite refuses a COMMIT (disk full, I/O error)
 * TypeORM leaves its transaction depth at 1 and every later write becomes a
 * savepoint inside a transaction that never commits — each answered 成功 and
 * lost at the next stop (typeorm/typeorm#11260, #10209). Here every transaction
 * ends in a state the store has checked with SQLite itself: committed, or rolled
 * back with the connection in autocommit again, or the connection reopened.
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve()
  private source: DataSource
  // Reads run beside each other; `exclusive` waits for those in flight before it touches the file.
  private readonly reading = new Set<Promise<unknown>>()
  private readonly readWaitMs: number
  private connections = 1
  private changes = 0
  private readonly changeListeners = new Set<() => void>()

  constructor(
    dataSource: DataSource,
    readonly databasePath: string,
    options: StoreOptions = {},
  ) {
    this.source = dataSource
    this.readWaitMs = options.readWaitMs ?? defaultReadWaitMs
  }

  get dataSource(): DataSource {
    return this.source
  }

  /**
   * Counts the connections this store has had: it changes when a restore replaced
   * the file or a failed transaction reopened it, so a cache of the file's contents
   * (accounts/accountCache.ts) knows to load again.
   */
  get generation(): number {
    return this.connections
  }

  /**
   * Counts the writes that changed rows, the failed ones and the connections: an answer computed
   * while it had an older value may no longer be what the file holds (analysis/analysisCache.ts).
   */
  get dataVersion(): number {
    return this.changes
  }

  /** Called after each change of `dataVersion`; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener)
    return () => void this.changeListeners.delete(listener)
  }

  get manager(): EntityManager {
    return this.source.manager
  }

  /** Runs `work` in one transaction, after every write queued before it. Resolves only once COMMIT succeeded. */
  write<T>(work: (db: SqlWriter) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const run = this.queue.then(() => this.transaction(work, options))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Reads wait for queued writes so a caller sees what it just wrote. The handle cannot write. */
  async read<T>(work: (db: SqlReader) => Promise<T>): Promise<T> {
    await this.queue
    const run = work(new SqlReader(this.source.manager))
    this.reading.add(run)
    try {
      return await run
    } finally {
      this.reading.delete(run)
    }
  }

  /**
   * A read on a read-only connection of its own, opened for it and closed after: long background
   * reads (analysis/analysisAnswers.ts) run there on another of SQLite's threads, so the calls of the
   * people using the app never queue behind them. Like `read` it starts after the queued writes and
   * `exclusive` waits for it; under WAL it sees the database as last committed. `signal` interrupts it.
   */
  async readAside<T>(work: (db: SqlReader) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.queue
    const run = withRaw(this.databasePath, 'readonly', async (connection) => {
      // A reader waits only out a checkpoint that resets the WAL (a backup's), as the app's connection does.
      connection.configure('busyTimeout', 5000)
      // Aborted: the statement running stops at once (SQLITE_INTERRUPT); SqlReader refuses the next.
      const stop = () => connection.interrupt()
      signal?.addEventListener('abort', stop)
      try {
        return await work(new SqlReader(this.source.manager, { connection, signal }))
      } finally {
        signal?.removeEventListener('abort', stop)
      }
    })
    this.reading.add(run)
    try {
      return await run
    } finally {
      this.reading.delete(run)
    }
  }

  /**
   * Runs `work` with the database to itself: after every queued write and every
   * read in flight, and before anything called later. A restore uses it to close
   * the file and `replace` the connection without a handler seeing it half-way.
   * A read still running after `readWaitMs` is not waited for any longer: its
   * next query fails, which is better than a restore that never starts.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await this.readsSettled()
      return work()
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Only inside `exclusive`: the handlers keep this Store and now reach the new connection. */
  replace(dataSource: DataSource): void {
    this.source = dataSource
    this.connections += 1
    this.changed()
  }

  async close(): Promise<void> {
    await this.queue
    await this.readsSettled()
    if (this.source.isInitialized) await this.source.destroy()
  }

  private async readsSettled(): Promise<void> {
    if (this.reading.size === 0) return
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.readWaitMs)
      timer.unref()
    })
    await Promise.race([Promise.allSettled([...this.reading]), timeout])
    clearTimeout(timer)
  }

  private async transaction<T>(work: (db: SqlWriter) => Promise<T>, options: WriteOptions): Promise<T> {
    const runner = this.source.createQueryRunner()
    const state = runner as unknown as RunnerState
    // A write that changed no row (a reminder scan that found nothing new) leaves dataVersion as it is.
    const changesBefore = await totalChanges(runner)
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout), not half-way through the work.
    await runner.query('BEGIN IMMEDIATE')
    // Entity saves inside `work` see an open transaction and use savepoints, as under DataSource.transaction.
    state.isTransactionActive = true
    state.transactionDepth = 1
    try {
      const result = await work(new SqlWriter(runner.manager))
      await runner.query('COMMIT')
      state.isTransactionActive = false
      state.transactionDepth = 0
      if (!options.bookkeeping && (await totalChanges(runner)) !== changesBefore) this.changed()
      return result
    } catch (error) {
      await this.endAfterFailure(runner)
      // Whatever a failed write left, answers computed before it are not trusted.
      if (!options.bookkeeping) this.changed()
      throw error
    }
  }

  /**
   * After a failed body or a failed COMMIT: roll back, then prove to SQLite that no
   * transaction is left open on the connection. SQLite may already have rolled back
   * by itself (SQLITE_FULL, SQLITE_IOERR and SQLITE_NOMEM can do that), so "no
   * transaction is active" is a fine answer to the ROLLBACK. If the connection cannot
   * be brought back to autocommit, it is closed and opened again.
   */
  private async endAfterFailure(runner: QueryRunner): Promise<void> {
    const state = runner as unknown as RunnerState
    await runner.query('ROLLBACK').catch(() => undefined)
    state.isTransactionActive = false
    state.transactionDepth = 0
    if (await inAutocommit(runner)) return
    await this.reopen()
  }

  private async reopen(): Promise<void> {
    const options = this.source.options
    await this.source.destroy().catch(() => undefined)
    const fresh = new DataSource(options)
    try {
      await fresh.initialize()
    } catch (error) {
      throw new AppError('INTERNAL', `数据库连接无法恢复，请重新启动程序（${(error as Error).message}）`)
    }
    this.source = fresh
    this.connections += 1
    this.changed()
  }

  private changed(): void {
    this.changes += 1
    for (const listener of [...this.changeListeners]) listener()
  }
}

/** SQLite's count of rows inserted, updated or deleted on this connection since it opened (triggers' too). */
async function totalChanges(runner: QueryRunner): Promise<number> {
  const [row] = (await runner.query('SELECT total_changes() AS n')) as { n: number }[]
  return row?.n ?? 0
}

/** BEGIN succeeds only outside a transaction: then the connection is in autocommit mode. */
async function inAutocommit(runner: QueryRunner): Promise<boolean> {
  try {
    await runner.query('BEGIN')
  } catch {
    return false
  }
  await runner.query('ROLLBACK').catch(() => undefined)
  return true
}

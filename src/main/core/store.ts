import type { DataSource, EntityManager } from 'typeorm'

/**
 * The open database. TypeORM's sqlite driver shares one connection, so two
 * transactions started at once would interleave on it; `write` queues them.
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve()
  private source: DataSource
  // Reads run beside each other; `exclusive` waits for those in flight before it touches the file.
  private readonly reading = new Set<Promise<unknown>>()

  constructor(
    dataSource: DataSource,
    readonly databasePath: string,
  ) {
    this.source = dataSource
  }

  get dataSource(): DataSource {
    return this.source
  }

  get manager(): EntityManager {
    return this.source.manager
  }

  /** Runs `work` in one transaction, after every write queued before it. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.source.transaction(work))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Reads wait for queued writes so a caller sees what it just wrote. */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    await this.queue
    const run = work(this.source.manager)
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
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await Promise.allSettled([...this.reading])
      return work()
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Only inside `exclusive`: the handlers keep this Store and now reach the new connection. */
  replace(dataSource: DataSource): void {
    this.source = dataSource
  }

  async close(): Promise<void> {
    await this.queue
    await Promise.allSettled([...this.reading])
    if (this.source.isInitialized) await this.source.destroy()
  }
}

import type { DataSource, EntityManager } from 'typeorm'

/**
 * The open database. TypeORM's sqlite driver shares one connection, so two
 * transactions started at once would interleave on it; `write` queues them.
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly dataSource: DataSource,
    readonly databasePath: string,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager
  }

  /** Runs `work` in one transaction, after every write queued before it. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.dataSource.transaction(work))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Reads wait for queued writes so a caller sees what it just wrote. */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    await this.queue
    return work(this.dataSource.manager)
  }

  async close(): Promise<void> {
    await this.queue
    if (this.dataSource.isInitialized) await this.dataSource.destroy()
  }
}

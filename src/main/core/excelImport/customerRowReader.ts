import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { UnknownLabelTally } from './importColumns'
import { readCustomerRow, rowContext, type CustomerRowRead, type RowContext, type RowReading } from './readCustomerRow'
import type { SheetRow } from './readImportFile'

/** Messages between a CustomerRowReader and its worker (customerRowWorker.ts), answered in order; the first is the reading. */
export type ToRowWorker = { reading: RowReading } | { rows: SheetRow[] } | { unknownLabels: true }
export type FromRowWorker =
  { ready: true } | { rows: CustomerRowRead[] } | { unknownLabels: UnknownLabelTally[] } | { error: string }

/**
 * Reads customer rows (readCustomerRow) chunk by chunk, in a worker thread when
 * one can be started: reading is most of an import's JavaScript, and with it on
 * the second core this thread only checks duplicates and feeds SQLite. Chunks
 * are read in the order asked for; ask for the next before using this one.
 */
export interface CustomerRowReader {
  /** Where the rows are read. */
  readonly thread: 'worker' | 'main'
  read(rows: SheetRow[]): Promise<CustomerRowRead[]>
  /** The labels of the rows read so far that the dictionary lacks, with how many rows use each. */
  unknownLabels(): Promise<UnknownLabelTally[]>
  close(): Promise<void>
}

/** How long a worker started ahead waits to be used. */
const warmFor = 10 * 60_000

/**
 * Opens readers: on a worker thread where one starts, else on this thread (the
 * worker's script missing or failing). Loading the reading code (pinyin, zod)
 * takes a new worker a few tenths of a second, so one is started ahead when a
 * file is opened: the preview and the import that follow then find it ready.
 */
export class CustomerRowReaders {
  private warm: Worker | null = null

  constructor(private readonly start: () => Worker | null = startWorker) {}

  /** Starts the worker the next reader uses, unless one is waiting already. */
  prepare(): void {
    if (this.warm) return
    const worker = this.start()
    if (!worker) return
    // Waiting is no reason for the app to stay up; a worker that fails meanwhile is not used.
    worker.unref()
    const drop = () => {
      if (this.warm === worker) this.warm = null
    }
    worker.once('error', drop).once('exit', drop)
    this.warm = worker
    // A file opened and then left: its worker does not wait for ever.
    setTimeout(() => {
      if (this.warm !== worker) return
      this.warm = null
      void worker.terminate()
    }, warmFor).unref()
  }

  async open(reading: RowReading): Promise<CustomerRowReader> {
    const worker = this.warm ?? this.start()
    this.warm = null
    if (!worker) console.warn('找不到导入读取线程的脚本，改在主线程读取')
    else {
      try {
        return await WorkerRowReader.start(worker, reading)
      } catch (error) {
        console.warn('导入读取线程未能启动，改在主线程读取', error)
      }
    }
    return new InlineRowReader(reading)
  }
}

/**
 * The built script (out/main/customerRowWorker.js: this code is bundled into
 * out/main or out/main/chunks), or in a checkout the TypeScript source through
 * tsx (tests, bench).
 */
function startWorker(): Worker | null {
  const built = [__dirname, join(__dirname, '..')].map((dir) => join(dir, 'customerRowWorker.js')).find(existsSync)
  if (built) return new Worker(built)
  const source = join(__dirname, 'customerRowWorker.ts')
  if (!existsSync(source)) return null
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)})`, { eval: true })
}

class WorkerRowReader implements CustomerRowReader {
  readonly thread = 'worker'
  private readonly waiting: { resolve: (reply: FromRowWorker) => void; reject: (error: Error) => void }[] = []
  private failure: Error | null = null

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: FromRowWorker) => this.waiting.shift()?.resolve(reply))
    const fail = (error: Error) => {
      this.failure ??= error
      for (const w of this.waiting.splice(0)) w.reject(error)
    }
    worker.on('error', fail)
    worker.on('exit', () => fail(new Error('导入读取线程已退出')))
  }

  static async start(worker: Worker, reading: RowReading): Promise<WorkerRowReader> {
    worker.ref()
    const reader = new WorkerRowReader(worker)
    try {
      await reader.reply({ reading })
      return reader
    } catch (error) {
      await worker.terminate()
      throw error
    }
  }

  private reply(message: ToRowWorker): Promise<FromRowWorker> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise<FromRowWorker>((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      this.worker.postMessage(message)
    }).then((reply) => {
      if ('error' in reply) throw new Error(reply.error)
      return reply
    })
  }

  async read(rows: SheetRow[]): Promise<CustomerRowRead[]> {
    const reply = await this.reply({ rows })
    return 'rows' in reply ? reply.rows : []
  }

  async unknownLabels(): Promise<UnknownLabelTally[]> {
    const reply = await this.reply({ unknownLabels: true })
    return 'unknownLabels' in reply ? reply.unknownLabels : []
  }

  async close(): Promise<void> {
    this.failure ??= new Error('导入读取线程已关闭')
    await this.worker.terminate()
  }
}

class InlineRowReader implements CustomerRowReader {
  readonly thread = 'main'
  private readonly context: RowContext
  /** Chunks are read one after the other, in the order asked for (labels are tallied in file order). */
  private last: Promise<unknown> = Promise.resolve()

  constructor(reading: RowReading) {
    this.context = rowContext(reading)
  }

  read(rows: SheetRow[]): Promise<CustomerRowRead[]> {
    const done = this.last.then(async () => {
      const read: CustomerRowRead[] = []
      for (const [index, row] of rows.entries()) {
        // Lets SQLite's callbacks in: the writer's next statement waits for this thread.
        if (index % 25 === 24) await new Promise((resolve) => setImmediate(resolve))
        read.push(readCustomerRow(row, this.context))
      }
      return read
    })
    this.last = done
    return done
  }

  async unknownLabels(): Promise<UnknownLabelTally[]> {
    await this.last
    return [...this.context.labels.unknown.values()]
  }

  async close(): Promise<void> {}
}

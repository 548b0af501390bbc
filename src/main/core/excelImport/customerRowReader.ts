import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { UnknownLabelTally } from './importColumns'
import { readCustomerRow, rowContext, type CustomerRowRead, type RowContext, type RowReading } from './readCustomerRow'
import type { SheetRow } from './sheetRow'

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
 * file is opened, and a reader done with its worker gives it back: the preview
 * and the import that follow find it ready.
 */
export class CustomerRowReaders {
  private warm: { worker: Worker; forget: () => void } | null = null

  constructor(private readonly start: () => Worker | null = startWorker) {}

  /** Starts the worker the next reader uses, unless one is waiting already. */
  prepare(): void {
    if (this.warm) return
    const worker = this.start()
    if (worker) this.keep(worker)
  }

  async open(reading: RowReading): Promise<CustomerRowReader> {
    const worker = this.take() ?? this.start()
    if (!worker) console.warn('找不到导入读取线程的脚本，改在主线程读取')
    else {
      try {
        return await WorkerRowReader.start(worker, reading, (idle) => this.keep(idle))
      } catch (error) {
        console.warn('导入读取线程未能启动，改在主线程读取', error)
      }
    }
    return new InlineRowReader(reading)
  }

  /** Keeps an idle worker for the next reader (one at most, for a while). */
  private keep(worker: Worker): void {
    if (this.warm) {
      void worker.terminate()
      return
    }
    // Waiting is no reason for the app to stay up; a worker that fails meanwhile is not used.
    worker.unref()
    const drop = () => {
      if (this.warm?.worker === worker) this.warm = null
    }
    worker.once('error', drop).once('exit', drop)
    // A file opened and then left: its worker does not wait for ever.
    const timer = setTimeout(() => {
      drop()
      void worker.terminate()
    }, warmFor).unref()
    this.warm = {
      worker,
      forget: () => {
        worker.off('error', drop).off('exit', drop)
        clearTimeout(timer)
      },
    }
  }

  private take(): Worker | null {
    const warm = this.warm
    this.warm = null
    warm?.forget()
    return warm?.worker ?? null
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

  private readonly listeners: {
    message: (reply: FromRowWorker) => void
    fail: (error: Error) => void
    exit: () => void
  }

  private constructor(
    private readonly worker: Worker,
    /** Takes the worker back once this reader is done with it. */
    private readonly release: (worker: Worker) => void,
  ) {
    const fail = (error: Error) => {
      this.failure ??= error
      for (const w of this.waiting.splice(0)) w.reject(error)
    }
    this.listeners = {
      message: (reply) => this.waiting.shift()?.resolve(reply),
      fail,
      exit: () => fail(new Error('导入读取线程已退出')),
    }
    worker.on('message', this.listeners.message).on('error', fail).on('exit', this.listeners.exit)
  }

  static async start(worker: Worker, reading: RowReading, release: (worker: Worker) => void): Promise<WorkerRowReader> {
    worker.ref()
    const reader = new WorkerRowReader(worker, release)
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

  /** Gives the worker back when it has answered everything (replies come in order); else ends it. */
  async close(): Promise<void> {
    const idle = this.failure === null && this.waiting.length === 0
    this.failure ??= new Error('导入读取线程已关闭')
    if (!idle) {
      await this.worker.terminate()
      return
    }
    const { message, fail, exit } = this.listeners
    this.worker.off('message', message).off('error', fail).off('exit', exit)
    this.release(this.worker)
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

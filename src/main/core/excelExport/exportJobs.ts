import { randomUUID } from 'node:crypto'
import type { ExportFile, ExportProgress } from '../../../shared/excelExport'
import { AppError } from '../appError'
import type { ExportSink } from './buildExport'

interface ExportJob {
  state: ExportProgress['state']
  done: number
  total: number | null
  message: string | null
  file: ExportFile | null
  cancelRequested: boolean
  /** Who started it: a job's file is only theirs to fetch (the user id; null in single-PC mode). */
  owner: number | null
}

/** Thrown from a job's step once the user cancelled; never leaves this module. */
class ExportCancelled extends Error {}

/** A finished file waits here until fetched; a few jobs at most, the oldest finished ones dropped first. */
const maxJobs = 8

/** The exports started as jobs in this app session: their progress, their file, their 取消. */
export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>()

  /** Starts `work` without waiting for it; the caller polls `progress` with the returned id. */
  start(work: (sink: ExportSink) => Promise<ExportFile>, owner: number | null = null): string {
    const id = randomUUID()
    const job: ExportJob = {
      state: 'running',
      done: 0,
      total: null,
      message: null,
      file: null,
      cancelRequested: false,
      owner,
    }
    this.jobs.set(id, job)
    this.prune()
    const sink: ExportSink = {
      setTotal: (total) => {
        job.total = total
      },
      step: async (done) => {
        job.done = done
        // Lets progress and cancel requests in between cards or pages.
        await new Promise((resolve) => setImmediate(resolve))
        if (job.cancelRequested) throw new ExportCancelled()
      },
    }
    void work(sink).then(
      (file) => {
        Object.assign(job, { state: 'done', done: file.count, file })
      },
      (error: unknown) => {
        if (error instanceof ExportCancelled) {
          Object.assign(job, { state: 'cancelled', message: '导出已取消' })
        } else {
          const reason = error instanceof Error ? error.message : String(error)
          Object.assign(job, {
            state: 'failed',
            message: error instanceof AppError ? error.message : `导出失败（${reason}），请重试`,
          })
        }
      },
    )
    return id
  }

  /** The job's state; a finished file is handed over once, then let go so it does not sit in memory. */
  progress(id: string, owner: number | null = null): ExportProgress {
    const job = this.job(id, owner)
    const { state, done, total, message, file } = job
    job.file = null
    return { state, done, total, message, file }
  }

  cancel(id: string, owner: number | null = null): void {
    const job = this.job(id, owner)
    if (job.state === 'running') job.cancelRequested = true
  }

  private job(id: string, owner: number | null): ExportJob {
    const job = this.jobs.get(id)
    if (!job || job.owner !== owner) throw new AppError('NOT_FOUND', '导出任务不存在，请重新导出')
    return job
  }

  private prune(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= maxJobs) break
      if (job.state !== 'running') this.jobs.delete(id)
    }
  }
}

import { randomUUID } from 'node:crypto'
import type { ImportResult, PreviewRow } from '../../../shared/excelImport'
import type { ImportKind } from '../../../shared/excelImportFields'
import { AppError } from '../appError'
import type { SheetData } from './readImportFile'

export interface ImportSession {
  id: string
  kind: ImportKind
  fileName: string
  sheet: SheetData
  /** The rows with problems of the latest preview or commit, for the error report. */
  problemRows: PreviewRow[]
  /** Once imported, the rows are let go but for those the error report needs. */
  state: 'open' | 'importing' | 'imported'
}

export interface ImportJob {
  state: 'running' | 'done' | 'failed' | 'cancelled'
  done: number
  total: number
  message: string | null
  result: ImportResult | null
  cancelRequested: boolean
}

/** Files are kept in memory between the wizard's steps; the wizard works on one, the one before is kept for its error report. */
const maxSessions = 2
const maxJobs = 20

/** Open import files and running/finished import jobs of this app session (nothing here needs to survive a restart). */
export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>()
  private readonly jobs = new Map<string, ImportJob>()

  open(kind: ImportKind, fileName: string, sheet: SheetData): ImportSession {
    const session: ImportSession = { id: randomUUID(), kind, fileName, sheet, problemRows: [], state: 'open' }
    this.sessions.set(session.id, session)
    for (const id of [...this.sessions.keys()].slice(0, Math.max(0, this.sessions.size - maxSessions))) {
      this.sessions.delete(id)
    }
    return session
  }

  session(id: string): ImportSession {
    const session = this.sessions.get(id)
    if (!session) throw new AppError('NOT_FOUND', '导入文件已失效（可能已打开了其他文件），请重新选择文件')
    return session
  }

  /** A session still to be imported: a file is imported once (a second 导入 would add every row again). */
  toImport(id: string): ImportSession {
    const session = this.session(id)
    if (session.state === 'importing') throw new AppError('CONFLICT', '该文件正在导入，请稍候')
    if (session.state === 'imported') {
      throw new AppError('CONFLICT', '该文件已经导入过了；如需再次导入，请重新选择文件')
    }
    return session
  }

  /** After the import: only the rows with problems stay, for the error report (a 50,000-row sheet is ~30 MB). */
  imported(session: ImportSession): void {
    const kept = new Set(session.problemRows.map((row) => row.rowNumber))
    session.sheet = { ...session.sheet, rows: session.sheet.rows.filter((row) => kept.has(row.rowNumber)) }
    session.state = 'imported'
  }

  startJob(total: number): { id: string; job: ImportJob } {
    const id = randomUUID()
    const job: ImportJob = { state: 'running', done: 0, total, message: null, result: null, cancelRequested: false }
    this.jobs.set(id, job)
    for (const [oldId, old] of this.jobs) {
      if (this.jobs.size <= maxJobs) break
      if (old.state !== 'running') this.jobs.delete(oldId)
    }
    return { id, job }
  }

  job(id: string): ImportJob {
    const job = this.jobs.get(id)
    if (!job) throw new AppError('NOT_FOUND', '导入任务不存在')
    return job
  }
}

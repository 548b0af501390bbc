import type { ImportDecisions, ImportResult, PreviewRow } from '../../../shared/excelImport'
import {
  headerKey,
  importFieldsOf,
  importKindLabels,
  matchHeader,
  type ImportKind,
} from '../../../shared/excelImportFields'
import { cleanText } from '../../../shared/importCleaning'
import { AppError } from '../appError'
import type { Caller } from '../accounts/caller'
import { recordAudit } from '../accounts/auditLog'
import { localNow } from '../common/localTime'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { changeFeedOf } from '../live/changeFeed'
import { importErrorReport } from './importErrorReport'
import { rememberedMapping, rememberLabels, rememberMapping } from './importMappingMemory'
import { withImportLookups } from './importLookups'
import { ImportSessions, type ImportJob, type ImportSession } from './importSessions'
import { importTemplate } from './importTemplate'
import { CustomerWriter } from './customerWriter'
import { LabelItems } from './labelItems'
import { CustomerRowReaders } from './customerRowReader'
import type { UnknownLabelTally } from './importColumns'
import { planContext, planCustomerChunks, planImport } from './planImport'
import { planInteractionImport } from './planInteractionImport'
import { readImportFile } from './readImportFile'
import { writeImport } from './writeImport'
import { writeInteractionImport } from './writeInteractionImport'

type ImportChannel =
  | 'import.template'
  | 'import.open'
  | 'import.preview'
  | 'import.commit'
  | 'import.progress'
  | 'import.cancel'
  | 'import.errorReport'

/** Thrown between chunks when the user cancels: the transaction rolls back. */
class ImportCancelled extends Error {}

export function importHandlers({ store }: CoreContext): DomainHandlers<ImportChannel> {
  const sessions = new ImportSessions()
  const readers = new CustomerRowReaders()

  /** The whole import in one transaction: a problem row (unless skipped), an error or 取消 leaves nothing behind. */
  const run = async (
    job: ImportJob,
    session: ImportSession,
    decisions: ImportDecisions,
    skipErrorRows: boolean,
    caller: Caller,
  ): Promise<void> => {
    try {
      job.result = await store.write(async (db) => {
        const progress = async (done: number): Promise<void> => {
          job.done = Math.min(done, job.total)
          // Lets progress and cancel requests in between chunks.
          await new Promise((resolve) => setImmediate(resolve))
          if (job.cancelRequested) throw new ImportCancelled()
        }
        const refuse = (problems: number) =>
          new AppError('VALIDATION', `有 ${problems} 行有问题，未导入任何数据：请修改文件或选择跳过这些行`)
        let result: ImportResult
        if (session.kind === 'customers') {
          result = await importCustomers(db, session, decisions, {
            skipErrorRows,
            job,
            progress,
            refuse,
            readers,
            databasePath: store.databasePath,
            userId: caller.userId,
          })
        } else if (session.kind === 'interactions') {
          const plan = await planInteractionImport(db, session.sheet, decisions, caller)
          session.problemRows = plan.preview.rows.filter(inErrorReport)
          const refused = plan.preview.counts.error
          if (refused > 0 && !skipErrorRows) throw refuse(refused)
          job.total = plan.interactions.length
          result = await writeInteractionImport(db, plan, caller.userId, progress)
          await rememberLabels(db, session.kind, plan.preview.unknownLabels, decisions.labelChoices)
        } else {
          const plan = await planImport(db, session.kind, session.sheet, decisions, readers)
          session.problemRows = plan.preview.rows.filter((r) => r.action === 'error')
          if (session.problemRows.length > 0 && !skipErrorRows) throw refuse(session.problemRows.length)
          job.total = plan.customers.length + plan.sales.length
          result = await writeImport(db, plan, progress)
          await rememberLabels(db, session.kind, plan.preview.unknownLabels, decisions.labelChoices)
        }
        await rememberMapping(db, session.kind, session.sheet.headers, decisions.mapping)
        await recordAudit(db, caller, 'import', importAuditText(session, result))
        return result
      })
      sessions.imported(session)
      job.state = 'done'
      changeFeedOf(store).publish({ topics: ['customers', 'records'], byUserId: caller.userId })
    } catch (error) {
      session.state = 'open'
      if (error instanceof ImportCancelled) {
        job.state = 'cancelled'
        job.message = '导入已取消，数据库未做任何修改'
      } else {
        job.state = 'failed'
        const reason = error instanceof Error ? error.message : String(error)
        job.message = error instanceof AppError ? error.message : `导入失败，数据库未做任何修改（${reason}）`
      }
    }
  }

  return {
    'import.template': ({ kind }) => importTemplate(kind),

    'import.open': async ({ kind, fileName, base64 }) => {
      // The file is read before the store is asked for anything: reading a large or odd file
      // must never hold up a restore or a shutdown that waits for the reads in flight.
      const sheet = await readImportFile(fileName, Buffer.from(base64, 'base64'), importFieldsOf[kind])
      const mapping = await store.read((db) => initialMapping(db, kind, sheet.headers))
      const session = sessions.open(kind, fileName, sheet)
      if (kind === 'customers') readers.prepare()
      return {
        sessionId: session.id,
        fileName,
        headerRow: sheet.headerRow,
        headers: sheet.headers,
        mapping,
        rowCount: sheet.rows.length,
        sample: sheet.rows.slice(0, 5).map((row) => sheet.headers.map((_, i) => cleanText(row.cells[i] ?? null) ?? '')),
      }
    },

    'import.preview': (decisions, caller) =>
      store.read(async (db) => {
        const session = sessions.toImport(decisions.sessionId)
        const plan =
          session.kind === 'interactions'
            ? await planInteractionImport(db, session.sheet, decisions, caller)
            : await planImport(db, session.kind, session.sheet, decisions, readers)
        session.problemRows = plan.preview.rows.filter(inErrorReport)
        // The import usually follows.
        if (session.kind === 'customers') readers.prepare()
        return plan.preview
      }),

    'import.commit': async ({ skipErrorRows, ...decisions }, caller) => {
      const session = sessions.toImport(decisions.sessionId)
      session.state = 'importing'
      const { id, job } = sessions.startJob(session.sheet.rows.length)
      void run(job, session, decisions, skipErrorRows, caller)
      return { jobId: id }
    },

    'import.progress': async ({ jobId }) => {
      const job = sessions.job(jobId)
      return { state: job.state, done: job.done, total: job.total, message: job.message, result: job.result }
    },

    'import.cancel': async ({ jobId }) => {
      const job = sessions.job(jobId)
      if (job.state === 'running') job.cancelRequested = true
      return {}
    },

    'import.errorReport': async ({ sessionId }) => {
      const session = sessions.session(sessionId)
      if (session.problemRows.length === 0) throw new AppError('NOT_FOUND', '没有有问题的行，无需错误报告')
      return importErrorReport(session)
    },
  }
}

/** A row the error report lists: one not imported, or one imported without some of its values. */
function inErrorReport(row: PreviewRow): boolean {
  return row.action === 'error' || (row.dropped?.length ?? 0) > 0
}

/** The audit line of an import: what, from which file, and what it did. */
function importAuditText(session: ImportSession, result: ImportResult): string {
  const counts =
    session.kind === 'sales'
      ? `交易记录 ${result.sales} 条`
      : session.kind === 'interactions'
        ? `交往记录 ${result.interactions} 条`
        : `新增 ${result.created}，更新 ${result.updated}，联系人 ${result.contacts}`
  return `导入${importKindLabels[session.kind]}（${session.fileName}）：${counts}，跳过 ${result.skipped}，有问题未导入 ${result.errors}`
}

/** Remembered mappings first, then headers that name a field; a field is mapped to one column only. */
async function initialMapping(db: SqlReader, kind: ImportKind, headers: string[]): Promise<(string | null)[]> {
  const remembered = await rememberedMapping(db, kind)
  const fields = importFieldsOf[kind]
  const used = new Set<string>()
  return headers.map((header) => {
    const key = headerKey(header)
    const known = key in remembered ? remembered[key] : undefined
    const field = known !== undefined ? known : (matchHeader(header, fields)?.key ?? null)
    if (field === null || used.has(field) || !fields.some((f) => f.key === field)) return null
    used.add(field)
    return field
  })
}

/**
 * A customer file's commit: each planned chunk goes to the writer, which writes
 * it while the next chunk is read and checked (the two halves of the work run
 * side by side, SQLite on its own thread). A row with a problem stops the
 * writing unless problem rows are skipped; planning goes on so the message and
 * the error report count them all, and the transaction then rolls back.
 */
async function importCustomers(
  db: SqlWriter,
  session: ImportSession,
  decisions: ImportDecisions,
  run: {
    skipErrorRows: boolean
    job: ImportJob
    progress: (done: number) => Promise<void>
    refuse: (problems: number) => AppError
    readers: CustomerRowReaders
    /** The database file, which the duplicate lookups open a connection of their own to. */
    databasePath: string
    /** Who imports (null: single-PC). */
    userId: number | null
  },
): Promise<ImportResult> {
  const { skipErrorRows, job, progress, refuse, readers, databasePath, userId } = run
  const context = await planContext(db, 'customers', session.sheet, decisions)
  const labels = new LabelItems(db)
  const writer = await CustomerWriter.open(db, labels, localNow(), userId)
  const reader = await readers.open(context.reading)
  const problems: PreviewRow[] = []
  const reported: PreviewRow[] = []
  const counts = { create: 0, update: 0, skip: 0, error: 0 }
  let unknownLabels: UnknownLabelTally[] = []
  job.total = session.sheet.rows.length
  let done = 0
  try {
    await withImportLookups(databasePath, (lookups) =>
      planCustomerChunks(lookups, session.sheet.rows, decisions, context, reader, writer.firstId, async (chunk) => {
        for (const row of chunk.rows) {
          counts[row.action]++
          if (row.action === 'error') problems.push(row)
          if (inErrorReport(row)) reported.push(row)
        }
        if (problems.length === 0 || skipErrorRows) await writer.write(chunk.customers)
        done += chunk.rows.length
        await progress(done)
      }),
    )
    unknownLabels = await reader.unknownLabels()
  } finally {
    await reader.close()
    session.problemRows = reported
    // Nothing may still be writing when the transaction ends, whichever way.
    await writer.settle().catch(() => undefined)
  }
  if (problems.length > 0 && !skipErrorRows) throw refuse(problems.length)
  const written = await writer.finish()
  await rememberLabels(db, 'customers', unknownLabels, decisions.labelChoices)
  return {
    created: written.created,
    updated: written.updated,
    skipped: counts.skip,
    errors: counts.error,
    contacts: written.contacts,
    sales: 0,
    interactions: 0,
    createdItems: labels.created,
  }
}

import type { EntityManager } from 'typeorm'
import type { ImportDecisions } from '../../../shared/excelImport'
import { headerKey, importFieldsOf, matchHeader, type ImportKind } from '../../../shared/excelImportFields'
import { cleanText } from '../../../shared/importCleaning'
import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { importErrorReport } from './importErrorReport'
import { rememberedMapping, rememberMapping } from './importMappingMemory'
import { ImportSessions, type ImportJob, type ImportSession } from './importSessions'
import { importTemplate } from './importTemplate'
import { planImport } from './planImport'
import { readImportFile } from './readImportFile'
import { writeImport } from './writeImport'

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

  /** The whole import in one transaction: a problem row (unless skipped), an error or 取消 leaves nothing behind. */
  const run = async (
    job: ImportJob,
    session: ImportSession,
    decisions: ImportDecisions,
    skipErrorRows: boolean,
  ): Promise<void> => {
    try {
      job.result = await store.write(async (m) => {
        const plan = await planImport(m, session.kind, session.sheet, decisions)
        session.problemRows = plan.preview.rows.filter((r) => r.action === 'error')
        if (session.problemRows.length > 0 && !skipErrorRows) {
          throw new AppError(
            'VALIDATION',
            `有 ${session.problemRows.length} 行有问题，未导入任何数据：请修改文件或选择跳过这些行`,
          )
        }
        job.total = plan.customers.length + plan.sales.length
        const result = await writeImport(m, plan, async (done) => {
          job.done = Math.min(done, job.total)
          // Lets progress and cancel requests in between chunks.
          await new Promise((resolve) => setImmediate(resolve))
          if (job.cancelRequested) throw new ImportCancelled()
        })
        await rememberMapping(m, session.kind, session.sheet.headers, decisions.mapping)
        return result
      })
      sessions.imported(session)
      job.state = 'done'
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

    'import.open': ({ kind, fileName, base64 }) =>
      store.read(async (m) => {
        const fields = importFieldsOf[kind]
        const sheet = await readImportFile(fileName, Buffer.from(base64, 'base64'), fields)
        const session = sessions.open(kind, fileName, sheet)
        return {
          sessionId: session.id,
          fileName,
          headerRow: sheet.headerRow,
          headers: sheet.headers,
          mapping: await initialMapping(m, kind, sheet.headers),
          rowCount: sheet.rows.length,
          sample: sheet.rows
            .slice(0, 5)
            .map((row) => sheet.headers.map((_, i) => cleanText(row.cells[i] ?? null) ?? '')),
        }
      }),

    'import.preview': (decisions) =>
      store.read(async (m) => {
        const session = sessions.toImport(decisions.sessionId)
        const plan = await planImport(m, session.kind, session.sheet, decisions)
        session.problemRows = plan.preview.rows.filter((r) => r.action === 'error')
        return plan.preview
      }),

    'import.commit': async ({ skipErrorRows, ...decisions }) => {
      const session = sessions.toImport(decisions.sessionId)
      session.state = 'importing'
      const { id, job } = sessions.startJob(session.sheet.rows.length)
      void run(job, session, decisions, skipErrorRows)
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

/** Remembered mappings first, then headers that name a field; a field is mapped to one column only. */
async function initialMapping(m: EntityManager, kind: ImportKind, headers: string[]): Promise<(string | null)[]> {
  const remembered = await rememberedMapping(m, kind)
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

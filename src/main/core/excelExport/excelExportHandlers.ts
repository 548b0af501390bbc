import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { buildExport } from './buildExport'
import { ExportJobs } from './exportJobs'

type ExportChannel =
  | 'export.customerCards'
  | 'export.customerSheet'
  | 'export.interactions'
  | 'export.sales'
  | 'export.start'
  | 'export.progress'
  | 'export.cancel'

/**
 * Excel exports (docs/product-rules.md#excel-export): each builds the whole .xlsx in the core and returns
 * it as base64, in one call or, from the screens, as a job with progress and 取消.
 */
export function excelExportHandlers({ store }: CoreContext): DomainHandlers<ExportChannel> {
  const jobs = new ExportJobs()
  return {
    'export.customerCards': (input, caller) =>
      store.read((db) => buildExport(db, caller, { kind: 'customerCards', ...input })),
    'export.customerSheet': (input, caller) =>
      store.read((db) => buildExport(db, caller, { kind: 'customerSheet', ...input })),
    'export.interactions': (input, caller) =>
      store.read((db) => buildExport(db, caller, { kind: 'interactions', ...input })),
    'export.sales': (input, caller) => store.read((db) => buildExport(db, caller, { kind: 'sales', ...input })),

    'export.start': async (request, caller) => ({
      jobId: jobs.start((sink) => store.read((db) => buildExport(db, caller, request, sink)), caller.userId),
    }),
    'export.progress': async ({ jobId }, caller) => jobs.progress(jobId, caller.userId),
    'export.cancel': async ({ jobId }, caller) => {
      jobs.cancel(jobId, caller.userId)
      return {}
    },
  }
}

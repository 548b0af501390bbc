import type { ExportFile, ExportJobInput } from '../../../shared/excelExport'
import type { Caller } from '../accounts/caller'
import { AppError } from '../appError'
import { assertCustomersInScope } from '../common/customerScope'
import { countCustomers } from '../customers/customerListQuery'
import type { SqlReader } from '../db/sqlHandles'
import { localToday } from '../common/localTime'
import { contractInScope } from '../contracts/contractHandlers'
import { contractColumns, contractPages, paymentColumns, paymentPages } from './contractExports'
import { cardFileName, cardWorkbookBase64, fileSafe } from './cardWorkbook'
import { loadCards } from './cardQueries'
import {
  customerSheetColumnsFor,
  customerSheetPages,
  interactionColumns,
  interactionPages,
  saleColumns,
  salePages,
} from './listExports'
import { maxTableRows, tableWorkbook } from './tableWorkbook'

/** What a running export tells its job; `step` throws to stop it between cards or pages. */
export interface ExportSink {
  setTotal(total: number): void
  step(done: number): Promise<void>
}

/** Builds one export's whole .xlsx (docs/product-rules.md#excel-export), reporting to `sink` when it runs as a job. */
export async function buildExport(
  db: SqlReader,
  caller: Caller,
  request: ExportJobInput,
  sink?: ExportSink,
): Promise<ExportFile> {
  const today = localToday()
  const step = sink && ((done: number) => sink.step(done))
  switch (request.kind) {
    case 'customerCards': {
      sink?.setTotal(new Set(request.ids).size)
      await assertCustomersInScope(db, caller, request.ids)
      const records = await loadCards(db, request.ids)
      const missing = new Set(request.ids).size - records.length
      if (missing > 0) {
        throw new AppError('NOT_FOUND', `有 ${missing} 个客户不存在，可能已被彻底删除，请刷新后重试`)
      }
      return {
        fileName: cardFileName(records, today),
        base64: await cardWorkbookBase64(records, today, step),
        count: records.length,
      }
    }
    case 'customerSheet': {
      const name = request.filters.deleted ? '回收站' : '客户列表'
      // Counted only for a job: the direct call has no one to tell.
      if (sink) sink.setTotal(Math.min(await countCustomers(db, caller, request, today), maxTableRows))
      const pages = customerSheetPages(db, caller, request, today)
      const file = await tableWorkbook(name, customerSheetColumnsFor(request), pages, step)
      return { fileName: `${name}-${today}.xlsx`, ...file }
    }
    case 'interactions': {
      const prefix = await listFilePrefix(db, caller, '交往记录', request.customerId)
      const file = await tableWorkbook('交往记录', interactionColumns, interactionPages(db, caller, request), step)
      return { fileName: `${prefix}-${today}.xlsx`, ...file }
    }
    case 'sales': {
      const prefix = await listFilePrefix(db, caller, '交易记录', request.customerId)
      const file = await tableWorkbook('交易记录', saleColumns, salePages(db, caller, request), step)
      return { fileName: `${prefix}-${today}.xlsx`, ...file }
    }
    case 'contracts': {
      const prefix = await listFilePrefix(db, caller, '合同', request.customerId)
      const file = await tableWorkbook('合同', contractColumns, contractPages(db, caller, request), step)
      return { fileName: `${prefix}-${today}.xlsx`, ...file }
    }
    case 'payments': {
      const prefix =
        request.contractId !== undefined
          ? await contractFilePrefix(db, caller, '回款记录', request.contractId)
          : await listFilePrefix(db, caller, '回款记录', request.customerId)
      const file = await tableWorkbook('回款记录', paymentColumns, paymentPages(db, caller, request), step)
      return { fileName: `${prefix}-${today}.xlsx`, ...file }
    }
  }
}

/** `交易记录` or, for one customer's list, `交易记录-<客户名称>`. */
async function listFilePrefix(
  db: SqlReader,
  caller: Caller,
  what: string,
  customerId: number | undefined,
): Promise<string> {
  if (customerId === undefined) return what
  // One customer's list: refused outright rather than an empty file named after a customer not theirs.
  await assertCustomersInScope(db, caller, [customerId])
  const row = await db.first<{ name: string }>(`SELECT name FROM customer WHERE id = ?`, [customerId])
  if (!row) throw new AppError('NOT_FOUND', '客户不存在，可能已被彻底删除，请刷新后重试')
  return `${what}-${fileSafe(row.name)}`
}

/** `回款记录-HT-2026-0001`: one contract's list, refused as contracts.get refuses a contract not the caller's. */
async function contractFilePrefix(db: SqlReader, caller: Caller, what: string, contractId: number): Promise<string> {
  const contract = await contractInScope(db, caller, contractId)
  return `${what}-${fileSafe(contract.contractNo)}`
}

import type { EntityManager } from 'typeorm'
import { AppError } from '../appError'
import { localToday } from '../customers/localTime'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
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
import { tableWorkbook } from './tableWorkbook'

type ExportChannel = 'export.customerCards' | 'export.customerSheet' | 'export.interactions' | 'export.sales'

/** Excel exports (SPEC §6): each builds the whole .xlsx in the core and returns it as base64. */
export function excelExportHandlers({ store }: CoreContext): DomainHandlers<ExportChannel> {
  return {
    'export.customerCards': ({ ids }) =>
      store.read(async (m) => {
        const records = await loadCards(m, ids)
        const missing = new Set(ids).size - records.length
        if (missing > 0) {
          throw new AppError('NOT_FOUND', `有 ${missing} 个客户不存在，可能已被彻底删除，请刷新后重试`)
        }
        const today = localToday()
        return {
          fileName: cardFileName(records, today),
          base64: await cardWorkbookBase64(records, today),
          count: records.length,
        }
      }),

    'export.customerSheet': (input) =>
      store.read(async (m) => {
        const today = localToday()
        const name = input.filters.deleted ? '回收站' : '客户列表'
        const file = await tableWorkbook(name, customerSheetColumnsFor(input), customerSheetPages(m, input, today))
        return { fileName: `${name}-${today}.xlsx`, ...file }
      }),

    'export.interactions': (input) =>
      store.read(async (m) => {
        const prefix = await listFilePrefix(m, '交往记录', input.customerId)
        const file = await tableWorkbook('交往记录', interactionColumns, interactionPages(m, input))
        return { fileName: `${prefix}-${localToday()}.xlsx`, ...file }
      }),

    'export.sales': (input) =>
      store.read(async (m) => {
        const prefix = await listFilePrefix(m, '交易记录', input.customerId)
        const file = await tableWorkbook('交易记录', saleColumns, salePages(m, input))
        return { fileName: `${prefix}-${localToday()}.xlsx`, ...file }
      }),
  }
}

/** `交易记录` or, for one customer's list, `交易记录-<客户名称>`. */
async function listFilePrefix(m: EntityManager, what: string, customerId: number | undefined): Promise<string> {
  if (customerId === undefined) return what
  const [row] = await m.query(`SELECT name FROM customer WHERE id = ?`, [customerId])
  if (!row) throw new AppError('NOT_FOUND', '客户不存在，可能已被彻底删除，请刷新后重试')
  return `${what}-${fileSafe(String(row.name))}`
}

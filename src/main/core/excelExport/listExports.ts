import type { CustomerListRow } from '../../../shared/customerList'
import type { ExportCustomerSheetInput, ExportInteractionsInput, ExportSalesInput } from '../../../shared/excelExport'
import { customerSheetColumns, type SheetColumnKey } from '../../../shared/excelExportColumns'
import type { Interaction } from '../../../shared/interaction'
import type { Sale } from '../../../shared/sale'
import { listInteractions } from '../activity/interactionQueries'
import { listSales } from '../activity/saleQueries'
import type { Caller } from '../accounts/caller'
import { listCustomerRows } from '../customers/customerListQuery'
import type { SqlReader } from '../db/sqlHandles'
import { maxTableRows, type TableColumn } from './tableWorkbook'

/**
 * The lists' exports run the screens' own queries (customers.list, interactions.list,
 * sales.list) page by page in the core, so what is exported is what the screen
 * shows, without sending every row through the renderer.
 */

export const exportPageRows = 5000

/** Pages of a paged query until it runs dry or Excel's row limit is reached. */
export async function* pagesOf<R>(
  fetch: (startRow: number, endRow: number) => Promise<R[]>,
  pageRows = exportPageRows,
): AsyncGenerator<R[]> {
  for (let start = 0; start < maxTableRows; start += pageRows) {
    const rows = await fetch(start, Math.min(start + pageRows, maxTableRows))
    if (rows.length > 0) yield rows
    if (rows.length < pageRows) return
  }
}

const columnByKey = new Map(customerSheetColumns.map((c) => [c.key, c]))

/** AG Grid pixels to Excel character widths (a digit of the default font is about 7 px). */
export function excelWidth(pixels: number): number {
  return Math.max(6, Math.min(80, Math.round(pixels / 7.5)))
}

export function customerSheetColumnsFor(input: ExportCustomerSheetInput): TableColumn<CustomerListRow>[] {
  return input.columns.flatMap(({ key, width }) => {
    const column = columnByKey.get(key)
    if (!column) return []
    return [
      {
        header: column.header,
        kind: column.kind,
        width: width ? excelWidth(width) : column.width,
        value: (row: CustomerListRow) => row[key as SheetColumnKey],
      },
    ]
  })
}

export function customerSheetPages(
  db: SqlReader,
  caller: Caller,
  input: ExportCustomerSheetInput,
  today: string,
): AsyncGenerator<CustomerListRow[]> {
  // Only the exported columns are read: a full sheet row is ~100 values, and
  // 5,000 of them at once made a 100,000-customer export peak at ~1 GB.
  const keys = new Set(input.columns.map((column) => column.key))
  return pagesOf((startRow, endRow) =>
    listCustomerRows(
      db,
      caller,
      { startRow, endRow, sort: input.sort, quick: input.quick, filters: input.filters },
      today,
      keys,
    ),
  )
}

export const interactionColumns: TableColumn<Interaction>[] = [
  { header: '交往时间', kind: 'datetime', width: 17, value: (r) => r.occurredAt },
  { header: '客户', kind: 'text', width: 28, value: (r) => r.customerName },
  { header: '联系人', kind: 'text', width: 12, value: (r) => r.contactName },
  { header: '交往方式', kind: 'text', width: 10, value: (r) => r.typeLabel },
  { header: '主题', kind: 'text', width: 28, value: (r) => r.subject },
  { header: '内容', kind: 'text', width: 48, value: (r) => r.content },
  { header: '结果', kind: 'text', width: 28, value: (r) => r.result },
  { header: '下次跟进日期', kind: 'date', width: 13, value: (r) => r.nextFollowUp },
  { header: '业务员', kind: 'text', width: 10, value: (r) => r.staffLabel },
]

export function interactionPages(
  db: SqlReader,
  caller: Caller,
  input: ExportInteractionsInput,
): AsyncGenerator<Interaction[]> {
  return pagesOf(async (startRow, endRow) => (await listInteractions(db, { ...input, startRow, endRow }, caller)).rows)
}

export const saleColumns: TableColumn<Sale>[] = [
  { header: '交易日期', kind: 'date', width: 12, value: (r) => r.date },
  { header: '客户', kind: 'text', width: 28, value: (r) => r.customerName },
  { header: '产品', kind: 'text', width: 18, value: (r) => r.productLabel },
  { header: '产品类别', kind: 'text', width: 12, value: (r) => r.productGroup },
  { header: '数量', kind: 'number', width: 10, value: (r) => r.quantity },
  { header: '单价', kind: 'money', width: 12, value: (r) => r.unitPrice },
  { header: '金额', kind: 'money', width: 14, value: (r) => r.amount },
  { header: '合同编号', kind: 'text', width: 14, value: (r) => r.contractNo },
  { header: '备注', kind: 'text', width: 30, value: (r) => r.remarks },
]

export function salePages(db: SqlReader, caller: Caller, input: ExportSalesInput): AsyncGenerator<Sale[]> {
  return pagesOf(async (startRow, endRow) => (await listSales(db, { ...input, startRow, endRow }, caller)).rows)
}

import type ExcelJS from 'exceljs'
import type { ExportValueKind } from '../../../shared/excelExportColumns'
import { customerKindLabels, type CustomerKind } from '../../../shared/customer'
import { calendarLabels, type CalendarKind } from '../../../shared/calendarDate'
import { fromFen, toFen } from '../../../shared/salesContract'
import { streamedWorkbook } from './streamedWorkbook'

/**
 * A list as one worksheet: a frozen, filterable header row, real dates and
 * numbers with formats. Streamed row by row (exceljs's WorkbookWriter), so a
 * 100 000-row export never holds the whole sheet as cell objects.
 */

export interface TableColumn<R> {
  header: string
  kind: ExportValueKind
  /** Excel character width. */
  width: number
  value: (row: R) => unknown
  /** Summed into a 合计 row under the data: the value, or what the row adds to the sum when that differs. */
  total?: true | ((row: R) => number)
}

/** Excel's last row; the header takes one. */
export const maxTableRows = 1_048_575

const formats: Partial<Record<ExportValueKind, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  money: '#,##0.00',
  integer: '0',
  percent: '0%',
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/

/**
 * Local wall-clock text as an Excel date. Excel dates have no time zone; exceljs
 * writes a Date's UTC fields, so the text's fields go in as UTC.
 */
export function excelDate(text: string, withTime: boolean): Date | null {
  const m = dateTimePattern.exec(text)
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m
  return new Date(
    Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      withTime ? Number(h ?? 0) : 0,
      withTime ? Number(mi ?? 0) : 0,
      withTime ? Number(s ?? 0) : 0,
    ),
  )
}

/** The cell value of `raw` for a column of this kind. */
export function cellValue(kind: ExportValueKind, raw: unknown): ExcelJS.CellValue {
  if (raw === null || raw === undefined || raw === '') return null
  switch (kind) {
    case 'date':
    case 'datetime':
      return excelDate(String(raw), kind === 'datetime') ?? String(raw)
    case 'money':
    case 'number':
    case 'integer':
      return Number(raw)
    case 'percent':
      return Number(raw) / 100
    case 'kind':
      return customerKindLabels[raw as CustomerKind] ?? String(raw)
    case 'yesNo':
      return raw ? '是' : '否'
    case 'calendar':
      return calendarLabels[raw as CalendarKind] ?? String(raw)
    default:
      return typeof raw === 'number' ? raw : String(raw)
  }
}

const headerFont: Partial<ExcelJS.Font> = { bold: true }
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
const headerBorder: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } }

function columnLetter(n: number): string {
  let s = ''
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s
  return s
}

/**
 * Writes the rows of `pages` (fetched a page at a time by the caller) under the
 * header and returns the .xlsx as base64 with the number of data rows. `step`
 * hears of each page written and may throw to stop the export there.
 */
export async function tableWorkbook<R>(
  sheetName: string,
  columns: TableColumn<R>[],
  pages: AsyncIterable<R[]>,
  step?: (done: number) => Promise<void>,
): Promise<{ base64: string; count: number }> {
  // Inline strings: a list's distinct values (names, phones) would make a large shared-string table.
  const { workbook, finish } = streamedWorkbook(false)
  const ws = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  // New cells take their column's style (the date or number format). Body cells keep the default
  // font: a style on every text cell made a 100 000-row export half again as slow.
  ws.columns = columns.map((c) => {
    const numFmt = formats[c.kind]
    return numFmt ? { width: c.width, style: { numFmt } } : { width: c.width }
  })
  ws.autoFilter = `A1:${columnLetter(columns.length)}1`
  ws.pageSetup.printTitlesRow = '1:1'

  const header = ws.addRow(columns.map((c) => c.header))
  header.height = 22
  header.eachCell((cell) => {
    cell.font = headerFont
    cell.fill = headerFill
    cell.border = headerBorder
    cell.alignment = { vertical: 'middle' }
  })
  header.commit()

  // Sums in whole fen, so 0.1 + 0.2 comes out as 0.30.
  const totals = columns.some((c) => c.total) ? columns.map(() => 0) : null
  // The 合计 row and the blank row above it (kept out of the filter's range) need two rows.
  const limit = totals ? maxTableRows - 2 : maxTableRows
  let count = 0
  for await (const rows of pages) {
    for (const row of rows) {
      if (count >= limit) break
      const values = columns.map((c) => c.value(row))
      ws.addRow(columns.map((c, i) => cellValue(c.kind, values[i]))).commit()
      if (totals) {
        columns.forEach((c, i) => {
          if (!c.total) return
          const value = c.total === true ? Number(values[i] ?? 0) : c.total(row)
          totals[i] = (totals[i] ?? 0) + toFen(value)
        })
      }
      count++
    }
    await step?.(count)
  }
  if (totals) {
    ws.addRow([]).commit()
    const row = ws.addRow(columns.map((c, i) => (c.total ? fromFen(totals[i] ?? 0) : i === 0 ? '合计' : null)))
    row.font = headerFont
    row.commit()
  }
  ws.commit()
  return { base64: await finish(), count }
}

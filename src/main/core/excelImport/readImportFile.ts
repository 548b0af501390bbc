import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { matchHeader, type ImportField } from '../../../shared/excelImportFields'
import { cleanText, type RawCell } from '../../../shared/importCleaning'
import { AppError } from '../appError'
import { markSkippedRows } from './markSkippedRows'
import { parseCsv } from './parseCsv'
import type { SheetRow } from './sheetRow'
import { readXlsxSheet } from './readXlsxSheet'
import { assertUnpacksWithinDeclaredSizes } from './zipEntries'

export interface SheetData {
  headerRow: number
  headers: string[]
  rows: SheetRow[]
}

/** Rows looked at for the header: a title, a date line or a note may stand above it. */
const headerSearchRows = 20

/** Reads the first worksheet of an .xlsx (streaming) or a .csv (UTF-8 with or without BOM, or GBK). */
export async function readImportFile(fileName: string, bytes: Buffer, fields: ImportField[]): Promise<SheetData> {
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件是空的')
  const rows = /\.csv$/i.test(fileName) ? csvRows(bytes) : await xlsxRows(bytes)
  return splitHeader(rows, fields)
}

async function xlsxRows(bytes: Buffer): Promise<SheetRow[]> {
  const fast = await fastXlsxRows(bytes)
  if (fast) return fast
  // exceljs unpacks with no bound of its own: a part that grows past its declared size is refused first.
  await assertUnpacksWithinDeclaredSizes(bytes)
  return exceljsRows(bytes)
}

/**
 * The fast reader, or null to let exceljs try (a file it does not handle, or one it cannot make sense of).
 * Its own refusals (not a zip, too large unpacked) stand: exceljs would wait for ever on an empty stream.
 */
async function fastXlsxRows(bytes: Buffer): Promise<SheetRow[] | null> {
  try {
    return await readXlsxSheet(bytes)
  } catch (error) {
    if (error instanceof AppError) throw error
    return null
  }
}

export async function exceljsRows(bytes: Buffer): Promise<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    entries: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers; exceljs then hands over Dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  })
  const rows: SheetRow[] = []
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as unknown[]
        const cells: RawCell[] = []
        for (let column = 1; column < values.length; column++) cells.push(plainCell(values[column]))
        rows.push({ rowNumber: row.number, cells })
      }
      // Only the first worksheet is imported; the rest is not even parsed.
      break
    }
  } catch (error) {
    throw new AppError('VALIDATION', `无法读取该 Excel 文件：${error instanceof Error ? error.message : String(error)}`)
  }
  return rows
}

/** exceljs cell values (rich text, formulas, hyperlinks, errors) as plain values. */
function plainCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return value
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: string }) => part.text ?? '').join('')
    if ('result' in v) return plainCell(v.result)
    if ('formula' in v || 'sharedFormula' in v) return null
    if (typeof v.text === 'string') return v.text
    if ('error' in v) return null
  }
  return String(value)
}

function csvRows(bytes: Buffer): SheetRow[] {
  return parseCsv(decodeText(bytes)).map((cells, index) => ({ rowNumber: index + 1, cells }))
}

/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else GBK: what Excel and WPS save as "CSV" on a Chinese Windows. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

function isBlank(row: SheetRow): boolean {
  // Most rows have a filled first cell: the full cleaning runs only on rows that may be blank.
  // A row holding only what merged cells above gave it has nothing of its own.
  const merged = row.mergedFrom
  return row.cells.every(
    (cell, index) =>
      cell === null || (typeof cell === 'string' && cleanText(cell) === null) || merged?.[index] !== undefined,
  )
}

/**
 * Finds the header row: of the first rows, the one whose cells name the most
 * fields. A two-row header (联系人 merged over 姓名 | 手机) is read by joining each
 * cell with the one above it, the upper row's merged text carried to the right.
 */
function splitHeader(all: SheetRow[], fields: ImportField[]): SheetData {
  const rows = all.filter((row) => !isBlank(row))
  if (rows.length === 0) throw new AppError('VALIDATION', '文件中没有数据：第一个工作表是空的')
  let best = { index: 0, score: -1, headers: [] as string[] }
  for (let index = 0; index < Math.min(rows.length, headerSearchRows); index++) {
    const upper = index > 0 ? rows[index - 1] : undefined
    const headers = headerTexts(rows[index] as SheetRow, upper, fields)
    const score = headers.filter((h) => matchHeader(h, fields) !== null).length
    if (score > best.score) best = { index, score, headers }
  }
  if (best.score <= 0) {
    // Nothing matched: the first row with two filled cells is the header; the user maps by hand.
    const index = Math.max(
      0,
      rows.findIndex((row) => row.cells.filter((c) => cleanText(c) !== null).length >= 2),
    )
    best = { index, score: 0, headers: headerTexts(rows[index] as SheetRow, undefined, fields) }
  }
  const header = rows[best.index] as SheetRow
  const data = rows.slice(best.index + 1)
  markSkippedRows(data, header)
  return { headerRow: header.rowNumber, headers: best.headers, rows: data }
}

function headerTexts(row: SheetRow, upper: SheetRow | undefined, fields: ImportField[]): string[] {
  const width = Math.max(row.cells.length, upper?.cells.length ?? 0)
  const carried: (string | null)[] = []
  let last: string | null = null
  for (let column = 0; column < width; column++) {
    const text = cleanText(upper?.cells[column] ?? null)
    if (text !== null) last = text
    carried.push(text ?? last)
  }
  const headers: string[] = []
  for (let column = 0; column < width; column++) {
    const own = cleanText(row.cells[column] ?? null)
    const above = cleanText(upper?.cells[column] ?? null)
    const group = carried[column] ?? null
    if (own === null) {
      // A header merged down over two rows keeps its text in the upper cell.
      headers.push(above ?? '')
      continue
    }
    const joined = group !== null ? `${group}${own}` : null
    headers.push(joined !== null && matchHeader(joined, fields) ? joined : own)
  }
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop()
  return headers
}

import type { PreviewRow } from '../../../shared/excelImport'
import { cleanText } from '../../../shared/importCleaning'
import type { SheetRow } from './sheetRow'

/**
 * The rows to read: those marked as 合计/说明 lines or a repeated header when
 * the file was read (markSkippedRows) are left out, unless the user chose to
 * import them (importRows), and come back as the preview's skipped rows.
 */
export function leaveOutSkippedRows(
  rows: SheetRow[],
  importRows: number[] | undefined,
): { rows: SheetRow[]; skipped: PreviewRow[] } {
  if (!rows.some((row) => row.skip)) return { rows, skipped: [] }
  const imported = new Set(importRows)
  const kept: SheetRow[] = []
  const skipped: PreviewRow[] = []
  for (const row of rows) {
    if (!row.skip || imported.has(row.rowNumber)) kept.push(row)
    else skipped.push(skippedRow(row))
  }
  return { rows: kept, skipped }
}

/** A skipped row as the preview lists it: its first text stands in for the name. */
function skippedRow(row: SheetRow): PreviewRow {
  const text = row.cells.map((cell) => cleanText(cell)).filter((t) => t !== null)
  const name = text.join(' ')
  return {
    rowNumber: row.rowNumber,
    name: name.length > 40 ? `${name.slice(0, 40)}…` : name,
    action: 'skip',
    problems: [],
    duplicate: null,
    skipped: row.skip,
  }
}

/** Preview rows of two lists, each in file order, as one list in file order. */
export function inFileOrder(a: PreviewRow[], b: PreviewRow[]): PreviewRow[] {
  if (b.length === 0) return a
  const merged: PreviewRow[] = []
  let j = 0
  for (const row of a) {
    while (j < b.length && (b[j] as PreviewRow).rowNumber < row.rowNumber) merged.push(b[j++] as PreviewRow)
    merged.push(row)
  }
  while (j < b.length) merged.push(b[j++] as PreviewRow)
  return merged
}

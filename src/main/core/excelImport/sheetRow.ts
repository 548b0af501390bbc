import type { RawCell } from '../../../shared/importCleaning'

/** One row of an imported sheet, before any cleaning. */
export interface SheetRow {
  /** As in the file (Excel's row number, or the CSV line's record number). */
  rowNumber: number
  cells: RawCell[]
}

import type { SkippedRowKind } from '../../../shared/excelImport'
import type { RawCell } from '../../../shared/importCleaning'

/** One row of an imported sheet, before any cleaning. */
export interface SheetRow {
  /** As in the file (Excel's row number, or the CSV line's record number). */
  rowNumber: number
  cells: RawCell[]
  /**
   * Per column index: the row number of the cell a vertical merge filled this one
   * from (a 区域 or 客户名称 merged down over several rows). Only on rows that have one.
   */
  mergedFrom?: number[]
  /** Recognised, when the file was read, as a 合计/说明 line or the header repeated (skippedRows). */
  skip?: SkippedRowKind
}

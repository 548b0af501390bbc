import type { ColumnState } from 'ag-grid-community'
import type { ChannelInput } from '../../../shared/contract'
import type { CustomerFilters, CustomerSortKey } from '../../../shared/customerList'
import { customerSheetColumnKeys, type SheetColumnKey } from '../../../shared/excelExportColumns'

const exportable = new Set<string>(customerSheetColumnKeys)

/**
 * The sheet's current view as an export request: the visible columns in their
 * on-screen order (pinned ones at their side) with their widths, the sort (by AG Grid's sortIndex), and the
 * same quick search and filters the grid's datasource sends.
 */
export function sheetViewInput(
  state: ColumnState[],
  quick: string,
  filters: CustomerFilters,
): ChannelInput<'export.customerSheet'> {
  // The grid shows left-pinned columns first and right-pinned ones last, whatever their place in the state.
  const side = (c: ColumnState): number => (c.pinned === 'left' || c.pinned === true ? 0 : c.pinned === 'right' ? 2 : 1)
  const columns = state
    .filter((c) => !c.hide && exportable.has(c.colId))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => side(a.c) - side(b.c) || a.i - b.i)
    .map(({ c }) => c)
    .map((c) => ({ key: c.colId as SheetColumnKey, ...(c.width ? { width: c.width } : {}) }))
  const sort = state
    .filter((c): c is ColumnState & { sort: 'asc' | 'desc' } => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId as CustomerSortKey, sort: c.sort }))
  return { columns, sort, quick, filters }
}

import { createContext, useContext } from 'react'

/**
 * What the sheet's header checkbox and its empty message need from the sheet. AG Grid
 * renders its React components in portals inside the sheet, so a React context reaches them
 * (the grid's own `context` option does not re-render a header when it changes).
 */
export interface SheetStatus {
  /** All customers that match the search and filters; null while the first block loads. */
  total: number | null
  /** Rows ticked on screen. */
  selectedRows: number
  /** Every matching customer is selected (including rows not loaded yet). */
  allMatching: boolean
  /** Rows loaded so far (the first block of 100, more as the user scrolls). */
  loadedRows: () => number
  selectLoaded: () => void
  selectAllMatching: () => void
  clearSelection: () => void
  /** A search or a filter narrows the list: an empty list means "nothing matches", not "no customers". */
  narrowed: boolean
  clearSearch: () => void
  recycleBin: boolean
}

export const SheetStatusContext = createContext<SheetStatus | null>(null)

export function useSheetStatus(): SheetStatus | null {
  return useContext(SheetStatusContext)
}

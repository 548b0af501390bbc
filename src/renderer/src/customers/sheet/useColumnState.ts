import type { ColumnState, GridApi } from 'ag-grid-community'
import { useCallback, useRef } from 'react'
import { call } from '../../api/client'

/**
 * Remembers a grid's column order, width, visibility and sort across restarts
 * (in the database's settings, so it travels with backups).
 */
export function useColumnState<T>(prefKey: string): {
  restore: (api: GridApi<T>) => Promise<void>
  save: (api: GridApi<T>) => void
} {
  const timer = useRef<number | undefined>(undefined)
  const restoring = useRef(false)

  const restore = useCallback(
    async (api: GridApi<T>) => {
      const { value } = await call('prefs.get', { key: prefKey })
      if (!Array.isArray(value) || api.isDestroyed()) return
      restoring.current = true
      api.applyColumnState({ state: value as ColumnState[], applyOrder: true })
      restoring.current = false
    },
    [prefKey],
  )

  const save = useCallback(
    (api: GridApi<T>) => {
      if (restoring.current) return
      window.clearTimeout(timer.current)
      // Dragging a column fires many events; write once it settles.
      timer.current = window.setTimeout(() => {
        if (!api.isDestroyed()) void call('prefs.set', { key: prefKey, value: api.getColumnState() })
      }, 400)
    },
    [prefKey],
  )

  return { restore, save }
}

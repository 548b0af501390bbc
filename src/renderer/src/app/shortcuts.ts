import { useEffect, useRef } from 'react'

/**
 * Every keyboard shortcut of the app, in one table. Each is Ctrl (⌘ on a Mac) plus one
 * letter; a screen that offers one registers its handler with `useShortcut`, and the one
 * listener of `useShortcutListener` calls the handler of the screen mounted last, so a
 * dialog's Ctrl+S wins over the page behind it. A handler that returns false is not in
 * front (a hidden tab's search box) and passes the key to the one mounted before it.
 */
export const shortcuts = {
  newCustomer: { key: 'n', label: 'Ctrl+N', does: '新建客户' },
  globalSearch: { key: 'k', label: 'Ctrl+K', does: '全局搜索' },
  find: { key: 'f', label: 'Ctrl+F', does: '搜索当前页面（客户列表、交往记录、项目…）' },
  saveCard: { key: 's', label: 'Ctrl+S', does: '保存登记卡' },
} as const

export type ShortcutName = keyof typeof shortcuts

/** Returns false when its screen is not the one in front. */
type ShortcutHandler = () => unknown

const handlers = new Map<ShortcutName, ShortcutHandler[]>()

function shortcutOf(event: KeyboardEvent): ShortcutName | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return undefined
  const key = event.key.toLowerCase()
  return (Object.keys(shortcuts) as ShortcutName[]).find((name) => shortcuts[name].key === key)
}

function onKeyDown(event: KeyboardEvent): void {
  const name = shortcutOf(event)
  if (!name) return
  for (const handler of [...(handlers.get(name) ?? [])].reverse()) {
    if (handler() === false) continue
    // Only a shortcut the app handles here keeps the browser's own (Ctrl+F find, Ctrl+S save page) from running.
    event.preventDefault()
    return
  }
}

/** The one keydown listener; the app shell installs it once. */
export function useShortcutListener(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

/** Runs `handler` on the shortcut while the calling component is mounted; the latest handler is used. */
export function useShortcut(name: ShortcutName, handler: ShortcutHandler): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    const run = (): unknown => latest.current()
    const stack = handlers.get(name) ?? []
    handlers.set(name, [...stack, run])
    return () => {
      const others = (handlers.get(name) ?? []).filter((h) => h !== run)
      handlers.set(name, others)
    }
  }, [name])
}

/**
 * Ctrl+F focuses this search box while it is on screen; a box in a hidden tab or a
 * page behind a dialog lets the key go to the one that is.
 */
export function useFindShortcut(input: () => HTMLElement | null | undefined): void {
  useShortcut('find', () => {
    const element = input()
    if (!element || !element.isConnected || element.getClientRects().length === 0) return false
    element.focus()
    if (element instanceof HTMLInputElement) element.select()
    return true
  })
}

import { useEffect, useRef } from 'react'

/**
 * Every keyboard shortcut of the app, in one table. Each is Ctrl (⌘ on a Mac) plus one
 * letter; a screen that offers one registers its handler with `useShortcut`, and the one
 * listener of `useShortcutListener` calls the handler of the screen mounted last, so a
 * dialog's Ctrl+S wins over the page behind it.
 */
export const shortcuts = {
  newCustomer: { key: 'n', label: 'Ctrl+N', does: '新建客户' },
  globalSearch: { key: 'k', label: 'Ctrl+K', does: '全局搜索' },
  findInSheet: { key: 'f', label: 'Ctrl+F', does: '搜索客户列表' },
  saveCard: { key: 's', label: 'Ctrl+S', does: '保存登记卡' },
} as const

export type ShortcutName = keyof typeof shortcuts

const handlers = new Map<ShortcutName, (() => void)[]>()

function shortcutOf(event: KeyboardEvent): ShortcutName | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return undefined
  const key = event.key.toLowerCase()
  return (Object.keys(shortcuts) as ShortcutName[]).find((name) => shortcuts[name].key === key)
}

function onKeyDown(event: KeyboardEvent): void {
  const name = shortcutOf(event)
  const handler = name && handlers.get(name)?.at(-1)
  if (!handler) return
  // Only a shortcut the app handles here keeps the browser's own (Ctrl+F find, Ctrl+S save page) from running.
  event.preventDefault()
  handler()
}

/** The one keydown listener; the app shell installs it once. */
export function useShortcutListener(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

/** Runs `handler` on the shortcut while the calling component is mounted; the latest handler is used. */
export function useShortcut(name: ShortcutName, handler: () => void): void {
  const latest = useRef(handler)
  useEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    const run = (): void => latest.current()
    const stack = handlers.get(name) ?? []
    handlers.set(name, [...stack, run])
    return () => {
      const others = (handlers.get(name) ?? []).filter((h) => h !== run)
      handlers.set(name, others)
    }
  }, [name])
}

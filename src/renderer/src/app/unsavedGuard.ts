import { App } from 'antd'
import { useEffect, useRef } from 'react'

/**
 * Forms with unsaved changes, so that leaving them (the sidebar, a link, 取消, Esc,
 * Back, a route the tray opens, closing the window) first asks 放弃未保存的修改？.
 * A form registers while it differs from what was loaded; navigate() and the
 * hash-change path of navigate.ts ask through confirmLeave().
 */
interface Registered {
  /** Runs when the user chose 放弃 (e.g. drops the form's draft). */
  onDiscard?: () => void
}

const dirtyForms = new Map<symbol, Registered>()
let ask: (() => Promise<boolean>) | null = null
let asking: Promise<boolean> | null = null

export function hasUnsavedChanges(): boolean {
  return dirtyForms.size > 0
}

/**
 * True when nothing is unsaved or the user chose 放弃 (the forms then count as
 * clean, so the move that asked goes through); false for 继续编辑.
 */
export function confirmLeave(): Promise<boolean> {
  if (dirtyForms.size === 0) return Promise.resolve(true)
  // Two paths may ask for one move (a link's click and its hash change): one question.
  asking ??= (ask ? ask() : Promise.resolve(window.confirm('放弃未保存的修改？'))).then((discard) => {
    asking = null
    if (discard) {
      const forms = [...dirtyForms.values()]
      dirtyForms.clear()
      for (const form of forms) form.onDiscard?.()
    }
    return discard
  })
  return asking
}

/**
 * Registers the calling form while `dirty`. `release` unregisters it at once:
 * a save calls it before moving on, so the move does not ask.
 */
export function useUnsavedGuard(dirty: boolean, onDiscard?: () => void): { release: () => void } {
  const token = useRef<symbol | null>(null)
  const discard = useRef(onDiscard)
  useEffect(() => {
    discard.current = onDiscard
  })
  useEffect(() => {
    if (!dirty) return
    const own = Symbol('unsaved form')
    token.current = own
    dirtyForms.set(own, { onDiscard: () => discard.current?.() })
    return () => {
      dirtyForms.delete(own)
      token.current = null
    }
  }, [dirty])
  return {
    release: () => {
      if (token.current) dirtyForms.delete(token.current)
    },
  }
}

/**
 * Installed once by the app shell: the question as an antd dialog (继续编辑 has the
 * focus, so Enter or Esc keeps the typing), and the browser's own question when the
 * page itself would go (closing the tab or window, a reload). The Electron shell turns
 * the latter into its own box (platform/mainWindow.ts), since Electron shows none.
 */
export function useLeaveQuestion(): void {
  const { modal } = App.useApp()
  useEffect(() => {
    ask = () =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: '放弃未保存的修改？',
          content: '填写的内容还没有保存，离开后将丢失。',
          okText: '放弃',
          cancelText: '继续编辑',
          okButtonProps: { danger: true },
          autoFocusButton: 'cancel',
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        })
      })
    const beforeUnload = (event: BeforeUnloadEvent): void => {
      if (!hasUnsavedChanges()) return
      event.preventDefault()
      // Older Chromium (and so Electron's check) still looks at returnValue.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      ask = null
      window.removeEventListener('beforeunload', beforeUnload)
    }
  }, [modal])
}

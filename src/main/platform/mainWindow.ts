import { BrowserWindow } from 'electron'
import { askDiscardUnsaved } from './dialogs'
import { windowOptions } from './windowOptions'

export interface MainWindowOptions {
  pageUrl: string
  preloadPath: string
  iconPath: string
  /** True unless the app is quitting: closing the window then only hides it to the tray. */
  hideOnClose: () => boolean
  /** The user kept a form's unsaved changes over quitting: the window stays and so does the app. */
  onQuitRefused: () => void
  /** F12 opens the developer tools; only while developing, since the menu that has them is removed. */
  devTools: boolean
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  // Electronegativity reads only object literals written inside the call: the options come from
  // windowOptions(), whose contextIsolation, sandbox and nodeIntegration tests/main/shell.test.ts checks.
  const window = new BrowserWindow(windowOptions(options.preloadPath, options.iconPath)) // eng-disable CONTEXT_ISOLATION_JS_CHECK
  // Its webContents was locked as it was created (hardenAllWebContents).
  // The default menu is English and offers reload and developer tools to every user.
  window.removeMenu()
  window.once('ready-to-show', () => window.show())
  window.on('close', (event) => {
    if (!options.hideOnClose()) return
    event.preventDefault()
    window.hide()
  })
  // The page refuses to go while a form holds unsaved changes (its beforeunload); Electron shows
  // no question of its own, so the shell asks, over the window, and goes only on 放弃.
  window.webContents.on('will-prevent-unload', (event) => {
    showWindow(window)
    if (askDiscardUnsaved(window)) event.preventDefault()
    else options.onQuitRefused()
  })
  if (options.devTools) {
    window.webContents.on('before-input-event', (_event, input) => {
      if (input.type === 'keyDown' && input.key === 'F12') window.webContents.toggleDevTools()
    })
  }
  window.loadURL(options.pageUrl).catch((error: unknown) => console.error('页面加载失败', options.pageUrl, error))
  return window
}

export function showWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

import type { BrowserWindowConstructorOptions } from 'electron'

export const appTitle = '客情管家'

/**
 * The main window: the page gets no Node, runs in Chromium's sandbox and sees the
 * core only through the preload's bridge. Shown on ready-to-show so the user never
 * sees a blank white frame.
 */
export function windowOptions(preloadPath: string, iconPath: string): BrowserWindowConstructorOptions {
  return {
    title: appTitle,
    icon: iconPath,
    width: 1360,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#f3f5f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}

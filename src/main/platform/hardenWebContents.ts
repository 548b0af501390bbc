import { app, BrowserWindow, shell, type Event, type WebContents } from 'electron'
import { isAppPage } from './appPage'
import { askOpenInsecureLink } from './dialogs'
import { createLinkOpener } from './externalLinks'

/** Opens an allowed link outside the app; `contents` is where it was clicked. */
export type OpenLink = (url: string, contents: WebContents) => void

/**
 * Locks every webContents the app ever creates, the main window's and any other
 * (a devtools or a future dialog), from the moment it exists. Call before the first window.
 */
export function hardenAllWebContents(pageUrl: string): void {
  const openLink = systemLinkOpener()
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, pageUrl, openLink))
}

/** The browser or the mail program; an http: host only once the user said yes to it, in a box over its window. */
export function systemLinkOpener(): OpenLink {
  const open = createLinkOpener<WebContents>({
    open: (url) => shell.openExternal(url),
    confirmInsecure: (url, host, contents) =>
      askOpenInsecureLink(url, host, BrowserWindow.fromWebContents(contents) ?? undefined),
  })
  return (url, contents) => {
    open(url, contents).catch((error: unknown) => console.error('打开外部链接失败', url, error))
  }
}

/**
 * Keeps a webContents on our page: no frame may navigate or be redirected
 * anywhere else; a link to a customer's website or a mail address opens in the
 * user's browser or mail program instead, never inside the app; the page gets no
 * new windows, webviews or device permissions (camera, location, ...).
 */
export function hardenWebContents(contents: WebContents, pageUrl: string, openLink: OpenLink): void {
  // Electron fires will-frame-navigate (every frame) and then will-navigate (the main frame); once one is
  // prevented the other does not fire, so each may be the one that hands the link on, and never both.
  const guardNavigation = (event: Event, url: string, isMainFrame: boolean) => {
    if (isAppPage(url, pageUrl)) return
    event.preventDefault()
    if (isMainFrame) openLink(url, contents)
  }
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url, event.isMainFrame))
  contents.on('will-navigate', (event) => guardNavigation(event, event.url, true))
  // A server redirect is not the user's click: refused, not opened.
  contents.on('will-redirect', (event) => {
    if (!isAppPage(event.url, pageUrl)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openLink(url, contents)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
}

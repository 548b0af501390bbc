import { shell, type WebContents } from 'electron'
import { isAppPage } from './appPage'
import { toExternalUrl } from './externalLinks'

/**
 * Keeps the window on our page: a link to a customer's website or a mail address
 * opens in the user's browser or mail program, never inside the app, and the page
 * gets no new windows, webviews or device permissions (camera, location, ...).
 */
export function hardenWebContents(contents: WebContents, pageUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (isAppPage(event.url, pageUrl)) return
    event.preventDefault()
    openExternally(event.url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  contents.session.setPermissionCheckHandler(() => false)
}

function openExternally(url: string): void {
  const external = toExternalUrl(url)
  if (external === undefined) return
  shell.openExternal(external).catch((error: unknown) => console.error('打开外部链接失败', external, error))
}

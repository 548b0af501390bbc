import { join } from 'node:path'
import { app, type BrowserWindow, type Tray } from 'electron'
import { openCore, type Core } from './core/openCore'
import { registerIpc } from './ipc'
import { appPageUrl, isAppPage } from './platform/appPage'
import { showStartupError } from './platform/dialogs'
import { createMainWindow, showWindow } from './platform/mainWindow'
import { dataDir, resourcePath } from './platform/paths'
import { createTray, trayIconFile } from './platform/tray'
import { appTitle } from './platform/windowOptions'

/** Set once quitting starts, so closing the window then closes it instead of hiding it to the tray. */
let quitting = false
let core: Core | undefined
let mainWindow: BrowserWindow | undefined
// Held for the life of the app: a tray that is garbage-collected disappears.
let tray: Tray | undefined

app.setName(appTitle)
// Two copies would write the same database; the second one brings the first to the front instead.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error(error)
    showStartupError(error)
    app.quit()
  })
} else {
  app.quit()
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('cn.kqgj.app')
  app.on('second-instance', () => {
    if (mainWindow) showWindow(mainWindow)
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', (event) => {
    // Windows may leave a dead tray icon behind until the mouse passes over it.
    tray?.destroy()
    tray = undefined
    if (!core) return
    // Quit again once the database is closed, so the last writes are on disk.
    event.preventDefault()
    const closing = core
    core = undefined
    closing
      .close()
      .catch((error: unknown) => console.error('关闭数据库失败', error))
      .finally(() => app.quit())
  })

  await app.whenReady()
  core = await openCore(dataDir(), {
    version: app.getVersion(),
    onUnexpected: (channel, error) => console.error(`[${channel}]`, error),
  })

  // A packaged app never takes its page from the environment: that would hand the bridge to any server.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const pageUrl = appPageUrl(devServerUrl, join(__dirname, '../renderer/index.html'))
  registerIpc(core.dispatch, (senderUrl) => isAppPage(senderUrl, pageUrl))

  const window = createMainWindow({
    pageUrl,
    preloadPath: join(__dirname, '../preload/index.js'),
    iconPath: resourcePath('icon.png'),
    hideOnClose: () => !quitting,
    devTools: devServerUrl !== undefined,
  })
  mainWindow = window
  tray = createTray(resourcePath(trayIconFile(process.platform)), (action) => {
    if (action === 'open') showWindow(window)
    else app.quit()
  })
}

import { join } from 'node:path'
import { app, powerMonitor, type BrowserWindow, type Tray } from 'electron'
import { openingViewsDelayMs } from './core/analysis/analysisAnswers'
import { startDailyBackups } from './core/backup/dailyBackup'
import { NewerDatabaseError } from './core/backup/startupNotice'
import type { Dispatch } from './core/dispatch'
import { readOfficeConfig } from './core/office/officeConfig'
import { startChosenOfficeHost } from './core/office/startChosenOfficeHost'
import type { OfficeHost } from './core/office/startOfficeHost'
import type { OfficeNetwork } from './core/office/officeNetwork'
import { createHostChangeRelay } from './core/live/hostChangeRelay'
import { openCore, type Core } from './core/openCore'
import { createBonjourOffice } from './core/remote/bonjourOffice'
import { probeHost } from './core/remote/probeHost'
import { createRemoteReminderWatcher, type RemoteReminderWatcher } from './core/remote/remoteReminderWatcher'
import { clientWindowTitle, startOfficeClient, type OfficeClient } from './core/remote/startOfficeClient'
import { createReminderScheduler, type ReminderScheduler } from './core/reminders/reminderScheduler'
import { signedInViewer } from './core/reminders/reminderViewer'
import { forwardLiveChanges, registerIpc } from './ipc'
import { appPageUrl, appRouteUrl, isAppPage } from './platform/appPage'
import { registerAppScheme, serveAppProtocol } from './platform/appProtocol'
import { askSetAsideNewerFile, platformHandlers, showStartupError, showStartupNotice } from './platform/dialogs'
import { hardenAllWebContents } from './platform/hardenWebContents'
import { createMainWindow, showWindow } from './platform/mainWindow'
import { isOnMappedNetworkDrive } from './platform/networkDrive'
import { dataDir, resourcePath } from './platform/paths'
import { createPickedPathTokens } from './platform/pickedPathTokens'
import { createPlatformDispatch } from './platform/platformDispatch'
import { createReminderOutlet } from './platform/reminderOutlet'
import { createTray, showTraySummary, trayIconFile, type TrayRun } from './platform/tray'
import { appTitle } from './platform/windowOptions'

/** Set once quitting starts, so closing the window then closes it instead of hiding it to the tray. */
let quitting = false
let core: Core | undefined
let mainWindow: BrowserWindow | undefined
// Held for the life of the app: a tray that is garbage-collected disappears.
let tray: Tray | undefined
let stopDailyBackups: (() => void) | undefined
let stopAnnouncing: (() => void) | undefined
let scheduler: ReminderScheduler | undefined
// On a client PC: the host's reminders for the user signed in here.
let remoteReminders: RemoteReminderWatcher | undefined
// Serving the office (办公室共享 → 主机); closed before the database.
let officeHost: OfficeHost | null = null
// Working on the host's data (办公室共享 → 连接到主机): then no local core is opened.
let officeClient: OfficeClient | undefined
// mDNS: opens its socket only when a host announces itself or 办公室共享 searches.
const bonjour = createBonjourOffice()
const officeNetwork: OfficeNetwork = {
  probe: (host, port) => probeHost(host, port),
  discover: (seconds) => bonjour.discover(seconds),
}
// The paths the shell's dialogs picked, behind the tokens the page holds (pickedPaths.ts).
const pickedPathTokens = createPickedPathTokens()

app.setName(appTitle)
// Two copies would write the same database; the second one brings the first to the front instead.
if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error(error)
    // A newer-version file was already explained when the user chose to quit.
    if (!(error instanceof NewerDatabaseError)) showStartupError(error)
    app.quit()
  })
} else {
  app.quit()
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId('cn.kqgj.app')
  // A packaged app never takes its page from the environment: that would hand the bridge to any server.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const pageUrl = appPageUrl(devServerUrl)
  // Both before ready: the scheme's privileges are fixed then, and no webContents exists yet.
  registerAppScheme()
  hardenAllWebContents(pageUrl)
  app.on('second-instance', () => {
    if (mainWindow) showWindow(mainWindow)
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', (event) => {
    // A reminder run in progress finishes before the database closes under it.
    const schedulerStopped = scheduler?.stop() ?? Promise.resolve()
    scheduler = undefined
    remoteReminders?.stop()
    remoteReminders = undefined
    // Windows may leave a dead tray icon behind until the mouse passes over it.
    tray?.destroy()
    tray = undefined
    stopDailyBackups?.()
    officeClient?.close()
    stopAnnouncing?.()
    bonjour.destroy()
    const hostClosed = officeHost?.close() ?? Promise.resolve()
    officeHost = null
    if (!core) return
    // Quit again once the database is closed, so the last writes are on disk.
    event.preventDefault()
    const closing = core
    core = undefined
    Promise.all([schedulerStopped, hostClosed])
      .then(() => closing.close())
      .catch((error: unknown) => console.error('关闭数据库失败', error))
      .finally(() => app.quit())
  })

  await app.whenReady()
  serveAppProtocol(join(__dirname, '../renderer'))
  const { config: office } = readOfficeConfig(dataDir())
  let served: Dispatch
  if (office.mode === 'client' && office.client) {
    // The PC's own database is not opened: it stays as it was for a switch back to 单机.
    officeClient = startOfficeClient({
      dataDir: dataDir(),
      client: office.client,
      pickedPaths: pickedPathTokens,
      network: officeNetwork,
      onStatus: (status) => mainWindow?.setTitle(clientWindowTitle(appTitle, status)),
    })
    served = officeClient.dispatch
  } else {
    core = await openCoreAsking()
    showStartupNotice(core.startupNotice)
    // The shell only owns the timer; what is due and what is kept is the core's.
    stopDailyBackups = startDailyBackups(core.runDailyBackupIfDue, (error) => console.error('自动备份失败', error))
    officeHost = await startChosenOfficeHost(core, dataDir())
    if (officeHost) stopAnnouncing = bonjour.publish(officeHost.hostname, officeHost.port)
    served = core.dispatch
  }

  const platformDispatch = createPlatformDispatch(
    platformHandlers(() => mainWindow, pickedPathTokens),
    (channel, error) => console.error(`[${channel}]`, error),
  )
  // A login, logout or 切换用户 in the window refreshes the tray with that user's reminders.
  const windowSession = registerIpc(
    served,
    (senderUrl) => isAppPage(senderUrl, pageUrl),
    platformDispatch,
    () => void (scheduler?.tick() ?? remoteReminders?.tick()),
  )

  const window = createMainWindow({
    pageUrl,
    preloadPath: join(__dirname, '../preload/index.js'),
    iconPath: resourcePath('icon.png'),
    hideOnClose: () => !quitting,
    // Electron dropped the quit; the next close of the window hides it again.
    onQuitRefused: () => {
      quitting = false
    },
    devTools: devServerUrl !== undefined,
  })
  mainWindow = window
  // Open screens refresh when another user saves: this core's changes, or on a client PC the host's.
  const client = office.mode === 'client' ? office.client : null
  const liveChanges =
    core?.changes ??
    (client
      ? createHostChangeRelay({
          host: client.address,
          port: client.port,
          fingerprint: client.fingerprint,
          token: windowSession.token,
        })
      : null)
  if (liveChanges) forwardLiveChanges(liveChanges, window.webContents, (url) => isAppPage(url, pageUrl))
  if (officeClient) {
    // The page's own <title> would hide which host the data comes from.
    window.on('page-title-updated', (event) => event.preventDefault())
    window.setTitle(clientWindowTitle(appTitle, officeClient.status()))
  }
  const openRoute = (route: `#/${string}`) => {
    showWindow(window)
    window.loadURL(appRouteUrl(pageUrl, route)).catch((error: unknown) => console.error('页面跳转失败', route, error))
  }
  const runTrayItem: TrayRun = (item) => {
    if (item.action === 'quit') app.quit()
    else if (item.action === 'customer') openRoute(`#/customers/${item.customerId}`)
    else if (item.action === 'workbench') openRoute('#/workbench')
    else showWindow(window)
  }
  const appTray = createTray(resourcePath(trayIconFile(process.platform)), runTrayItem)
  tray = appTray
  const outlet = createReminderOutlet({
    openRoute,
    showSummary: (summary) => showTraySummary(appTray, summary, runTrayItem),
  })
  if (!core) {
    // On a client the reminders are the host's (scanned there): this PC asks for its user's as they fall due.
    if (!officeClient) return
    remoteReminders = createRemoteReminderWatcher({
      dispatch: officeClient.dispatch,
      token: windowSession.token,
      outlet,
    })
    liveChanges?.subscribe((change) => {
      if (change.topics.includes('reminders')) void remoteReminders?.tick()
    })
    await remoteReminders.start()
    return
  }
  // Reminders run in the main process, so they keep firing while the window is hidden in the tray.
  scheduler = createReminderScheduler({
    store: core.store,
    viewer: signedInViewer(core.dispatch, windowSession.token),
    outlet,
  })
  powerMonitor.on('resume', () => void scheduler?.wake())
  await scheduler.start()
}

/** Opens the core; a database from a newer version is set aside only if the user says so. */
async function openCoreAsking(): Promise<Core> {
  const options = {
    version: app.getVersion(),
    dataDirIsRemote: await isOnMappedNetworkDrive(dataDir()),
    onUnexpected: (channel: string, error: unknown) => console.error(`[${channel}]`, error),
    pickedPaths: pickedPathTokens,
    officeNetwork,
    warmAnalysesAfterMs: openingViewsDelayMs,
  }
  try {
    return await openCore(dataDir(), options)
  } catch (error) {
    if (!(error instanceof NewerDatabaseError) || !askSetAsideNewerFile(error.message)) throw error
    return openCore(dataDir(), { ...options, newerFile: 'moveAside' })
  }
}

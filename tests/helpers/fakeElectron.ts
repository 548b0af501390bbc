import { EventEmitter } from 'node:events'

/**
 * Stand-ins for the parts of the 'electron' module the shell uses, recording what
 * the code under test did with them. Electron itself cannot start on the build
 * machine, so `vi.mock('electron', () => fake.module)` swaps these in.
 */

export class FakeEvent {
  defaultPrevented = false
  constructor(
    readonly url = '',
    readonly isMainFrame = true,
  ) {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | undefined
  permissionCheckHandler: PermissionCheckHandler | undefined
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler
  }
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession()
  windowOpenHandler: WindowOpenHandler | undefined
  devToolsToggled = 0
  /** The page's address, as getURL() answers it. */
  url = 'app://kqgj/index.html'
  destroyed = false
  /** Messages sent to the page (webContents.send). */
  readonly sent: unknown[][] = []
  getURL(): string {
    return this.url
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  toggleDevTools(): void {
    this.devToolsToggled++
  }
  /** Emits `name` with a fresh event, as Chromium would, and returns it to inspect. */
  fire(name: string, url = '', isMainFrame = true): FakeEvent {
    const event = new FakeEvent(url, isMainFrame)
    this.emit(name, event, url)
    return event
  }
  /**
   * A navigation the page starts, with Electron's events in Electron's order: will-frame-navigate
   * for any frame, then will-navigate for the main frame, a later one only if no earlier one was
   * prevented. Returns whether the navigation went ahead.
   */
  navigate(url: string, { isMainFrame = true } = {}): boolean {
    if (this.fire('will-frame-navigate', url, isMainFrame).defaultPrevented) return false
    return !isMainFrame || !this.fire('will-navigate', url).defaultPrevented
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  readonly loadedUrls: string[] = []
  visible = false
  minimized = false
  menuRemoved = false
  focused = 0

  constructor(
    readonly options: Record<string, unknown>,
    private readonly state: FakeState,
  ) {
    super()
    state.windows.push(this)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
    return Promise.resolve()
  }
  removeMenu(): void {
    this.menuRemoved = true
  }
  show(): void {
    this.visible = true
  }
  hide(): void {
    this.visible = false
  }
  focus(): void {
    this.focused++
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  /** The user clicks the window's close button; returns whether the close went ahead. */
  userCloses(): boolean {
    const event = new FakeEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.state.closedWindows.push(this)
    return !event.defaultPrevented
  }
}

export interface FakeMenuItem {
  label: string
  click: () => void
}

export class FakeTray extends EventEmitter {
  tooltip = ''
  menu: FakeMenuItem[] = []
  destroyed = false
  constructor(readonly image: string) {
    super()
  }
  setToolTip(text: string): void {
    this.tooltip = text
  }
  setContextMenu(menu: { template: FakeMenuItem[] }): void {
    this.menu = menu.template
  }
  destroy(): void {
    this.destroyed = true
  }
}

export class FakeNotification extends EventEmitter {
  shown = 0
  constructor(readonly options: { title: string; body: string }) {
    super()
  }
  static isSupported(): boolean {
    return true
  }
  show(): void {
    this.shown++
  }
}

type IpcHandler = (event: { senderFrame: { url: string; parent?: unknown } | null }, ...args: unknown[]) => unknown
type ProtocolHandler = (request: Request) => Response | Promise<Response>

export interface FakeState {
  userDataDir: string
  appPath: string
  isPackaged: boolean
  gotSingleInstanceLock: boolean
  names: string[]
  quitCalls: number
  /** Times the fake app really ended (a will-quit nobody prevented). */
  exits: number
  /** Called as the fake app ends, to look at the disk at that moment. */
  onExit: (() => void) | undefined
  windows: FakeBrowserWindow[]
  closedWindows: FakeBrowserWindow[]
  trays: FakeTray[]
  /** Set once whenReady was called: protocol privileges are fixed from then on. */
  ready: boolean
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[]
  protocolHandlers: Map<string, ProtocolHandler>
  ipcHandlers: Map<string, IpcHandler>
  exposed: Map<string, unknown>
  rendererInvocations: unknown[][]
  /** What the preload listens to on ipcRenderer, by channel (main → page messages). */
  rendererListeners: Map<string, Set<(...args: unknown[]) => void>>
  errorBoxes: { title: string; content: string }[]
  /** Message boxes shown (sync or not, with the window they were modal to), and the button the fake user clicks. */
  messageBoxes: { parent?: unknown; message: string; detail: string; buttons: string[] }[]
  messageBoxResponse: number
  /** Open dialogs shown (with the window they were modal to), and what the fake user picks in them. */
  openDialogs: { parent: unknown; options: Record<string, unknown> }[]
  openDialogResult: { canceled: boolean; filePaths: string[] }
  openedExternally: string[]
  notifications: FakeNotification[]
  loginItemSettings: { openAtLogin: boolean }[]
}

function freshState(): FakeState {
  return {
    userDataDir: '',
    appPath: '',
    isPackaged: true,
    gotSingleInstanceLock: true,
    names: [],
    quitCalls: 0,
    exits: 0,
    onExit: undefined,
    windows: [],
    closedWindows: [],
    trays: [],
    ready: false,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    exposed: new Map(),
    rendererInvocations: [],
    rendererListeners: new Map(),
    errorBoxes: [],
    messageBoxes: [],
    messageBoxResponse: 0,
    openDialogs: [],
    openDialogResult: { canceled: true, filePaths: [] },
    openedExternally: [],
    notifications: [],
    loginItemSettings: [],
  }
}

export interface FakeElectron {
  state: FakeState
  /** The app's event emitter, to fire lifecycle events such as 'second-instance'. */
  app: EventEmitter
  module: Record<string, unknown>
  reset(): void
}

export function createFakeElectron(): FakeElectron {
  const state = freshState()
  const app = new (class FakeApp extends EventEmitter {
    get isPackaged(): boolean {
      return state.isPackaged
    }
    setName(name: string): void {
      state.names.push(name)
    }
    setAppUserModelId(): void {}
    requestSingleInstanceLock(): boolean {
      return state.gotSingleInstanceLock
    }
    whenReady(): Promise<void> {
      state.ready = true
      return Promise.resolve()
    }
    getPath(name: string): string {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`)
      return state.userDataDir
    }
    getAppPath(): string {
      return state.appPath
    }
    setLoginItemSettings(settings: { openAtLogin: boolean }): void {
      state.loginItemSettings.push(settings)
    }
    getVersion(): string {
      return '9.8.7'
    }
    /** Like Electron: before-quit, then the windows close, then will-quit, unless a listener prevents it. */
    quit(): void {
      state.quitCalls++
      const beforeQuit = new FakeEvent()
      this.emit('before-quit', beforeQuit)
      if (beforeQuit.defaultPrevented) return
      for (const window of state.windows.filter((w) => !state.closedWindows.includes(w))) {
        if (!window.userCloses()) return
      }
      const willQuit = new FakeEvent()
      this.emit('will-quit', willQuit)
      if (willQuit.defaultPrevented) return
      state.exits++
      state.onExit?.()
    }
  })()

  const module: Record<string, unknown> = {
    app,
    BrowserWindow: class extends FakeBrowserWindow {
      constructor(options: Record<string, unknown>) {
        super(options, state)
        // Like Electron: the app hears of the new webContents before the constructor returns.
        app.emit('web-contents-created', new FakeEvent(), this.webContents)
      }
      static fromWebContents(contents: unknown): FakeBrowserWindow | null {
        return state.windows.find((window) => window.webContents === contents) ?? null
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
        if (state.ready) throw new Error('registerSchemesAsPrivileged after ready has no effect')
        state.privilegedSchemes.push(...schemes)
      },
      handle: (scheme: string, handler: ProtocolHandler) => {
        if (!state.ready) throw new Error('protocol.handle before ready')
        if (state.protocolHandlers.has(scheme)) throw new Error(`second handler for ${scheme}:`)
        state.protocolHandlers.set(scheme, handler)
      },
    },
    Tray: class extends FakeTray {
      constructor(image: string) {
        super(image)
        state.trays.push(this)
      }
    },
    Notification: class extends FakeNotification {
      constructor(options: { title: string; body: string }) {
        super(options)
        state.notifications.push(this)
      }
    },
    powerMonitor: new EventEmitter(),
    Menu: { buildFromTemplate: (template: FakeMenuItem[]) => ({ template }) },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => {
        if (state.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
        state.ipcHandlers.set(channel, handler)
      },
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        state.rendererInvocations.push(args)
        return Promise.resolve({ ok: true, value: null })
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        const listeners = state.rendererListeners.get(channel) ?? new Set()
        listeners.add(listener)
        state.rendererListeners.set(channel, listeners)
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        state.rendererListeners.get(channel)?.delete(listener)
      },
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        state.exposed.set(key, api)
      },
    },
    shell: {
      openExternal: (url: string) => {
        state.openedExternally.push(url)
        return Promise.resolve()
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => {
        state.errorBoxes.push({ title, content })
      },
      // Like Electron's: (window, options) or (options) alone.
      showMessageBoxSync: (...args: unknown[]) => {
        const [, options] = (args.length > 1 ? args : [undefined, args[0]]) as [
          unknown,
          { message: string; detail?: string; buttons?: string[] },
        ]
        state.messageBoxes.push({
          message: options.message,
          detail: options.detail ?? '',
          buttons: options.buttons ?? [],
        })
        return state.messageBoxResponse
      },
      // Like Electron's: (window, options) or (options) alone.
      showMessageBox: (...args: unknown[]) => {
        const [parent, options] = (args.length > 1 ? args : [undefined, args[0]]) as [
          unknown,
          { message: string; detail?: string; buttons?: string[] },
        ]
        state.messageBoxes.push({
          parent,
          message: options.message,
          detail: options.detail ?? '',
          buttons: options.buttons ?? [],
        })
        return Promise.resolve({ response: state.messageBoxResponse, checkboxChecked: false })
      },
      // Like Electron's: (window, options) or (options) alone.
      showOpenDialog: (...args: unknown[]) => {
        const [parent, options] = args.length > 1 ? args : [undefined, args[0]]
        state.openDialogs.push({ parent, options: options as Record<string, unknown> })
        return Promise.resolve(state.openDialogResult)
      },
    },
  }

  return {
    state,
    app,
    module,
    reset() {
      Object.assign(state, freshState())
      app.removeAllListeners()
    },
  }
}

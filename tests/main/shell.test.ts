import type { EventEmitter } from 'node:events'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { latestSchemaVersion } from '../../src/main/core/db/migrations'
import { openCore } from '../../src/main/core/openCore'
import {
  forwardLiveChanges,
  invokeChannel,
  liveChannel,
  platformChannel,
  registerIpc,
  untrustedSenderResult,
} from '../../src/main/ipc'
import { hardenAllWebContents, hardenWebContents, systemLinkOpener } from '../../src/main/platform/hardenWebContents'
import { trayIconFile, trayMenuModel } from '../../src/main/platform/tray'
import { windowOptions } from '../../src/main/platform/windowOptions'
import { rendererCsp } from '../../src/main/platform/appProtocol'
import { FakeWebContents } from '../helpers/fakeElectron'
import { tempDir } from '../helpers/tempDir'

// Electron cannot start here, so the shell runs against recording fakes of its module.
const fake = await vi.hoisted(async () => (await import('../helpers/fakeElectron')).createFakeElectron())
vi.mock('electron', () => fake.module)

const repoRoot = resolve(__dirname, '../..')
const state = fake.state

beforeEach(() => fake.reset())
/**
 * How long a wait may take. vi.waitFor gives up after 1 s by default, and a start-up (a new
 * database through every migration) takes longer on a busy machine; a start given up on goes on
 * in the background and collides with the next test's.
 */
const patience = { timeout: 20_000, interval: 20 }
afterEach(() => {
  vi.unstubAllEnvs()
})

describe('windowOptions', () => {
  it('gives the page no Node, a sandbox and an isolated context', () => {
    const options = windowOptions('/app/out/preload/index.js', '/app/resources/icon.png')
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    })
    expect(options).toMatchObject({ title: '客情管家', show: false, icon: '/app/resources/icon.png' })
    expect(options.minWidth).toBeGreaterThanOrEqual(1100)
    expect(options.minHeight).toBeGreaterThanOrEqual(700)
  })
})

describe('hardenWebContents', () => {
  const pageUrl = 'app://kqgj/index.html'

  function hardened(): FakeWebContents {
    const contents = new FakeWebContents()
    hardenWebContents(contents as unknown as WebContents, pageUrl, systemLinkOpener())
    return contents
  }

  it('lets the page move between its own routes', () => {
    const contents = hardened()
    expect(contents.navigate(`${pageUrl}#/customers`)).toBe(true)
    expect(contents.fire('will-redirect', `${pageUrl}#/workbench`).defaultPrevented).toBe(false)
  })

  it('keeps other pages out of the window and opens web links in the browser instead, once each', async () => {
    const contents = hardened()
    expect(contents.navigate('https://customer.example/')).toBe(false)
    expect(contents.navigate('file:///C:/Windows/System32/calc.exe')).toBe(false)
    expect(contents.navigate('file:///C:/kqgj/out/renderer/index.html')).toBe(false)
    expect(contents.navigate('app://kqgj/other.html')).toBe(false)
    // Should will-frame-navigate not cover the main frame, will-navigate alone still refuses and hands on.
    expect(contents.fire('will-navigate', 'mailto:boss@customer.cn').defaultPrevented).toBe(true)
    await vi.waitFor(
      () => expect(state.openedExternally).toEqual(['https://customer.example/', 'mailto:boss@customer.cn']),
      patience,
    )
  })

  it('keeps every frame on our page and opens nothing for a frame inside it', async () => {
    const contents = hardened()
    expect(contents.navigate('https://ads.example/frame', { isMainFrame: false })).toBe(false)
    expect(contents.navigate('file:///C:/Users/me/secret.txt', { isMainFrame: false })).toBe(false)
    expect(contents.navigate(`${pageUrl}#/x`, { isMainFrame: false })).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(state.openedExternally).toEqual([])
  })

  it('refuses a redirect away from our page without opening it', async () => {
    const contents = hardened()
    expect(contents.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true)
    expect(contents.fire('will-redirect', 'file:///C:/Windows/win.ini').defaultPrevented).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(state.openedExternally).toEqual([])
  })

  it('denies every new window, opening only allowed links outside the app', async () => {
    const contents = hardened()
    const open = contents.windowOpenHandler
    expect(open).toBeDefined()
    expect(open?.({ url: 'https://customer.example/about' })).toEqual({ action: 'deny' })
    expect(open?.({ url: 'mailto:boss@customer.cn' })).toEqual({ action: 'deny' })
    expect(open?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(open?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' })
    expect(open?.({ url: pageUrl })).toEqual({ action: 'deny' })
    await vi.waitFor(
      () => expect(state.openedExternally).toEqual(['https://customer.example/about', 'mailto:boss@customer.cn']),
      patience,
    )
    expect(state.messageBoxes).toEqual([])
  })

  it('opens an http: link only after the user says yes to its host, in Chinese, and remembers it until quitting', async () => {
    const contents = hardened()
    const open = (url: string) => contents.windowOpenHandler?.({ url })
    state.messageBoxResponse = 1 // 取消
    open('http://old-site.example/products')
    await vi.waitFor(() => expect(state.messageBoxes).toHaveLength(1), patience)
    expect(state.messageBoxes[0]).toMatchObject({
      message: '要在浏览器中打开 old-site.example 吗？',
      buttons: ['在浏览器中打开', '取消'],
    })
    expect(state.messageBoxes[0]?.detail).toContain('http://old-site.example/products')
    expect(state.messageBoxes[0]?.detail).toContain('没有加密')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(state.openedExternally).toEqual([])

    state.messageBoxResponse = 0 // 在浏览器中打开
    open('http://old-site.example/products')
    await vi.waitFor(() => expect(state.openedExternally).toEqual(['http://old-site.example/products']), patience)
    contents.navigate('http://old-site.example/contact')
    await vi.waitFor(() => expect(state.openedExternally).toHaveLength(2), patience)
    expect(state.messageBoxes).toHaveLength(2)
    state.messageBoxResponse = 1
    open('http://other.example/')
    await vi.waitFor(() => expect(state.messageBoxes).toHaveLength(3), patience)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(state.openedExternally).toEqual(['http://old-site.example/products', 'http://old-site.example/contact'])
  })

  it('refuses webviews', () => {
    expect(hardened().fire('will-attach-webview').defaultPrevented).toBe(true)
  })

  it('denies every permission request and check', () => {
    const { session } = hardened()
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = []
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted))
      expect(answers, permission).toEqual([false])
      expect(session.permissionCheckHandler?.({}, permission, 'app://kqgj'), permission).toBe(false)
    }
  })
})

describe('hardenAllWebContents', () => {
  it('locks every webContents the app creates, not only the main window’s', async () => {
    hardenAllWebContents('app://kqgj/index.html')
    const other = new FakeWebContents()
    fake.app.emit('web-contents-created', {}, other)
    expect(other.navigate('https://evil.example/')).toBe(false)
    expect(other.navigate('https://evil.example/', { isMainFrame: false })).toBe(false)
    expect(other.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true)
    expect(other.windowOpenHandler?.({ url: 'app://kqgj/index.html' })).toEqual({ action: 'deny' })
    expect(other.fire('will-attach-webview').defaultPrevented).toBe(true)
    expect(other.session.permissionCheckHandler?.({}, 'media', 'app://kqgj')).toBe(false)
    await vi.waitFor(() => expect(state.openedExternally).toEqual(['https://evil.example/']), patience)
  })
})

describe('registerIpc', () => {
  const trusted = 'app://kqgj/index.html'
  const isTrusted = (url: string): boolean => url.startsWith(trusted)

  function register() {
    const dispatch = vi.fn(async (channel: string, input: unknown) => ({
      ok: true as const,
      value: { channel, input },
    }))
    const platformDispatch = vi.fn(async (channel: string) => ({ ok: true as const, value: { platform: channel } }))
    registerIpc(dispatch, isTrusted, platformDispatch)
    const handler = state.ipcHandlers.get(invokeChannel)
    const platformHandler = state.ipcHandlers.get(platformChannel)
    if (!handler || !platformHandler) throw new Error('no handler registered')
    return { dispatch, handler, platformDispatch, platformHandler }
  }

  it('registers exactly two channels: the core’s and the shell’s', () => {
    register()
    expect([...state.ipcHandlers.keys()]).toEqual(['kq:invoke', 'kq:platform'])
  })

  it('checks the sender of the shell’s channel too, and keeps the two dispatches apart', async () => {
    const { dispatch, platformDispatch, platformHandler } = register()
    const pick = 'dialog.chooseRestoreFile'
    expect(await platformHandler({ senderFrame: { url: 'https://evil.example/' } }, pick, {})).toEqual(
      untrustedSenderResult,
    )
    expect(await platformHandler({ senderFrame: null }, pick, {})).toEqual(untrustedSenderResult)
    expect(platformDispatch).not.toHaveBeenCalled()
    expect(await platformHandler({ senderFrame: { url: trusted } }, pick, {})).toEqual({
      ok: true,
      value: { platform: pick },
    })
    expect(platformDispatch).toHaveBeenCalledWith(pick, {})
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a frame that is not our page, or a frame that is gone, before dispatching', async () => {
    const { dispatch, handler } = register()
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: '来源不可信，已拒绝' } }
    expect(untrustedSenderResult).toEqual(refused)
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toEqual(refused)
    expect(await handler({ senderFrame: null }, 'app.info', {})).toEqual(refused)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a frame inside our page, even one at our address', async () => {
    const { dispatch, handler, platformDispatch, platformHandler } = register()
    const subframe = { senderFrame: { url: trusted, parent: { url: trusted } } }
    expect(await handler(subframe, 'app.info', {})).toEqual(untrustedSenderResult)
    expect(await platformHandler(subframe, 'dialog.chooseRestoreFile', {})).toEqual(untrustedSenderResult)
    expect(dispatch).not.toHaveBeenCalled()
    expect(platformDispatch).not.toHaveBeenCalled()
    expect(await handler({ senderFrame: { url: trusted, parent: null } }, 'app.info', {})).toMatchObject({ ok: true })
  })

  it('passes a call from our page to the dispatch and returns its Result', async () => {
    const { dispatch, handler } = register()
    const input = { kind: 'customerLevel' }
    expect(await handler({ senderFrame: { url: `${trusted}#/settings` } }, 'dictionary.list', input)).toEqual({
      ok: true,
      value: { channel: 'dictionary.list', input },
    })
    expect(dispatch).toHaveBeenCalledWith('dictionary.list', input, null)
  })

  it('passes the session token of each call to the dispatch and keeps the latest for the tray', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: null }))
    const changes: (string | null)[] = []
    const session = registerIpc(dispatch, isTrusted, vi.fn(), () => changes.push(session.token()))
    const handler = state.ipcHandlers.get(invokeChannel)
    if (!handler) throw new Error('no handler registered')
    const page = { senderFrame: { url: trusted } }
    expect(session.token()).toBeNull()
    await handler(page, 'auth.login', {})
    await handler(page, 'customers.list', {}, 'token-a')
    await handler(page, 'customers.list', {}, 'token-a')
    // A page that is not ours sets no session.
    await handler({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {}, 'token-x')
    expect(session.token()).toBe('token-a')
    await handler(page, 'auth.login', {}, 'token-b')
    await handler(page, 'auth.status', {}, '')
    expect(dispatch.mock.calls).toEqual([
      ['auth.login', {}, null],
      ['customers.list', {}, 'token-a'],
      ['customers.list', {}, 'token-a'],
      ['auth.login', {}, 'token-b'],
      ['auth.status', {}, null],
    ])
    expect(changes).toEqual(['token-a', 'token-b', null])
  })

  it('hands a channel that is not a string to the dispatch as an unknown one', async () => {
    const { dispatch, handler } = register()
    await handler({ senderFrame: { url: trusted } }, { toString: () => 'app.info' }, {})
    expect(dispatch).toHaveBeenCalledWith('', {}, null)
  })
})

describe('live updates to the window', () => {
  it('sends each committed write of the core to the window showing our page, and stops with the window', async () => {
    const core = await openCore(tempDir('shell-live'))
    try {
      const contents = new FakeWebContents()
      const trusted = (url: string) => url.startsWith('app://kqgj/')
      forwardLiveChanges(core.changes, contents as unknown as WebContents, trusted)
      const created = await core.dispatch('customers.create', { name: '窗口外新建的客户' })
      expect(created.ok).toBe(true)
      await core.dispatch('customers.list', {})
      expect(contents.sent).toEqual([[liveChannel, expect.objectContaining({ topics: ['customers'], byUserId: null })]])
      // A page that is not ours (it should never load) hears nothing.
      contents.url = 'https://example.com/'
      await core.dispatch('customers.create', { name: '第二个客户' })
      expect(contents.sent).toHaveLength(1)
      contents.url = 'app://kqgj/index.html#/customers'
      contents.destroyed = true
      contents.emit('destroyed')
      await core.dispatch('customers.create', { name: '第三个客户' })
      expect(contents.sent).toHaveLength(1)
    } finally {
      await core.close()
    }
  })
})

describe('preload', () => {
  it('exposes one bridge, kqBridge, made of functions only, calling the core’s and the shell’s IPC channel', async () => {
    await import('../../src/preload/index')
    expect([...state.exposed.keys()]).toEqual(['kqBridge'])
    const bridge = state.exposed.get('kqBridge') as Record<string, unknown>
    expect(Object.keys(bridge)).toEqual(['invoke', 'platform', 'subscribe'])
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')

    const invoke = bridge.invoke as (channel: string, input: unknown) => Promise<unknown>
    const platform = bridge.platform as (channel: string, input: unknown) => Promise<unknown>
    await invoke('app.info', {})
    await platform('dialog.chooseBackupFolder', {})
    expect(state.rendererInvocations).toEqual([
      // No session yet: the preload sends a null token.
      [invokeChannel, 'app.info', {}, null],
      [platformChannel, 'dialog.chooseBackupFolder', {}],
    ])
  })

  it('subscribe hands the page each live change, never the IPC event, until it unsubscribes', async () => {
    // The preload runs once per page: a fresh copy for this test's reset fakes.
    vi.resetModules()
    await import('../../src/preload/index')
    const bridge = state.exposed.get('kqBridge') as { subscribe: (listener: (change: unknown) => void) => () => void }
    const heard: unknown[][] = []
    const unsubscribe = bridge.subscribe((...args) => heard.push(args))
    const listeners = [...(state.rendererListeners.get(liveChannel) ?? [])]
    expect(listeners).toHaveLength(1)
    const change = { topics: ['customers'], customerIds: [7], byUserId: null, at: '2026-12-06 10:00:00' }
    listeners[0]?.({ sender: 'the ipcRenderer itself' }, change)
    expect(heard).toEqual([[change]])
    unsubscribe()
    expect(state.rendererListeners.get(liveChannel)?.size).toBe(0)
  })

  it('imports nothing at run time but electron', () => {
    const source = readFileSync(join(repoRoot, 'src/preload/index.ts'), 'utf8')
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b).*?from\s+'([^']+)'/gm)].map((match) => match[1])
    expect(runtimeImports).toEqual(['electron'])
  })
})

describe('index.html', () => {
  const html = readFileSync(join(repoRoot, 'src/renderer/index.html'), 'utf8')
  const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  )

  it('repeats the CSP the app:// handler sends as a header', () => {
    expect(csp).toBe(rendererCsp)
  })

  it('has a strict Content-Security-Policy', () => {
    expect(csp).not.toBe('')
    expect(csp).not.toContain('unsafe-eval')
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
  })

  it('is the Chinese page with the root and the module entry', () => {
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<title>客情管家</title>')
    expect(html).toContain('<div id="root"></div>')
    expect(html).toContain('<script type="module" src="./src/main.tsx"></script>')
    // The browser preview inserts its bridge script right after this exact tag.
    expect(html).toContain('<head>')
  })
})

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema and sets the packaging and fuse choices', async () => {
    const config = await getConfig(repoRoot, join(repoRoot, 'electron-builder.yml'), null)
    await validateConfiguration(config, new DebugLogger(false))
    expect(config).toMatchObject({ appId: 'cn.kqgj.app', productName: '客情管家', npmRebuild: false, asar: true })
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect(config.win).toMatchObject({ target: 'nsis', icon: 'resources/icon.ico' })
    expect(config.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      perMachine: false,
      createDesktopShortcut: 'always',
      createStartMenuShortcut: true,
      shortcutName: '客情管家',
      language: '2052',
      installerLanguages: ['zh_CN'],
      artifactName: '客情管家-${version}-setup.${ext}',
    })
  })
})

describe('resources', () => {
  function pngSize(data: Buffer): [number, number] {
    expect(data.subarray(1, 4).toString('latin1')).toBe('PNG')
    return [data.readUInt32BE(16), data.readUInt32BE(20)]
  }

  it('has the app icon at 512 px, the tray icon at 32 px and an .ico with the Windows sizes', () => {
    expect(pngSize(readFileSync(join(repoRoot, 'resources/icon.png')))).toEqual([512, 512])
    expect(pngSize(readFileSync(join(repoRoot, 'resources/tray.png')))).toEqual([32, 32])
    const ico = readFileSync(join(repoRoot, 'resources/icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
      const entry = 6 + 16 * index
      const offset = ico.readUInt32LE(entry + 12)
      const image = ico.subarray(offset, offset + ico.readUInt32LE(entry + 8))
      const [width] = pngSize(image)
      expect(ico.readUInt8(entry) || 256).toBe(width)
      return width
    })
    expect(sizes).toEqual([256, 48, 32, 16])
  })
})

describe('tray', () => {
  it('offers to open the window and to quit, in Chinese', () => {
    expect(trayMenuModel()).toEqual([
      { label: '打开客情管家', action: 'open' },
      { label: '退出', action: 'quit' },
    ])
  })

  it('uses the .ico on Windows', () => {
    expect(trayIconFile('win32')).toBe('icon.ico')
    expect(trayIconFile('linux')).toBe('tray.png')
  })
})

describe('the Electron shell (src/main/index.ts)', () => {
  let userDataDir = ''
  const builtPage = 'app://kqgj/index.html'

  beforeEach(() => {
    vi.resetModules()
    userDataDir = tempDir('shell')
    state.userDataDir = userDataDir
    state.appPath = repoRoot
  })

  async function start() {
    await import('../../src/main/index')
    await vi.waitFor(() => expect(state.trays).toHaveLength(1), patience)
    const [window] = state.windows
    const [tray] = state.trays
    const handler = state.ipcHandlers.get(invokeChannel)
    if (!window || !tray || !handler) throw new Error('the shell did not start')
    return { window, tray, handler }
  }

  /** Quits through the tray and waits until the app has really ended. */
  async function quitThroughTray(tray: { menu: { label: string; click: () => void }[] }): Promise<void> {
    tray.menu.find((item) => item.label === '退出')?.click()
    await vi.waitFor(() => expect(state.exits).toBe(1), patience)
  }

  it('opens the hardened window on the built page and serves the core to that page only', async () => {
    // A packaged app must not take its page from the environment.
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/')
    const { window, tray, handler } = await start()

    expect(state.names).toEqual(['客情管家'])
    expect(window.options.webPreferences).toMatchObject({
      preload: join(repoRoot, 'src/preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    expect(window.options.icon).toBe(join(repoRoot, 'resources/icon.png'))
    expect(existsSync(String(window.options.icon))).toBe(true)
    expect(window.loadedUrls).toEqual([builtPage])
    expect(window.menuRemoved).toBe(true)
    window.webContents.emit('before-input-event', {}, { type: 'keyDown', key: 'F12' })
    expect(window.webContents.devToolsToggled).toBe(0)
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)

    const info = await handler({ senderFrame: { url: `${builtPage}#/customers` } }, 'app.info', {})
    expect(info).toMatchObject({ ok: true, value: { version: '9.8.7', dataDir: join(userDataDir, 'data') } })
    expect(existsSync(join(userDataDir, 'data', 'kqgj.sqlite'))).toBe(true)
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toEqual(
      untrustedSenderResult,
    )
    // The built page on disk is not our page: a file: page's 'self' would be every local file.
    const onDisk = pathToFileURL(join(repoRoot, 'src/renderer/index.html')).href
    expect(await handler({ senderFrame: { url: onDisk } }, 'app.info', {})).toEqual(untrustedSenderResult)
    // The window was locked as it was created, by the app-wide handler.
    expect(window.webContents.navigate('https://evil.example/')).toBe(false)
    expect(window.webContents.navigate(onDisk, { isMainFrame: false })).toBe(false)
    expect(window.webContents.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true)
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(window.webContents.fire('will-attach-webview').defaultPrevented).toBe(true)

    await quitThroughTray(tray)
  })

  it('serves the renderer folder at app://kqgj with the CSP as a header, and nothing outside it', async () => {
    const { tray } = await start()
    // Declared before ready (the fake throws otherwise), handled after it.
    expect(state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    ])
    const serve = state.protocolHandlers.get('app')
    if (!serve) throw new Error('app: is not served')
    // The shell serves join(__dirname, '../renderer'): for the sources that is src/renderer.
    const page = await serve(new Request(`${builtPage}#/customers`))
    expect(page.status).toBe(200)
    expect(await page.text()).toBe(readFileSync(join(repoRoot, 'src/renderer/index.html'), 'utf8'))
    expect(page.headers.get('content-security-policy')).toBe(`${rendererCsp}; frame-ancestors 'none'`)
    for (const outside of [
      'app://kqgj/..%2Fmain%2Findex.ts',
      'app://kqgj/%2e%2e/%2e%2e/package.json',
      'app://kqgj/src/..%2F..%2F..%2Felectron-builder.yml',
      'app://other/index.html',
    ]) {
      const refused = await serve(new Request(outside))
      expect([refused.status, await refused.text()], outside).toEqual([404, 'Not Found'])
    }
    await quitThroughTray(tray)
  })

  it('opens the route of a tray item on the app:// page', async () => {
    const { window, tray, handler } = await start()
    await handler({ senderFrame: { url: builtPage } }, 'demo.load', { customers: 40 })
    ;(fake.module.powerMonitor as EventEmitter).emit('resume')
    await vi.waitFor(() => expect(tray.menu.some((item) => item.label.startsWith('查看全部'))).toBe(true), patience)
    tray.menu.find((item) => item.label.startsWith('查看全部'))?.click()
    expect(window.loadedUrls.at(-1)).toBe(`${builtPage}#/workbench`)
    await quitThroughTray(tray)
  })

  it('hides to the tray on close, comes back from the tray or a second copy, and quits only from the tray', async () => {
    const { window, tray } = await start()
    window.emit('ready-to-show')
    expect(tray.tooltip).toBe('客情管家')
    expect(tray.menu.map((item) => item.label)).toEqual(['打开客情管家', '退出'])

    expect(window.userCloses()).toBe(false)
    expect(window.visible).toBe(false)
    tray.menu[0]?.click()
    expect(window.visible).toBe(true)

    window.hide()
    tray.emit('click')
    expect(window.visible).toBe(true)

    window.hide()
    window.minimized = true
    fake.app.emit('second-instance')
    expect(window).toMatchObject({ visible: true, minimized: false })

    // SQLite removes the write-ahead log when the last connection closes: gone at exit means closed first.
    const wal = join(userDataDir, 'data', 'kqgj.sqlite-wal')
    expect(existsSync(wal)).toBe(true)
    let walAtExit: boolean | undefined
    state.onExit = () => {
      walAtExit = existsSync(wal)
    }
    await quitThroughTray(tray)
    expect(walAtExit).toBe(false)
    expect(state.closedWindows).toEqual([window])
    expect(tray.destroyed).toBe(true)
  })

  it('a page holding unsaved changes is asked about when quitting: 继续编辑 keeps the window and the app', async () => {
    const { window, tray } = await start()
    window.emit('ready-to-show')
    // 退出 starts; the page's beforeunload refuses; Electron asks the shell.
    fake.app.emit('before-quit')
    state.messageBoxResponse = 0 // 继续编辑
    expect(window.webContents.fire('will-prevent-unload').defaultPrevented).toBe(false)
    expect(state.messageBoxes.at(-1)).toMatchObject({ message: '放弃未保存的修改？', buttons: ['继续编辑', '放弃'] })
    expect(window.visible).toBe(true)
    // The quit was dropped: closing the window hides it to the tray again.
    expect(window.userCloses()).toBe(false)
    expect(window.visible).toBe(false)
    state.messageBoxResponse = 1 // 放弃
    expect(window.webContents.fire('will-prevent-unload').defaultPrevented).toBe(true)
    await quitThroughTray(tray)
  })

  it('loads the dev server and offers F12 only when not packaged', async () => {
    state.isPackaged = false
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    const { window, tray, handler } = await start()
    expect(window.loadedUrls).toEqual(['http://localhost:5173/'])
    expect(await handler({ senderFrame: { url: 'http://localhost:5173/#/' } }, 'app.info', {})).toMatchObject({
      ok: true,
    })
    expect(await handler({ senderFrame: { url: builtPage } }, 'app.info', {})).toEqual(untrustedSenderResult)
    window.webContents.emit('before-input-event', {}, { type: 'keyDown', key: 'F12' })
    expect(window.webContents.devToolsToggled).toBe(1)
    await quitThroughTray(tray)
  })

  it('sets a file that is not a database aside untouched, starts on a new one and tells the user in Chinese', async () => {
    const dataDir = join(userDataDir, 'data')
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, 'kqgj.sqlite')
    writeFileSync(file, '这不是数据库，是一份记事本笔记。'.repeat(20))
    const before = readFileSync(file)

    const { tray } = await start()
    const moved = readdirSync(dataDir).filter((name) => /^kqgj\.sqlite\.foreign-[\d-]+$/.test(name))
    expect(moved).toHaveLength(1)
    expect(readFileSync(join(dataDir, moved[0] ?? '')).equals(before)).toBe(true)
    expect(state.errorBoxes).toEqual([])
    expect(state.messageBoxes).toHaveLength(1)
    expect(state.messageBoxes[0]?.message).toBe('数据文件无法使用，已移到一旁')
    expect(state.messageBoxes[0]?.detail).toContain('已原样改名保存')
    expect(state.messageBoxes[0]?.detail).toContain('没有找到可用的备份')
    await quitThroughTray(tray)
  })

  it('asks before setting a newer-version file aside: quitting leaves it untouched, agreeing starts on a new file', async () => {
    const dataDir = join(userDataDir, 'data')
    const core = await openCore(dataDir)
    await core.close()
    const file = join(dataDir, 'kqgj.sqlite')
    const bytes = readFileSync(file)
    bytes.writeUInt32BE(latestSchemaVersion + 5, 60) // the header's user_version
    writeFileSync(file, bytes)
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)

    await import('../../src/main/index')
    await vi.waitFor(() => expect(state.quitCalls).toBe(1), patience)
    expect(state.messageBoxes.map((box) => box.buttons)).toEqual([['退出，先升级程序', '把文件移到一旁，用备份继续']])
    expect(state.messageBoxes[0]?.detail).toContain('更新版本')
    expect(state.errorBoxes).toEqual([])
    expect(state.windows).toHaveLength(0)
    expect(readFileSync(file).equals(bytes)).toBe(true)
    logged.mockRestore()

    fake.reset()
    vi.resetModules()
    Object.assign(state, { userDataDir, appPath: repoRoot, messageBoxResponse: 1 })
    const { tray } = await start()
    const moved = readdirSync(dataDir).filter((name) => /^kqgj\.sqlite\.newer-[\d-]+$/.test(name))
    expect(moved).toHaveLength(1)
    expect(readFileSync(join(dataDir, moved[0] ?? '')).equals(bytes)).toBe(true)
    await quitThroughTray(tray)
  })

  it('offers its page the native dialogs, modal to the window; what is picked there reaches the core as a one-time token', async () => {
    const { window, tray, handler } = await start()
    const platform = state.ipcHandlers.get(platformChannel)
    if (!platform) throw new Error('no platform channel')
    const fromPage = { senderFrame: { url: builtPage } }
    type Picked = { ok: true; value: { picked: { token: string; name: string } | null } }

    // Cancelled: nothing chosen.
    expect(await platform(fromPage, 'dialog.chooseBackupFolder', { defaultPath: userDataDir })).toEqual({
      ok: true,
      value: { picked: null },
    })
    expect(state.openDialogs[0]?.parent).toBe(window)
    expect(state.openDialogs[0]?.options).toMatchObject({
      title: '选择备份文件夹',
      defaultPath: userDataDir,
      properties: expect.arrayContaining(['openDirectory', 'createDirectory']),
    })

    const backup = (await handler(fromPage, 'backups.create', {})) as { ok: true; value: { name: string } }
    const usb = tempDir('shell-usb')
    const elsewhere = join(usb, '备份.sqlite')
    copyFileSync(join(userDataDir, 'data', 'backups', backup.value.name), elsewhere)
    await handler(fromPage, 'customers.create', { name: '恢复后应消失的客户' })

    // A path the page sends itself is refused, for restore and for the backup folder alike.
    for (const input of [{ path: elsewhere }, { token: elsewhere }, { name: '../备份.sqlite' }]) {
      expect(await handler(fromPage, 'backups.restore', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    }
    for (const folder of [usb, { token: usb }, { path: usb }]) {
      expect(await handler(fromPage, 'backups.settings.set', { folder, enabled: true })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    }

    state.openDialogResult = { canceled: false, filePaths: [elsewhere] }
    const picked = (await platform(fromPage, 'dialog.chooseRestoreFile', {})) as Picked
    expect(picked).toEqual({ ok: true, value: { picked: { token: expect.any(String), name: '备份.sqlite' } } })
    expect(JSON.stringify(picked)).not.toContain(usb)
    expect(state.openDialogs[1]?.options).toMatchObject({
      title: '选择要恢复的备份文件',
      filters: [
        { name: '客情管家备份', extensions: ['sqlite', 'db', 'bak'] },
        { name: '所有文件', extensions: ['*'] },
      ],
      properties: expect.arrayContaining(['openFile']),
    })
    const token = picked.value.picked?.token
    // A file's token is not a folder's.
    expect(await handler(fromPage, 'backups.settings.set', { folder: { token }, enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '所选的文件夹已失效，请重新选择' },
    })
    expect(await handler(fromPage, 'backups.restore', { token })).toMatchObject({
      ok: true,
      value: { rowCounts: { customer: 0 } },
    })
    // Used once: the page cannot replay it.
    expect(await handler(fromPage, 'backups.restore', { token })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '所选的文件已失效，请重新选择' },
    })

    const usbFolder = join(usb, '客情管家备份')
    state.openDialogResult = { canceled: false, filePaths: [usbFolder] }
    const folder = (await platform(fromPage, 'dialog.chooseBackupFolder', {})) as Picked
    expect(folder.value.picked?.name).toBe('客情管家备份')
    expect(
      await handler(fromPage, 'backups.settings.set', { folder: { token: folder.value.picked?.token }, enabled: true }),
    ).toEqual({ ok: true, value: { folder: usbFolder, enabled: true, effectiveFolder: usbFolder } })
    expect(await handler(fromPage, 'backups.settings.set', { enabled: false })).toMatchObject({
      ok: true,
      value: { folder: usbFolder, enabled: false },
    })

    // The shell's channel is refused to other pages and checks its input like the core's.
    expect(await platform({ senderFrame: { url: 'https://evil.example/' } }, 'dialog.chooseRestoreFile', {})).toEqual(
      untrustedSenderResult,
    )
    expect(await platform(fromPage, 'dialog.chooseRestoreFile', { defaultPath: 5 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await platform(fromPage, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(await handler(fromPage, 'dialog.chooseRestoreFile', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    })
    expect(state.openDialogs).toHaveLength(3)
    await quitThroughTray(tray)
  })

  it('takes the daily backup at start-up', async () => {
    const { tray } = await start()
    await vi.waitFor(
      () =>
        expect(
          readdirSync(join(userDataDir, 'data', 'backups')).filter((n) => n.endsWith('-auto.sqlite')),
        ).toHaveLength(1),
      patience,
    )
    await quitThroughTray(tray)
  })

  it('a second copy quits at once without touching anything', async () => {
    state.gotSingleInstanceLock = false
    await import('../../src/main/index')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(state.quitCalls).toBe(1)
    expect(state.windows).toHaveLength(0)
    expect(existsSync(join(userDataDir, 'data'))).toBe(false)
  })
})

/* global Request */
// Loads the built Electron main bundle in plain Node with a stubbed `electron`
// module, calls the registered IPC handler and asks the app:// handler for the
// built page. The build succeeds even when entity metadata is broken at run
// time; this is where that shows.
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = join(import.meta.dirname, '..')
const dataDir = join(root, '.tmp', 'load-built-main')
rmSync(dataDir, { recursive: true, force: true })
mkdirSync(dataDir, { recursive: true })
process.argv.push('--data', dataDir)

const handlers = new Map()
const protocolHandlers = new Map()
const privilegedSchemes = []

/** Any property is a no-op function returning another stub; never thenable. */
function stub(overrides = {}) {
  const target = function () {}
  return new Proxy(target, {
    get(_, key) {
      if (key in overrides) return overrides[key]
      if (key === 'then') return undefined
      if (key === Symbol.toPrimitive) return () => 'stub'
      return stub()
    },
    apply() {
      return stub()
    },
    construct() {
      return stub()
    },
  })
}

const electron = {
  app: stub({
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    getPath: () => dataDir,
    getVersion: () => '0.0.0-test',
    getAppPath: () => root,
    getName: () => '客情管家',
    isPackaged: false,
    on: () => electron.app,
    once: () => electron.app,
  }),
  ipcMain: stub({ handle: (channel, fn) => handlers.set(channel, fn), on: () => undefined }),
  protocol: stub({
    registerSchemesAsPrivileged: (schemes) => privilegedSchemes.push(...schemes),
    handle: (scheme, fn) => protocolHandlers.set(scheme, fn),
  }),
  BrowserWindow: stub({ getAllWindows: () => [] }),
  Tray: stub(),
  Menu: stub(),
  nativeImage: stub(),
  shell: stub(),
  session: stub(),
  dialog: stub({ showErrorBox: (title, text) => console.error(`[dialog] ${title}: ${text}`) }),
  Notification: stub({ isSupported: () => false }),
  powerMonitor: stub(),
  contextBridge: stub(),
  ipcRenderer: stub(),
}

const originalLoad = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return electron
  return originalLoad.call(this, request, parent, isMain)
}

const require = createRequire(import.meta.url)
require(join(root, 'out', 'main', 'index.js'))

const deadline = Date.now() + 20_000
while (!handlers.has('kq:invoke') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
const invoke = handlers.get('kq:invoke')
if (!invoke) {
  console.error('the built main bundle registered no kq:invoke handler within 20 s')
  process.exit(1)
}
const trusted = { senderFrame: { url: 'app://kqgj/index.html#/customers', parent: null } }
const info = await invoke(trusted, 'app.info', {})
const regions = await invoke(trusted, 'dictionary.list', { category: 'region' })
const refused = await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})
const onDisk = pathToFileURL(join(root, 'out', 'renderer', 'index.html')).href
const fileRefused = await invoke({ senderFrame: { url: onDisk, parent: null } }, 'app.info', {})
const serve = protocolHandlers.get('app')
const page = serve ? await serve(new Request('app://kqgj/index.html')) : undefined
const pageText = page ? await page.text() : ''
const outside = serve ? await serve(new Request('app://kqgj/..%2Fmain%2Findex.js')) : undefined
const checks = [
  ['app.info answers', info?.ok === true && info.value.schemaVersion > 0],
  ['the seeded dictionary is readable', regions?.ok === true && regions.value.length === 7],
  ['an untrusted sender is refused', refused?.ok === false && refused.error.code === 'FORBIDDEN'],
  ['the built page on disk (file:) is refused', fileRefused?.ok === false && fileRefused.error.code === 'FORBIDDEN'],
  ['app: is declared privileged', privilegedSchemes.some((s) => s.scheme === 'app' && s.privileges?.standard)],
  [
    'app://kqgj/index.html is the built page, with the CSP header',
    page?.status === 200 &&
      pageText === readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8') &&
      /script-src 'self'/.test(page.headers.get('content-security-policy') ?? ''),
  ],
  ['app:// serves nothing outside out/renderer', outside?.status === 404],
]
for (const [label, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`)
if (checks.some(([, ok]) => !ok)) {
  console.error(JSON.stringify({ info, regions, refused, fileRefused, status: page?.status }, null, 2))
  process.exit(1)
}
process.exit(0)

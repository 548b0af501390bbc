import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix, relative, resolve, sep } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { isMap, isScalar, parse, parseDocument } from 'yaml'
import { dataDirFromArgs } from '../../src/main/platform/paths'

// paths.ts imports electron, whose index.js would try to download the binary; only the pure function is used.
vi.mock('electron', () => ({ app: {} }))

// The release pipeline and the installer cannot be run here (no Windows, no Electron download): these
// tests read what they are made of and check it against what an office install needs.
const root = resolve(__dirname, '../..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
interface Workflow {
  on: { push?: { tags?: string[] } }
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>
}

describe('.github/workflows/release.yml', () => {
  const workflow = parse(read('.github/workflows/release.yml')) as Workflow
  const jobs = Object.values(workflow.jobs)
  const job = jobs[0]
  const steps = job?.steps ?? []
  const indexOf = (match: (step: Step) => boolean): number => steps.findIndex(match)
  const runs = (command: string) => (step: Step) => step.run?.trim().startsWith(command) ?? false
  const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) ?? false

  it('runs on a version tag, in one job on a hosted Windows runner', () => {
    expect(Object.keys(workflow.on)).toEqual(['push'])
    expect(workflow.on.push?.tags).toEqual(['v*'])
    expect(jobs).toHaveLength(1)
    expect(job?.['runs-on']).toBe('windows-latest')
  })

  it('checks out, sets up Node 22, installs, tests, builds the installer and uploads it, in that order', () => {
    const order = [
      indexOf(uses('actions/checkout')),
      indexOf(uses('actions/setup-node')),
      indexOf(runs('npm ci')),
      indexOf(runs('npx vitest run')),
      indexOf(runs('npm run build:win')),
      indexOf(uses('actions/upload-artifact')),
    ]
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    for (const step of steps) expect(step.name, JSON.stringify(step)).toMatch(/\S/)
  })

  it('uses the Node the app and electron-builder need (checkNode.mjs requiredNode)', () => {
    const setup = steps[indexOf(uses('actions/setup-node'))]
    const major = Number(String(setup?.with?.['node-version']).split('.')[0])
    const required = /requiredNode = '(\d+)\.(\d+)/.exec(read('scripts/checkNode.mjs'))
    expect(required).not.toBeNull()
    // A bare major ("22") gets the newest 22.x, which is past 22.12.
    expect(major).toBeGreaterThanOrEqual(Number(required?.[1]))
  })

  it('uploads exactly what electron-builder writes: dist/<name>-<version>-setup.exe', () => {
    const upload = steps[indexOf(uses('actions/upload-artifact'))]
    expect(upload?.with?.path).toBe('dist/*.exe')
    expect(upload?.with?.['if-no-files-found']).toBe('error')
    const builder = parse(read('electron-builder.yml')) as { directories: { output: string } }
    expect(builder.directories.output).toBe('dist')
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
    expect(scripts['build:win']).toContain('electron-builder --win --config electron-builder.yml')
  })
})

interface BuilderConfig {
  appId: string
  productName: string
  npmRebuild: boolean
  asar: boolean
  asarUnpack: string[]
  win: { target: string; icon: string }
  nsis: Record<string, unknown>
}

describe('electron-builder.yml: what an office install needs', () => {
  const text = read('electron-builder.yml')
  const config = parse(text) as BuilderConfig
  const nsis = config.nsis

  it('uses only keys electron-builder knows (its own scheme.json)', () => {
    const scheme = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as {
      properties: Record<string, unknown>
      definitions: Record<string, { properties: Record<string, unknown> }>
    }
    const unknownKeys = (keys: string[], known: Record<string, unknown> | undefined): string[] =>
      keys.filter((key) => !(known && key in known))
    expect(unknownKeys(Object.keys(config), scheme.properties)).toEqual([])
    expect(unknownKeys(Object.keys(nsis), scheme.definitions.NsisOptions?.properties)).toEqual([])
    expect(unknownKeys(Object.keys(config.win), scheme.definitions.WindowsConfiguration?.properties)).toEqual([])
  })

  it('has an app id and the product name the app stores its data under', () => {
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z0-9]+){2,}$/)
    const pkg = JSON.parse(read('package.json')) as { productName: string }
    expect(config.productName).toBe('客情管家')
    // Electron names %APPDATA%\<productName> after package.json; the uninstaller message uses the builder's.
    expect(pkg.productName).toBe(config.productName)
  })

  it('builds an assisted NSIS installer in Chinese with a choice of folder and both shortcuts', () => {
    expect(config.win.target).toBe('nsis')
    expect(nsis.oneClick).toBe(false)
    expect(nsis.allowToChangeInstallationDirectory).toBe(true)
    expect(nsis.perMachine).toBe(false)
    expect(['always', true]).toContain(nsis.createDesktopShortcut)
    expect(nsis.createStartMenuShortcut).toBe(true)
    expect(nsis.shortcutName).toBe('客情管家')
    expect(nsis.installerLanguages).toEqual(['zh_CN'])
    expect(nsis.language).toBe('2052') // Simplified Chinese
  })

  it('puts the version in the installer file name', () => {
    expect(nsis.artifactName).toBe('客情管家-${version}-setup.${ext}')
  })

  it('keeps sqlite3’s native binary out of app.asar', () => {
    expect(config.asar).toBe(true)
    const binaries: string[] = []
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(root, dir))) {
        const path = `${dir}/${entry}`
        if (statSync(join(root, path)).isDirectory()) walk(path)
        else if (entry.endsWith('.node')) binaries.push(path)
      }
    }
    walk('node_modules/sqlite3')
    expect(binaries).toContain('node_modules/sqlite3/build/Release/node_sqlite3.node')
    for (const binary of binaries) {
      expect(
        config.asarUnpack.some((glob) => posix.matchesGlob(binary, glob)),
        binary,
      ).toBe(true)
    }
  })

  it('does not rebuild native modules, and says why next to the setting', () => {
    expect(config.npmRebuild).toBe(false)
    const document = parseDocument(text)
    expect(isMap(document.contents)).toBe(true)
    const pair = isMap(document.contents)
      ? document.contents.items.find((item) => isScalar(item.key) && item.key.value === 'npmRebuild')
      : undefined
    const reason = isScalar(pair?.key) ? (pair.key.commentBefore ?? '') : ''
    expect(reason).toContain('sqlite3')
    expect(reason).toContain('Node-API')
  })

  it('has the icon at 16, 32, 48 and 256 px', () => {
    expect(config.win.icon).toBe('resources/icon.ico')
    const ico = readFileSync(join(root, config.win.icon))
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1) // 1 = icon
    const sizes: number[] = []
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i
      const width = ico[entry] || 256 // 0 means 256
      const height = ico[entry + 1] || 256
      const length = ico.readUInt32LE(entry + 8)
      const offset = ico.readUInt32LE(entry + 12)
      expect(height).toBe(width)
      expect(offset + length).toBeLessThanOrEqual(ico.length)
      // Each image is a PNG (what scripts/makeIcon.mjs writes) or a BMP header (40 bytes).
      const isPng = ico.subarray(offset, offset + 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))
      expect(isPng || ico.readUInt32LE(offset) === 40).toBe(true)
      sizes.push(width)
    }
    expect(sizes.sort((a, b) => a - b)).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })

  it('keeps the data folder on uninstall, and the uninstaller says where it is', () => {
    expect(nsis.deleteAppDataOnUninstall).toBe(false)
    expect(nsis.include).toBe('build/installer.nsh')
    const script = read(String(nsis.include))
    const unInit = /!macro customUnInit([\s\S]*?)!macroend/.exec(script)?.[1] ?? ''
    expect(unInit).toContain('MessageBox')
    expect(unInit).toContain('不会删除您的数据')
    // Shown when a person uninstalls; not during an update's silent uninstall.
    expect(unInit).toMatch(/\$\{IfNot\} \$\{Silent\}/)
    expect(unInit).toMatch(/\$\{AndIfNot\} \$\{isUpdated\}/)
    expect(unInit).toContain('/SD IDOK')
    // The folder it names is the one the app uses: <userData>\data, userData = %APPDATA%\<productName>.
    expect(unInit).toContain('$APPDATA\\${PRODUCT_NAME}\\data')
    const appData = join('APPDATA', config.productName)
    expect(dataDirFromArgs(['electron', '.'], appData, root)).toBe(join(appData, 'data'))
    // Nothing in the uninstaller removes it.
    expect(script).not.toMatch(/RMDir|Delete\s/i)
  })

  it('leaves start at login to the app: neither our script nor electron-builder’s templates write a Run key', () => {
    const runKey = /CurrentVersion\\Run|StartupFolder|\$SMSTARTUP/i
    const templates = join(root, 'node_modules/app-builder-lib/templates/nsis')
    expect(existsSync(templates)).toBe(true)
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(nsh|nsi)$/.test(entry) && runKey.test(readFileSync(path, 'utf8'))) {
          offenders.push(relative(root, path).split(sep).join('/'))
        }
      }
    }
    walk(templates)
    expect(offenders).toEqual([])
    expect(read('build/installer.nsh')).not.toMatch(runKey)
    expect(text).not.toMatch(runKey)
  })
})

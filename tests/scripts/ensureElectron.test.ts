import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/tempDir'
import { storedZip } from './storedZip'

// Nothing here leaves the machine: downloads go to a server on 127.0.0.1 or to 127.0.0.1:1 (refused).
// The real node_modules/electron is never touched: each case runs the real scripts and Electron's real
// install.js from a copy in a temp folder under the repo, so @electron/get resolves from the repo's node_modules.
const root = resolve(__dirname, '../..')
const electronPackage = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
  version: string
}
const version = electronPackage.version
const executable = process.platform === 'win32' ? 'electron.exe' : 'electron'
const zipName = `electron-v${version}-${process.platform}-${process.arch}.zip`
const stubZip = storedZip({ [executable]: '#!/bin/sh\necho stub electron\n', version })

/** A checkout in miniature: the two scripts and Electron's package, checksums naming the stub zip. */
function sandbox(): { dir: string; electronDir: string } {
  const dir = tempDir('ensure-electron')
  const electronDir = join(dir, 'node_modules', 'electron')
  mkdirSync(electronDir, { recursive: true })
  mkdirSync(join(dir, 'scripts'))
  for (const file of ['package.json', 'index.js', 'install.js']) {
    copyFileSync(join(root, 'node_modules/electron', file), join(electronDir, file))
  }
  // Electron's install.js checks the download against these sums; the stub zip is what "the mirror" serves here.
  writeFileSync(
    join(electronDir, 'checksums.json'),
    JSON.stringify({ [zipName]: createHash('sha256').update(stubZip).digest('hex') }),
  )
  for (const file of ['ensureElectron.mjs', 'checkNode.mjs']) {
    copyFileSync(join(root, 'scripts', file), join(dir, 'scripts', file))
  }
  return { dir, electronDir }
}

/** The environment of a user with no Electron settings, plus the given ones. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(electron_|npm_config_|npm_package_config_|global_agent_|node_use_env_proxy$)|proxy$/i.test(key)) continue
    env[key] = value
  }
  return { ...env, electron_config_cache: tempDir('electron-cache'), ...extra }
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      done({ code, stdout, stderr })
    })
  })
}

/** The script's main() in its own process, on a stated Node version (this machine runs Node 20). */
function runMain(dir: string, env: NodeJS.ProcessEnv, nodeVersion = '22.12.0'): Promise<Run> {
  const script = pathToFileURL(join(dir, 'scripts/ensureElectron.mjs')).href
  const code = `import { main } from '${script}'; process.exitCode = await main({ nodeVersion: '${nodeVersion}' })`
  return run(['--input-type=module', '-e', code], dir, env)
}

function expectNoStack(output: string): void {
  expect(output).not.toMatch(/^\s+at /m)
}

let mirror: Server
let mirrorUrl = ''
const requests: string[] = []

beforeAll(async () => {
  mirror = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url === `/v${version}/${zipName}`) {
      response.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': stubZip.length })
      response.end(stubZip)
    } else {
      response.writeHead(404)
      response.end()
    }
  })
  await new Promise<void>((listening) => mirror.listen(0, '127.0.0.1', listening))
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`
})

afterAll(async () => {
  await new Promise((closed) => mirror.close(closed))
})

describe('npm start and npm run dev', () => {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts

  it.each([
    ['start', 'electron-vite preview'],
    ['dev', 'electron-vite dev'],
  ])('npm run %s ensures the Electron binary before electron-vite looks for it', (name, viteCommand) => {
    const steps = (scripts[name] ?? '').split('&&').map((step) => step.trim())
    expect(steps).toEqual(['node scripts/ensureElectron.mjs', viteCommand])
  })

  it('build:win checks the Node version before building', () => {
    expect((scripts['build:win'] ?? '').split('&&')[0]?.trim()).toBe('node scripts/checkNode.mjs')
  })
})

describe('ensureElectron.mjs', () => {
  it('on a fresh checkout downloads Electron through ELECTRON_MIRROR, writes path.txt, and then accepts it', async () => {
    const { dir, electronDir } = sandbox()
    const env = cleanEnv({ ELECTRON_MIRROR: mirrorUrl })
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
    const before = requests.length

    const first = await runMain(dir, env)
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(`正在下载 Electron ${version}`)
    expect(requests.slice(before)).toEqual([`/v${version}/${zipName}`])
    // What electron-vite reads: node_modules/electron/path.txt naming dist/<executable>.
    expect(readFileSync(join(electronDir, 'path.txt'), 'utf8')).toBe(executable)
    expect(readFileSync(join(electronDir, 'dist', executable), 'utf8')).toContain('stub electron')

    const second = await runMain(dir, env)
    expect(second.code).toBe(0)
    expect(second.stdout).toBe('')
    expect(requests.length).toBe(before + 1)
  })

  it('offline, ends with a short Chinese + English message, no stack trace, exit code 1', async () => {
    const { dir, electronDir } = sandbox()
    const result = await runMain(dir, cleanEnv({ ELECTRON_MIRROR: 'http://127.0.0.1:1/' }))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`[客情管家] 无法下载 Electron ${version}`)
    expect(result.stderr).toContain('安装程序')
    expect(result.stderr).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/')
    expect(result.stderr).toContain(`[kqgj] Could not download Electron ${version}`)
    expect(result.stderr).toContain('fetch failed')
    expect(result.stderr.split('\n').length).toBeLessThan(15)
    expectNoStack(result.stderr)
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
  })

  it('a mirror without the file is reported the same way', async () => {
    const { dir } = sandbox()
    const result = await runMain(dir, cleanEnv({ ELECTRON_MIRROR: `${mirrorUrl}missing/` }))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('无法下载 Electron')
    expect(result.stderr).toContain('404')
    expectNoStack(result.stderr)
  })

  it('takes an unpacked Electron from ELECTRON_EXEC_PATH (the variable electron-vite reads) without downloading', async () => {
    const { dir } = sandbox()
    const unpacked = join(tempDir('unpacked-electron'), executable)
    writeFileSync(unpacked, 'stub')
    const before = requests.length
    const found = await runMain(dir, cleanEnv({ ELECTRON_MIRROR: mirrorUrl, ELECTRON_EXEC_PATH: unpacked }))
    expect(found).toMatchObject({ code: 0, stdout: '', stderr: '' })
    expect(requests.length).toBe(before)

    const missing = await runMain(dir, cleanEnv({ ELECTRON_EXEC_PATH: `${unpacked}-gone` }))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('ELECTRON_EXEC_PATH 指向的文件不存在')
  })

  it('points ELECTRON_OVERRIDE_DIST_PATH users to ELECTRON_EXEC_PATH, which electron-vite honours', async () => {
    const { dir } = sandbox()
    const override = tempDir('override-dist')
    const result = await runMain(dir, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: override }))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`ELECTRON_EXEC_PATH=${join(override, executable)}`)
    expectNoStack(result.stderr)
  })

  it('on a Node older than 22.12 stops first, saying which Node is needed and that tests run on 20', async () => {
    const { dir } = sandbox()
    const before = requests.length
    const result = await runMain(dir, cleanEnv({ ELECTRON_MIRROR: mirrorUrl }), '20.19.0')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('当前 Node 版本是 20.19.0，启动程序和打包安装程序需要 Node 22.12.0 或更高版本')
    expect(result.stderr).toContain('running the app and building the installer need Node 22.12.0 or newer')
    expect(result.stderr).toContain('npm test')
    expect(requests.length).toBe(before)
  })

  it('run as npm runs it, on this machine’s Node, fails cleanly without a reachable mirror', async () => {
    const { dir } = sandbox()
    const result = await run(['scripts/ensureElectron.mjs'], dir, cleanEnv({ ELECTRON_MIRROR: 'http://127.0.0.1:1/' }))
    expect(result.code).toBe(1)
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
    const oldNode = major < 22 || (major === 22 && minor < 12)
    expect(result.stderr).toContain(oldNode ? '启动程序和打包安装程序需要 Node 22.12.0' : '无法下载 Electron')
    expectNoStack(result.stderr)
  })
})

describe('checkNode.mjs', () => {
  it.each([
    ['20.20.2', false],
    ['22.11.0', false],
    ['v22.12.0', true],
    ['22.12.1', true],
    ['23.0.0', true],
    ['24.11.1', true],
  ])('Node %s is enough for the app: %s', async (nodeVersion, enough) => {
    const script = pathToFileURL(join(root, 'scripts/checkNode.mjs')).href
    const code = `import { nodeVersionProblem } from '${script}'; console.log(JSON.stringify(nodeVersionProblem('${nodeVersion}')))`
    const result = await run(['--input-type=module', '-e', code], root, process.env)
    const problem = JSON.parse(result.stdout) as string | null
    expect(problem === null).toBe(enough)
  })
})

// Run by `npm start` and `npm run dev` before electron-vite. Since Electron 42 `npm install` no longer
// downloads Electron's binary: `require('electron')` or its install.js do so on first use. electron-vite 6
// does neither; it only reads node_modules/electron/path.txt (or ELECTRON_EXEC_PATH) and stops with
// "Electron uninstall" when that file is missing. So this script runs Electron's own install.js (which
// honours ELECTRON_MIRROR, electron_config_cache and the other @electron/get variables) and, when the
// download cannot happen, ends with a short Chinese + English message instead of a stack trace.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { nodeVersionProblem } from './checkNode.mjs'

const require = createRequire(import.meta.url)

export function defaultElectronDir() {
  return dirname(require.resolve('electron/package.json'))
}

/** Where Electron's install.js puts the executable on this platform (its getPlatformPath). */
function platformExecutable(env) {
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
  if (platform === 'win32') return 'electron.exe'
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  return 'electron'
}

/** The executable electron-vite will start, when path.txt, dist/version and the file itself agree. */
function installedExecutable(electronDir, version, env) {
  try {
    const pathTxt = readFileSync(join(electronDir, 'path.txt'), 'utf8')
    const distVersion = readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '')
    const executable = join(electronDir, 'dist', pathTxt)
    if (pathTxt === platformExecutable(env) && distVersion === version && existsSync(executable)) return executable
  } catch {
    // Not downloaded yet.
  }
  return null
}

function runInstall(electronDir, env) {
  return new Promise((resolve) => {
    // stderr is kept: install.js prints the whole stack of a failed download there.
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error) => resolve({ status: 1, stderr: error.message }))
    child.on('close', (status) => resolve({ status, stderr }))
  })
}

/** The first line of install.js's error output, without the stack (e.g. "TypeError: fetch failed"). */
function causeOf(stderr) {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim())
  return lines.find((line) => line !== '' && !line.startsWith('at ')) ?? '未知原因 / unknown'
}

function downloadFailed(version, cause) {
  return [
    `[客情管家] 无法下载 Electron ${version}（程序窗口的运行环境，约 100 MB，只需下载一次）：${cause}`,
    `  这台电脑可能没有联网，或访问不了 GitHub。可以：`,
    `  · 在办公电脑上使用打包好的安装程序（客情管家-<版本>-setup.exe），它不需要下载；`,
    `  · 使用镜像：设置环境变量 ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ 后重新运行`,
    `    （需要代理时另设 ELECTRON_GET_USE_PROXY=true 和 HTTPS_PROXY）；`,
    `  · 已有解压好的 Electron ${version}：设置 ELECTRON_EXEC_PATH 为其中可执行文件的完整路径。`,
    `[kqgj] Could not download Electron ${version} (the app's runtime, about 100 MB, downloaded once): ${cause}`,
    `  This machine may be offline or unable to reach GitHub. Use the packaged installer, which needs no download;`,
    `  or set ELECTRON_MIRROR (e.g. https://npmmirror.com/mirrors/electron/; behind a proxy also`,
    `  ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY) and run again; or point ELECTRON_EXEC_PATH at an unpacked`,
    `  Electron ${version} executable.`,
  ].join('\n')
}

/**
 * Makes sure electron-vite will find an Electron executable, downloading it through Electron's install.js
 * when it is missing. Resolves to the executable, or to the message to show when there is none.
 */
export async function ensureElectron(electronDir = defaultElectronDir(), env = process.env) {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))

  if (env.ELECTRON_EXEC_PATH) {
    if (existsSync(env.ELECTRON_EXEC_PATH)) return { executable: env.ELECTRON_EXEC_PATH }
    return {
      problem:
        `[客情管家] ELECTRON_EXEC_PATH 指向的文件不存在：${env.ELECTRON_EXEC_PATH}\n` +
        `[kqgj] ELECTRON_EXEC_PATH names a file that does not exist: ${env.ELECTRON_EXEC_PATH}`,
    }
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // require('electron') honours it, electron-vite does not: it would start node_modules/electron/dist.
    const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH, platformExecutable(env))
    return {
      problem:
        `[客情管家] electron-vite 不读取 ELECTRON_OVERRIDE_DIST_PATH；请改为设置 ELECTRON_EXEC_PATH=${executable}\n` +
        `[kqgj] electron-vite ignores ELECTRON_OVERRIDE_DIST_PATH; set ELECTRON_EXEC_PATH=${executable} instead.`,
    }
  }

  const installed = installedExecutable(electronDir, version, env)
  if (installed) return { executable: installed }

  console.log(`[客情管家] 第一次启动：正在下载 Electron ${version}（约 100 MB）… / First start: downloading Electron…`)
  const { status, stderr } = await runInstall(electronDir, env)
  if (status !== 0) return { problem: downloadFailed(version, causeOf(stderr)) }
  const downloaded = installedExecutable(electronDir, version, env)
  if (downloaded) return { executable: downloaded }
  return { problem: downloadFailed(version, `${join(electronDir, 'path.txt')} 缺失或不完整 / missing or incomplete`) }
}

/** The script itself: the Node check, then the binary. Returns the exit code. */
export async function main({ nodeVersion = process.versions.node, electronDir, env = process.env } = {}) {
  const problem = nodeVersionProblem(nodeVersion) ?? (await ensureElectron(electronDir, env)).problem
  if (!problem) return 0
  console.error(problem)
  return 1
}

function isEntry() {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(import.meta.filename)
  } catch {
    return false
  }
}

if (isEntry()) process.exitCode = await main()

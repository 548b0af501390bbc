// The browser `npm test` drives for its end-to-end stage: any Chromium-family browser already on the
// machine (Debian's chromium, Google Chrome, Microsoft Edge), plus a font with Chinese glyphs on Linux so
// the screenshots show text rather than boxes. On Debian as root (a fresh CI machine) it installs the two
// packages itself; elsewhere it names the one command to run.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const debianBrowserPackage = 'chromium'
export const debianFontPackage = 'fonts-wqy-microhei'

const linuxExecutables = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

// Where playwright-core's registry looks for each channel (its `_createChromiumChannel` table); checked
// here so a missing browser is reported before the stage starts, then launched by channel name.
const channelLocations = {
  linux: [
    ['chrome', () => ['/opt/google/chrome/chrome']],
    ['msedge', () => ['/opt/microsoft/msedge/msedge']],
  ],
  darwin: [
    ['chrome', () => ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']],
    ['msedge', () => ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge']],
  ],
  win32: [
    ['msedge', (env) => windowsRoots(env).map((dir) => join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe'))],
    ['chrome', (env) => windowsRoots(env).map((dir) => join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'))],
  ],
}

/** An environment variable by name, ignoring case as Windows does. */
function envValue(env, name) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase())
  return key === undefined ? undefined : env[key]
}

function windowsRoots(env) {
  return ['LOCALAPPDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)'].map((name) => envValue(env, name)).filter(Boolean)
}

/**
 * The browser to use: `{ executablePath }` (CHROMIUM_PATH or a Linux distribution's browser),
 * `{ channel, executablePath }` (Chrome or Edge, launched through playwright-core's channel),
 * `{ problem }` when CHROMIUM_PATH names nothing, or null when there is none.
 */
export function findBrowser({ env = process.env, platform = process.platform } = {}) {
  const chosen = envValue(env, 'CHROMIUM_PATH')
  if (chosen) {
    if (existsSync(chosen)) return { executablePath: chosen }
    return {
      problem: `CHROMIUM_PATH 指向的文件不存在 / CHROMIUM_PATH names no file: ${chosen}`,
    }
  }
  if (platform === 'linux') {
    const executablePath = linuxExecutables.find((path) => existsSync(path))
    if (executablePath) return { executablePath }
  }
  for (const [channel, locations] of channelLocations[platform] ?? []) {
    const executablePath = locations(env).find((path) => existsSync(path))
    if (executablePath) return { channel, executablePath }
  }
  return null
}

/** Whether fontconfig knows a font with Chinese glyphs (Linux only; Windows and macOS ship them). */
export function hasChineseFont(platform = process.platform) {
  if (platform !== 'linux') return true
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  return result.status === 0 && result.stdout.trim() !== ''
}

/** What to install with apt-get for what is missing, or nothing. */
export function missingPackages(browser, font) {
  return [...(browser ? [] : [debianBrowserPackage]), ...(font ? [] : [debianFontPackage])]
}

/** Installing it ourselves is for a Debian machine where we are root, as on CI. */
export function canInstallWithApt({ platform = process.platform, uid = process.getuid?.() } = {}) {
  return platform === 'linux' && uid === 0 && existsSync('/usr/bin/apt-get')
}

/** The one command a person runs to get what is missing (used in the message when we cannot). */
export function commandToRun(packages, platform = process.platform) {
  if (platform === 'linux' && existsSync('/usr/bin/apt-get')) return `sudo apt-get install ${packages.join(' ')}`
  if (platform === 'linux') {
    return '安装 Chromium 或 Google Chrome 及一种中文字体，或设置 CHROMIUM_PATH=<浏览器路径> / install Chromium or Google Chrome and a Chinese font, or set CHROMIUM_PATH'
  }
  return '安装 Microsoft Edge 或 Google Chrome，或设置 CHROMIUM_PATH=<浏览器路径> / install Microsoft Edge or Google Chrome, or set CHROMIUM_PATH'
}

function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

/**
 * Finds the browser (and on Linux the font), installing them on Debian as root. Resolves to the
 * environment for the end-to-end stage (CHROMIUM_PATH or KQ_BROWSER_CHANNEL, read by tests/e2e/harness.ts)
 * or to the message that says why the stage cannot run and the command that fixes it.
 */
export function prepareBrowser() {
  let browser = findBrowser()
  if (browser?.problem) return { problem: browser.problem }
  let font = hasChineseFont()
  let packages = missingPackages(browser, font)
  if (packages.length > 0 && canInstallWithApt()) {
    console.log(`正在安装 / installing: ${packages.join(' ')} (apt-get)`)
    if (aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', ...packages])) {
      browser = findBrowser()
      font = hasChineseFont()
      packages = missingPackages(browser, font)
    }
  }
  if (packages.length > 0) {
    const what = [
      ...(browser ? [] : ['没有找到 Chromium 系浏览器 / no Chromium-family browser found']),
      ...(font ? [] : ['没有中文字体 / no font with Chinese glyphs (fc-list :lang=zh)']),
    ].join('; ')
    return { problem: `${what}\n请运行 / run: ${commandToRun(packages)}\n然后重新运行 / then run again: npm test` }
  }
  const env = browser.channel ? { KQ_BROWSER_CHANNEL: browser.channel } : { CHROMIUM_PATH: browser.executablePath }
  return {
    env,
    description: browser.channel ? `${browser.channel} (${browser.executablePath})` : browser.executablePath,
  }
}

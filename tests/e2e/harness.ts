import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Locator, type Page, type Request } from 'playwright-core'
import type { KqBridge } from '../../src/shared/bridge'
import { tempDir } from '../helpers/tempDir'

const root = resolve(__dirname, '../..')
export const screenshotDir = join(root, '.tmp', 'screenshots')

export interface RunningApp {
  url: string
  dataDir: string
  page: Page
  /** What the preview server printed so far. */
  serverOutput(): string
  /**
   * What a failed wait could not see: the calls still unanswered and the last answered ones, the
   * messages and dialogs on screen, and the server's output; with a screenshot `failed-<name>`.
   */
  explain(name: string): Promise<string>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/**
 * Starts the built browser preview (`out/main/browser.js`, the same handlers as
 * the Electron app) on a free loopback port over a data folder, and opens it in
 * Chromium (see launchBrowser). Needs `npm run build` first (or a build in KQ_OUT_DIR, so that
 * several builds can be tested side by side).
 */
export async function startApp(
  options: {
    dataDir?: string
    width?: number
    height?: number
    firstRun?: boolean
    /** More arguments for browser.js (e.g. `--office-bind 127.0.0.1`). */
    serverArgs?: string[]
  } = {},
): Promise<RunningApp> {
  const dataDir = options.dataDir ?? tempDir('e2e')
  const server = spawn(
    process.execPath,
    [
      resolve(root, process.env.KQ_OUT_DIR ?? 'out', 'main/browser.js'),
      '--port',
      '0',
      '--data',
      dataDir,
      ...(options.serverArgs ?? []),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let serverOutput = ''
  const collect = (chunk: Buffer): void => void (serverOutput += chunk.toString())
  server.stdout?.on('data', collect)
  server.stderr?.on('data', collect)
  const url = await waitForUrl(server)
  // Most tests start past the welcome dialog; the first-run test asks for it.
  if (!options.firstRun) await post(url, 'app.setFirstRunDecided', {})
  const browser = await launchBrowser()
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 820 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  // Functions sent to the page keep the `__name(…)` calls esbuild adds when this file runs under tsx
  // (the bench): without the helper in the page they throw there.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((target) => target)' })
  // For explain(): the page's longest stalls, watched without asking for any frame of its own.
  await context.addInitScript(stallWatch)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // The live stream refused for want of a session: /bridge.js asks auth.status first, but 多用户 turned on
    // between that answer and the stream's request (a test enabling it at once) still gets this 401, which
    // the bridge expects (it opens the stream again with the next session). Chromium logs every 4xx.
    if (/\/events$/.test(message.location().url) && message.text().includes(' 401 ')) return
    problems.push(`console: ${message.text()}`)
  })
  // Every core call the page makes, for explain(): when it went out and what came back.
  const calls: { channel: string; sentAt: number; answer?: string }[] = []
  const startedAt = Date.now()
  const channelOf = (request: Request) => /\/api\/([^?]+)/.exec(request.url())?.[1]
  const noteAnswer = (request: Request, how: string) => {
    const call = calls.find((c) => c.channel === channelOf(request) && c.answer === undefined)
    if (call) call.answer = `${how} after ${Date.now() - startedAt - call.sentAt} ms`
  }
  page.on('request', (request) => {
    const channel = channelOf(request)
    if (channel) calls.push({ channel, sentAt: Date.now() - startedAt })
  })
  page.on('requestfinished', (request) => noteAnswer(request, 'answered'))
  page.on('requestfailed', (request) => noteAnswer(request, `failed (${request.failure()?.errorText})`))
  await page.goto(url)
  mkdirSync(screenshotDir, { recursive: true })
  return {
    url,
    dataDir,
    page,
    serverOutput: () => serverOutput,
    explain: async (name) => {
      const asked = Date.now()
      const stalls = await page
        .evaluate(() => {
          const { kqStalls } = globalThis as unknown as { kqStalls: Stalls }
          return { ...kqStalls, now: Math.round(performance.now()) }
        })
        .then(
          (s) =>
            `page time ${s.now} ms (answered in ${Date.now() - asked} ms); longest without a timer ${s.timer.ms} ms from ${s.timer.at}; ` +
            `longest wait for a frame ${s.frame.ms} ms from ${s.frame.at}; visibility: ${s.visibility.join(', ')}\n` +
            `messages shown (page time): ${s.messages.slice(-6).join(' | ') || 'none'}`,
          (error: unknown) => `page stalls unknown: ${(error as Error).message.split('\n')[0]}`,
        )
      const shot = join(screenshotDir, `failed-${name}.png`)
      await page.screenshot({ path: shot }).catch(() => undefined)
      const onScreen = await page
        .locator('.ant-message-notice, .ant-modal, .ant-alert, .ant-notification-notice')
        .allInnerTexts()
        .catch(() => [])
      // What a role locator sees (a dialog on screen may still not be the one it finds, or its button not named so).
      const dialogs = page.getByRole('dialog')
      const dialogCount = await dialogs.count().catch(() => -1)
      const lastDialog =
        dialogCount > 0
          ? await dialogs
              .last()
              .ariaSnapshot({ timeout: 5000 })
              .catch((error: unknown) => `(none: ${(error as Error).message.split('\n')[0]})`)
          : ''
      const at = Date.now() - startedAt
      return [
        `at ${at} ms; unanswered calls: ${
          calls
            .filter((c) => c.answer === undefined)
            .map((c) => `${c.channel} (sent at ${c.sentAt} ms)`)
            .join(', ') || 'none'
        }`,
        `last calls:\n${calls
          .slice(-8)
          .map((c) => `  ${c.channel} at ${c.sentAt} ms: ${c.answer ?? 'unanswered'}`)
          .join('\n')}`,
        `on screen: ${onScreen.join(' | ') || 'no message or dialog'}`,
        `dialogs by role: ${dialogCount}${lastDialog ? `; the last one as the locators see it:\n${lastDialog}` : ''}`,
        `page errors: ${problems.join('; ') || 'none'}`,
        stalls,
        `server output:\n${serverOutput.slice(-2000)}`,
        `screenshot: ${shot}`,
      ].join('\n')
    },
    screenshot: async (name) => {
      const path = join(screenshotDir, `${name}.png`)
      await page.screenshot({ path, fullPage: false })
      return path
    },
    close: async () => {
      await browser.close()
      server.kill('SIGTERM')
      if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join('\n')}`)
    },
  }
}

interface Stalls {
  /** The longest time no timer ran (the main thread busy, or the page throttled), and when it began (page ms). */
  timer: { ms: number; at: number }
  /** The longest a requested animation frame waited to be drawn, and when it was asked for. */
  frame: { ms: number; at: number }
  /** Each change of document.visibilityState, with its page time. */
  visibility: string[]
  /** Each message (antd's message.success/error…) that was on screen, with when it was first seen. */
  messages: string[]
}

/**
 * Runs in the page before its scripts (an init script, so self-contained): notes the page's longest
 * stalls for explain(). It only wraps requestAnimationFrame, never asks for a frame itself, so the
 * page draws exactly as it would without it.
 */
function stallWatch(): void {
  const page = globalThis as unknown as {
    kqStalls: Stalls
    requestAnimationFrame: (callback: (time: number) => void) => number
    document: {
      visibilityState: string
      addEventListener: (type: string, listener: () => void) => void
      querySelectorAll: (selector: string) => Iterable<object & { textContent: string | null }>
    }
  }
  const stalls: Stalls = { timer: { ms: 0, at: 0 }, frame: { ms: 0, at: 0 }, visibility: [], messages: [] }
  page.kqStalls = stalls
  // A message lives 3 s: a look every 100 ms sees each one, even one a waiting test missed.
  const seen = new WeakSet<object>()
  let lastTick = performance.now()
  setInterval(() => {
    const now = performance.now()
    if (now - lastTick > stalls.timer.ms) stalls.timer = { ms: Math.round(now - lastTick), at: Math.round(lastTick) }
    lastTick = now
    for (const notice of page.document.querySelectorAll('.ant-message-notice')) {
      if (seen.has(notice)) continue
      seen.add(notice)
      stalls.messages.push(`${notice.textContent ?? ''} at ${Math.round(now)}`)
    }
  }, 100)
  const requestFrame = page.requestAnimationFrame.bind(globalThis)
  page.requestAnimationFrame = (callback) => {
    const askedAt = performance.now()
    return requestFrame((time) => {
      const waited = performance.now() - askedAt
      if (waited > stalls.frame.ms) stalls.frame = { ms: Math.round(waited), at: Math.round(askedAt) }
      callback(time)
    })
  }
  const noteVisibility = () =>
    stalls.visibility.push(`${page.document.visibilityState} at ${Math.round(performance.now())}`)
  noteVisibility()
  page.document.addEventListener('visibilitychange', noteVisibility)
}

/**
 * A button of the dialog on top, by its text, once the dialog has opened and the button is not saving.
 * Opened: antd draws a new dialog still for a frame or two, then zooms it in; Playwright takes those
 * still frames for "stable", and a click whose mouse-up comes once the zoom has moved the button is
 * no click at all (the 登记回款 CI missed: nothing sent, no message). Not by its accessible name:
 * when a save is answered within the loading icon's own motion (a refusal in a few ms), antd often
 * leaves that icon collapsed in the button (width 0, opacity 0, its leave motion never ending), and
 * the button, which works and looks as ever, stays named "loading 保 存". Its class says whether it loads.
 */
export function dialogButton(page: Page, text: RegExp): Locator {
  return page
    .getByRole('dialog')
    .last()
    .and(page.locator(':not([class*="-zoom-"])'))
    .locator('button:not(.ant-btn-loading)', { hasText: text })
}

/** `locator.waitFor()`, failing with what the app shows and what it is waiting for (RunningApp.explain) instead of a bare timeout. */
export async function waitOrExplain(app: RunningApp, locator: Locator, name: string): Promise<void> {
  try {
    await locator.waitFor()
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await app.explain(name)}`, { cause: error })
  }
}

/**
 * Calls a core channel through the page's own bridge (so the call takes the same
 * path as the renderer's) and returns its value; a refused call fails the test
 * with the core's answer in the message.
 */
export async function invoke<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  // globalThis rather than window: this file is also type-checked without the DOM lib (tsconfig.node.json, for the bench).
  const result = await page.evaluate(
    ([c, i]) => (globalThis as unknown as { kqBridge?: KqBridge }).kqBridge?.invoke(c as string, i),
    [channel, input] as const,
  )
  if (!result || !result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`)
  return result.value as T
}

async function post(url: string, channel: string, input: unknown): Promise<void> {
  const response = await fetch(`${url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  const result = (await response.json()) as { ok: boolean }
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`)
}

/**
 * The browser `npm test` found (scripts/findBrowser.mjs): Chrome or Edge by playwright-core's channel
 * (KQ_BROWSER_CHANNEL), or an executable (CHROMIUM_PATH); Debian's chromium when run without it.
 */
export function launchBrowser(): Promise<Browser> {
  const channel = process.env.KQ_BROWSER_CHANNEL
  return chromium.launch({
    ...(channel ? { channel } : { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

function waitForUrl(server: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`preview server did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    server.stdout?.on('data', onData)
    server.stderr?.on('data', onData)
    server.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`preview server exited with ${code}:\n${output}`))
    })
  })
}

import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { invoke, startApp } from '../../tests/e2e/harness'
import { median, round } from './measure'

export interface BrowserTiming {
  name: string
  ms: number
  /** Every measured visit, when the figure is a median of several. */
  runs?: number[]
}

/** Visits of each analysis page; the median is reported. */
/** The analysis pages' visits: how many rounds, and how long after a write the third case visits. */
export interface AnalysisVisits {
  rounds: number
  /** Long enough for the background's round over the pages to have ended (3 s of quiet, then the SQL). */
  rewarmWaitMs: number
}

/** The little of the DOM the page-side checks use (this file compiles without the DOM library). */
interface PageGlobals {
  document: {
    querySelector(selector: string): unknown
    querySelectorAll(selector: string): Iterable<{ textContent: string | null }>
  }
}

// Functions, not strings: the app's CSP forbids evaluating strings.
// A row whose name cell has its text: the infinite model first draws empty loading rows.
const firstRowShown = (): boolean => {
  for (const cell of (globalThis as unknown as PageGlobals).document.querySelectorAll(
    '.ag-row .ag-cell[col-id="name"]',
  )) {
    if ((cell.textContent ?? '').trim() !== '') return true
  }
  return false
}

/**
 * In the page: moves to `route` and resolves with the ms from the move to the first frame drawn with the
 * chart's canvas and the table's first row, as the page's own clock counts them. Waiting from outside
 * (a Playwright wait per element) added its own polling and round trips, 0.1–0.3 s on these pages.
 */
function drawnAfterMove(route: string): Promise<number> {
  const page = globalThis as unknown as PageGlobals & {
    location: { hash: string }
    requestAnimationFrame(callback: () => void): number
  }
  return new Promise((resolve) => {
    const started = performance.now()
    const check = (): void => {
      const drawn =
        page.document.querySelector('canvas') !== null &&
        page.document.querySelector('.ant-table-row, .ag-row') !== null
      // Drawn in this frame: the next task after it runs once the frame is out.
      if (drawn) setTimeout(() => resolve(performance.now() - started))
      else page.requestAnimationFrame(check)
    }
    page.location.hash = route
    page.requestAnimationFrame(check)
  })
}

const countLabel = /^共 [\d,]+ 个客户$/

function countChanged(previous: string): boolean {
  for (const el of (globalThis as unknown as PageGlobals).document.querySelectorAll('span, div')) {
    if (/^共 [\d,]+ 个客户$/.test(el.textContent ?? '') && el.textContent !== previous) return true
  }
  return false
}

/** No build, or a source changed after it (a build without the last migration refuses the bench's database). */
function buildIsStale(root: string): boolean {
  const built = [join(root, 'out/main/browser.js'), join(root, 'out/renderer/index.html')]
  if (!built.every(existsSync)) return true
  const builtAt = Math.min(...built.map((path) => statSync(path).mtimeMs))
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
  return sources.some((entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > builtAt)
}

// The workbench with its data: the first screen a user sees after opening the window.
const workbenchShown = (): boolean =>
  (globalThis as unknown as PageGlobals).document.querySelector(
    '.kq-workbench-main .ant-table-row, .kq-workbench-main .ant-empty',
  ) !== null

/** The browser's own first-contentful-paint, in ms after the navigation started. */
const firstContentfulPaint = (): number =>
  (globalThis as unknown as { performance: { getEntriesByName(name: string): { startTime: number }[] } }).performance
    .getEntriesByName('first-contentful-paint')
    .at(0)?.startTime ?? -1

/**
 * What a user waits for in Chromium, over the bench database through the
 * browser preview: the sheet's first rows, a quick-search keystroke until the
 * grid shows the new matches (the search box waits 250 ms after the last key on
 * purpose; that wait is included), and the analysis pages' charts.
 */
export async function browserTimings(
  root: string,
  dataDir: string,
  analysisRoutes: [string, string][],
  { rounds: analysisRounds, rewarmWaitMs }: AnalysisVisits,
): Promise<BrowserTiming[]> {
  // KQ_OUT_DIR: a build made elsewhere (e.g. of another commit, to compare), taken as it is.
  if (!process.env.KQ_OUT_DIR && buildIsStale(root)) {
    spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  }
  const app = await startApp({ dataDir, width: 1366, height: 820 })
  const { page, url } = app
  const results: BrowserTiming[] = []
  try {
    const contentful: number[] = []
    const workbench: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank')
      const started = performance.now()
      await page.goto(`${url}#/workbench`)
      await page.waitForFunction(workbenchShown, undefined, { timeout: 60_000 })
      workbench.push(performance.now() - started)
      contentful.push(await page.evaluate(firstContentfulPaint))
    }
    results.push({ name: '窗口首次绘制（first-contentful-paint）', ms: round(median(contentful)) })
    results.push({ name: '工作台首屏（含页面加载）', ms: round(median(workbench)) })

    const paints: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank')
      const started = performance.now()
      await page.goto(`${url}#/customers`)
      await page.waitForFunction(firstRowShown, undefined, { timeout: 60_000 })
      paints.push(performance.now() - started)
    }
    results.push({ name: '客户表格首屏（含页面加载）', ms: round(median(paints)) })

    const search = page.getByLabel('快速搜索')
    const counter = page.getByText(countLabel)
    const keystrokes: number[] = []
    for (const [prefix, key] of [
      ['g', 'z'],
      ['z', 'h'],
      ['l', 'i'],
    ] as const) {
      // The prefix's own query must have landed before the timed keystroke: on a slow day it takes
      // longer than a fixed wait, and the count it brings would be taken for the keystroke's.
      const previous = (await counter.textContent()) ?? ''
      await search.fill(prefix)
      await page.waitForFunction(countChanged, previous, { timeout: 30_000 }).catch(() => undefined)
      await page.waitForTimeout(300)
      const before = await counter.textContent()
      const started = performance.now()
      await search.press(key)
      await page.waitForFunction(countChanged, before ?? '', { timeout: 30_000 })
      keystrokes.push(performance.now() - started)
    }
    results.push({ name: '快速搜索一次按键到表格更新（含 250 ms 防抖）', ms: round(median(keystrokes)) })

    // Each page several times, each time from the workbench, timed in the page (drawnAfterMove), in three cases. 刚改过: a write just before,
    // so no kept answer is valid and the page waits for the SQL (the core keeps answers until the data
    // changes, analysis/analysisAnswers.ts). 已备好: visited again with the data unchanged. 改过 10 秒后:
    // a write, then the time the core takes to compute the pages' answers again in the background (3 s
    // of quiet, then about 0.5–0.8 s per answer at 100,000 customers). The first round also loads the
    // pages' code.
    const pageTimes = new Map<string, number[]>()
    const cases = { cold: '数据刚改过', kept: '答案已备好', rewarmed: `数据改过 ${rewarmWaitMs / 1000} 秒后` }
    const visit = async (route: string, name: string, when: keyof typeof cases, round: number) => {
      await page.goto(`${url}#/workbench`)
      await page.waitForFunction(workbenchShown, undefined, { timeout: 60_000 })
      if (when !== 'kept') await invoke(page, 'prefs.set', { key: 'bench.analysisVisit', value: `${name} ${round}` })
      if (when === 'rewarmed') await page.waitForTimeout(rewarmWaitMs)
      const ms = await page.evaluate(drawnAfterMove, `#${route}`)
      const label = `${name}」${cases[when]}`
      pageTimes.set(label, [...(pageTimes.get(label) ?? []), ms])
    }
    for (let i = 0; i < analysisRounds; i++) {
      for (const [route, name] of analysisRoutes) {
        await visit(route, name, 'cold', i)
        await visit(route, name, 'kept', i)
        await visit(route, name, 'rewarmed', i)
      }
    }
    for (const [label, times] of pageTimes) {
      results.push({
        name: `统计分析「${label}，图表和表格显示（${analysisRounds} 次中位数）`,
        ms: round(median(times)),
        runs: times.map(round),
      })
    }
  } finally {
    await app.close()
  }
  return results
}

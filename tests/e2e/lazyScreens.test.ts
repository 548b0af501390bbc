import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test, vi } from 'vitest'
import { appResponse } from '../../src/main/platform/appProtocol'
import { bridgeScript } from '../../src/main/core/preview/bridgeScript'
import { startApp } from './harness'

// appProtocol.ts registers its handler through electron's `protocol`, which these tests never call.
vi.mock('electron', () => ({ protocol: {} }))

const rendererDir = resolve(__dirname, '../..', process.env.KQ_OUT_DIR ?? 'out', 'renderer')

/** The script the window loads before its first paint may not grow past this (it was one 8 MB file). */
const initialScriptBudget = 2.5 * 1024 * 1024

/** Each sidebar screen, and what it shows once its code has loaded and it has rendered. */
const screens: [label: string, shown: string][] = [
  ['今日工作台', '.kq-workbench-main'],
  ['客户列表', '.ag-root'],
  ['交往记录', '.ant-table'],
  ['项目', '.ant-table'],
  ['合同与回款', '.kq-contract-totals'],
  ['竞争对手与意见', '.ant-tabs'],
  ['回收站', '.ag-root'],
  // Its pages import ECharts: the screen shows only once that chunk has loaded (an empty database draws no chart).
  ['统计分析', '.kq-analysis-page'],
  ['数据', '.ant-tabs'],
  ['系统设置', '.ant-tabs'],
]

/** The scripts index.html loads before the app runs: its entry and the chunks it preloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '')
}

/** Opens every screen from the sidebar, in order, and waits for each to show. */
async function visitEveryScreen(page: Page): Promise<void> {
  for (const [label, shown] of screens) {
    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: label }).click()
    await page.locator(`.ant-layout-content ${shown}`).first().waitFor({ timeout: 30_000 })
    expect(await page.locator('.kq-screen-failed').count(), label).toBe(0)
  }
}

test('the first load stays within its budget; AG Grid and ECharts come only with the screens that draw them', () => {
  const initial = initialScripts()
  expect(initial.length).toBeGreaterThan(0)
  const bytes = initial.reduce((sum, file) => sum + statSync(join(rendererDir, file)).size, 0)
  expect(bytes).toBeLessThan(initialScriptBudget)
  const assets = readdirSync(join(rendererDir, 'assets'))
  for (const library of ['ag-grid', 'echarts']) {
    expect(
      assets.some((file) => file.startsWith(`${library}-`)),
      library,
    ).toBe(true)
    expect(initial.filter((file) => file.includes(library))).toEqual([])
  }
})

test('browser preview: every screen fetches its chunks by relative URL and shows', async () => {
  const app = await startApp()
  const { page } = app
  const scripts: string[] = []
  page.on('response', (response) => {
    if (/\/assets\/[^/]+\.js$/.test(response.url())) {
      scripts.push(`${response.status()} ${response.headers()['content-type']} ${response.url()}`)
    }
  })
  try {
    await visitEveryScreen(page)
    // Relative to the page, with the script type: whatever base the page is served from.
    for (const script of scripts) expect(script).toMatch(/^200 [a-z]+\/javascript; charset=utf-8 http:\/\/127\.0\.0\.1/)
  } finally {
    // close() fails the test on any page error or console error, a CSP refusal among them.
    await app.close()
  }
})

test('as the app serves it (the app:// handler: its files, its CSP header): screens load, 正在打开… while slow, 重试 after a failed load', async () => {
  const app = await startApp()
  const page = await app.page.context().newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  // The preload's bridge; in the app it comes from Electron, never from the page.
  await page.addInitScript(bridgeScript)
  let echarts: 'fail' | 'slow' | 'normal' = 'fail'
  // Every file of the page is answered by the app:// handler itself; the core's API goes on to the preview.
  await page.route(
    (url) => url.pathname !== '/events' && !url.pathname.startsWith('/api/'),
    async (route) => {
      const { pathname } = new URL(route.request().url())
      if (pathname.includes('/echarts-')) {
        if (echarts === 'fail') return route.abort('failed')
        if (echarts === 'slow') await new Promise((done) => setTimeout(done, 2000))
      }
      const answer = await appResponse({ url: `app://kqgj${pathname}`, method: route.request().method() }, rendererDir)
      await route.fulfill({
        status: answer.status,
        headers: Object.fromEntries(answer.headers),
        body: Buffer.from(await answer.arrayBuffer()),
      })
    },
  )
  try {
    await page.goto(`${app.url}index.html#/workbench`)
    await page.locator('.kq-workbench-main').waitFor()

    // A chunk that cannot be fetched: the screen's error in Chinese, then 重试 fetches it again.
    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '统计分析' }).click()
    const failed = page.locator('.kq-screen-failed')
    await failed.getByText('页面文件加载失败').waitFor()
    echarts = 'slow'
    await failed.getByRole('button', { name: '重试' }).click()
    await page.getByRole('status').getByText('正在打开…').waitFor()
    await page.locator('.ant-layout-content .kq-analysis-page').waitFor()
    expect(await failed.count()).toBe(0)
    echarts = 'normal'
    problems.splice(0)

    await visitEveryScreen(page)
    expect(problems).toEqual([])
  } finally {
    await page.close()
    await app.close()
  }
})

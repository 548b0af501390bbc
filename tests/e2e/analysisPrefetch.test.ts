import type { Page, Response } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp, waitOrExplain } from './harness'

interface ParetoAnswer {
  ok: boolean
  value: { customers: number; totalAmount: number }
}

const workbenchShown = (): boolean =>
  (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
    '.kq-workbench-main .ant-table-row, .kq-workbench-main .ant-empty',
  ) !== null

/** The 本期销售额 the page shows, as it prints it. */
async function shownTotal(page: Page): Promise<string> {
  const card = page.getByTestId('analysis-pareto').locator('.ant-statistic').filter({ hasText: '本期销售额' })
  return (await card.locator('.ant-statistic-content-value').innerText()).trim()
}

const printed = (amount: number): string =>
  amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

test('二八分析 asks once, on the move, and never shows an answer asked before a change', async () => {
  const app = await startApp({ width: 1280, height: 720 })
  const { page, url } = app
  const paretoCalls: number[] = []
  const answers: Response[] = []
  const started = Date.now()
  page.on('request', (request) => {
    if (request.url().endsWith('/api/analysis.pareto')) paretoCalls.push(Date.now() - started)
  })
  page.on('response', (response) => {
    if (response.url().endsWith('/api/analysis.pareto')) answers.push(response)
  })
  try {
    await invoke(page, 'demo.load', { customers: 300 })
    const year = new Date().getFullYear()

    // From the sidebar: 统计分析, then 二八分析 in its menu.
    await page.goto(`${url}#/workbench`)
    await page.waitForFunction(workbenchShown, undefined, { timeout: 30_000 })
    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '统计分析' }).click()
    await page.locator('.kq-analysis-menu').getByRole('menuitem', { name: '二八分析' }).click()
    const body = page.getByTestId('analysis-pareto')
    await waitOrExplain(app, body.locator('canvas').first(), 'prefetch-pareto-canvas')
    await body.locator('.ant-table-row').first().waitFor()
    await expect.poll(() => body.locator('.ant-spin-spinning').count()).toBe(0)
    await page.waitForTimeout(500) // a second call, if any, would have gone out by now
    // One call: the one asked on the move, taken over by the page, not a second one of its own.
    expect(paretoCalls).toHaveLength(1)
    const first = (await answers[0]?.json()) as ParetoAnswer
    expect(first.ok).toBe(true)
    expect(first.value.customers).toBeGreaterThan(0)
    expect(await shownTotal(page)).toBe(printed(first.value.totalAmount))

    // A change after the visit: the next visit asks afresh and shows the new total.
    const customers = await invoke<{ rows: { id: number }[] }>(page, 'customers.list', { startRow: 0, endRow: 1 })
    const customerId = customers.rows[0]?.id
    await invoke(page, 'sales.create', { customerId, date: `${year}-06-15`, amount: 1234.5 })
    await page.goto(`${url}#/workbench`)
    await page.waitForFunction(workbenchShown, undefined, { timeout: 30_000 })
    await page.goto(`${url}#/analysis/pareto`)
    await expect.poll(() => paretoCalls.length).toBe(2)
    await expect.poll(() => shownTotal(page)).toBe(printed(first.value.totalAmount + 1234.5))

    // The hard case: an answer asked on the move, then a change committed while the page's code is
    // still loading. The page must ask again, not show what was asked before the change.
    let releaseCode = (): void => undefined
    const codeHeld = new Promise<void>((resolve) => (releaseCode = resolve))
    await page.route(/\/assets\/AnalysisScreen-[^/]*\.js$/, async (route) => {
      await codeHeld
      await route.continue()
    })
    await page.goto('about:blank')
    await page.goto(`${url}#/workbench`)
    await page.waitForFunction(workbenchShown, undefined, { timeout: 30_000 })
    // Hear the change as the app does (the same stream), to know it has arrived.
    await page.evaluate(() => {
      const w = globalThis as unknown as {
        kqBridge: { subscribe(listener: (change: { topics: string[] }) => void): () => void }
        heardChange?: boolean
      }
      w.kqBridge.subscribe((change) => {
        if (change.topics.includes('records')) w.heardChange = true
      })
    })
    const asked = page.waitForResponse((r) => r.url().endsWith('/api/analysis.pareto'))
    await page.evaluate(() => {
      ;(globalThis as unknown as { location: { hash: string } }).location.hash = '#/analysis/pareto'
    })
    const beforeChange = (await (await asked).json()) as ParetoAnswer
    expect(paretoCalls).toHaveLength(3)
    await invoke(page, 'sales.create', { customerId, date: `${year}-06-16`, amount: 100 })
    await page.waitForFunction(() => (globalThis as unknown as { heardChange?: boolean }).heardChange === true)
    releaseCode()
    await body.locator('.ant-table-row').first().waitFor({ timeout: 30_000 })
    await expect.poll(() => paretoCalls.length).toBe(4)
    await expect.poll(() => shownTotal(page)).toBe(printed(beforeChange.value.totalAmount + 100))
  } finally {
    await app.close()
  }
})

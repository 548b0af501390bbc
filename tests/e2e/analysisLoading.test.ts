import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

/**
 * Issue #20: while a 统计分析 page waits for its first answer (the SQL of a changed database at 100,000
 * customers takes most of a second), it shows spinners over a blank chart and table, not the 没有数据
 * texts of an empty answer; the answer then fills them.
 */
test('RFM 分析 while its answer is coming: spinners, no 没有交易记录 or 没有客户; then the answer', async () => {
  const app = await startApp({ width: 1280, height: 720 })
  const { page, url } = app
  try {
    await invoke(page, 'demo.load', { customers: 200 })
    // The answer held back until the page has been looked at: it is what a slow computation looks like.
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/analysis.rfm', async (route) => {
      await held
      await route.continue()
    })
    await page.goto(`${url}#/analysis/rfm`)
    const body = page.getByTestId('analysis-rfm')
    await body.locator('.ant-spin-spinning').first().waitFor()
    // The chart's box is there (set up while waiting), not an empty state in its place.
    await body.locator('.kq-chart-panel-chart .kq-chart').waitFor()
    for (const text of ['统计期间内没有交易记录', '这一类没有客户']) expect(await body.getByText(text).count()).toBe(0)
    expect(await body.locator('.ant-empty').count()).toBe(0)
    await app.screenshot('lead/analysis-rfm-waiting-1280')

    release()
    await body.locator('.kq-chart-panel-table .ant-table-row').first().waitFor()
    await expect.poll(() => body.locator('.ant-spin-spinning').count()).toBe(0)
    expect(await body.getByText('这一类没有客户').count()).toBe(0)
  } finally {
    await app.close()
  }
})

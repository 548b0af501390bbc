import { expect, test } from 'vitest'
import { startApp } from './harness'

test('an empty database offers the demo set once; loading it fills the sheet', async () => {
  const app = await startApp({ firstRun: true })
  const { page } = app
  try {
    await page.getByText('欢迎使用客情管家').waitFor()
    await app.screenshot('first-run')
    // The default button (focused, Enter) starts empty: the demo's made-up customers are a deliberate choice.
    const primary = page.getByRole('dialog').locator('.ant-btn-primary')
    expect(await primary.textContent()).toBe('从空白开始')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('从空白开始')
    await page.getByRole('button', { name: '载入演示数据' }).click()
    await page.getByText('共 200 个客户').waitFor({ timeout: 30_000 })
    await page.locator('.ag-row').first().waitFor()
    await app.screenshot('first-run-demo-loaded')

    // Decided once: a reload does not ask again.
    await page.reload()
    await page.getByText('共 200 个客户').waitFor()
    if (await page.getByText('欢迎使用客情管家').isVisible()) throw new Error('the welcome dialog came back')
  } finally {
    await app.close()
  }
})

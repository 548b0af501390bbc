import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

test('a long 登记卡 export shows its progress and a 取消 button; 取消 stops it with 已取消 and no download', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await invoke(page, 'demo.load', { customers: 2000 })
    await page.goto(`${app.url}#/customers`)
    await page.locator('.ag-row').first().locator('.ag-selection-checkbox input').check()
    await page.getByRole('button', { name: /选择全部 2,000 个/ }).click()
    await page.getByText('已选 2,000 个').waitFor()
    const downloads: string[] = []
    page.on('download', (d) => downloads.push(d.suggestedFilename()))

    await page.getByRole('button', { name: /批量操作/ }).click()
    await page.getByRole('menuitem', { name: '导出登记卡' }).click()
    const notice = page.locator('.ant-message-notice', { hasText: '正在导出' })
    await notice.getByText(/已导出 [1-9][\d,]* \/ 2,000 张/).waitFor()
    await app.screenshot('export-progress-cancel')
    await notice.getByRole('button', { name: /取\s*消/ }).click()
    await page.getByText(/已取消导出/).waitFor()
    await app.screenshot('export-cancelled')
    await page.waitForTimeout(1000)
    expect(downloads).toEqual([])
    expect(await page.locator('.ant-message-notice', { hasText: '正在导出' }).count()).toBe(0)
  } finally {
    await app.close()
  }
})

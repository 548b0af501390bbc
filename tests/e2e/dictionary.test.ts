import { expect, test } from 'vitest'
import { startApp } from './harness'

test('add a 客户来源 item and a 联系策略 with 10 days; both survive a reload', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await page.goto(`${app.url}#/settings/dictionary`)
    await page.getByRole('menuitem', { name: '客户来源' }).click()
    await page.getByLabel('新的客户来源名称').fill('抖音直播')
    await page.getByRole('button', { name: '添加' }).click()
    await page.getByText('已添加「抖音直播」').waitFor()

    await page.getByRole('menuitem', { name: '联系策略' }).click()
    await page.getByLabel('新的联系策略名称').fill('每十天')
    await page.getByLabel('周期天数', { exact: true }).fill('10')
    await page.getByRole('button', { name: '添加' }).click()
    await page.getByText('已添加「每十天」').waitFor()

    await page.reload()
    await page.getByRole('menuitem', { name: '联系策略' }).click()
    const row = page.getByRole('row', { name: /每十天/ })
    await row.waitFor()
    expect(await row.getByRole('spinbutton').inputValue()).toBe('10')
    await app.screenshot('settings-dictionary-contact-strategy')

    await page.getByRole('menuitem', { name: '客户来源' }).click()
    await page.getByRole('row', { name: /抖音直播/ }).waitFor()

    // An item in use cannot be deleted: 华北 is the 大区 of five provinces.
    await page.getByRole('menuitem', { name: '所属区域' }).click()
    await expect.poll(() => page.getByLabel('删除 华北').isDisabled()).toBe(true)
    await app.screenshot('settings-dictionary-region')

    await page.getByRole('tab', { name: '省份与大区' }).click()
    await page.getByRole('row', { name: /广东省/ }).waitFor()
    await app.screenshot('settings-province-regions')
  } finally {
    await app.close()
  }
})

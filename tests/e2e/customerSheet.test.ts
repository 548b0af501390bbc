import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

const row = (page: Page, name: string) => page.locator('.ag-row', { hasText: name }).first()

test('the sheet finds by 拼音首字母, remembers columns, and deletes to the 回收站 and back', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await invoke(page, 'customers.create', {
      name: '广州人易科技有限公司',
      phone: '020-87654321',
      contacts: [{ name: '王小明', mobile: '13800138000' }],
    })
    await invoke(page, 'customers.create', { name: '深圳市华强电子有限公司', phone: '0755-12345678' })
    await invoke(page, 'customers.create', { name: '北京同仁堂药店', kind: 'enterprise' })

    await page.goto(`${app.url}#/customers`)
    await page.reload()
    await page.getByText('共 3 个客户').waitFor()
    await app.screenshot('customer-sheet')

    // Quick search by 拼音首字母.
    await page.getByLabel('快速搜索').fill('gzry')
    await page.getByText('共 1 个客户').waitFor()
    await row(page, '广州人易科技有限公司').waitFor()
    expect(await page.getByText('深圳市华强电子有限公司').count()).toBe(0)
    await app.screenshot('customer-sheet-search')
    // Save the search as a named view, clear it, and get it back from the 视图 menu.
    await page.getByRole('button', { name: /视图/ }).click()
    await page.getByRole('menuitem', { name: '保存当前视图…' }).click()
    await page.getByLabel('视图名称').fill('广州客户')
    await page.getByRole('button', { name: /^保\s*存$/ }).click()
    await page.getByText('已保存视图「广州客户」').waitFor()
    await page.getByLabel('快速搜索').fill('')
    await page.getByText('共 3 个客户').waitFor()
    await page.reload()
    await page.getByText('共 3 个客户').waitFor()
    await page.getByRole('button', { name: /视图/ }).click()
    await page.getByRole('menuitem', { name: '广州客户' }).click()
    await page.getByText('共 1 个客户').waitFor()
    expect(await page.getByLabel('快速搜索').inputValue()).toBe('gzry')
    await page.getByLabel('快速搜索').fill('')
    await page.getByText('共 3 个客户').waitFor()

    // Hide the 客户编号 column and show 传真; both choices survive a reload.
    const codeHeader = page.locator('.ag-header-cell', { hasText: '客户编号' })
    await codeHeader.first().waitFor()
    await page.getByRole('button', { name: '列设置' }).click()
    await page.getByRole('checkbox', { name: '客户编号' }).uncheck()
    await page.getByRole('checkbox', { name: '传真' }).check()
    await expect.poll(() => codeHeader.count()).toBe(0)
    await page.waitForTimeout(800)
    await page.reload()
    await page.getByText('共 3 个客户').waitFor()
    await row(page, '广州人易科技有限公司').waitFor()
    expect(await codeHeader.count()).toBe(0)
    await page.getByRole('button', { name: '列设置' }).click()
    expect(await page.getByRole('checkbox', { name: '客户编号' }).isChecked()).toBe(false)
    expect(await page.getByRole('checkbox', { name: '传真' }).isChecked()).toBe(true)
    await page.getByRole('button', { name: '列设置' }).click()

    // Delete one to the 回收站 through the batch menu, then restore it.
    await row(page, '北京同仁堂药店').locator('.ag-selection-checkbox input').check()
    await page.getByText('已选 1 个').waitFor()
    await page.getByRole('button', { name: /批量操作/ }).click()
    await page.getByRole('menuitem', { name: '移到回收站' }).click()
    await page.getByRole('button', { name: '移到回收站' }).click()
    await page.getByText('共 2 个客户').waitFor()

    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '回收站' }).click()
    await page.getByText('共 1 个客户').waitFor()
    await row(page, '北京同仁堂药店').locator('.ag-selection-checkbox input').check()
    await app.screenshot('recycle-bin')
    await page.getByRole('button', { name: '恢复' }).click()
    await page.getByText('已恢复 1 个客户').waitFor()
    await page.getByText('回收站是空的').waitFor()

    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '客户列表' }).click()
    await page.getByText('共 3 个客户').waitFor()
    await row(page, '北京同仁堂药店').waitFor()
  } finally {
    await app.close()
  }
})

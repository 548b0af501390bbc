import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { screenshotDir, startApp } from './harness'

/** The card scrolls inside the app's content pane, so a "full page" shot needs a window tall enough to hold it. */
async function fullCardShot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1366, height: 820 }
  const height = await page.evaluate(() => {
    const content = document.querySelector('.ant-layout-content')
    return (content?.scrollHeight ?? 0) + 80
  })
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) })
  await page.waitForTimeout(200)
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) })
  await page.setViewportSize(viewport)
}

/** Types into an antd Select (searchable) and takes the first match. */
async function pick(page: Page, label: string, text: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true })
  await select.click()
  await select.fill(text)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click()
}

test('register an enterprise customer with two contacts on the card; a same-name card warns of the duplicate', async () => {
  const app = await startApp()
  const { page } = app
  const year = new Date().getFullYear()
  try {
    await page.goto(`${app.url}#/customers/new`)
    await page.getByText('客户信息登记卡').waitFor()
    await page.getByText('保存后生成').waitFor()
    await app.screenshot('customer-card-new')
    await fullCardShot(page, 'customer-card-new-full')

    await page.getByLabel('客户名称', { exact: true }).fill('广州人易科技集团')
    await page.getByLabel('电话', { exact: true }).fill('020-87654321')
    await page.getByLabel('电子邮件', { exact: true }).fill('info@renyi.example.com')
    await pick(page, '省份', '广东')
    await pick(page, '城市', '广州')
    await pick(page, '客户来源', '展览会')

    await page.getByRole('button', { name: '添加联系人' }).click()
    await page.getByLabel('联系人1姓名').fill('王小明')
    await page.getByLabel('联系人1手机').fill('13800138000')
    await page.getByLabel('联系人1生日').fill('03-08')
    await page.getByRole('button', { name: '添加联系人' }).click()
    await page.getByLabel('联系人2姓名').fill('李红')
    await page.getByLabel('联系人2职务').fill('采购经理')

    await page.getByLabel('联系人 1').getByRole('button', { name: '更多资料' }).click()
    await page.getByLabel('联系人1兴趣爱好').fill('羽毛球')

    // Picking 广东省 filled in its default 大区.
    await page.locator('.ant-form-item', { hasText: '所属区域' }).getByText('华南').waitFor()
    await app.screenshot('customer-card-filled')
    await fullCardShot(page, 'customer-card-filled-full')

    await page.keyboard.press('Control+s')
    await page.waitForURL(/#\/customers\/\d+$/)
    const id = Number(/#\/customers\/(\d+)$/.exec(page.url())?.[1])
    await page
      .getByText(new RegExp(`KH-${year}-\\d{5}`))
      .first()
      .waitFor()
    const contactsTab = page.getByRole('tabpanel')
    await contactsTab.getByText('王小明').waitFor()
    await contactsTab.getByText('李红').waitFor()
    expect(await page.getByRole('tab', { name: '联系人（2）' }).count()).toBe(1)
    await app.screenshot('customer-detail')
    await fullCardShot(page, 'customer-detail-full')

    // Edit in place: the change is saved, the card is read-only again and the 变更记录 lists it.
    await page.getByRole('button', { name: '编辑' }).click()
    await page.getByLabel('电话', { exact: true }).fill('020-11112222')
    await page.getByRole('button', { name: /保存/ }).click()
    await page.getByRole('button', { name: '编辑' }).waitFor()
    await page.getByText('020-11112222').first().waitFor()
    await page.getByRole('tab', { name: '变更记录' }).click()
    await page.getByRole('tabpanel').getByText('020-87654321').waitFor()

    // A name that normalises the same (brackets and 有限公司 dropped) is flagged while typing.
    await page.goto(`${app.url}#/customers/new`)
    await page.getByText('保存后生成').waitFor()
    await page.getByLabel('客户名称', { exact: true }).fill('广州人易科技（集团）有限公司')
    const warning = page.getByRole('alert').filter({ hasText: '可能重复' })
    await warning.waitFor()
    expect(await warning.textContent()).toContain('名称相同')
    const link = warning.getByRole('link', { name: /广州人易科技集团/ })
    expect(await link.getAttribute('href')).toBe(`#/customers/${id}`)
    await app.screenshot('customer-card-duplicate')
    await link.click()
    // The name typed so far would be lost: asked first.
    const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' })
    await ask.getByRole('button', { name: /放\s*弃/ }).click()
    await ask.waitFor({ state: 'hidden' })
    await page.waitForURL(new RegExp(`#/customers/${id}$`))
    await page.getByRole('button', { name: '编辑' }).waitFor()

    // The registered customer is found in the sheet by its 拼音首字母 (广州人易科技集团 → gzrykjjt).
    await page.locator('.ant-layout-sider').getByRole('menuitem', { name: '客户列表' }).click()
    await page.getByLabel('快速搜索').fill('gzrykj')
    await page.getByText('共 1 个客户').waitFor()
    await page.locator('.ag-row', { hasText: '广州人易科技集团' }).first().waitFor()
  } finally {
    await app.close()
  }
})

test('the card checks fields with the core’s own rules and refuses an empty name', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await page.goto(`${app.url}#/customers/new`)
    await page.getByText('保存后生成').waitFor()
    await page.getByRole('button', { name: /保存/ }).click()
    await page.locator('.ant-form-item-explain-error', { hasText: '客户名称不能为空' }).waitFor()
    await page.getByLabel('客户名称', { exact: true }).fill('测试公司')
    await page.getByLabel('电子邮件', { exact: true }).fill('not-an-email')
    await page.getByRole('button', { name: /保存/ }).click()
    await page.locator('.ant-form-item-explain-error', { hasText: '电子邮件格式不正确' }).waitFor()
    expect(page.url()).toMatch(/#\/customers\/new$/)
  } finally {
    await app.close()
  }
})

import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import type { KqBridge } from '../../src/shared/bridge'
import { startApp } from './harness'

/** Calls a channel through the page's own bridge, as the renderer does. */
async function invoke<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([c, i]) => (window as unknown as { kqBridge?: KqBridge }).kqBridge?.invoke(c as string, i),
    [channel, input] as const,
  )
  if (!result || !result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`)
  return result.value as T
}

test('Ctrl+K finds a customer by 拼音首字母 and a contact by mobile, and Enter opens the customer', async () => {
  const app = await startApp()
  const { page } = app
  try {
    const guangzhou = await invoke<{ id: number }>(page, 'customers.create', {
      name: '广州人易科技有限公司',
      phone: '020-8765 4321',
      contacts: [{ name: '王小明', mobile: '138 0013 8000', title: '采购经理' }],
    })
    const shenzhen = await invoke<{ id: number }>(page, 'customers.create', {
      name: '深圳市华强电子有限公司',
      phone: '0755-12345678',
    })
    await page.goto(`${app.url}#/customers`)
    await page.reload()
    await page.getByText('共 2 个客户').waitFor()

    const dialog = page.getByRole('dialog')
    const input = page.getByLabel('全局搜索内容')
    const options = page.getByRole('option')

    // Ctrl+K opens the box with the input focused and the hint shown.
    await page.keyboard.press('Control+K')
    await input.waitFor()
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
    await dialog.getByText('输入名称、电话、编号或拼音首字母').waitFor()

    await page.keyboard.type('gzry')
    await options.filter({ hasText: '广州人易科技有限公司' }).waitFor()
    await dialog.getByText('拼音首字母').waitFor()
    expect(await options.count()).toBe(1)
    expect(await options.first().getAttribute('aria-selected')).toBe('true')
    await app.screenshot('global-search')

    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`#/customers/${guangzhou.id}$`))
    await expect.poll(() => dialog.isVisible()).toBe(false)

    // A contact by mobile, written differently from how it was saved; Enter opens its customer.
    await page.getByRole('button', { name: '全局搜索' }).click()
    await input.waitFor()
    await input.fill('13800138000')
    const contacts = page.getByRole('group', { name: '联系人' })
    await contacts.getByRole('option', { name: /王小明/ }).waitFor()
    await contacts.getByText('采购经理 · 138 0013 8000 · 广州人易科技有限公司').waitFor()
    await app.screenshot('global-search-contact')

    // A contact by full pinyin and by 拼音首字母 (its customer's pinyin holds neither): the
    // customer found through the mobile above goes, the contact stays.
    await input.fill('wangxiaoming')
    await expect.poll(() => options.count()).toBe(1)
    await contacts.getByRole('option', { name: /王小明/ }).waitFor()
    await input.fill('没有这个人')
    await dialog.getByText('没有找到“没有这个人”').waitFor()
    await input.fill('wxm')
    await contacts.getByRole('option', { name: /王小明/ }).waitFor()
    expect(await options.count()).toBe(1)
    await app.screenshot('global-search-contact-pinyin')

    await input.fill('华强')
    await options.filter({ hasText: '深圳市华强电子有限公司' }).waitFor()
    await input.fill('没有这个客户')
    await dialog.getByText('没有找到“没有这个客户”').waitFor()
    // Arrow keys move the highlight: the customer (found through the contact), then the contact.
    await input.fill('13800138000')
    await contacts.getByRole('option').waitFor()
    expect(await options.count()).toBe(2)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => contacts.getByRole('option').getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)

    await page.keyboard.press('Control+K')
    await input.fill('华强')
    await options.filter({ hasText: '深圳市华强电子有限公司' }).waitFor()
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`#/customers/${shenzhen.id}$`))
  } finally {
    await app.close()
  }
})

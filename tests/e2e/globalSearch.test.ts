import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

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
    await options.getByText('拼音首字母匹配', { exact: true }).waitFor()
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
    await contacts.getByText('手机匹配', { exact: true }).waitFor()
    // The customer is there through its contact's mobile, and says so.
    const customers = page.getByRole('group', { name: '客户' })
    await customers.getByRole('option', { name: /广州人易科技有限公司.*联系人匹配/ }).waitFor()
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
    // Nothing in 王小明 reads `wxm`: the hit says it is his 拼音首字母.
    await expect.poll(() => contacts.getByRole('option').innerText()).toMatch(/王小明[\s\S]*拼音首字母匹配/)
    await app.screenshot('global-search-contact-pinyin')

    // A customer by its phone however written, the hint beside it.
    await input.fill('020-8765 4321')
    await customers.getByRole('option', { name: /广州人易科技有限公司/ }).waitFor()
    await expect.poll(() => customers.getByRole('option').innerText()).toMatch(/电话匹配/)
    expect(await contacts.count()).toBe(0)

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

    // One number that is a customer's phone and another customer's contact's office phone:
    // each hit says which, and the contact shows the office phone that was typed.
    await invoke(page, 'customers.create', { name: '佛山市顺德区美的五金商行', phone: '0757-2888 9999' })
    await invoke(page, 'customers.create', {
      name: '东莞市长安镇吴氏模具厂',
      contacts: [{ name: '吴晓敏', mobile: '139 2222 3333', officePhone: '0757-2888 9999', title: '厂长' }],
    })
    await page.keyboard.press('Control+K')
    await input.fill('28889999')
    await contacts.getByRole('option', { name: /吴晓敏/ }).waitFor()
    await contacts.getByText('厂长 · 0757-2888 9999 · 东莞市长安镇吴氏模具厂').waitFor()
    await contacts.getByText('办公电话匹配', { exact: true }).waitFor()
    await customers.getByRole('option', { name: /美的五金商行.*电话匹配/ }).waitFor()
    await customers.getByRole('option', { name: /吴氏模具厂.*联系人匹配/ }).waitFor()
    await app.screenshot('global-search-reason-phone')
    // 吴晓敏 by 拼音首字母 beside 王小明, whose customer holds `wxm` nowhere.
    await input.fill('wxm')
    await expect.poll(() => contacts.getByText('拼音首字母匹配', { exact: true }).count()).toBe(2)
    await app.screenshot('global-search-reason-initials')
  } finally {
    await app.close()
  }
})

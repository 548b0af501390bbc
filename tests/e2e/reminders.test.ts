import { readFile } from 'node:fs/promises'
import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

interface ListOutput {
  rows: { id: number; customerId: number | null; customerName: string | null; kind: string }[]
  total: number
}

test('with demo data the 工作台 shows due reminders; 完成 with a 交往记录 removes one and logs the interaction', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await invoke(page, 'demo.load', { customers: 200 })
    // The app opens on the 工作台, which scans for reminders on each visit.
    await page.goto(`${app.url}#/`)
    await page.reload()
    await page.getByText('今日到期与逾期').waitFor()
    const rows = page.locator('.kq-workbench-main .ant-table-row')
    await rows.first().waitFor({ timeout: 20_000 })
    const today = await page.evaluate(() => {
      const now = new Date()
      const pad = (n: number): string => String(n).padStart(2, '0')
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
    })
    const before = await invoke<ListOutput>(page, 'reminders.list', { view: 'open', dueTo: today, limit: 20 })
    expect(before.total).toBeGreaterThan(0)
    await page.getByText(`今天到期和逾期的提醒共 ${before.total} 条`).waitFor()
    await page
      .locator('.kq-workbench-main')
      .getByText(/逾期 \d+ 天/)
      .first()
      .waitFor()
    await app.screenshot('reminders-workbench')

    // Filter by kind: the 跟进提醒 segment shows only follow-ups.
    await page.getByText(/^跟进提醒 \d+$/).click()
    // The kind is the tag in front of each reason.
    const kinds = rows.locator('.kq-reminder-kind')
    await expect.poll(async () => (await kinds.allTextContents()).every((t) => t === '跟进提醒')).toBe(true)
    // The 业务下滑 card shows a few; its 查看全部 filters the list to them.
    await page
      .locator('.kq-workbench-side .ant-card', { hasText: '业务下滑' })
      .getByRole('button', { name: '查看全部' })
      .click()
    await expect
      .poll(async () => {
        const texts = await kinds.allTextContents()
        return texts.length > 0 && texts.every((t) => t === '业务下滑')
      })
      .toBe(true)
    await page.getByText(/^全部 \d+$/).click()

    const first = before.rows[0]
    if (!first?.customerId) throw new Error('no customer reminder')
    const firstRow = rows.first()
    // The 全部 segment refetches; until it lands the rows are still the 跟进提醒 ones.
    await expect.poll(() => firstRow.textContent()).toContain(first.customerName ?? '')
    await firstRow.getByRole('button', { name: /完\s*成/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('完成提醒').waitFor()
    await dialog.getByLabel('主题').fill('电话回访，约下周面谈')
    // 交往方式 is required when an interaction is logged (some reminder kinds preset one).
    const typeItem = dialog.locator('.ant-form-item', { hasText: '交往方式' })
    if ((await typeItem.textContent())?.includes('请选择')) {
      await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
      await dialog.locator('.ant-form-item-explain-error', { hasText: '请选择交往方式' }).waitFor()
    }
    const type = dialog.getByLabel('交往方式', { exact: true })
    await type.click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '电话' }).first().click()
    await app.screenshot('reminders-complete-dialog')
    await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
    await page.getByText('已完成，并登记了交往记录').waitFor()
    await page.getByText(`今天到期和逾期的提醒共 ${before.total - 1} 条`).waitFor()

    const after = await invoke<ListOutput>(page, 'reminders.list', { view: 'open', dueTo: today, limit: 500 })
    expect(after.rows.map((r) => r.id)).not.toContain(first.id)
    const logged = await invoke<{ rows: { subject: string | null; typeLabel: string }[] }>(page, 'interactions.list', {
      customerId: first.customerId,
    })
    expect(logged.rows[0]).toMatchObject({ subject: '电话回访，约下周面谈', typeLabel: '电话' })

    // 推迟 1 天 from the menu takes another one off today's list.
    await rows
      .first()
      .getByRole('button', { name: /推\s*迟/ })
      .hover()
    await page.getByText('推迟 1 天').click()
    await page.getByText('已推迟 1 天').waitFor()
    await page.getByText(`今天到期和逾期的提醒共 ${before.total - 2} 条`).waitFor()

    // The customer page's 提醒 tab, with the completed one under 全部.
    await page.goto(`${app.url}#/customers/${first.customerId}`)
    await page.getByRole('tab', { name: '提醒' }).click()
    await page.getByText('全部（含已完成、已忽略）').click()
    const doneRow = page.locator('.kq-detail-tabs .ant-table-row', { hasText: '已完成' }).first()
    await doneRow.waitFor()
    await doneRow.scrollIntoViewIfNeeded()
    await app.screenshot('reminders-customer-tab')

    // 提醒设置 in 系统设置: saving 7 lead days sticks.
    await page.goto(`${app.url}#/settings/reminders`)
    await page.getByLabel('提前天数').fill('7')
    await page.getByRole('button', { name: /^保\s*存$/ }).click()
    await page.getByText('已保存提醒设置').waitFor()
    expect(await invoke<{ leadDays: number }>(page, 'reminders.getSettings', {})).toMatchObject({ leadDays: 7 })
    await app.screenshot('reminders-settings')

    // 群发问候 of upcoming birthdays: everyone in 暗送, or the addresses copied / mobiles exported.
    const inTwoDays = await page.evaluate(() => {
      const day = new Date(Date.now() + 2 * 86_400_000)
      return `${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`
    })
    // Nine birthdays on one day: more than the card shows, whatever the demo's dates are.
    const colleagues = Array.from({ length: 8 }, (_, i) => ({ name: `同事${i + 1}`, birthday: { date: inTwoDays } }))
    await invoke(page, 'customers.create', {
      name: '广州人易科技有限公司',
      contacts: [
        ...colleagues,
        // The key contact is the one a mail to the customer goes to.
        { name: '王小明', isKey: true, email: 'wang@renyi.cn', mobile: '13800138000', birthday: { date: inTwoDays } },
      ],
    })
    await invoke(page, 'reminders.scan', {})
    const inAWeek = await page.evaluate(() => {
      const day = new Date(Date.now() + 7 * 86_400_000)
      const pad = (n: number): string => String(n).padStart(2, '0')
      return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
    })
    const upcoming = await invoke<ListOutput>(page, 'reminders.list', {
      view: 'open',
      kinds: ['birthday'],
      dueTo: inAWeek,
      limit: 1,
    })
    expect(upcoming.total).toBeGreaterThanOrEqual(9)
    await page.goto(`${app.url}#/workbench`)
    const birthdayCard = page.locator('.kq-workbench-side .ant-card', { hasText: '近期生日与纪念日' })
    const birthdayRows = birthdayCard.locator('.kq-side-list li:not(.kq-side-list-more)')
    // The card shows eight and says how many more; 查看全部 lists the whole week.
    await birthdayCard.getByText(`另有 ${upcoming.total - 8} 条`).waitFor({ timeout: 20_000 })
    expect(await birthdayRows.count()).toBe(8)
    await birthdayCard.getByRole('button', { name: '查看全部' }).click()
    await birthdayCard.getByText('王小明').waitFor()
    expect(await birthdayRows.count()).toBe(upcoming.total)
    expect(await birthdayCard.getByText(/^另有/).count()).toBe(0)
    const greet = page.locator('.kq-workbench-side').getByRole('button', { name: /群发问候/ })
    await expect.poll(() => greet.isEnabled(), { timeout: 20_000 }).toBe(true)
    await greet.click()
    const greeting = page.getByRole('dialog')
    await greeting.getByText('wang@renyi.cn').waitFor()
    const send = greeting.getByRole('link', { name: /用邮件程序发送（暗送）/ })
    const mailto = new URL((await send.getAttribute('href')) ?? '')
    expect(mailto.protocol).toBe('mailto:')
    expect(mailto.pathname).toBe('')
    expect(mailto.searchParams.get('bcc')?.split(',')).toContain('wang@renyi.cn')
    expect(mailto.searchParams.get('subject')).toBe('生日快乐')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      greeting.getByRole('button', { name: /导出手机号码/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('群发短信手机号码.txt')
    const mobiles = await readFile((await download.path()) ?? '', 'utf8')
    expect(mobiles.split('\r\n')).toContain('13800138000')
    await app.screenshot('reminders-greeting')
    await greeting.getByRole('button', { name: /close|关闭/i }).click()

    // Any selection in the customer sheet: 批量操作 → 群发邮件（暗送）.
    await page.goto(`${app.url}#/customers`)
    await page.getByLabel('快速搜索').fill('广州人易')
    const sheetRow = page.locator('.ag-row', { hasText: '广州人易科技有限公司' }).first()
    await sheetRow.locator('.ag-selection-checkbox input').check()
    await page.getByRole('button', { name: /批量操作/ }).click()
    await page.getByText('群发邮件（暗送）/ 导出手机号').click()
    const picked = page.getByRole('dialog')
    await picked.getByText('群发邮件：选中的 1 个客户').waitFor()
    await picked.getByText('wang@renyi.cn').waitFor()
    await page.locator('.ant-dropdown').waitFor({ state: 'hidden' })
    await page.waitForTimeout(400) // the dialog's opening animation
    await app.screenshot('reminders-greeting-sheet')
  } finally {
    await app.close()
  }
})

import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

test('two browsers on one preview: B’s sheet, customer page and 工作台 follow A’s saves without a reload', async () => {
  const app = await startApp()
  const a = app.page
  const browser = a.context().browser()
  if (!browser) throw new Error('no browser')
  // Another browser profile: nothing shared with A but the server.
  const other = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN' })
  const b = await other.newPage()
  const problems: string[] = []
  b.on('pageerror', (error) => problems.push(error.message))
  // The server's days (this process runs in its time zone): the 工作台 shows what is due by its clock.
  const [lastMonth, yesterday, today] = [30, 1, 0].map((days) =>
    new Date(Date.now() - days * 86_400_000).toLocaleDateString('sv-SE'),
  )
  try {
    const first = await invoke<{ id: number }>(a, 'customers.create', { name: '广州人易科技有限公司' })
    await b.goto(`${app.url}#/customers`)
    await b.getByText('共 1 个客户').waitFor()
    let navigations = 0
    b.on('framenavigated', () => navigations++)

    await invoke(a, 'customers.create', { name: '深圳市华强电子有限公司', phone: '0755-12345678' })
    const started = Date.now()
    await b.getByText('共 2 个客户').waitFor({ timeout: 5_000 })
    await b.locator('.ag-row', { hasText: '深圳市华强电子有限公司' }).first().waitFor({ timeout: 5_000 })
    expect(Date.now() - started).toBeLessThan(5_000)
    // Not a reload: the page never navigated.
    expect(navigations).toBe(0)

    // B opens the first customer; A renames it and adds a 交往记录.
    await b.goto(`${app.url}#/customers/${first.id}`)
    await b.getByRole('heading', { name: '广州人易科技有限公司' }).waitFor()
    await b.getByRole('tab', { name: '交往记录' }).click()
    await invoke(a, 'customers.update', { id: first.id, name: '广州人易信息科技有限公司' })
    await b.getByRole('heading', { name: '广州人易信息科技有限公司' }).waitFor({ timeout: 5_000 })
    const types = await invoke<{ id: number; label: string }[]>(a, 'dictionary.list', { category: 'interactionType' })
    const visit = types.find((t) => t.label === '拜访')?.id
    await invoke(a, 'interactions.create', {
      customerId: first.id,
      occurredAt: `${lastMonth} 10:30`,
      typeId: visit,
      subject: '另一台电脑登记的拜访',
    })
    await b.getByText('另一台电脑登记的拜访').waitFor({ timeout: 5_000 })

    // 工作台: a follow-up A plans for today shows up on B's after A's scan; A completing it takes it away.
    await b.goto(`${app.url}#/workbench`)
    await b.getByText(/今天到期和逾期的提醒共 \d+ 条|今天没有到期的提醒/).waitFor()
    const dueCard = b.locator('.kq-workbench-main')
    expect(await dueCard.getByText('广州人易信息科技有限公司').count()).toBe(0)
    await invoke(a, 'interactions.create', {
      customerId: first.id,
      // Before the planned day: a contact on it would settle the plan at once.
      occurredAt: `${yesterday} 16:00`,
      typeId: visit,
      subject: '电话约见面',
      nextFollowUp: today,
    })
    expect((await invoke<{ created: number }>(a, 'reminders.scan', {})).created).toBeGreaterThan(0)
    await dueCard.getByText('广州人易信息科技有限公司').first().waitFor({ timeout: 5_000 })
    const open = await invoke<{ rows: { id: number; customerId: number | null }[] }>(a, 'reminders.list', {
      view: 'open',
      limit: 50,
    })
    for (const reminder of open.rows.filter((r) => r.customerId === first.id)) {
      await invoke(a, 'reminders.ignore', { id: reminder.id })
    }
    await expect.poll(() => dueCard.getByText('广州人易信息科技有限公司').count(), { timeout: 5_000 }).toBe(0)
    expect(problems).toEqual([])
  } finally {
    await other.close()
    await app.close()
  }
}, 120_000)

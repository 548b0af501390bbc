import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, screenshotDir, startApp } from './harness'

/** Issue #20 points 1–4 in Chromium: no lost typing, 完成 in a few clicks, forms that guide the eye, cycles that save. */

const shots = join(screenshotDir, 'ux-forms')

/** The same screen at the two office sizes (a 1280×720 laptop, a 1400×900 screen). */
async function shootBothSizes(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true })
  const before = page.viewportSize() ?? { width: 1280, height: 720 }
  for (const [width, height] of [
    [1280, 720],
    [1400, 900],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(shots, `${name}-${width}x${height}.png`) })
  }
  await page.setViewportSize(before)
}

async function todayIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date()
    const pad = (n: number): string => String(n).padStart(2, '0')
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  })
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

const isFocused = (page: Page, label: string): Promise<boolean> =>
  page.getByLabel(label, { exact: true }).evaluate((element) => element === document.activeElement)

test(
  'a half-filled card asks before it is left (sidebar, Esc, 取消, a hash change, a reload); its draft comes back',
  { timeout: 180_000 },
  async () => {
    const app = await startApp({ width: 1280, height: 720 })
    const { page } = app
    const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' })
    const keepEditing = async (): Promise<void> => {
      await ask.getByRole('button', { name: '继续编辑' }).click()
      await ask.waitFor({ state: 'hidden' })
    }
    try {
      await page.getByRole('menuitem', { name: '客户列表' }).waitFor()
      // Ctrl+N from anywhere opens a new card with the cursor in 客户名称.
      await page.keyboard.press('Control+n')
      const name = page.getByLabel('客户名称', { exact: true })
      await name.waitFor()
      await expect.poll(() => isFocused(page, '客户名称')).toBe(true)
      await page.keyboard.type('半填公司')
      await page.getByLabel('电话', { exact: true }).fill('020-12345678')

      // The sidebar: asked; 继续编辑 stays on the card with the typing.
      await page.getByRole('menuitem', { name: '客户列表' }).click()
      await ask.waitFor()
      await app.screenshot('ux-forms/leave-question')
      await keepEditing()
      expect(page.url()).toMatch(/#\/customers\/new$/)
      expect(await name.inputValue()).toBe('半填公司')

      // Esc on the card asks too; Esc in the question keeps editing.
      await name.focus()
      await page.keyboard.press('Escape')
      await ask.waitFor()
      await page.keyboard.press('Escape')
      await ask.waitFor({ state: 'hidden' })
      expect(await name.inputValue()).toBe('半填公司')

      // 取消 of the card.
      await page
        .locator('.kq-card-toolbar')
        .getByRole('button', { name: /取\s*消/ })
        .click()
      await ask.waitFor()
      await keepEditing()

      // A route change the card did not make (a link, Back, the tray): the address comes back while asking.
      await page.evaluate(() => {
        window.location.hash = '#/analysis'
      })
      await ask.waitFor()
      expect(page.url()).toMatch(/#\/customers\/new$/)
      await keepEditing()
      expect(await name.inputValue()).toBe('半填公司')

      // Closing or reloading the page: the browser's own question; going anyway keeps a draft.
      await page.waitForTimeout(800)
      const asked: string[] = []
      page.once('dialog', (dialog) => {
        asked.push(dialog.type())
        void dialog.accept()
      })
      await page.reload()
      expect(asked).toEqual(['beforeunload'])
      await page.getByRole('button', { name: '恢复草稿' }).click()
      expect(await name.inputValue()).toBe('半填公司')
      expect(await page.getByLabel('电话', { exact: true }).inputValue()).toBe('020-12345678')

      // 放弃 leaves, and the draft goes with it.
      await page.getByRole('menuitem', { name: '客户列表' }).click()
      await ask.getByRole('button', { name: /放\s*弃/ }).click()
      await expect.poll(() => page.url()).toMatch(/#\/customers$/)
      await page
        .getByRole('button', { name: /新建客户/ })
        .first()
        .waitFor()
      await page.evaluate(() => {
        window.location.hash = '#/customers/new'
      })
      await name.waitFor()
      await page.getByText('客户信息登记卡').waitFor()
      expect(await page.getByRole('button', { name: '恢复草稿' }).count()).toBe(0)
    } finally {
      await app.close()
    }
  },
)

test(
  'a failed save goes to the first field in error; 农历 dates are typed as people write them or picked',
  { timeout: 180_000 },
  async () => {
    const app = await startApp({ width: 1280, height: 720 })
    const { page } = app
    try {
      await page.goto(`${app.url}#/customers/new`)
      const name = page.getByLabel('客户名称', { exact: true })
      await name.waitFor()
      await page.getByRole('button', { name: '添加联系人' }).click()
      await page.getByLabel('联系人1姓名').fill('张三')
      const birthday = page.getByLabel('联系人1生日', { exact: true })
      await birthday.fill('十三月初一')
      // Scrolled down to the contact, 保存 without a name: back up to 客户名称, the first field in error.
      await page.getByRole('button', { name: /保存/ }).click()
      await page.locator('.ant-form-item-explain-error').first().waitFor()
      await expect.poll(() => isFocused(page, '客户名称')).toBe(true)
      const errors = page.locator('.ant-form-item-explain-error')
      expect(await errors.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('农历日期如')]))
      // Each message is one line under its field.
      for (const box of await errors.evaluateAll((all) => all.map((e) => e.getBoundingClientRect().height))) {
        expect(box).toBeLessThan(30)
      }
      await shootBothSizes(page, 'card-with-error')

      await name.fill('农历生日公司')
      // Lunar words make the date lunar by themselves; leaving the field tidies it.
      await birthday.fill('腊月初八')
      await birthday.press('Tab')
      const contact = page.getByLabel('联系人 1')
      await expect
        .poll(() => contact.locator('.ant-form-item', { hasText: '生日' }).first().textContent())
        .toContain('农历')
      expect(await birthday.inputValue()).toBe('腊月初八')
      // 1980-8-15 typed as digits is read in the chosen 农历 and written back in words.
      await birthday.fill('1980-8-15')
      await birthday.press('Tab')
      expect(await birthday.inputValue()).toBe('1980年八月十五')
      // The picker: 闰四月初一 of 2020.
      // The failed save opened the contact's folded part, where its error was.
      expect(await contact.getByRole('button', { name: '收起' }).count()).toBe(1)
      await page.getByRole('button', { name: '添加重要日期' }).click()
      await page.getByPlaceholder('名称，如 配偶生日').fill('结婚纪念日')
      const dateOne = page.getByLabel('重要日期1', { exact: true })
      expect(await dateOne.getAttribute('placeholder')).toBe('如 1985-03-08 或 03-08')
      await page.locator('.kq-contact-more').getByRole('button', { name: '选择农历月日' }).click()
      const picker = page.locator('.ant-popover:visible')
      await picker.getByLabel('农历年份').fill('2020')
      await picker.getByLabel('闰月').check()
      await picker.getByLabel('农历月').fill('四月')
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '四月' }).click()
      await picker.getByLabel('农历日').fill('初一')
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '初一' }).click()
      await shootBothSizes(page, 'card-lunar-picker')
      await picker.getByRole('button', { name: /确\s*定/ }).click()
      expect(await dateOne.inputValue()).toBe('2020年闰四月初一')
      expect(await dateOne.getAttribute('placeholder')).toBe('如 八月十五、腊月初八')

      await page.keyboard.press('Control+s')
      await expect.poll(() => page.url()).toMatch(/#\/customers\/\d+$/)
      const id = Number(/(\d+)$/.exec(page.url())?.[1])
      const saved = await invoke<{
        contacts: {
          birthday: { date: string; calendar: string }
          importantDates: { label: string; date: string; calendar: string }[]
        }[]
      }>(page, 'customers.get', { id })
      expect(saved.contacts[0]?.birthday).toEqual({ date: '1980-08-15', calendar: 'lunar' })
      expect(saved.contacts[0]?.importantDates).toMatchObject([
        { label: '结婚纪念日', date: '2020-闰04-01', calendar: 'lunar' },
      ])
    } finally {
      await app.close()
    }
  },
)

interface ReminderRow {
  id: number
  customerId: number | null
  customerName: string | null
}

test(
  '完成 a reminder in 3 clicks: 交往方式 (last choice), 业务员 (owner) and the next follow-up (联系策略 cycle) are preset and saved',
  { timeout: 180_000 },
  async () => {
    const app = await startApp({ width: 1280, height: 720 })
    const { page } = app
    try {
      await invoke(page, 'demo.load', { customers: 200 })
      await page.goto(`${app.url}#/workbench`)
      await page.reload()
      const rows = page.locator('.kq-workbench-main .ant-table-row')
      await rows.first().waitFor({ timeout: 20_000 })
      const today = await todayIn(page)
      const due = await invoke<{ rows: ReminderRow[] }>(page, 'reminders.list', {
        view: 'open',
        dueTo: today,
        kinds: ['followUp'],
        limit: 200,
      })
      // Follow-ups of customers with a 负责业务员 and a 联系策略 whose name is on one row only.
      const names = due.rows.map((r) => r.customerName)
      const usable: { reminder: ReminderRow; owner: number; cycle: number }[] = []
      const strategies = await invoke<{ id: number; cycleDays: number | null }[]>(page, 'dictionary.list', {
        category: 'contactStrategy',
      })
      for (const reminder of due.rows) {
        if (usable.length === 2) break
        if (!reminder.customerId || names.filter((n) => n === reminder.customerName).length > 1) continue
        const customer = await invoke<{ ownerStaffId: number | null; contactStrategyId: number | null }>(
          page,
          'customers.get',
          { id: reminder.customerId },
        )
        const cycle = strategies.find((s) => s.id === customer.contactStrategyId)?.cycleDays
        if (customer.ownerStaffId && cycle) usable.push({ reminder, owner: customer.ownerStaffId, cycle })
      }
      const [first, second] = usable
      if (!first || !second) throw new Error('the demo data has too few follow-up reminders')

      await page.getByText(/^跟进提醒 \d+$/).click()
      const dialog = page.getByRole('dialog').filter({ hasText: '完成提醒' })
      const openRow = async (name: string | null): Promise<void> => {
        const row = rows.filter({ hasText: name ?? '' }).first()
        await row.waitFor()
        await row.getByRole('button', { name: /^完\s*成$/ }).click()
        await dialog.waitFor()
      }

      // The first time, the user picks 微信: it becomes their next default.
      await openRow(first.reminder.customerName)
      await dialog.getByLabel('交往方式', { exact: true }).click()
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '微信' }).first().click()
      await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
      await page.getByText('已完成，并登记了交往记录').first().waitFor()
      await dialog.waitFor({ state: 'hidden' })

      // Then: 完成 (1), what was said typed into 内容 where the cursor waits, 完成 (2).
      await openRow(second.reminder.customerName)
      await expect.poll(() => isFocused(page, '内容')).toBe(true)
      await page.keyboard.type('电话沟通了新报价，下周寄样品')
      const typeItem = dialog.locator('.ant-form-item', { hasText: '交往方式' })
      expect(await typeItem.textContent()).toContain('微信')
      expect(await dialog.getByLabel('下次跟进日期').inputValue()).toBe(addDays(today, second.cycle))
      await shootBothSizes(page, 'complete-reminder-dialog')
      await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
      await dialog.waitFor({ state: 'hidden' })

      const logged = await invoke<{
        rows: { typeLabel: string; staffId: number | null; nextFollowUp: string | null; content: string | null }[]
      }>(page, 'interactions.list', { customerId: second.reminder.customerId })
      expect(logged.rows[0]).toMatchObject({
        typeLabel: '微信',
        staffId: second.owner,
        nextFollowUp: addDays(today, second.cycle),
        content: '电话沟通了新报价，下周寄样品',
      })
      const done = await invoke<{ rows: { id: number; interactionId: number | null }[] }>(page, 'reminders.list', {
        view: 'done',
        customerId: second.reminder.customerId,
      })
      expect(done.rows.find((r) => r.id === second.reminder.id)?.interactionId).not.toBeNull()

      // 登记交往 on the customer's page starts with the same presets.
      await page.evaluate((id) => {
        window.location.hash = `#/customers/${id}`
      }, second.reminder.customerId)
      await page
        .locator('.kq-card-toolbar')
        .getByRole('button', { name: /登\s*记\s*交\s*往/ })
        .click()
      const logDialog = page.getByRole('dialog').filter({ hasText: '登记交往' })
      await logDialog.waitFor()
      expect(await logDialog.locator('.ant-form-item', { hasText: '交往方式' }).textContent()).toContain('微信')
      expect(await logDialog.getByLabel('下次跟进日期').inputValue()).toBe(addDays(today, second.cycle))
      const ownerLabel = (
        await invoke<{ id: number; label: string }[]>(page, 'dictionary.list', { category: 'staff' })
      ).find((s) => s.id === second.owner)?.label
      expect(await logDialog.locator('.ant-form-item', { hasText: '业务员' }).textContent()).toContain(ownerLabel)
    } finally {
      await app.close()
    }
  },
)

test(
  '系统字典: a 周期（天） saves on Enter and on leaving the field, says 已保存, survives a reload; the card shows the cycle',
  { timeout: 180_000 },
  async () => {
    const app = await startApp({ width: 1280, height: 720 })
    const { page } = app
    try {
      const items = await invoke<{ id: number; label: string; cycleDays: number | null }[]>(page, 'dictionary.list', {
        category: 'contactStrategy',
      })
      const [first, second] = items
      if (!first || !second) throw new Error('the 联系策略 defaults are missing')
      await page.goto(`${app.url}#/settings/dictionary`)
      await page.getByRole('menuitem', { name: '联系策略' }).click()
      const firstDays = page.getByLabel(`${first.label} 周期天数`)
      await firstDays.fill('45')
      await firstDays.press('Enter')
      await page
        .getByRole('row', { name: new RegExp(first.label) })
        .getByText('已保存')
        .waitFor()
      await shootBothSizes(page, 'dictionary-cycle-saved')

      const secondDays = page.getByLabel(`${second.label} 周期天数`)
      await secondDays.fill('21')
      await page.getByText(/联系策略的周期天数决定跟进提醒/).click()
      await page
        .getByRole('row', { name: new RegExp(second.label) })
        .getByText('已保存')
        .waitFor()

      await page.reload()
      await page.getByRole('menuitem', { name: '联系策略' }).click()
      await expect.poll(() => page.getByLabel(`${first.label} 周期天数`).inputValue()).toBe('45')
      expect(await page.getByLabel(`${second.label} 周期天数`).inputValue()).toBe('21')

      // The card's choice says what it decides.
      await page.evaluate(() => {
        window.location.hash = '#/customers/new'
      })
      await page.getByLabel('联系策略', { exact: true }).click()
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `${first.label}（45 天）` })
        .waitFor()
    } finally {
      await app.close()
    }
  },
)

import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

/** Types into an antd Select (searchable) inside the open dialog and takes the first match. */
async function pick(page: Page, label: string, text: string): Promise<void> {
  const select = page.getByRole('dialog').getByLabel(label, { exact: true })
  await select.click()
  await select.fill(text)
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click()
}

/** The value shown next to a label of the read-only card (交易次数, 最近联系, …). */
const cardValue = (page: Page, label: string) =>
  page.locator(`.ant-form-item:has(label[title="${label}"]) .kq-card-value`).first()

test('交往记录 and 交易记录 on the detail page keep 最近联系, 交易次数 and 交易金额 of the card and the sheet up to date', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await invoke(page, 'dictionary.create', { category: 'product', label: '中央空调', groupName: '暖通' })
    const customer = (await invoke(page, 'customers.create', {
      name: '广州人易科技有限公司',
      contacts: [{ name: '王小明', title: '采购经理', mobile: '13800138000' }],
    })) as { id: number }
    // The page's own calendar day (Asia/Shanghai), which the records are dated by.
    const today = await page.evaluate(() => {
      const now = new Date()
      const pad = (n: number): string => String(n).padStart(2, '0')
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
    })

    await page.goto(`${app.url}#/customers/${customer.id}`)
    await page.reload()
    await cardValue(page, '最近联系').waitFor()
    expect(await cardValue(page, '最近联系').textContent()).toBe('—')
    expect(await cardValue(page, '交易次数').textContent()).toBe('0')

    // 登记交往 through the form: 拜访 with a 主题 and the customer's contact.
    await page.getByRole('tab', { name: '交往记录' }).click()
    await page.getByText('尚无交往记录').waitFor()
    // The customer page's header offers it as well as the tab: the header's is the one in reach.
    await page
      .locator('.kq-card-toolbar')
      .getByRole('button', { name: /登\s*记\s*交\s*往/ })
      .click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('登记交往').waitFor()
    // 交往方式 is required.
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
    await dialog.locator('.ant-form-item-explain-error', { hasText: '请选择交往方式' }).waitFor()
    await pick(page, '交往方式', '拜访')
    await pick(page, '联系人', '王小明')
    await dialog.getByLabel('主题').fill('上门介绍新款中央空调')
    await dialog.getByLabel('内容').fill('带样册拜访，客户对节能款有兴趣。')
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
    await page.getByText('已登记交往').waitFor()
    const item = page.getByTestId('interaction-item').first()
    await item.getByText('上门介绍新款中央空调').waitFor()
    await item.locator('.ant-tag', { hasText: '拜访' }).waitFor()
    await item.getByText('联系人：王小明').waitFor()
    await expect.poll(() => cardValue(page, '最近联系').textContent()).toBe(today)

    // An older record with a 下次跟进日期 already past shows the 已到期 tag.
    await invoke(page, 'interactions.create', {
      customerId: customer.id,
      occurredAt: '2026-01-05 10:30',
      typeId: ((await invoke(page, 'dictionary.list', { category: 'interactionType' })) as { id: number }[])[1]?.id,
      subject: '电话确认报价',
      result: '客户要求下周再报一次价',
      nextFollowUp: '2026-01-12',
    })
    await page.reload()
    await page.getByRole('tab', { name: '交往记录' }).click()
    await expect.poll(() => page.getByTestId('interaction-item').count()).toBe(2)
    // Newest first.
    await expect
      .poll(() => page.getByTestId('interaction-item').first().textContent())
      .toContain('上门介绍新款中央空调')
    await page.getByTestId('interaction-item').nth(1).getByText('已到期').waitFor()
    expect(await cardValue(page, '最近联系').textContent()).toBe(today)
    await page.locator('.kq-detail-tabs').scrollIntoViewIfNeeded()
    await app.screenshot('detail-interactions')

    // 登记交易: 金额 follows 数量 × 单价.
    await page.getByRole('tab', { name: '交易记录' }).click()
    await page
      .locator('.kq-detail-tabs')
      .getByRole('button', { name: /登\s*记\s*交\s*易/ })
      .click()
    await dialog.getByText('登记交易').waitFor()
    expect(await dialog.getByLabel('日期').inputValue()).toBe(today)
    await pick(page, '产品', '中央空调')
    await dialog.getByLabel('数量').fill('2')
    await dialog.getByLabel('单价').fill('1500')
    await expect.poll(() => dialog.getByLabel('金额').inputValue()).toBe('3000.00')
    await dialog.getByLabel('备注').fill('含安装')
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
    await page.getByText('已登记交易').waitFor()
    const saleRow = page.locator('.ant-table-row', { hasText: '中央空调' })
    await saleRow.getByText('暖通').waitFor()
    await saleRow.getByText('3,000.00').waitFor()
    await page.locator('.kq-sales-summary', { hasText: '合计' }).getByText('3,000.00').waitFor()
    await expect.poll(() => cardValue(page, '交易次数').textContent()).toBe('1')
    await expect.poll(() => cardValue(page, '交易金额').textContent()).toContain('3,000.00')
    expect(await cardValue(page, '最近交易').textContent()).toBe(today)
    await page.locator('.kq-detail-tabs').scrollIntoViewIfNeeded()
    await app.screenshot('detail-sales')

    // The sheet shows the new 交易金额.
    await page.goto(`${app.url}#/customers`)
    await page.getByText('共 1 个客户').waitFor()
    // The grid renders only the columns in view: scroll right until 交易金额 is drawn.
    const amountCell = page.locator('.ag-row .ag-cell[col-id="transactionAmount"]').first()
    await expect
      .poll(
        async () => {
          if ((await amountCell.count()) > 0) return amountCell.textContent()
          await page.evaluate(() => {
            const scroller = document.querySelector('.ag-body-horizontal-scroll-viewport')
            if (scroller) scroller.scrollLeft += 300
          })
          return null
        },
        { timeout: 10_000 },
      )
      .toBe('3,000.00')
  } finally {
    await app.close()
  }
})

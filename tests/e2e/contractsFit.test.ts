import type { Locator } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp, type RunningApp } from './harness'

/**
 * Issue #20 and #22: the 合同与回款 screens on an office laptop (1280×720) and at 1400×900 with the
 * demo contracts: the 合同 list and the 回款 tab cut no column, the contract page and the 新建合同
 * form fit; the 回款 tab, having no 登记回款 of its own, says where payments are recorded; the money
 * fields of the form show thousands separators. Screenshots of each.
 */

const shot = (app: RunningApp, name: string): Promise<string> => app.screenshot(`contracts-fit/${name}`)

async function box(element: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await element.boundingBox()
  if (!found) throw new Error('element has no box')
  return found
}

/** The table's last header is whole in the window, at once or after its own sideways scroll. */
async function lastColumnReached(table: Locator, width: number): Promise<void> {
  const scroller = table.locator('.ant-table-body, .ant-table-content').first()
  const outer = await box(scroller)
  expect(outer.x + outer.width).toBeLessThanOrEqual(width + 0.5)
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
  const last = table.locator('thead th:not(.ant-table-cell-scrollbar)').last()
  await expect
    .poll(async () => {
      const b = await box(last)
      const container = await box(table.locator('.ant-table-container'))
      return b.x >= container.x - 0.5 && b.x + b.width <= Math.min(width, container.x + container.width) + 0.5
    })
    .toBe(true)
  await scroller.evaluate((el) => el.scrollTo({ left: 0 }))
}

for (const [width, height] of [
  [1280, 720],
  [1400, 900],
] as const) {
  test(`fits ${width}×${height}: 合同 list, 回款 tab, a contract's page and the form`, async () => {
    const app = await startApp({ width, height })
    const { page } = app
    try {
      // Before any payment, the 回款 tab points to where they are recorded.
      await page.goto(`${app.url}#/contracts/payments`)
      await page.getByText('尚无回款记录。回款在合同页面登记：在「合同」中打开一份合同，点击「登记回款」').waitFor()
      expect(await page.getByRole('button', { name: '登记回款' }).count()).toBe(0)
      await shot(app, `payments-empty-${width}`)

      // ~50 contracts with their payments: more than a screenful of rows.
      await invoke(page, 'demo.load', { customers: 400 })
      const contracts = await invoke<{ total: number; rows: { id: number; receivedAmount: number }[] }>(
        page,
        'contracts.list',
        { endRow: 200 },
      )
      expect(contracts.total).toBeGreaterThanOrEqual(30)

      // The 合同 list: a page of rows, every column on screen.
      await page.goto(`${app.url}#/contracts`)
      const list = page.locator('.ant-table-wrapper').first()
      await list.locator('.ant-table-row').nth(20).waitFor({ timeout: 20_000 })
      await lastColumnReached(list, width)
      await shot(app, `contracts-${width}`)

      // The 回款 tab: many payments, the last column reached.
      await page.getByRole('tab', { name: '回款' }).click()
      const payments = page.getByRole('tabpanel', { name: '回款' }).locator('.ant-table-wrapper')
      const paymentCount = (await invoke<{ total: number }>(page, 'payments.list', { endRow: 1 })).total
      expect(paymentCount).toBeGreaterThanOrEqual(20)
      await payments.locator('.ant-table-row').nth(19).waitFor({ timeout: 20_000 })
      await lastColumnReached(payments, width)
      await shot(app, `payments-${width}`)

      // A contract with payments: its page, its 回款记录 whole.
      const paid = contracts.rows.find((c) => c.receivedAmount > 0)
      if (!paid) throw new Error('no demo contract with payments')
      await page.goto(`${app.url}#/contracts/${paid.id}`)
      const records = page.locator('.kq-contract-section', { hasText: '回款记录' }).locator('.ant-table-wrapper')
      await records.locator('.ant-table-row').first().waitFor({ timeout: 20_000 })
      await lastColumnReached(records, width)
      await shot(app, `contract-${width}`)
      await records.scrollIntoViewIfNeeded()
      await shot(app, `contract-payments-${width}`)

      // 编辑: the amounts with separators; the form's fields within the dialog.
      await page
        .getByRole('button', { name: /编\s*辑/ })
        .first()
        .click()
      const form = page.getByRole('dialog')
      const amount = form.getByLabel('合同金额')
      await amount.waitFor()
      expect(await amount.inputValue()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/)
      const dialog = await box(form)
      expect(dialog.x + dialog.width).toBeLessThanOrEqual(width)
      // Every field ends inside the dialog (none pushed past its edge).
      const rightmost = await form.evaluate((el) =>
        Math.max(
          ...[...el.querySelectorAll('.ant-form-item-control-input')].map((f) => f.getBoundingClientRect().right),
        ),
      )
      expect(rightmost).toBeLessThanOrEqual(dialog.x + dialog.width)
      await shot(app, `contract-form-${width}`)
    } finally {
      await app.close()
    }
  }, 180_000)
}

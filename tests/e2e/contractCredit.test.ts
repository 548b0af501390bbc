import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp, type RunningApp } from './harness'

/**
 * 信用额度 on screen (issue #22): the customer sheet's 应收 and 超额度 columns and its 超额度
 * filter, the card's 交易与信用 showing 应收 and 超额度, and the 回款 list on the 合同与回款 screen
 * with its 合计, 超收 tag and 导出Excel (the download read back). Screenshots at 1280×720 and 1400×900.
 */

const sizes = [
  { width: 1280, height: 720 },
  { width: 1400, height: 900 },
] as const

const downloadDir = resolve(__dirname, '../../.tmp/contracts-credit/downloads')

async function shots(app: RunningApp, name: string, before?: () => Promise<void>): Promise<void> {
  for (const size of sizes) {
    await app.page.setViewportSize(size)
    await app.page.waitForTimeout(400)
    await before?.()
    await app.screenshot(`contracts-credit/${name}-${size.width}x${size.height}`)
  }
  await app.page.setViewportSize(sizes[0])
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  mkdirSync(downloadDir, { recursive: true })
  const path = join(downloadDir, `${Date.now()}-${file.suggestedFilename()}`)
  await file.saveAs(path)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  return { name: file.suggestedFilename(), workbook }
}

const sheetRow = (page: Page, name: string) => page.locator('.ag-row', { hasText: name }).first()

test('信用额度: the sheet’s 应收/超额度 columns and filter, the card’s 交易与信用, the 回款 list and its export', async () => {
  const app = await startApp({ width: 1280, height: 720 })
  const { page } = app
  try {
    const staff = await invoke<{ id: number; label: string }>(page, 'dictionary.create', {
      category: 'staff',
      label: '陈收款',
    })
    const make = async (name: string, creditLimit: number | null, amount: number | null, paid: number[]) => {
      const customer = await invoke<{ id: number }>(page, 'customers.create', { name, creditLimit })
      if (amount === null) return { customer, contract: null }
      const contract = await invoke<{ id: number; contractNo: string }>(page, 'contracts.create', {
        customerId: customer.id,
        name: `${name.slice(0, 4)}供货合同`,
        amount,
        status: '执行中',
        signedOn: '2026-03-01',
        confirmOverLimit: true,
      })
      for (const [index, value] of paid.entries()) {
        await invoke(page, 'payments.create', {
          contractId: contract.id,
          paidOn: `2026-04-0${index + 1}`,
          amount: value,
          method: '转账',
          receiverStaffId: staff.id,
          remarks: index === 0 ? '首付款' : null,
        })
      }
      return { customer, contract }
    }
    // Over: 1500 − 200 = 1300 owed against 1000. Within: 300 − 350 → 0 owed, 50 超收. None: no contract.
    const over = await make('广州超额贸易有限公司', 1000, 1500, [200])
    const within = await make('佛山守信电器有限公司', 5000, 300, [350])
    await make('深圳无合同科技有限公司', 2000, null, [])

    // The sheet: show 信用额度, 应收 and 超额度 next to the name (the rest hidden so they are in view).
    await page.goto(`${app.url}#/customers`)
    await page.getByText('共 3 个客户').waitFor()
    await page.getByRole('button', { name: '列设置' }).click()
    const keep = new Set(['客户名称', '客户编号'])
    const checked = await page
      .getByRole('checkbox', { checked: true })
      .evaluateAll((boxes) => boxes.map((b) => b.closest('label')?.textContent?.trim() ?? ''))
    for (const name of checked.filter((n) => n && !keep.has(n))) {
      await page.getByRole('checkbox', { name, exact: true }).uncheck()
    }
    for (const name of ['信用额度', '应收', '超额度']) await page.getByRole('checkbox', { name, exact: true }).check()
    await page.getByRole('button', { name: '列设置' }).click()
    await expect
      .poll(() => sheetRow(page, '广州超额贸易有限公司').locator('[col-id="receivable"]').textContent())
      .toBe('1,300.00')
    expect(await sheetRow(page, '广州超额贸易有限公司').locator('[col-id="creditExcess"]').textContent()).toBe(
      '超 300.00',
    )
    expect(await sheetRow(page, '佛山守信电器有限公司').locator('[col-id="receivable"]').textContent()).toBe('0.00')
    expect(await sheetRow(page, '佛山守信电器有限公司').locator('[col-id="creditExcess"]').textContent()).toBe('否')

    // Sorted by 应收 (descending: two clicks), the owing customer first.
    const header = page.locator('.ag-header-cell[col-id="receivable"]')
    await header.click()
    await header.click()
    await expect
      .poll(() => page.locator('.ag-row[row-index="0"] .ag-cell[col-id="receivable"]').textContent())
      .toBe('1,300.00')

    // The 超额度 filter: 是 keeps only the customer over its limit.
    await page.getByRole('button', { name: /筛选/ }).click()
    await page.getByLabel('筛选 超额度').click()
    await page.getByTitle('是（应收超出信用额度）').click()
    await page.getByText('共 1 个客户').waitFor()
    expect(await page.locator('.ag-row .ag-cell[col-id="receivable"]').count()).toBe(1)
    await sheetRow(page, '广州超额贸易有限公司').waitFor()
    await shots(app, 'sheet-over-limit')

    // The card: 交易与信用 shows 应收 and what passes the limit.
    await page.goto(`${app.url}#/customers/${over.customer.id}`)
    const credit = page.getByRole('region', { name: '交易与信用' })
    await credit.waitFor()
    await expect.poll(() => credit.textContent()).toContain('应收1,300.00 元')
    expect(await credit.textContent()).toContain('超额度超出 300.00 元')
    await shots(app, 'card-credit', () => credit.scrollIntoViewIfNeeded())
    await page.goto(`${app.url}#/customers/${within.customer.id}`)
    const withinCredit = page.getByRole('region', { name: '交易与信用' })
    await expect.poll(() => withinCredit.textContent()).toContain('超额度否')
    expect(await withinCredit.textContent()).toContain('应收0.00 元')

    // The 回款 tab of 合同与回款: every payment, 合计, 超收 tagged, exported as shown.
    await page.goto(`${app.url}#/contracts/payments`)
    const totals = page.getByLabel('回款合计')
    await expect.poll(() => totals.textContent()).toBe('共 2 笔回款合计回款 ¥550.00')
    const overRow = page.locator('.ant-table-row', { hasText: '佛山守信电器有限公司' })
    await overRow.getByText('超收').waitFor()
    expect(await page.locator('.ant-table-row', { hasText: '广州超额贸易有限公司' }).getByText('超收').count()).toBe(0)
    await shots(app, 'payments-list')

    const file = await download(page, () => page.getByRole('button', { name: /导出\s*Excel/ }).click())
    expect(file.name).toMatch(/^回款记录-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const ws = file.workbook.worksheets[0]
    if (!ws) throw new Error('no worksheet')
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '回款日期',
      '合同编号',
      '合同名称',
      '客户',
      '回款金额',
      '收款方式',
      '收款人',
      '期次',
      '超收',
      '备注',
    ])
    expect(ws.getCell('D2').value).toBe('佛山守信电器有限公司')
    expect(ws.getCell('E2').value).toBe(350)
    expect(ws.getCell('I2').value).toBe(50)
    expect(ws.getCell('G3').value).toBe('陈收款')
    expect(ws.getCell('A5').value).toBe('合计')
    expect(ws.getCell('E5').value).toBe(550)

    // Filtered by the quick search: the list and its export narrow alike.
    await page.getByLabel('搜索回款').fill('超额')
    await page.getByLabel('搜索回款').press('Enter')
    await expect.poll(() => totals.textContent()).toBe('共 1 笔回款合计回款 ¥200.00')
    const some = await download(page, () => page.getByRole('button', { name: /导出\s*Excel/ }).click())
    expect(some.workbook.worksheets[0]?.rowCount).toBe(4)

    expect(some.workbook.worksheets[0]?.getCell('E4').value).toBe(200)

    // 合同编号 opens the contract.
    const contract = over.contract
    if (!contract) throw new Error('no contract')
    await page.locator('.ant-table-row', { hasText: '广州超额贸易有限公司' }).getByText(contract.contractNo).click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/contracts/${contract.id}`)

    // On the contract's page its 回款记录: 删除 asks first, then the payment is gone and 应收 is back to 1,500.
    await page.getByRole('button', { name: '删除回款记录' }).click()
    await page.locator('.ant-popconfirm').getByText('删除这笔回款？').waitFor()
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^删\s*除$/ })
      .click()
    await page.getByText('尚无回款记录，可点击页面上方的「登记回款」记下收到的款项').waitFor()
    const after = await invoke<{ receivable: number }>(page, 'receivables.customer', { customerId: over.customer.id })
    expect(after.receivable).toBe(1500)
  } finally {
    await app.close()
  }
}, 180_000)

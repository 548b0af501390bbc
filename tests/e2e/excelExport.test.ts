import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

const downloadDir = resolve(__dirname, '../../.tmp/e2e-downloads')

/** Clicks, waits for the page's download, saves it and opens it with exceljs. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  mkdirSync(downloadDir, { recursive: true })
  const path = join(downloadDir, `${Date.now()}-${file.suggestedFilename()}`)
  await file.saveAs(path)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  return { name: file.suggestedFilename(), workbook }
}

function sheet(workbook: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const ws = workbook.worksheets[index]
  if (!ws) throw new Error(`no worksheet ${index}`)
  return ws
}

/** The value right of the label cell `label`. */
function valueOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.CellValue {
  let value: ExcelJS.CellValue | undefined
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (value === undefined && cell.value === label) value = row.getCell(Number(cell.col) + 1).value
    }),
  )
  return value ?? null
}

const row = (page: Page, name: string) => page.locator('.ag-row', { hasText: name }).first()

test('导出登记卡 from the customer page and the sheet selection, 导出Excel of the sheet view and of 交易记录', async () => {
  const app = await startApp()
  const { page } = app
  try {
    const regions = await invoke<{ id: number; label: string }[]>(page, 'dictionary.list', { category: 'region' })
    const south = regions.find((r) => r.label === '华南')?.id
    const customer = await invoke<{ id: number; code: string }>(page, 'customers.create', {
      name: '广州人易科技有限公司',
      regionId: south,
      provinceCode: '440000',
      cityCode: '440100',
      phone: '020-87654321',
      creditRating: 4,
      mainBusiness: '企业管理软件的研发、销售与实施服务，涵盖客户关系管理、进销存与财务模块。',
      contacts: [
        { name: '王小明', title: '采购经理', mobile: '13800138000', isKey: true, decisionRole: '购买者' },
        { name: '陈静', title: '财务总监', mobile: '13911112222' },
      ],
    })
    await invoke(page, 'customers.create', { name: '广州华南物流有限公司', phone: '020-12345678' })
    await invoke(page, 'customers.create', { name: '深圳市华强电子有限公司', phone: '0755-12345678' })
    await invoke(page, 'sales.create', { customerId: customer.id, date: '2026-03-01', amount: 12800.5 })

    // The customer page: 导出登记卡 downloads the card of this customer.
    await page.goto(`${app.url}#/customers/${customer.id}`)
    await page.reload()
    const cardButton = page.getByRole('button', { name: '导出登记卡' })
    await cardButton.waitFor()
    const card = await download(page, () => cardButton.click())
    expect(card.name).toBe('客户信息登记卡-广州人易科技有限公司.xlsx')
    await page.getByText('已导出登记卡：客户信息登记卡-广州人易科技有限公司.xlsx').waitFor()
    await app.screenshot('excel-export-detail')
    const ws = sheet(card.workbook, 0)
    expect(ws.name).toBe('广州人易科技有限公司')
    expect(ws.getCell('A1').value).toBe('客户信息登记卡')
    expect(ws.getCell('A2').value).toBe(`编号：${customer.code}`)
    expect(valueOf(ws, '客户名称')).toBe('广州人易科技有限公司')
    expect(valueOf(ws, '所属区域')).toBe('华南')
    expect(valueOf(ws, '信用状况')).toBe('★★★★☆')
    expect(valueOf(ws, '交易金额')).toBe(12800.5)
    expect(valueOf(ws, '王小明')).toBe('采购经理')
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 })

    // 交易记录 tab: its 导出Excel holds this customer's sales.
    await page.getByRole('tab', { name: '交易记录' }).click()
    const salesButton = page.getByRole('tabpanel').getByRole('button', { name: /导出\s*Excel/ })
    await salesButton.waitFor()
    const sales = await download(page, () => salesButton.click())
    expect(sales.name).toMatch(/^交易记录-广州人易科技有限公司-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const salesSheet = sheet(sales.workbook, 0)
    expect(salesSheet.getCell('A1').value).toBe('交易日期')
    expect(salesSheet.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 2, 1)))
    expect(salesSheet.getCell('G2').value).toBe(12800.5)
    await app.screenshot('excel-export-sales-tab')

    // The sheet: 导出Excel exports the current view (quick search 广州, sorted by name as shown).
    await page.goto(`${app.url}#/customers`)
    await page.getByText('共 3 个客户').waitFor()
    await page.getByLabel('快速搜索').fill('广州')
    await page.getByText('共 2 个客户').waitFor()
    const headers = await page.locator('.ag-header-row-column .ag-header-cell').evaluateAll((cells) =>
      cells
        .map((c) => ({
          id: c.getAttribute('col-id'),
          text: c.textContent?.trim() ?? '',
          left: c.getBoundingClientRect().left,
        }))
        .filter((c) => c.id && !c.id.startsWith('ag-Grid'))
        .sort((a, b) => a.left - b.left)
        .map((c) => c.text),
    )
    const view = await download(page, () => page.getByRole('button', { name: /导出\s*Excel/ }).click())
    expect(view.name).toMatch(/^客户列表-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const viewSheet = sheet(view.workbook, 0)
    // AG Grid renders only the columns in view: the export starts with them, in the same order.
    expect(headers.length).toBeGreaterThanOrEqual(5)
    expect(headers[0]).toBe('客户名称')
    expect((viewSheet.getRow(1).values as unknown[]).slice(1, headers.length + 1)).toEqual(headers)
    expect(viewSheet.rowCount).toBe(3)
    const nameColumn = headers.indexOf('客户名称') + 1
    expect([viewSheet.getRow(2).getCell(nameColumn).value, viewSheet.getRow(3).getCell(nameColumn).value]).toEqual([
      '广州华南物流有限公司',
      '广州人易科技有限公司',
    ])
    await app.screenshot('excel-export-sheet')

    // A selection: 批量操作 → 导出登记卡, one worksheet per customer.
    await row(page, '广州人易科技有限公司').locator('.ag-selection-checkbox input').check()
    await row(page, '广州华南物流有限公司').locator('.ag-selection-checkbox input').check()
    await page.getByText('已选 2 个').waitFor()
    await page.getByRole('button', { name: /批量操作/ }).click()
    await page.getByRole('menuitem', { name: '导出登记卡' }).waitFor()
    await page.waitForTimeout(300)
    await app.screenshot('excel-export-batch-menu')
    const batch = await download(page, () => page.getByRole('menuitem', { name: '导出登记卡' }).click())
    expect(batch.name).toMatch(/^客户信息登记卡-2个客户-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(batch.workbook.worksheets.map((w) => w.name).sort()).toEqual(
      ['广州人易科技有限公司', '广州华南物流有限公司'].sort(),
    )
    await page.getByText(/已导出2 张登记卡/).waitFor()

    // 数据 → 导出: every 交易记录 in a date range.
    await page.goto(`${app.url}#/data/export`)
    const salesCard = page.locator('.ant-card', { hasText: '所有客户的交易记录' })
    await salesCard.waitFor()
    await app.screenshot('excel-export-data-tab')
    const allSales = await download(page, () => salesCard.getByRole('button', { name: /导\s*出/ }).click())
    expect(allSales.name).toMatch(/^交易记录-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(sheet(allSales.workbook, 0).getCell('B2').value).toBe('广州人易科技有限公司')
    const everyone = page.locator('.ant-card', { hasText: '全部客户' })
    const all = await download(page, () => everyone.getByRole('button', { name: /导\s*出/ }).click())
    expect(sheet(all.workbook, 0).rowCount).toBe(4)
  } finally {
    await app.close()
  }
})

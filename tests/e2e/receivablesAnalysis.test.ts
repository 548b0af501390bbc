import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { formatAmount, formatPercent } from '../../src/renderer/src/analysis/formatNumbers'
import { monthLabel, shiftMonth } from '../../src/renderer/src/analysis/receivableRows'
import type { ReceivablesAgingOutput, ReceivablesMonthlyOutput } from '../../src/shared/salesContract'
import { invoke, startApp, type RunningApp } from './harness'

/**
 * Issue #22: 统计分析 → 应收账款账龄 and 回款统计 over the demo contracts: the 合计 row says what the
 * channel says, the chart is drawn, a customer row opens the customer, the last column fits a
 * 1280×720 screen; the empty states before any contract; screenshots at 1280×720 and 1400×900.
 */

const shot = (app: RunningApp, name: string): Promise<string> => app.screenshot(`receivables-analysis/${name}`)

/** The texts of the 合计 row's cells. */
const totalsRow = (body: Locator): Promise<string[]> =>
  body
    .locator('.kq-analysis-total td')
    .allInnerTexts()
    .then((cells) => cells.map((c) => c.trim()))

/** The 合计 row of 回款统计 as the channel's sums print: 计划, 实收, 差额 (实收 − 计划), 完成率. */
function monthlyTotals(output: ReceivablesMonthlyOutput): string[] {
  const difference = (Math.round(output.received * 100) - Math.round(output.planned * 100)) / 100
  return [
    '合计',
    formatAmount(output.planned),
    formatAmount(output.received),
    formatAmount(difference),
    output.planned > 0 ? formatPercent(output.received / output.planned) : '—',
  ]
}

async function settled(page: Page, body: Locator): Promise<void> {
  await body.locator('.kq-analysis-total').waitFor({ timeout: 20_000 })
  await expect.poll(() => body.locator('.ant-spin-spinning').count()).toBe(0)
  await body.locator('.kq-chart-panel-chart canvas').first().waitFor()
  await page.waitForTimeout(700) // ECharts' entry animation, for the screenshot
}

/** The last header of the panel's table is whole in the window and in the table's own scroller. */
async function lastColumnWhole(body: Locator, width: number, height: number): Promise<void> {
  const last = body.locator('.kq-chart-panel-table thead th').last()
  await last.scrollIntoViewIfNeeded()
  const box = await last.boundingBox()
  const outer = await body.locator('.kq-chart-panel-table .ant-table-container').boundingBox()
  expect(box && outer).toBeTruthy()
  if (!box || !outer) return
  expect(box.x).toBeGreaterThanOrEqual(Math.max(0, outer.x - 0.5))
  expect(box.x + box.width).toBeLessThanOrEqual(Math.min(width, outer.x + outer.width) + 0.5)
  expect(box.y + box.height).toBeLessThanOrEqual(height)
}

for (const [width, height] of [
  [1280, 720],
  [1400, 900],
] as const) {
  test(`应收账款账龄 and 回款统计 at ${width}×${height}: totals as the channel says, the chart, a customer opens, the last column whole`, async () => {
    const app = await startApp({ width, height })
    const { page } = app
    try {
      // Before any contract, both pages say so in place of an empty chart.
      await page.goto(`${app.url}#/analysis/aging`)
      const aging = page.getByTestId('analysis-aging')
      await aging.getByText('还没有合同', { exact: false }).first().waitFor({ timeout: 20_000 })
      await page.locator('.kq-analysis-menu').getByRole('menuitem', { name: '回款统计' }).click()
      const monthly = page.getByTestId('analysis-collections')
      await monthly.getByText('还没有合同', { exact: false }).first().waitFor({ timeout: 20_000 })
      if (width === 1280) await shot(app, `collections-empty-${width}`)

      await invoke(page, 'demo.load', { customers: 200 })
      const contracts = await invoke<{ total: number }>(page, 'contracts.list', { endRow: 1 })
      expect(contracts.total).toBeGreaterThan(0)

      // 应收账款账龄, by customer (the default), as of today.
      await page.goto(`${app.url}#/analysis/collections`)
      await page.goto(`${app.url}#/analysis/aging`)
      await settled(page, aging)
      const asOf = await aging.getByLabel('统计日期').inputValue()
      expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      const byCustomer = await invoke<ReceivablesAgingOutput>(page, 'receivables.aging', {
        by: 'customer',
        asOf,
        limit: 1000,
      })
      expect(byCustomer.totals.total).toBeGreaterThan(0)
      const t = byCustomer.totals
      const amounts = [t.notDue, t.days1to30, t.days31to60, t.days61to90, t.over90, t.total].map(formatAmount)
      expect(await totalsRow(aging)).toEqual(['合计', ...amounts, '100.0%'])
      expect(await aging.locator('.kq-chart-panel-table .ant-table-row').count()).toBe(byCustomer.rows.length)
      // The first row is the largest 应收, with its share printed as the table formats it.
      const first = byCustomer.rows[0]
      if (!first) throw new Error('no aging rows')
      const firstCells = (await aging.locator('.kq-chart-panel-table .ant-table-row').first().allInnerTexts())[0]
      expect(firstCells).toContain(formatAmount(first.total))
      expect(firstCells).toContain(formatPercent(first.total / t.total))
      await lastColumnWhole(aging, width, height)
      await shot(app, `aging-customer-${width}`)

      // 导出 Excel: every group, then the 合计 row, amounts as numbers.
      if (width === 1400) {
        const download = page.waitForEvent('download')
        await aging.getByRole('button', { name: /导出 Excel/ }).click()
        const file = await download
        expect(file.suggestedFilename()).toMatch(/应收账款账龄.*\.xlsx$/)
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(readFileSync((await file.path()) as string) as unknown as ArrayBuffer)
        const sheet = workbook.worksheets[0]
        if (!sheet) throw new Error('no sheet')
        const header = sheet.getRow(1).values as unknown[]
        expect(header.slice(1)).toEqual([
          '客户',
          '未到期',
          '1–30 天',
          '31–60 天',
          '61–90 天',
          '90 天以上',
          '应收合计',
          '占比',
        ])
        const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
        const lastRow = sheet.rowCount
        expect(lastRow).toBe(byCustomer.rows.length + 2)
        expect(values(lastRow)).toEqual([
          '合计',
          t.notDue,
          t.days1to30,
          t.days31to60,
          t.days61to90,
          t.over90,
          t.total,
          1,
        ])
        expect(values(2).slice(0, 1)).toEqual([first.label])
      }

      // By 区域: the same 合计, one row per 区域.
      await aging.getByText('按区域').click()
      await expect.poll(() => aging.locator('thead th').first().innerText(), { timeout: 20_000 }).toBe('区域')
      await settled(page, aging)
      const byRegion = await invoke<ReceivablesAgingOutput>(page, 'receivables.aging', {
        by: 'region',
        asOf,
        limit: 1000,
      })
      expect(byRegion.totals).toEqual(byCustomer.totals)
      expect(await totalsRow(aging)).toEqual(['合计', ...amounts, '100.0%'])
      expect(await aging.locator('.kq-chart-panel-table .ant-table-row').count()).toBe(byRegion.rows.length)
      if (width === 1400) await shot(app, `aging-region-${width}`)

      // An earlier day: less is overdue, and the table follows the channel.
      await aging.getByText('按客户').click()
      await aging.getByLabel('统计日期').click()
      await aging.getByLabel('统计日期').fill('2025-01-01')
      await aging.getByLabel('统计日期').press('Enter')
      const earlier = await invoke<ReceivablesAgingOutput>(page, 'receivables.aging', {
        by: 'customer',
        asOf: '2025-01-01',
        limit: 1000,
      })
      await expect
        .poll(() => totalsRow(aging), { timeout: 20_000 })
        .toEqual(
          earlier.totals.total > 0
            ? [
                '合计',
                ...[
                  earlier.totals.notDue,
                  earlier.totals.days1to30,
                  earlier.totals.days31to60,
                  earlier.totals.days61to90,
                  earlier.totals.over90,
                  earlier.totals.total,
                ].map(formatAmount),
                '100.0%',
              ]
            : [],
        )
      await aging.getByLabel('统计日期').fill(asOf)
      await aging.getByLabel('统计日期').press('Enter')
      await expect.poll(() => totalsRow(aging), { timeout: 20_000 }).toEqual(['合计', ...amounts, '100.0%'])

      // A customer row opens the customer.
      const link = aging.locator('.kq-chart-panel-table .ant-table-row a').first()
      await link.click()
      await expect.poll(() => page.url()).toContain(`#/customers/${first.key}`)
      await page.locator('.kq-card-toolbar').waitFor({ timeout: 20_000 })

      // 回款统计: the last twelve months by default.
      await page.goto(`${app.url}#/analysis/collections`)
      await settled(page, monthly)
      const months = await page.evaluate(() => {
        const now = new Date()
        const at = (offset: number) => {
          const d = new Date(now.getFullYear(), now.getMonth() + offset, 1)
          return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
        }
        return { from: at(-11), to: at(0) }
      })
      const collected = await invoke<ReceivablesMonthlyOutput>(page, 'receivables.monthly', months)
      expect(collected.rows).toHaveLength(12)
      expect(collected.planned + collected.received).toBeGreaterThan(0)
      expect(await totalsRow(monthly)).toEqual(monthlyTotals(collected))
      expect(await monthly.locator('.kq-chart-panel-table .ant-table-row').count()).toBe(12)
      // Each month's row prints the channel's numbers.
      const rowTexts = await monthly.locator('.kq-chart-panel-table .ant-table-row').allInnerTexts()
      collected.rows.forEach((r, i) => {
        expect(rowTexts[i]).toContain(formatAmount(r.planned))
        expect(rowTexts[i]).toContain(formatAmount(r.received))
      })
      await lastColumnWhole(monthly, width, height)
      await shot(app, `collections-${width}`)

      // Another range: three earlier months, as the channel answers them.
      const pick = async (from: string, to: string): Promise<void> => {
        const inputs = monthly.locator('.ant-picker-range input')
        await inputs.first().click()
        await inputs.first().fill(from)
        await inputs.first().press('Enter')
        await inputs.last().fill(to)
        await inputs.last().press('Enter')
        await monthly.getByText(`回款计划与实收（${monthLabel(from)}—${monthLabel(to)}）`).waitFor({ timeout: 20_000 })
      }
      const spring = { from: shiftMonth(months.to, -4), to: shiftMonth(months.to, -2) }
      await pick(spring.from, spring.to)
      const springOut = await invoke<ReceivablesMonthlyOutput>(page, 'receivables.monthly', spring)
      expect(springOut.planned + springOut.received).toBeGreaterThan(0)
      await expect.poll(() => monthly.locator('.kq-chart-panel-table .ant-table-row').count()).toBe(3)
      await expect.poll(() => totalsRow(monthly)).toEqual(monthlyTotals(springOut))
      // Months without any contract activity say so.
      await pick('2001-01', '2001-03')
      await monthly.getByText('所选月份没有回款计划，也没有回款记录').first().waitFor()
    } finally {
      await app.close()
    }
  }, 240_000)
}

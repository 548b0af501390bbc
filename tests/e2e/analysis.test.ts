import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { invoke, startApp } from './harness'

const pages = [
  ['sources', '客户来源分布'],
  ['ratios', '比率分析'],
  ['sales', '销售业绩'],
  ['extremes', '极端情况'],
  ['retention', '保持与流失'],
  ['rfm', 'RFM 分析'],
  ['pareto', '二八分析'],
  ['grades', '分级分布'],
  ['feedback', '意见分析'],
  ['contacts', '客户接触评价'],
] as const

test('every 统计分析 page draws its chart and its numbers from demo data', async () => {
  const app = await startApp({ width: 1440, height: 900 })
  const { page } = app
  try {
    await invoke(page, 'demo.load', { customers: 1500 })
    // 客户意见 this year, so 意见分析 has something to draw.
    const year = new Date().getFullYear()
    const customers = await invoke<{ rows: { id: number }[] }>(page, 'customers.list', { startRow: 0, endRow: 12 })
    const types = ['投诉', '建议', '咨询', '表扬'] as const
    for (const [i, c] of customers.rows.entries()) {
      await invoke(page, 'feedback.create', {
        customerId: c.id,
        type: types[i % 4],
        receivedAt: `${year}-0${1 + (i % 9)}-10`,
        status: i % 3 === 0 ? '待处理' : '已解决',
        resolvedAt: i % 3 === 0 ? null : `${year}-0${1 + (i % 9)}-${12 + (i % 5)}`,
        satisfaction: 1 + (i % 5),
      })
    }

    await page.goto(`${app.url}#/analysis/sources`)
    await page.getByRole('menuitem', { name: '统计分析' }).waitFor()
    for (const [key, label] of pages) {
      await page.locator('.kq-analysis-menu').getByRole('menuitem', { name: label }).click()
      const body = page.getByTestId(`analysis-${key}`)
      await body.locator('canvas').first().waitFor({ timeout: 20_000 })
      // Its numbers: an antd table with rows, or the 销售业绩 sheet.
      await body.locator('.ant-table-row, .ag-row').first().waitFor({ timeout: 20_000 })
      await expect.poll(() => body.locator('.ant-spin-spinning').count()).toBe(0)
      await page.waitForTimeout(700) // ECharts' entry animation
      await app.screenshot(`analysis-${key}`)
    }

    // 饼图 ↔ 柱状图 on 比率分析: the same canvas redraws as bars (axes appear in the chart's option).
    await page.locator('.kq-analysis-menu').getByRole('menuitem', { name: '比率分析' }).click()
    const first = page.getByTestId('analysis-ratios').locator('.kq-chart-panel').first()
    await first.locator('canvas').waitFor()
    await first.getByText('柱状图').click()
    await page.waitForTimeout(700)
    await app.screenshot('analysis-ratios-bar')

    // Export the numbers to Excel and read the file back.
    const download = page.waitForEvent('download')
    await first.getByRole('button', { name: /导出 Excel/ }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/区域销售额比率\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync((await file.path()) as string) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      '大区',
      '销售额',
      '占比',
      expect.stringContaining('上期'),
      '增减',
    ])
    expect(sheet?.rowCount).toBeGreaterThan(2)

    // The chart as a PNG.
    const picture = page.waitForEvent('download')
    await first.getByRole('button', { name: /导出图片/ }).click()
    const png = readFileSync((await (await picture).path()) as string)
    expect(png.subarray(1, 4).toString()).toBe('PNG')

    // A custom range: the panels retitle to the range and compare with the same number of days before it.
    const ratios = page.getByTestId('analysis-ratios')
    await ratios.getByLabel('期间类型').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '自定义' }).click()
    await ratios.getByText(`${year}-01-01 至 ${year}-12-31区域销售额比率`).waitFor()
    await ratios.getByRole('columnheader', { name: `上期（${year - 1}-01-01 至 ${year - 1}-12-31）` }).waitFor()
    await app.screenshot('analysis-ratios-custom')

    // 应对措施 on 极端情况: typed in place, kept after a reload.
    await page.locator('.kq-analysis-menu').getByRole('menuitem', { name: '极端情况' }).click()
    const extremes = page.getByTestId('analysis-extremes')
    const row = extremes.locator('.kq-extremes-lists .ant-table-row').first()
    await row.waitFor()
    await row.getByRole('button', { name: '编辑应对措施' }).click()
    await row.locator('textarea').fill('安排经理上门回访，了解需求变化')
    await row.locator('textarea').press('Enter')
    await page.getByText('已保存应对措施').waitFor()
    await page.reload()
    await extremes
      .locator('.kq-extremes-lists .ant-table-row')
      .first()
      .getByText('安排经理上门回访，了解需求变化')
      .waitFor()
    await app.screenshot('analysis-extremes-note')
  } finally {
    await app.close()
  }
}, 180_000)

test('比率分析 fills its five panels from one request and asks again once for another 区域', async () => {
  const app = await startApp({ width: 1440, height: 900 })
  const { page } = app
  try {
    await invoke(page, 'demo.load', { customers: 300 })
    const asked: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/analysis.ratio')) asked.push(request.postData() ?? '')
    })
    await page.goto(`${app.url}#/analysis/ratios`)
    const ratios = page.getByTestId('analysis-ratios')
    const panels = ratios.locator('.kq-chart-panel')
    await expect.poll(() => ratios.locator('.kq-chart-panel canvas').count(), { timeout: 20_000 }).toBe(5)
    await expect.poll(() => ratios.locator('.ant-spin-spinning').count()).toBe(0)
    expect(asked).toHaveLength(1)
    // Each panel got its own dimension's rows: the group column is named after it.
    const groupHeaders = ['大区', '大区', '客户规模', '客户性质', '所属行业']
    for (const [i, header] of groupHeaders.entries()) {
      await panels.nth(i).getByRole('columnheader', { name: header, exact: true }).waitFor()
    }
    await expect.poll(() => panels.nth(2).locator('.ant-table-row').count()).toBeGreaterThan(1)

    await ratios.getByText('省份', { exact: true }).click()
    await panels.first().getByRole('columnheader', { name: '省份', exact: true }).waitFor()
    await expect.poll(() => ratios.locator('.ant-spin-spinning').count()).toBe(0)
    expect(asked).toHaveLength(2)
    expect(JSON.parse(asked[1] ?? '{}')).toMatchObject({ dimensions: ['province', 'salesScale', 'nature', 'industry'] })
    await app.screenshot('analysis-ratios-province')
  } finally {
    await app.close()
  }
}, 120_000)

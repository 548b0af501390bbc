import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { tempDir } from '../helpers/tempDir'
import { invoke, startApp } from './harness'

/** An office's sheet: a title row, full-width text, a number-typed mobile, a serial date, a duplicate, a bad row. */
async function officeFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('客户')
  sheet.getCell('A1').value = '华南区客户名单（2024）'
  sheet.mergeCells('A1:F1')
  sheet.addRow(['公司名称', '联系人', '手机号', '客户来源', '登记日期', '所属行业'])
  sheet.addRow(['佛山顺德美家电器有限公司', '陈经理', 13800138000, '展览会', 45296, '制造业'])
  sheet.addRow(['ＳＺ深圳星河科技有限公司 ', ' 林工 ', '139 0013 9000', '网站 广告', '2024年1月5日', '新能源'])
  sheet.addRow([])
  sheet.addRow(['广州人易科技有限公司', '王五', '13700137000', null, '2024/1/5', null])
  sheet.addRow(['坏数据贸易行', '赵六', '12345', null, '2024-2-30', null])
  const file = join(tempDir('e2e-import-file'), '华南客户.xlsx')
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
  return file
}

test('imports an office spreadsheet through the wizard, shows the customers in the sheet, and merges duplicates', async () => {
  const app = await startApp({ height: 900 })
  const { page } = app
  try {
    await invoke(page, 'customers.create', { name: '广州人易科技有限公司', phone: '020-88886666' })
    await invoke(page, 'customers.create', { name: '广州人易科技', email: 'info@renyi.com' })
    const file = await officeFile()

    await page.goto(`${app.url}#/data/import`)
    await page.getByText('点击或把文件拖到这里').waitFor()
    await app.screenshot('import-1-file')
    await page.locator('input[type=file]').setInputFiles(file)
    await page.getByText('表头在第 2 行，共 4 行数据').waitFor()
    expect(await page.getByLabel('第 A 列对应字段').locator('..').textContent()).toContain('客户名称')
    await app.screenshot('import-2-mapping')

    await page.getByRole('button', { name: '下一步：预览' }).click()
    await page.getByText('字典中没有的选项').waitFor()
    // The bad row's mobile and date are optional values: it is refused only when rows with bad values are skipped.
    await page.getByText('导入，但不导入 手机号「12345」').waitFor()
    await page.getByRole('radio', { name: '跳过整行' }).check()
    await page.getByText('有问题 1').first().waitFor()
    // Rows with problems are shown first; then every row.
    await page.getByText('登记日期：登记日期「2024-2-30」不是存在的日期').waitFor()
    await page.locator('.ant-segmented-item', { hasText: '全部' }).click()
    await page.getByText('名称相同：已有客户「广州人易科技有限公司」').waitFor()
    await app.screenshot('import-3-preview')

    await page.getByRole('button', { name: /下一步：导入 2 行/ }).click()
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByText('导入完成').waitFor()
    await page.getByText(/新建 2 个，联系人 2 位，跳过 1 行，有问题未导入 1 行，新建字典项 1 个/).waitFor()
    await app.screenshot('import-4-done')
    // The built app read the rows on its worker thread (out/main/customerRowWorker.js), not on the fallback.
    expect(app.serverOutput()).not.toContain('改在主线程读取')

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '下载错误报告' }).click()
    expect((await download).suggestedFilename()).toBe('华南客户-错误报告.xlsx')

    await page.getByRole('link', { name: '查看客户' }).click()
    await page.locator('.ag-row', { hasText: '佛山顺德美家电器有限公司' }).waitFor()
    await page.locator('.ag-row', { hasText: 'SZ深圳星河科技有限公司' }).waitFor()
    expect(await page.locator('.ag-row', { hasText: '坏数据贸易行' }).count()).toBe(0)
    await app.screenshot('import-5-sheet')

    await page.goto(`${app.url}#/data/merge`)
    await page.getByText('共 1 组疑似重复').waitFor()
    await page.getByText('保留此客户').first().waitFor()
    await app.screenshot('merge-1-compare')
    await page
      .getByRole('button', { name: /合\s*并/ })
      .last()
      .click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /合\s*并/ })
      .click()
    await page.getByText('没有发现重复的客户').waitFor()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await app.screenshot('merge-2-done')
    // The survivor took the other's e-mail; the other is in the 回收站.
    const survivor = (await invoke(page, 'customers.get', { id: 1 })) as { email: string | null }
    expect(survivor.email).toBe('info@renyi.com')
    const merged = (await invoke(page, 'customers.get', { id: 2, includeDeleted: true })) as {
      deletedAt: string | null
    }
    expect(merged.deletedAt).not.toBeNull()
  } finally {
    await app.close()
  }
}, 120_000)

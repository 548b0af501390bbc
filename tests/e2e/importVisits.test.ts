import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { tempDir } from '../helpers/tempDir'
import { invoke, screenshotDir, startApp } from './harness'

/** A visit log as offices keep it: a title row, one visit a line, a customer the database lacks, a repeat, a total. */
async function visitLog(): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('拜访记录')
  sheet.getCell('A1').value = '2026 年 1 月客户拜访记录'
  sheet.mergeCells('A1:F1')
  sheet.addRow(['拜访日期', '客户名称', '交往方式', '主题', '内容', '业务员', '下次联系日期'])
  sheet.addRow([
    new Date(Date.UTC(2026, 0, 5, 14, 30)),
    '广州人易科技有限公司',
    '拜访',
    '年度采购',
    '介绍新款打印机',
    '张经理',
    '2026-02-01',
  ])
  sheet.addRow(['2026/1/8', '佛山美家电器有限公司', '电话', '回访', '客户满意', '张经理', null])
  sheet.addRow(['2026-01-09', '不存在的公司', '拜访', null, null, null, null])
  // The first visit again (a log pasted twice), and the totals line under the table.
  sheet.addRow([new Date(Date.UTC(2026, 0, 5, 14, 30)), '广州人易科技有限公司', '拜访', '年度采购', '介绍新款打印机'])
  sheet.addRow(['合计：4 次'])
  const file = join(tempDir('e2e-import-visits'), '拜访记录.xlsx')
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
  return file
}

test('imports a visit log as 交往记录 through the wizard', async () => {
  const app = await startApp({ height: 900 })
  const { page } = app
  mkdirSync(join(screenshotDir, 'import-visits'), { recursive: true })
  try {
    const renyi = await invoke<{ id: number }>(page, 'customers.create', { name: '广州人易科技有限公司' })
    await invoke(page, 'customers.create', { name: '佛山美家电器有限公司' })
    const file = await visitLog()

    await page.goto(`${app.url}#/data/import`)
    await page.getByText('点击或把文件拖到这里').waitFor()
    await page.locator('.ant-radio-button-wrapper', { hasText: '交往记录' }).click()
    await page.getByText(/每行一条交往记录/).waitFor()
    await app.screenshot('import-visits/visits-1-kind')
    await page.locator('input[type=file]').setInputFiles(file)
    await page.getByText('表头在第 2 行，共 5 行数据').waitFor()
    expect(await page.getByLabel('第 A 列对应字段').locator('..').textContent()).toContain('交往日期')
    await app.screenshot('import-visits/visits-2-mapping')

    await page.getByRole('button', { name: '下一步：预览' }).click()
    await page.getByText('字典中没有的选项').waitFor()
    await page.getByText('有问题 1').first().waitFor()
    await page.getByText(/找不到客户「不存在的公司」/).waitFor()
    await page.locator('.ant-segmented-item', { hasText: '全部' }).click()
    await page.getByText('佛山美家电器有限公司').first().waitFor()
    await page.getByText('跳过（合计/说明行）').waitFor()
    await page.getByText('与前面的行相同（时间、交往方式、主题、内容）：第 3 行').waitFor()
    // A repeated record has nothing to update: 跳过 or 仍然导入 only.
    await page.getByLabel('第 6 行重复处理').click()
    // The list opens a moment after the click (CI once read it still empty).
    const choices = page.locator('.ant-select-dropdown:visible .ant-select-item-option')
    await expect.poll(() => choices.allTextContents()).toEqual(['跳过', '仍然导入'])
    await page.keyboard.press('Escape')
    await app.screenshot('import-visits/visits-3-preview')

    await page.getByRole('button', { name: /下一步：导入 2 行/ }).click()
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByText('导入完成').waitFor()
    await page.getByText(/交往记录 2 条，跳过 2 行，有问题未导入 1 行，新建字典项 1 个/).waitFor()
    await app.screenshot('import-visits/visits-4-done')
    await page.getByRole('link', { name: '查看交往记录' }).click()
    await page.getByText('介绍新款打印机').first().waitFor()
    await app.screenshot('import-visits/visits-5-list')

    const listed = await invoke<{ rows: { occurredAt: string; typeLabel: string; staffLabel: string | null }[] }>(
      page,
      'interactions.list',
      { customerId: renyi.id },
    )
    expect(listed.rows).toMatchObject([{ occurredAt: '2026-01-05 14:30', typeLabel: '拜访', staffLabel: '张经理' }])
    const card = await invoke<{ lastContactAt: string | null }>(page, 'customers.get', { id: renyi.id })
    expect(card.lastContactAt).toBe('2026-01-05')
  } finally {
    await app.close()
  }
}, 120_000)

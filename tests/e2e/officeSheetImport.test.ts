import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS, { type CellValue } from 'exceljs'
import { expect, test } from 'vitest'
import { tempDir } from '../helpers/tempDir'
import { invoke, screenshotDir, startApp } from './harness'

/** A sheet as an office keeps it: a title, 区域 and a customer's name merged down, totals and a note under it. */
async function groupedFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('客户')
  sheet.getCell('A1').value = '2026年重点客户名单'
  sheet.mergeCells('A1:E1')
  sheet.getRow(2).values = ['客户名称', '区域', '联系人', '手机', '职务']
  const rows: CellValue[][] = [
    ['佛山顺德美家电器有限公司', '华南', '陈经理', "'13800138000", '采购经理'], // 3
    ['深圳星河科技有限公司', null, '林工', '手机：13900139000/13700137000', '技术总监'], // 4
    ['东莞丰达五金制品厂', null, '何总', '+86 136 0013 6000', '总经理'], // 5
    [null, null, '何太', '13500135000', '财务'], // 6
    [null, '华南小计', null, null, null], // 7
    ['合计', null, null, null, null], // 8
    ['共 3 家', null, null, null, null], // 9
    ['制表人：王五    审核：赵六', null, null, null, null], // 10
  ]
  rows.forEach((values, index) => (sheet.getRow(index + 3).values = values))
  sheet.mergeCells('B3:B6')
  sheet.mergeCells('A5:A6')
  const file = join(tempDir('e2e-import-office'), '重点客户.xlsx')
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
  return file
}

test('previews an office sheet with merged cells and totals: skipped lines shown, one let in, the rest imported', async () => {
  const app = await startApp({ height: 1000 })
  const { page } = app
  mkdirSync(join(screenshotDir, 'import-rows'), { recursive: true })
  try {
    await page.goto(`${app.url}#/data/import`)
    await page.getByText('点击或把文件拖到这里').waitFor()
    await page.locator('input[type=file]').setInputFiles(await groupedFile())
    await page.getByText('表头在第 2 行').waitFor()
    await page.getByRole('button', { name: '下一步：预览' }).click()
    await page.locator('.ant-segmented-item', { hasText: '全部' }).click()
    await page.getByText('跳过（合计/说明行）').first().waitFor()
    await page.getByText('区域「华南」取自合并单元格（第 3 行起）').first().waitFor()
    await page.getByText('第 6 行是本客户的其他联系人').waitFor()
    await page.getByText('13700137000 导入为办公电话').waitFor()
    expect(await page.getByText('跳过（合计/说明行）').count()).toBe(4)
    await app.screenshot('import-rows/preview-skipped-merged')

    // The 华南小计 line is let in: it has no 客户名称, so it shows as a row with a problem.
    await page.getByRole('button', { name: '导入第 7 行' }).click()
    await page.getByRole('button', { name: '第 7 行仍按合计/说明行跳过' }).waitFor()
    expect(await page.getByText('跳过（合计/说明行）').count()).toBe(3)
    await page.getByText('有问题 1').first().waitFor()
    await app.screenshot('import-rows/preview-row-let-in')
    await page.getByRole('button', { name: '第 7 行仍按合计/说明行跳过' }).click()
    await page.getByText('有问题 0').first().waitFor()

    await page.getByRole('button', { name: /下一步：导入 3 行/ }).click()
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByText('导入完成').waitFor()
    await page.getByText(/新建 3 个，联系人 4 位，跳过 4 行/).waitFor()

    const list = await invoke<{ rows: { id: number; name: string }[] }>(page, 'customers.list', { quick: '' })
    expect(list.rows.map((r) => r.name).sort()).toEqual(
      ['东莞丰达五金制品厂', '佛山顺德美家电器有限公司', '深圳星河科技有限公司'].sort(),
    )
    const dongguan = list.rows.find((r) => r.name === '东莞丰达五金制品厂') as { id: number }
    const customer = await invoke<{ contacts: { name: string; mobile: string | null }[] }>(page, 'customers.get', {
      id: dongguan.id,
    })
    expect(customer.contacts.map((c) => [c.name, c.mobile])).toEqual([
      ['何总', '13600136000'],
      ['何太', '13500135000'],
    ])
  } finally {
    await app.close()
  }
}, 120_000)

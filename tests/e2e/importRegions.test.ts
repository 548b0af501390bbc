import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { tempDir } from '../helpers/tempDir'
import { invoke, startApp } from './harness'

/** 省/市/区 as names (one misspelt, one ambiguous), a lunar birthday and a 纪念日. */
async function regionFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('客户')
  sheet.addRow(['客户名称', '省份', '城市', '区县', '联系人', '联系人生日', '纪念日名称', '纪念日'])
  sheet.addRow(['广州天河星辰贸易有限公司', '广东', '广州', '天河', '陈经理', '农历1988-08-15', '结婚纪念日', '05-20'])
  sheet.addRow(['北京朝阳文具店', '北京', null, '朝阳区', '刘老板', '农历八月十五', null, null])
  sheet.addRow(['广栋某某公司', '广栋', '广州', null, null, null, null, null])
  sheet.addRow(['同名区公司', null, null, '朝阳区', null, null, null, null])
  const file = join(tempDir('e2e-import-regions'), '省市区客户.xlsx')
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
  return file
}

test('imports 省/市/区 names and a lunar birthday; a misspelt 省份 is shown as the row’s problem', async () => {
  const app = await startApp({ height: 900 })
  const { page } = app
  try {
    const file = await regionFile()
    await page.goto(`${app.url}#/data/import`)
    await page.getByText('点击或把文件拖到这里').waitFor()
    await page.locator('input[type=file]').setInputFiles(file)
    await page.getByText('表头在第 1 行，共 4 行数据').waitFor()
    expect(await page.getByLabel('第 B 列对应字段').locator('..').textContent()).toContain('省份')
    expect(await page.getByLabel('第 F 列对应字段').locator('..').textContent()).toContain('联系人生日')
    await app.screenshot('import-regions-1-mapping')

    await page.getByRole('button', { name: '下一步：预览' }).click()
    // A place that cannot be read is an optional value: the row is refused only when such rows are skipped.
    await page.getByText('导入，但不导入 省份「广栋」：找不到省份“广栋”').waitFor()
    await page.getByRole('radio', { name: '跳过整行' }).check()
    await page.getByText('省份：找不到省份“广栋”').waitFor()
    await page.getByText('区县：“朝阳区”在北京市和吉林省长春市都有，请同时填写城市').waitFor()
    await app.screenshot('import-regions-2-preview')

    await page.getByRole('button', { name: /下一步：导入 2 行/ }).click()
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByText('导入完成').waitFor()

    const list = (await invoke(page, 'customers.list', { quick: '北京朝阳' })) as { rows: { id: number }[] }
    const id = list.rows[0]?.id
    await page.goto(`${app.url}#/customers/${String(id)}`)
    await page.getByText('北京朝阳文具店').first().waitFor()
    await page.getByText('朝阳区').first().waitFor()
    await page.getByText('华北').first().waitFor()
    await app.screenshot('import-regions-3-card')
    await page.getByRole('tabpanel').getByText('刘老板').waitFor()

    const guangzhou = (await invoke(page, 'customers.list', { quick: '星辰' })) as { rows: { id: number }[] }
    await page.goto(`${app.url}#/customers/${String(guangzhou.rows[0]?.id)}`)
    const contacts = page.getByRole('tabpanel')
    await contacts.getByText('陈经理').waitFor()
    await contacts.scrollIntoViewIfNeeded()
    await contacts.getByText('1988-08-15（农历）').waitFor()
    await contacts.locator('.ant-table-row-expand-icon').first().click()
    await contacts.getByText('结婚纪念日：').waitFor()
    await contacts.getByText('05-20（公历）').waitFor()
    await app.screenshot('import-regions-4-contact')
  } finally {
    await app.close()
  }
}, 120_000)

/** Whole addresses in one 地址 column pointed at 所在地区, a bare 生日, a street without its place. */
async function addressFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('客户')
  sheet.addRow(['客户名称', '所在地区', '联系人', '生日'])
  sheet.addRow(['北京建国文具店', '北京市朝阳区建国路88号', '周经理', '1980-05-04'])
  sheet.addRow(['天河中石化代理', '广东省广州市天河区体育西路191号中石化大厦', null, null])
  sheet.addRow(['恩施茶叶公司', '湖北恩施州恩施市舞阳大街1号', null, null])
  sheet.addRow(['无地区公司', '建国路88号', null, null])
  sheet.addRow(['同名区公司', '朝阳区建国路88号', null, null])
  const file = join(tempDir('e2e-import-addresses'), '地址客户.xlsx')
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
  return file
}

test('reads 省/市/区 from whole addresses and keeps them as the 通讯地址; a street alone is a problem', async () => {
  const app = await startApp({ height: 900 })
  const { page } = app
  try {
    await page.goto(`${app.url}#/data/import`)
    await page.getByText('点击或把文件拖到这里').waitFor()
    await page.locator('input[type=file]').setInputFiles(await addressFile())
    await page.getByText('表头在第 1 行，共 5 行数据').waitFor()
    expect(await page.getByLabel('第 B 列对应字段').locator('..').textContent()).toContain('所在地区')
    expect(await page.getByLabel('第 D 列对应字段').locator('..').textContent()).toContain('联系人生日')
    await app.screenshot('import-addresses-1-mapping')

    await page.getByRole('button', { name: '下一步：预览' }).click()
    await page.getByRole('radio', { name: '跳过整行' }).check()
    await page.getByText('所在地区：“建国路88号”的开头应是省、市或区县名称').waitFor()
    await page.getByText('所在地区：“朝阳区”在北京市和吉林省长春市都有，请同时填写城市').waitFor()
    await page.getByText('全部（5）').click()
    await page.getByText('恩施茶叶公司').waitFor()
    await page.locator('.ant-segmented-item-selected', { hasText: '全部' }).waitFor()
    await app.screenshot('import-addresses-2-preview')

    await page.getByRole('button', { name: /下一步：导入 3 行/ }).click()
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByText('导入完成').waitFor()

    const list = (await invoke(page, 'customers.list', { quick: '天河中石化' })) as { rows: { id: number }[] }
    await page.goto(`${app.url}#/customers/${String(list.rows[0]?.id)}`)
    await page.getByText('天河中石化代理').first().waitFor()
    await page.getByText('天河区').first().waitFor()
    await app.screenshot('import-addresses-3-card')
    const address = page.getByText('广东省广州市天河区体育西路191号中石化大厦')
    await address.first().scrollIntoViewIfNeeded()
    await app.screenshot('import-addresses-4-card-address')
  } finally {
    await app.close()
  }
}, 120_000)

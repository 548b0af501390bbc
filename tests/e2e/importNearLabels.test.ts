import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { expect, test } from 'vitest'
import { tempDir } from '../helpers/tempDir'
import { invoke, startApp } from './harness'

/** An office's labels (华南区, 展会, 电话联系) and one bad e-mail. */
async function labelFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('客户')
  sheet.addRow(['客户名称', '区域', '客户来源', '邮箱', '联系人', '手机'])
  sheet.addRow(['广州华南五金有限公司', '华南区', '展会', 'sales@hn-wujin.cn', '陈经理', '13800138000'])
  sheet.addRow(['刘洋商贸有限公司', '华南区', '电话联系', 'liuyang@', '刘洋', '13900139000'])
  sheet.addRow(['上海浦东仪器有限公司', '华东', '新渠道', null, '李工', '13700137000'])
  const file = join(tempDir('e2e-import-labels'), '区域客户.xlsx')
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))
  return file
}

interface Item {
  id: number
  label: string
}

test('proposes 对应到「华南」 for 华南区, imports a row with a bad e-mail without it, and remembers the mapping', async () => {
  const app = await startApp({ height: 1000 })
  const { page } = app
  try {
    await page.goto(`${app.url}#/data/import`)
    await page.getByText('点击或把文件拖到这里').waitFor()
    await page.locator('input[type=file]').setInputFiles(await labelFile())
    await page.getByText('表头在第 1 行，共 3 行数据').waitFor()
    await page.getByRole('button', { name: '下一步：预览' }).click()

    await page.getByText('字典中没有的选项').waitFor()
    const choice = page.getByLabel('「华南区」的处理').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
    expect(await choice.textContent()).toContain('对应到「华南」（名称相近）')
    expect(
      await page
        .getByLabel('「展会」的处理')
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .textContent(),
    ).toContain('对应到「展览会」（常用说法）')
    expect(
      await page
        .getByLabel('「新渠道」的处理')
        .locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')
        .textContent(),
    ).toContain('新建「新渠道」')
    await page.getByText('导入，但不导入 邮箱「liuyang@」：电子邮件格式不正确，应如 name@example.com').waitFor()
    expect(await page.getByRole('radio', { name: '导入但留空该项' }).isChecked()).toBe(true)
    await app.screenshot('import-labels/near-1-preview')

    // 新建 stays one click away, with the other items.
    await choice.click()
    await page.locator('.ant-select-item-option', { hasText: '新建「华南区」' }).waitFor()
    await app.screenshot('import-labels/near-2-choices')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: /下一步：导入 3 行/ }).click()
    await page.getByText('导入，但错误的值留空').waitFor()
    await page.getByRole('button', { name: '开始导入' }).click()
    await page.getByText('导入完成').waitFor()
    await page.getByText(/新建 3 个，联系人 3 位，1 行的错误值留空，新建字典项 1 个/).waitFor()
    await page.getByRole('button', { name: '下载错误报告' }).waitFor()
    await app.screenshot('import-labels/near-3-done')

    const regions = (await invoke(page, 'dictionary.list', { category: 'region' })) as Item[]
    expect(regions.map((r) => r.label)).not.toContain('华南区')
    const south = regions.find((r) => r.label === '华南')?.id
    const found = (await invoke(page, 'customers.list', { quick: '刘洋商贸' })) as { rows: { id: number }[] }
    const liu = (await invoke(page, 'customers.get', { id: found.rows[0]?.id })) as {
      regionId: number | null
      email: string | null
      contacts: { name: string; mobile: string | null }[]
    }
    expect(liu).toMatchObject({ regionId: south, email: null, contacts: [{ name: '刘洋', mobile: '13900139000' }] })

    // The next file with 华南区 maps it silently.
    await page.getByRole('button', { name: '再导入一个文件' }).click()
    const next = new ExcelJS.Workbook()
    next.addWorksheet('客户').addRows([
      ['客户名称', '区域'],
      ['深圳华南电子有限公司', '华南区'],
    ])
    const nextFile = join(tempDir('e2e-import-labels-next'), '第二批.xlsx')
    writeFileSync(nextFile, Buffer.from(await next.xlsx.writeBuffer()))
    await page.locator('input[type=file]').setInputFiles(nextFile)
    await page.getByText('表头在第 1 行，共 1 行数据').waitFor()
    await page.getByRole('button', { name: '下一步：预览' }).click()
    await page.getByRole('button', { name: /下一步：导入 1 行/ }).waitFor()
    expect(await page.getByText('字典中没有的选项').count()).toBe(0)
  } finally {
    await app.close()
  }
}, 120_000)

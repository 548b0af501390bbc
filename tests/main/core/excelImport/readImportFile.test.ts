import { describe, expect, it } from 'vitest'
import { readImportFile } from '../../../../src/main/core/excelImport/readImportFile'
import { importFieldsOf } from '../../../../src/shared/excelImportFields'
import { encodeGbk } from './importTestKit'

const fields = importFieldsOf.customers
const bom = Buffer.from([0xef, 0xbb, 0xbf])

/** A CSV as Excel/WPS would save it: quoted fields holding line breaks, separators and doubled quotes. */
const awkward = [
  '客户名称,手机,备注',
  '"广州人易科技有限公司",13800138000,"第一行',
  '第二行，含逗号, 和 ""引号"""',
  '深圳某某,13900139000,',
  '',
  '"东莞, 分号;与制表\t",,"结尾"',
].join('\r\n')

describe('readImportFile on .csv', () => {
  it('reads quoted fields with line breaks, separators and doubled quotes; blank lines dropped', async () => {
    for (const bytes of [Buffer.from(awkward), Buffer.concat([bom, Buffer.from(awkward)]), encodeGbk(awkward)]) {
      const sheet = await readImportFile('客户.csv', bytes, fields)
      expect(sheet.headers).toEqual(['客户名称', '手机', '备注'])
      expect(sheet.rows.map((r) => r.cells)).toEqual([
        ['广州人易科技有限公司', '13800138000', '第一行\r\n第二行，含逗号, 和 "引号"'],
        ['深圳某某', '13900139000', ''],
        ['东莞, 分号;与制表\t', '', '结尾'],
      ])
      // Row numbers count records, as Excel shows the file: the quoted break does not start a row.
      expect(sheet.rows.map((r) => r.rowNumber)).toEqual([2, 3, 5])
    }
  })

  it('keeps the BOM out of the first header and reads GBK, as WPS saves on a Chinese Windows', async () => {
    const text = '客户名称,联系人\n广州人易,张三\n'
    for (const bytes of [Buffer.concat([bom, Buffer.from(text)]), encodeGbk(text)]) {
      const sheet = await readImportFile('客户.csv', bytes, fields)
      expect(sheet.headers).toEqual(['客户名称', '联系人'])
      expect(sheet.rows[0]?.cells).toEqual(['广州人易', '张三'])
    }
  })

  it('takes the separator the header uses most: semicolon or tab; a lone \\r ends a row', async () => {
    const semicolon = await readImportFile('a.csv', Buffer.from('客户名称;手机\r甲,乙;13800138000\r'), fields)
    expect(semicolon.rows[0]?.cells).toEqual(['甲,乙', '13800138000'])
    const tab = await readImportFile('a.csv', Buffer.from('客户名称\t手机\n甲;乙\t13800138000\n'), fields)
    expect(tab.rows[0]?.cells).toEqual(['甲;乙', '13800138000'])
  })

  it('keeps a stray quote inside an unquoted field as text', async () => {
    const sheet = await readImportFile('a.csv', Buffer.from('客户名称,手机\n12" 显示器店,13800138000\n'), fields)
    expect(sheet.rows[0]?.cells).toEqual(['12" 显示器店', '13800138000'])
  })

  it('refuses a quote that never closes, in Chinese, instead of swallowing the rest of the file', async () => {
    const bytes = Buffer.from('客户名称,手机\n"甲,13800138000\n乙,13900139000\n')
    await expect(readImportFile('a.csv', bytes, fields)).rejects.toThrow('CSV 文件有引号没有闭合')
  })
})

import { crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { exceljsRows } from '../../../../src/main/core/excelImport/readImportFile'
import { readXlsxSheet } from '../../../../src/main/core/excelImport/readXlsxSheet'
import { zipEntries } from '../../../../src/main/core/excelImport/zipEntries'
import type { SheetRow } from '../../../../src/main/core/excelImport/sheetRow'

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Rows with Dates as ISO text, so a difference prints readably. */
const comparable = (rows: SheetRow[] | null) =>
  rows?.map((r) => ({ n: r.rowNumber, cells: r.cells.map((c) => (c instanceof Date ? `D:${c.toISOString()}` : c)) }))

/** An office file with most of what exceljs's reader handles, to compare both readers on. */
function richWorkbook(date1904 = false): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.properties.date1904 = date1904
  const sheet = workbook.addWorksheet('客户')
  workbook.addWorksheet('第二页').addRow(['不应读到'])
  sheet.addRow(['客户信息登记表（2024 年）'])
  sheet.mergeCells('A1:F1')
  sheet.addRow([])
  sheet.addRow(['客户名称', '电话', '登记日期', '金额', '是否重点', '备注'])
  sheet.addRow(['广州人易科技有限公司', 13800138000, new Date(Date.UTC(2024, 0, 5)), 1234.5, true, 'A & B <c> "d"'])
  sheet.addRow([
    '深圳某某',
    '020-12345678',
    new Date(Date.UTC(2023, 11, 31, 13, 30)),
    { formula: 'D4*2', result: 2469 },
  ])
  const rich = sheet.addRow([{ richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] }, null, 45000])
  rich.getCell(3).numFmt = 'yyyy"年"m"月"d"日"'
  const row7 = sheet.addRow([{ formula: 'A4&"分公司"', result: '广州人易科技有限公司分公司' }, { error: '#N/A' }])
  row7.getCell(4).value = { text: '官网', hyperlink: 'https://example.com' }
  sheet.getCell('AB7').value = '远处的列'
  sheet.getCell('C8').numFmt = 'yyyy-mm-dd'
  sheet.getCell('A9').value = '换行\n第二行 😀'
  sheet.getCell('B9').value = 42
  sheet.getCell('B9').numFmt = '0.00%'
  sheet.getCell('C9').value = 45291
  sheet.getCell('C9').numFmt = '[$-804]yyyy/m/d;@'
  return workbook
}

describe('readXlsxSheet', () => {
  it('reads what exceljs reads: strings, numbers, dates by format, formulas, rich text, errors, gaps, far columns', async () => {
    for (const date1904 of [false, true]) {
      const bytes = await bytesOf(richWorkbook(date1904))
      const fast = await readXlsxSheet(bytes)
      expect(fast).not.toBeNull()
      expect(comparable(fast)).toEqual(comparable(await exceljsRows(bytes)))
      const dateRow = fast?.find((r) => r.rowNumber === 4)
      expect(dateRow?.cells[2]).toEqual(new Date(Date.UTC(2024, 0, 5)))
    }
  })

  it('reads the streaming writer’s files (inline strings) like exceljs', async () => {
    const chunks: Buffer[] = []
    const { PassThrough } = await import('node:stream')
    const stream = new PassThrough()
    stream.on('data', (c: Buffer) => chunks.push(c))
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true })
    const sheet = workbook.addWorksheet('客户')
    sheet.addRow(['客户名称', '手机', '登记日期']).commit()
    for (let i = 1; i <= 300; i++) sheet.addRow([`客户${i}`, 13900000000 + i, new Date(Date.UTC(2024, 0, i))]).commit()
    sheet.commit()
    await workbook.commit()
    const bytes = Buffer.concat(chunks)
    const fast = await readXlsxSheet(bytes)
    expect(fast?.length).toBe(301)
    expect(comparable(fast)).toEqual(comparable(await exceljsRows(bytes)))
  })

  it('takes the first visible tab, whatever the zip order', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('隐藏', { state: 'hidden' }).addRow(['隐藏的表'])
    workbook.addWorksheet('客户').addRow(['看得见的表'])
    expect((await readXlsxSheet(await bytesOf(workbook)))?.[0]?.cells).toEqual(['看得见的表'])
  })

  it('reads namespace-prefixed XML (x:c, x:v) and cells without references', async () => {
    const bytes = await bytesOf(richWorkbook())
    const entries = await zipEntries(bytes)
    expect(entries).not.toBeNull()
    const files = new Map(
      await Promise.all([...(entries ?? [])].map(async ([name, read]) => [name, await read()] as const)),
    )
    const sheetXml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>',
      '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>甲</x:t></x:r><x:r><x:t xml:space="preserve">乙 </x:t></x:r></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>',
      '<x:row r="5"><x:c r="C5" t="str"><x:f>1+1</x:f><x:v>&#x4E2D;&amp;_x000D_</x:v></x:c></x:row>',
      '</x:sheetData></x:worksheet>',
    ].join('')
    files.set('xl/worksheets/sheet1.xml', Buffer.from(sheetXml))
    const rows = await readXlsxSheet(storedZip(files))
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['甲乙 ', 7] },
      { rowNumber: 5, cells: [null, null, '中&\r'] },
    ])
  })

  it('refuses what is not a zip, leaves encrypted parts to exceljs (which the import refuses first)', async () => {
    await expect(readXlsxSheet(Buffer.from('客户名称,电话\n'))).rejects.toThrow('不是有效的 .xlsx 文件')
    const stored = storedZip(new Map([['xl/workbook.xml', Buffer.from('<workbook/>')]]))
    const encrypted = Buffer.from(stored)
    const directory = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    encrypted.writeUInt16LE(1, directory + 8)
    // A stored encrypted part carries a 12-byte encryption header before its data.
    encrypted.writeUInt32LE(encrypted.readUInt32LE(directory + 20) + 12, directory + 20)
    expect(await readXlsxSheet(encrypted)).toBeNull()
    // An end record that says ZIP64 without the ZIP64 records is a damaged file.
    const damaged = Buffer.from(stored)
    damaged.writeUInt32LE(0xffffffff, damaged.length - 22 + 16)
    await expect(readXlsxSheet(damaged)).rejects.toThrow('不是有效的 .xlsx 文件')
  })

  it('reads a ZIP64 directory', async () => {
    const files = new Map([
      ['xl/workbook.xml', Buffer.from('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>')],
      [
        'xl/_rels/workbook.xml.rels',
        Buffer.from(
          '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        ),
      ],
      [
        'xl/worksheets/sheet1.xml',
        Buffer.from(
          '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row></sheetData></worksheet>',
        ),
      ],
    ])
    expect((await readXlsxSheet(asZip64(storedZip(files))))?.[0]?.cells).toEqual(['客户名称'])
  })
})

/** The same archive with its end record pointing through a ZIP64 locator to a ZIP64 end record. */
function asZip64(zip: Buffer): Buffer {
  const end = zip.length - 22
  const count = zip.readUInt16LE(end + 10)
  const size = zip.readUInt32LE(end + 12)
  const offset = zip.readUInt32LE(end + 16)
  const record = Buffer.alloc(56)
  record.writeUInt32LE(0x06064b50, 0)
  record.writeBigUInt64LE(44n, 4)
  record.writeBigUInt64LE(BigInt(count), 24)
  record.writeBigUInt64LE(BigInt(count), 32)
  record.writeBigUInt64LE(BigInt(size), 40)
  record.writeBigUInt64LE(BigInt(offset), 48)
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(end), 8)
  locator.writeUInt32LE(1, 16)
  const endRecord = Buffer.from(zip.subarray(end))
  endRecord.writeUInt16LE(0xffff, 8)
  endRecord.writeUInt16LE(0xffff, 10)
  endRecord.writeUInt32LE(0xffffffff, 16)
  return Buffer.concat([zip.subarray(0, end), record, locator, endRecord])
}

/** A zip with every file stored (no compression), enough for an .xlsx reader. */
function storedZip(files: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    directory.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const size = directory.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.size, 8)
  end.writeUInt16LE(files.size, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, ...directory, end])
}

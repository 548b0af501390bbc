import iconv from 'iconv-lite'
import type { CellValue } from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../../../src/shared/excelImport'
import { testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { commit, openFile, preview, xlsxBase64 } from './importTestKit'

let core: Awaited<ReturnType<typeof testCore>>

beforeEach(async () => {
  core = await testCore('import-office')
})
afterEach(async () => {
  await core.close()
})

const rowOf = (plan: ImportPreview, rowNumber: number) => {
  const row = plan.rows.find((r) => r.rowNumber === rowNumber)
  if (!row) throw new Error(`no preview row ${rowNumber}`)
  return row
}
const outcome = (plan: ImportPreview) => plan.rows.map((r) => [r.rowNumber, r.skipped ?? r.action])

async function customers(): Promise<Record<string, unknown>[]> {
  return core.store.manager.query(
    `SELECT id, name, region_id AS regionId, owner_staff_id AS staffId, phone, remarks FROM customer ORDER BY id`,
  )
}
async function contactsOf(customerId: unknown): Promise<Record<string, unknown>[]> {
  return core.store.manager.query(
    `SELECT name, mobile, office_phone AS officePhone, home_phone AS homePhone, remarks
       FROM contact WHERE customer_id = ? ORDER BY sort_order`,
    [customerId],
  )
}

describe('an office’s own customer sheet', () => {
  it('leaves out 合计/小计, 共 N 家, 制表人 lines, notes under the table and a repeated header; a row can be let in', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.getCell('A1').value = '2026年华南区客户名单'
      sheet.mergeCells('A1:D1')
      const header = ['客户名称', '区域', '联系人', '手机']
      sheet.getRow(2).values = header
      const rows: CellValue[][] = [
        ['甲科技有限公司', '华南', '张三', '13800138001'], // 3
        ['乙贸易有限公司', '华南', '李四', '13800138002'], // 4
        [null, '华南小计', null, null], // 5
        header, // 6: the header again, as printed on each page
        ['丙工程有限公司', '华东', '王五', '13800138003'], // 7
        ['总计划咨询有限公司', '华东', '赵六', '13800138004'], // 8: a name, not a total
        ['合 计', null, null, null], // 9
        ['共 4 家', null, null, null], // 10
        ['制表人：陈七', null, '审核：', null], // 11
        ['注：以上客户均为 2026 年新增，手机号码已与本人核对。', null, null, null], // 12
        ['广东省广州市天河区人易信息科技股份有限公司第一分公司华南营销中心', null, null, null], // 13
      ]
      rows.forEach((values, index) => (sheet.getRow(index + 3).values = values))
    })
    const opened = await openFile(core, '客户名单.xlsx', base64)
    expect(opened.headerRow).toBe(2)
    const input = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await preview(core, input)
    expect(outcome(plan)).toEqual([
      [3, 'create'],
      [4, 'create'],
      [5, 'summary'],
      [6, 'header'],
      [7, 'create'],
      [8, 'create'],
      [9, 'summary'],
      [10, 'summary'],
      [11, 'summary'],
      [12, 'summary'],
      [13, 'summary'],
    ])
    expect(plan.counts).toEqual({ create: 4, update: 0, skip: 7, error: 0 })
    expect(rowOf(plan, 9)).toMatchObject({ action: 'skip', name: '合 计', problems: [] })
    // The 小计 label is not a 区域 the dictionary lacks.
    expect(plan.unknownLabels).toEqual([])

    // Row 13 is a customer with a long name after all: 导入此行.
    const withRow = { ...input, importRows: [13] }
    const again = await preview(core, withRow)
    expect(rowOf(again, 13)).toMatchObject({ action: 'create', name: expect.stringContaining('第一分公司') })
    expect(again.counts).toEqual({ create: 5, update: 0, skip: 6, error: 0 })

    const done = await commit(core, withRow)
    expect(done.message).toBeNull()
    expect(done.result).toMatchObject({ created: 5, skipped: 6, errors: 0, contacts: 4 })
    const names = (await customers()).map((c) => c.name)
    expect(names).toEqual([
      '甲科技有限公司',
      '乙贸易有限公司',
      '丙工程有限公司',
      '总计划咨询有限公司',
      '广东省广州市天河区人易信息科技股份有限公司第一分公司华南营销中心',
    ])
  })

  it('gives a value merged down a column to every row, and makes rows under a merged name one customer with several contacts', async () => {
    const south = await dictId(core, 'region', '华南')
    const east = await dictId(core, 'region', '华东')
    const base64 = await xlsxBase64((sheet) => {
      sheet.getRow(1).values = ['客户名称', '区域', '业务员', '联系人', '手机', '职务']
      const rows: CellValue[][] = [
        ['甲科技有限公司', '华南', '周一', '张三', '13800138001', '经理'], // 2
        ['乙贸易有限公司', null, null, '李四', '13800138002', null], // 3
        ['丙工程有限公司', null, '吴二', '王五', '13800138003', null], // 4
        ['丁集团有限公司', '华东', null, '赵六', '13800138004', '总经理'], // 5
        [null, null, null, '钱七', '13800138005', '采购'], // 6
        [null, null, null, '孙八', '13800138006', '财务'], // 7
        ['戊商行', '华东', null, '郑九', '13800138007', null], // 8
      ]
      rows.forEach((values, index) => (sheet.getRow(index + 2).values = values))
      sheet.mergeCells('B2:B4') // 华南 over 甲, 乙, 丙
      sheet.mergeCells('C2:C3') // 周一 over 甲, 乙
      sheet.mergeCells('A5:A7') // 丁 over three contact rows
      sheet.mergeCells('B5:B7')
    })
    const opened = await openFile(core, '分组.xlsx', base64)
    const input = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await preview(core, input)
    // Rows 6 and 7 are 丁's contacts, not rows of their own.
    expect(outcome(plan)).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
      [5, 'create'],
      [8, 'create'],
    ])
    expect(rowOf(plan, 3).notes).toEqual([
      '区域「华南」取自合并单元格（第 2 行起）',
      '业务员「周一」取自合并单元格（第 2 行起）',
    ])
    expect(rowOf(plan, 4).notes).toEqual(['区域「华南」取自合并单元格（第 2 行起）'])
    expect(rowOf(plan, 2).notes).toBeUndefined()
    expect(rowOf(plan, 5).notes).toEqual([
      '第 6、7 行是本客户的其他联系人（客户名称为合并单元格或留空），一并导入为本客户的联系人',
    ])

    const done = await commit(core, input)
    expect(done.result).toMatchObject({ created: 5, errors: 0, contacts: 7 })
    const stored = await customers()
    expect(stored.map((c) => [c.name, c.regionId])).toEqual([
      ['甲科技有限公司', south],
      ['乙贸易有限公司', south],
      ['丙工程有限公司', south],
      ['丁集团有限公司', east],
      ['戊商行', east],
    ])
    const [jia, yi, bing] = stored
    expect(yi?.staffId).toBe(jia?.staffId)
    expect(jia?.staffId).not.toBeNull()
    expect(bing?.staffId).not.toBe(jia?.staffId)
    expect((await contactsOf(stored[3]?.id)).map((c) => [c.name, c.mobile])).toEqual([
      ['赵六', '13800138004'],
      ['钱七', '13800138005'],
      ['孙八', '13800138006'],
    ])
  })

  it('a row under a merged name whose own values differ is a customer of its own (a duplicate), not a contact', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.getRow(1).values = ['客户名称', '区域', '联系人', '手机']
      sheet.getRow(2).values = ['丁集团有限公司', '华东', '赵六', '13800138004']
      sheet.getRow(3).values = [null, '华南', '钱七', '13800138005']
      sheet.mergeCells('A2:A3')
    })
    const opened = await openFile(core, '冲突.xlsx', base64)
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(outcome(plan)).toEqual([
      [2, 'create'],
      [3, 'skip'],
    ])
    expect(rowOf(plan, 3).duplicate).toMatchObject({ source: 'file', rowNumber: 2 })
  })

  it('cleans text-forced and decorated values, and splits a cell of several phones', async () => {
    await createCustomer(core, { name: '已有客户', phone: '020-66668888' })
    const base64 = await xlsxBase64((sheet) => {
      sheet.getRow(1).values = ['客户名称', '公司电话', '联系人', '手机', '办公电话', '备注']
      const rows: CellValue[][] = [
        ['“广州甲公司”', "'020-12345678", '\t张三\u00a0', "'13800138000", null, null], // 2
        ['「广州乙公司」', '电话：020-12345678转801', '李四', '手机：139 0013 9000', null, null], // 3
        ['广州丙公司', 'Tel: +86 20 8765 4321 ext. 12', '王五', '+86 137 0013 7000', null, null], // 4
        ['广州丁公司', '0086-755-12345678', '赵六', '86-13600136000', null, null], // 5
        ['广州戊公司', null, '钱七', '13800138001/13900139001', null, null], // 6
        ['广州己公司', null, '孙八', '13800138002、13900139002', '020-11112222', null], // 7
        ['广州庚公司', '020-11111111，020-22222222', '周九', '13800138003 020-33333333', null, '老客户'], // 8
        ['广州辛公司', '020-12345678/9', null, null, null, null], // 9
      ]
      rows.forEach((values, index) => (sheet.getRow(index + 2).values = values))
    })
    const opened = await openFile(core, '电话.xlsx', base64)
    const input = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await preview(core, input)
    expect(outcome(plan)).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
      [5, 'create'],
      [6, 'create'],
      [7, 'create'],
      [8, 'create'],
      [9, 'error'],
    ])
    expect(rowOf(plan, 2).name).toBe('广州甲公司')
    expect(rowOf(plan, 6).notes).toEqual([
      '手机「13800138001/13900139001」有 2 个号码：第一个导入手机，13900139001 导入为办公电话',
    ])
    expect(rowOf(plan, 7).notes).toEqual([
      '手机「13800138002、13900139002」有 2 个号码：第一个导入手机，13900139002 导入为住宅电话',
    ])
    expect(rowOf(plan, 8).notes).toEqual([
      '公司电话「020-11111111,020-22222222」有 2 个号码：第一个导入公司电话，020-22222222 记入备注',
      '手机「13800138003 020-33333333」有 2 个号码：第一个导入手机，020-33333333 导入为办公电话',
    ])
    expect(rowOf(plan, 9).problems).toEqual([
      { column: '公司电话', message: expect.stringContaining('电话格式不正确') },
    ])

    const done = await commit(core, { ...input, skipErrorRows: true })
    expect(done.result).toMatchObject({ created: 7, errors: 1 })
    const stored = (await customers()).slice(1)
    expect(stored.map((c) => [c.name, c.phone, c.remarks])).toEqual([
      ['广州甲公司', '020-12345678', null],
      ['广州乙公司', '020-12345678-801', null],
      ['广州丙公司', '02087654321-12', null],
      ['广州丁公司', '0755-12345678', null],
      ['广州戊公司', null, null],
      ['广州己公司', null, null],
      ['广州庚公司', '020-11111111', '老客户；另有公司电话：020-22222222'],
    ])
    const contacts = await Promise.all(stored.map((c) => contactsOf(c.id)))
    expect(contacts.map(([c]) => [c?.name, c?.mobile, c?.officePhone, c?.homePhone])).toEqual([
      ['张三', '13800138000', null, null],
      ['李四', '13900139000', null, null],
      ['王五', '13700137000', null, null],
      ['赵六', '13600136000', null, null],
      ['钱七', '13800138001', '13900139001', null],
      ['孙八', '13800138002', '020-11112222', '13900139002'],
      ['周九', '13800138003', '020-33333333', null],
    ])
  })

  it('reads a GBK CSV with a 合计 line and contacts on rows with the name left empty', async () => {
    const csv = [
      '客户名称,联系人,手机,区域',
      '甲公司,张三,0086 13800138001,华南',
      ',李四,13800138002,',
      ',王五,"13800138003/13900139003",',
      '乙公司,赵六,13800138004,华南',
      '',
      ',钱七,13800138005,',
      '合计,,,',
      '制表日期：2026-12-01,,,',
    ].join('\r\n')
    const opened = await openFile(core, '客户.csv', iconv.encode(csv, 'gbk').toString('base64'))
    const input = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await preview(core, input)
    // Row 7 is not right under 乙公司 (a blank line between): a row without a name, refused.
    expect(outcome(plan)).toEqual([
      [2, 'create'],
      [5, 'create'],
      [7, 'error'],
      [8, 'summary'],
      [9, 'summary'],
    ])
    expect(rowOf(plan, 2).notes).toEqual([
      '第 4 行手机「13800138003/13900139003」有 2 个号码：第一个导入手机，13900139003 导入为办公电话',
      '第 3、4 行是本客户的其他联系人（客户名称为合并单元格或留空），一并导入为本客户的联系人',
    ])
    const done = await commit(core, { ...input, skipErrorRows: true })
    expect(done.result).toMatchObject({ created: 2, skipped: 2, errors: 1, contacts: 4 })
    const [jia, yi] = await customers()
    expect((await contactsOf(jia?.id)).map((c) => [c.name, c.mobile, c.officePhone])).toEqual([
      ['张三', '13800138001', null],
      ['李四', '13800138002', null],
      ['王五', '13800138003', '13900139003'],
    ])
    expect((await contactsOf(yi?.id)).map((c) => c.name)).toEqual(['赵六'])
  })

  it('leaves a 交易记录 file’s 合计 line out too', async () => {
    await createCustomer(core, { name: '甲公司' })
    const base64 = await xlsxBase64((sheet) => {
      sheet.getRow(1).values = ['客户名称', '交易日期', '金额']
      sheet.getRow(2).values = ['甲公司', '2026-01-05', 100]
      sheet.getRow(3).values = ['甲公司', '2026-02-05', 200]
      sheet.getRow(4).values = ['合计', null, 300]
    })
    const opened = await openFile(core, '交易.xlsx', base64, 'sales')
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(outcome(plan)).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'summary'],
    ])
    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(done.result).toMatchObject({ sales: 2, skipped: 1, errors: 0 })
  })
})

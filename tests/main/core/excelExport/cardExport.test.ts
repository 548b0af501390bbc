import type ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/main/core/openCore'
import { call, testCore } from '../../../helpers/testCore'
import { createFullCustomer, readWorkbook } from './exportTestKit'

/** The cell holding exactly `text`, searched row by row. */
function cellWith(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === text) found = cell
    }),
  )
  if (!found) throw new Error(`no cell holds ${text}`)
  return found
}

/** The value printed right of a label cell. */
function valueOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.CellValue {
  const cell = cellWith(ws, label)
  return ws.getRow(Number(cell.row)).getCell(Number(cell.col) + 1).value
}

function sheetAt(workbook: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const ws = workbook.worksheets[index]
  if (!ws) throw new Error(`no worksheet ${index}`)
  return ws
}

const merges = (ws: ExcelJS.Worksheet): string[] => (ws.model as { merges: string[] }).merges

describe('export.customerCards', () => {
  let core: Core
  beforeEach(async () => {
    core = await testCore('card-export')
  })
  afterEach(async () => {
    await core.close()
  })

  it('lays out a filled card: title, code, every section in bordered blocks, contacts, stars, statistics, footer, A4 print setup', async () => {
    const customer = await createFullCustomer(core)
    await call(core, 'sales.create', { customerId: customer.id, date: '2026-02-01', amount: 12345.6 })
    await call(core, 'sales.create', { customerId: customer.id, date: '2026-03-01', amount: 5000 })

    const file = await call(core, 'export.customerCards', { ids: [customer.id] })
    expect(file.fileName).toBe('客户信息登记卡-广州人易科技有限公司.xlsx')
    expect(file.count).toBe(1)
    const workbook = await readWorkbook(file)
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['广州人易科技有限公司'])
    const ws = sheetAt(workbook, 0)

    // Title, merged across the card and large; 编号 and 登记日期 under it.
    expect(ws.getCell('A1').value).toBe('客户信息登记卡')
    expect(merges(ws)).toContain('A1:F1')
    expect(ws.getCell('A1').font.size).toBeGreaterThanOrEqual(16)
    expect(ws.getCell('A2').value).toBe(`编号：${customer.code}`)
    expect(ws.getCell('D2').value).toBe('登记日期：2026-03-08')

    // Sections in the order of the on-screen card, as shaded merged header rows.
    const sectionTitles = ['一、基本信息', '二、企业概况', '三、分类与策略', '四、联系方式', '五、联系人']
    const sectionRows = sectionTitles.map((title) => Number(cellWith(ws, title).row))
    expect([...sectionRows].sort((a, b) => a - b)).toEqual(sectionRows)
    for (const title of [...sectionTitles, '六、交易与信用', '七、客户分级', '八、竞争与需求', '九、备注']) {
      const cell = cellWith(ws, title)
      expect(merges(ws)).toContain(`A${cell.row}:F${cell.row}`)
      expect((cell.fill as ExcelJS.FillPattern).pattern).toBe('solid')
    }
    expect(() => cellWith(ws, '个人概况')).toThrow()

    // Values next to their labels, dictionaries and divisions as labels.
    expect(valueOf(ws, '客户名称')).toBe('广州人易科技有限公司')
    expect(valueOf(ws, '客户类型')).toBe('企业客户')
    expect(valueOf(ws, '所属区域')).toBe('华南')
    expect(valueOf(ws, '城市')).toBe('广州市')
    expect(valueOf(ws, '分组/标签')).toBe('重要客户、集团客户')
    expect(valueOf(ws, '信用代码')).toBe('91440300708461136T')
    expect(valueOf(ws, '联系策略')).toBe('每两周')
    expect(valueOf(ws, '信用状况')).toBe('★★★★☆')
    expect(valueOf(ws, '信用额度')).toBe(200000)
    expect(valueOf(ws, '成交级别')).toBe('D 级')
    expect(valueOf(ws, '客情关系等级')).toBe('III')
    expect(valueOf(ws, '价值分类')).toBe('重要客户')
    expect(valueOf(ws, '成交状态')).toBe('正在谈判')
    expect(valueOf(ws, '竞争情况')).toMatch(/^目前主要供应商为某国际品牌/)
    expect(valueOf(ws, '备注')).toMatch(/^老板喜欢喝茶/)

    // Statistics from the sales: the amount a number with a format.
    expect(valueOf(ws, '交易次数')).toBe(2)
    expect(valueOf(ws, '交易金额')).toBe(17345.6)
    const amountLabel = cellWith(ws, '交易金额')
    expect(ws.getRow(Number(amountLabel.row)).getCell(Number(amountLabel.col) + 1).numFmt).toBe('#,##0.00')
    expect(valueOf(ws, '首次交易')).toBe('2026-02-01')
    expect(valueOf(ws, '最近交易')).toBe('2026-03-01')

    // A long value merges across the row, wraps, and its row is tall enough for it.
    const main = cellWith(ws, '主营业务')
    expect(merges(ws)).toContain(`B${main.row}:F${main.row}`)
    const mainValue = ws.getCell(`B${main.row}`)
    expect(mainValue.alignment.wrapText).toBe(true)
    expect(ws.getRow(Number(main.row)).height).toBeGreaterThanOrEqual(45)

    // Label cells shaded and bordered; merged value cells bordered on every cell of the merge.
    const label = cellWith(ws, '客户名称')
    expect((label.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF2F2F2')
    expect(label.border.top?.style).toBe('thin')
    expect(ws.getCell(`F${main.row}`).border.right?.style).toBe('thin')

    // The 联系人 table: a header row, then one row per contact in card order.
    const header = cellWith(ws, '姓名')
    expect(ws.getRow(Number(header.row)).values).toEqual([
      undefined,
      '姓名',
      '职务/部门',
      '决策关系',
      '手机/办公电话',
      '微信',
      '电子邮件',
    ])
    const first = ws.getRow(Number(header.row) + 1)
    expect(first.getCell(1).value).toBe('王小明（男）')
    expect(first.getCell(2).value).toBe('采购经理/行政部')
    expect(first.getCell(3).value).toBe('购买者\n关键人')
    expect(first.getCell(4).value).toBe('13800138000\n020-38765430')
    expect(first.getCell(6).value).toBe('wangxm@renyi-tech.com.cn')
    expect(ws.getRow(Number(header.row) + 2).getCell(1).value).toBe('陈静（女）')
    expect(ws.getRow(Number(header.row) + 3).getCell(1).value).toBe('刘洋')

    // The signature row at the foot.
    expect(valueOf(ws, '负责业务员')).toBe('张丽')
    expect(valueOf(ws, '填表人')).toBe('王芳')
    expect(valueOf(ws, '填表日期')).toBe('2026-03-08')
    expect(Number(cellWith(ws, '负责业务员').row)).toBe(ws.rowCount)

    // A CJK font, and A4 portrait fitted one page wide with print titles and margins.
    expect(label.font.name).toBe('宋体')
    expect(ws.pageSetup.paperSize).toBe(9)
    expect(ws.pageSetup.orientation).toBe('portrait')
    expect(ws.pageSetup.fitToPage).toBe(true)
    expect(ws.pageSetup.fitToWidth).toBe(1)
    expect(ws.pageSetup.fitToHeight).toBe(0)
    expect(ws.pageSetup.horizontalCentered).toBe(true)
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?1:\$?2$/)
    expect(ws.pageSetup.margins?.left).toBeGreaterThan(0)
    expect(ws.columns.map((c) => c.width)).toEqual([12, 16, 12, 16, 12, 16])
  })

  it('prints 个人概况 for an individual, an empty contacts table, and a computed grade', async () => {
    const person = await call(core, 'customers.create', {
      kind: 'individual',
      name: '赵敏',
      gender: '女',
      birthDate: '1990-08-15',
      birthCalendar: 'lunar',
      hasDecisionPower: true,
      demandStatus: '无需求',
      creditRating: 1,
    })
    const ws = sheetAt(await readWorkbook(await call(core, 'export.customerCards', { ids: [person.id] })), 0)
    expect(cellWith(ws, '二、个人概况').row).toBeDefined()
    expect(() => cellWith(ws, '二、企业概况')).toThrow()
    expect(valueOf(ws, '客户类型')).toBe('个人客户')
    expect(valueOf(ws, '出生日期')).toBe('1990-08-15（农历）')
    expect(valueOf(ws, '购买决策权')).toBe('是')
    expect(valueOf(ws, '成交级别')).toBe('E 级')
    expect(valueOf(ws, '信用状况')).toBe('★☆☆☆☆')
    expect(valueOf(ws, '所属区域')).toBeNull()
    expect(cellWith(ws, '（尚未登记联系人）').row).toBeDefined()
  })

  it('exports many cards, one worksheet each in the order asked, named legally and uniquely', async () => {
    const names = [
      'a/b',
      '广州市天河区人易科技股份有限公司第一分公司华南大区销售与售后服务中心',
      '人易科技',
      '人易科技',
    ]
    const ids: number[] = []
    for (const name of names) ids.push((await call(core, 'customers.create', { name })).id)
    const file = await call(core, 'export.customerCards', { ids: [ids[3], ids[0], ids[1], ids[2]] })
    expect(file.count).toBe(4)
    expect(file.fileName).toMatch(/^客户信息登记卡-4个客户-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const workbook = await readWorkbook(file)
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      '人易科技',
      'a／b',
      (names[1] ?? '').slice(0, 31),
      '人易科技(2)',
    ])
    // Each sheet holds its own customer's card.
    expect(valueOf(sheetAt(workbook, 1), '客户名称')).toBe('a/b')
    expect(valueOf(sheetAt(workbook, 2), '客户名称')).toBe(names[1])
    const codes = workbook.worksheets.map((ws) => ws.getCell('A2').value)
    expect(new Set(codes).size).toBe(4)
  })

  it('refuses an unknown customer and an empty selection with a Chinese message', async () => {
    const missing = await core.dispatch('export.customerCards', { ids: [999] })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    if (!missing.ok) expect(missing.error.message).toContain('不存在')
    const empty = await core.dispatch('export.customerCards', { ids: [] })
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!empty.ok) expect(empty.error.message).toContain('请至少选择一个客户')
    const bad = await core.dispatch('export.customerCards', { ids: [1], extra: true })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

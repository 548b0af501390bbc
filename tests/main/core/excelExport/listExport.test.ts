import type { ChannelInput } from '../../../../src/shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/main/core/openCore'
import { exportPageRows } from '../../../../src/main/core/excelExport/listExports'
import { call, testCore } from '../../../helpers/testCore'
import { dictId, firstSheet, rowValues } from './exportTestKit'

const utc = (y: number, m: number, d: number, h = 0, mi = 0): Date => new Date(Date.UTC(y, m - 1, d, h, mi))

describe('list exports', () => {
  let core: Core
  beforeEach(async () => {
    core = await testCore('list-export')
  })
  afterEach(async () => {
    await core.close()
  })

  it('exports the sheet view: visible columns in order, filters, quick search and sort, dates as dates, amounts as numbers', async () => {
    const current = await dictId(core, 'category', '现有终端客户')
    const potential = await dictId(core, 'category', '潜在终端客户')
    const make = (name: string, categoryId: number, registeredAt: string, creditLimit: number | null) =>
      call(core, 'customers.create', { name, categoryId, registeredAt, creditLimit, phone: '020-12345678' })
    const a = await make('广州甲科技有限公司', current, '2026-01-05', 50000)
    await make('广州乙贸易有限公司', current, '2025-12-31', null)
    const c = await make('广州丙物流有限公司', current, '2026-02-10', 1234.5)
    await make('广州丁餐饮有限公司', potential, '2026-01-01', 9)
    await make('深圳戊电子有限公司', current, '2026-01-02', 7)
    await call(core, 'sales.create', { customerId: a.id, date: '2026-03-01', amount: 300.25 })
    await call(core, 'sales.create', { customerId: c.id, date: '2026-03-02', amount: 99999.99 })

    const view: Omit<ChannelInput<'customers.list'>, 'startRow' | 'endRow'> = {
      sort: [{ colId: 'transactionAmount', sort: 'desc' }],
      quick: '广州',
      filters: { categoryId: [current] },
    }
    const file = await call(core, 'export.customerSheet', {
      ...view,
      columns: [
        { key: 'name', width: 240 },
        { key: 'registeredAt' },
        { key: 'categoryLabel' },
        { key: 'transactionAmount', width: 150 },
        { key: 'creditLimit' },
        { key: 'completeness' },
        { key: 'kind' },
        { key: 'createdAt' },
      ],
    })
    expect(file.fileName).toMatch(/^客户列表-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.count).toBe(3)
    const ws = await firstSheet(file)
    expect(ws.name).toBe('客户列表')
    expect(rowValues(ws, 1)).toEqual([
      '客户名称',
      '登记日期',
      '客户类别',
      '交易金额',
      '信用额度',
      '资料完整度',
      '客户类型',
      '创建时间',
    ])
    expect(ws.getCell('A1').font.bold).toBe(true)

    // The same rows in the same order as the sheet shows them.
    const list = await call(core, 'customers.list', { ...view, startRow: 0, endRow: 100 })
    expect(list.rows.map((r) => r.name)).toEqual(['广州丙物流有限公司', '广州甲科技有限公司', '广州乙贸易有限公司'])
    expect([2, 3, 4].map((n) => ws.getCell(`A${n}`).value)).toEqual(list.rows.map((r) => r.name))
    expect(ws.rowCount).toBe(4)

    // Real dates and numbers with formats.
    expect(ws.getCell('B2').value).toEqual(utc(2026, 2, 10))
    expect(ws.getCell('B2').numFmt).toBe('yyyy-mm-dd')
    expect(ws.getCell('B4').value).toEqual(utc(2025, 12, 31))
    expect(ws.getCell('C2').value).toBe('现有终端客户')
    expect(ws.getCell('D2').value).toBe(99999.99)
    expect(ws.getCell('D2').numFmt).toBe('#,##0.00')
    expect(ws.getCell('D4').value).toBe(0)
    expect(ws.getCell('E2').value).toBe(1234.5)
    expect(ws.getCell('E4').value).toBeNull()
    expect(ws.getCell('F2').value).toBe((list.rows[0]?.completeness ?? 0) / 100)
    expect(ws.getCell('F2').numFmt).toBe('0%')
    expect(ws.getCell('G2').value).toBe('企业客户')
    const created = ws.getCell('H2').value
    expect(created).toBeInstanceOf(Date)
    expect((created as Date).toISOString().slice(0, 16).replace('T', ' ')).toBe(list.rows[0]?.createdAt.slice(0, 16))

    // Header frozen and filterable; widths from the grid's pixels or the defaults.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBe('A1:H1')
    expect(ws.getColumn(1).width).toBe(32)
    expect(ws.getColumn(4).width).toBe(20)
    expect(ws.getColumn(2).width).toBe(12)
  })

  it('refuses a column outside the whitelist and an empty column list', async () => {
    const bad = await core.dispatch('export.customerSheet', {
      columns: [{ key: 'name; DROP TABLE customer' }],
      sort: [],
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!bad.ok) expect(bad.error.message).toContain('不支持导出列')
    const none = await core.dispatch('export.customerSheet', { columns: [] })
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    if (!none.ok) expect(none.error.message).toContain('请至少显示一列')
  })

  it('exports 交往记录 with the list filters, newest first, times as dates', async () => {
    const customer = await call(core, 'customers.create', {
      name: '广州人易',
      contacts: [{ name: '王小明' }],
    })
    const visit = await dictId(core, 'interactionType', '拜访')
    const phone = await dictId(core, 'interactionType', '电话')
    const staff = await dictId(core, 'staff', '张丽')
    const contactId = customer.contacts[0]?.id
    await call(core, 'interactions.create', {
      customerId: customer.id,
      occurredAt: '2026-01-05 10:30',
      typeId: visit,
      contactId,
      subject: '上门拜访',
      content: '介绍新产品',
      nextFollowUp: '2026-01-12',
      staffId: staff,
    })
    await call(core, 'interactions.create', { customerId: customer.id, occurredAt: '2026-02-01 09:00', typeId: phone })
    await call(core, 'interactions.create', { customerId: customer.id, occurredAt: '2026-03-01 15:45', typeId: visit })

    const file = await call(core, 'export.interactions', { customerId: customer.id, typeIds: [visit] })
    expect(file.fileName).toMatch(/^交往记录-广州人易-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.count).toBe(2)
    const ws = await firstSheet(file)
    expect(rowValues(ws, 1)).toEqual([
      '交往时间',
      '客户',
      '联系人',
      '交往方式',
      '主题',
      '内容',
      '结果',
      '下次跟进日期',
      '业务员',
    ])
    expect(ws.getCell('A2').value).toEqual(utc(2026, 3, 1, 15, 45))
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(rowValues(ws, 3)).toEqual([
      utc(2026, 1, 5, 10, 30),
      '广州人易',
      '王小明',
      '拜访',
      '上门拜访',
      '介绍新产品',
      undefined,
      utc(2026, 1, 12),
      '张丽',
    ])
    expect(ws.autoFilter).toBe('A1:I1')
  })

  it('exports 交易记录 past one page of the query, amounts as numbers, in the list order', async () => {
    const customer = await call(core, 'customers.create', { name: '广州人易' })
    const other = await call(core, 'customers.create', { name: '深圳某某' })
    const product = await dictId(core, 'product', '中央空调')
    await call(core, 'sales.create', {
      customerId: customer.id,
      date: '2026-04-01',
      productId: product,
      quantity: 3,
      unitPrice: 1999.5,
      remarks: '含安装',
    })
    // More older sales than one page of the export's query, written as one fixture insert.
    const older = exportPageRows + 100
    const values: unknown[] = []
    const rows: string[] = []
    for (let i = 0; i < older; i++) {
      rows.push(`(?, ?, ?, '2026-01-01 00:00:00', '2026-01-01 00:00:00')`)
      const day = String((i % 28) + 1).padStart(2, '0')
      values.push(customer.id, `2025-${String((i % 12) + 1).padStart(2, '0')}-${day}`, i + 0.5)
    }
    await core.store.write(({ manager: m }) =>
      m.query(`INSERT INTO sale (customer_id, date, amount, created_at, updated_at) VALUES ${rows.join(', ')}`, values),
    )
    await call(core, 'sales.create', { customerId: other.id, date: '2026-04-02', amount: 1 })

    const file = await call(core, 'export.sales', { customerId: customer.id })
    expect(file.count).toBe(older + 1)
    const ws = await firstSheet(file)
    expect(ws.rowCount).toBe(older + 2)
    expect(rowValues(ws, 1)).toEqual([
      '交易日期',
      '客户',
      '产品',
      '产品类别',
      '数量',
      '单价',
      '金额',
      '合同编号',
      '备注',
    ])
    expect(rowValues(ws, 2)).toEqual([
      utc(2026, 4, 1),
      '广州人易',
      '中央空调',
      undefined,
      3,
      1999.5,
      5998.5,
      undefined,
      '含安装',
    ])
    expect(ws.getCell('G2').numFmt).toBe('#,##0.00')
    // Newest first across the page boundary, and every amount there once.
    const dates = Array.from({ length: older + 1 }, (_, i) => (ws.getCell(`A${i + 2}`).value as Date).getTime())
    expect(dates.every((d, i) => i === 0 || d <= (dates[i - 1] ?? 0))).toBe(true)
    const amounts = Array.from({ length: older }, (_, i) => Number(ws.getCell(`G${i + 3}`).value))
    expect(amounts.reduce((a, b) => a + b, 0)).toBeCloseTo((older * (older - 1)) / 2 + older / 2, 2)

    const dated = await call(core, 'export.sales', { dateFrom: '2026-04-01' })
    expect(dated.count).toBe(2)
    expect(dated.fileName).toMatch(/^交易记录-\d{4}/)
  })
})

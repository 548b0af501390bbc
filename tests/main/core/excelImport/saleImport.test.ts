import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { freshStats, storedStats } from '../activity/activityTestKit'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { commit, count, openFile, preview, xlsxBase64 } from './importTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let renyi: Customer
let twinA: Customer

beforeEach(async () => {
  core = await testCore('sale-import')
  renyi = await createCustomer(core, { name: '广州人易科技有限公司' })
  twinA = await createCustomer(core, { name: '同名公司', registeredAt: '2025-01-01' })
  await createCustomer(core, { name: '同名有限公司' })
})
afterEach(async () => {
  await core.close()
})

describe('交易记录 import', () => {
  it('finds customers by code or name, creates products, recomputes the statistics once', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '客户编号', '日期', '产品名称', '数量', '单价', '金额'])
      sheet.addRow(['广州人易科技有限公司 ', null, 45296, '激光打印机', 2, 1500, null])
      sheet.addRow(['ＡＢＣ不存在', null, '2024/1/6', null, null, null, 100])
      sheet.addRow(['同名有限责任公司', null, '2024-01-07', null, null, null, 50])
      sheet.addRow([null, twinA.code, '2024年1月8日', '激光打印机', null, null, '1,200.50'])
      sheet.addRow(['广州人易科技有限公司', null, '2024-13-01', null, 1, null, null])
    })
    const opened = await openFile(core, '交易.xlsx', base64, 'sales')
    expect(opened.mapping).toEqual([
      'customerName',
      'customerCode',
      'date',
      'product',
      'quantity',
      'unitPrice',
      'amount',
    ])
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.problems.map((p) => p.message)])).toEqual([
      [2, 'create', []],
      [3, 'error', ['找不到客户「ABC不存在」，请先导入或新建该客户']],
      [4, 'error', ['有 2 个客户名称与「同名有限责任公司」相同，请填写客户编号以区分']],
      [5, 'create', []],
      [6, 'error', ['交易日期「2024-13-01」不是存在的日期']],
    ])
    expect(plan.unknownLabels).toMatchObject([{ field: 'product', label: '激光打印机', rows: 2 }])

    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping, skipErrorRows: true })
    expect(done.result).toMatchObject({ sales: 2, errors: 3, createdItems: 1 })
    expect(await count(core, 'sale')).toBe(2)
    const printer = await dictId(core, 'product', '激光打印机')
    const sales: { customer_id: number; date: string; product_id: number; amount: number }[] =
      await core.store.manager.query(`SELECT customer_id, date, product_id, amount FROM sale ORDER BY id`)
    expect(sales).toEqual([
      { customer_id: renyi.id, date: '2024-01-05', product_id: printer, amount: 3000 },
      { customer_id: twinA.id, date: '2024-01-08', product_id: printer, amount: 1200.5 },
    ])
    for (const c of [renyi, twinA]) expect(await storedStats(core, c.id)).toEqual(await freshStats(core, c.id))
    const card = await call(core, 'customers.get', { id: renyi.id })
    expect(card).toMatchObject({ transactionCount: 1, transactionAmount: 3000, lastTransactionAt: '2024-01-05' })
  })
})

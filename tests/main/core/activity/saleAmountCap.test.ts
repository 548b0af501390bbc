import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { resolveSaleAmount } from '../../../../src/shared/sale'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, expectError } from '../customers/customerTestKit'
import { commit, count, openFile, preview, xlsxBase64 } from '../excelImport/importTestKit'
import { freshStats, storedStats } from './activityTestKit'

/**
 * 金额 is capped at 1e12 (一万亿) when typed; 数量 (≤ 1e9) × 单价 (≤ 1e10) can reach
 * 1e19, so a computed 金额 must meet the same cap, through the channel and the import.
 */

let core: Awaited<ReturnType<typeof testCore>>
let customer: Customer
beforeEach(async () => {
  core = await testCore('sale-cap')
  customer = await createCustomer(core, { name: '广州人易科技有限公司' })
})
afterEach(async () => {
  await core.close()
})

const tooLarge = '金额过大：数量 × 单价超过一万亿元，请核对数量和单价'

describe('a computed 金额 obeys the cap of a typed one', () => {
  it('resolveSaleAmount: the product at the cap is taken, past it refused', () => {
    expect(resolveSaleAmount({ quantity: 100, unitPrice: 1e10, amount: null })).toEqual({ ok: true, amount: 1e12 })
    expect(resolveSaleAmount({ quantity: 1e9, unitPrice: 1e10, amount: null })).toEqual({
      ok: false,
      message: tooLarge,
    })
    expect(resolveSaleAmount({ quantity: 100.0001, unitPrice: 1e10, amount: null })).toMatchObject({ ok: false })
    // A typed 金额 wins (its own schema caps it).
    expect(resolveSaleAmount({ quantity: 1e9, unitPrice: 1e10, amount: 5 })).toEqual({ ok: true, amount: 5 })
  })

  it('sales.create and sales.update refuse 1e9 × 1e10 with the message under 金额; nothing is stored', async () => {
    const error = await expectError(core, 'sales.create', {
      customerId: customer.id,
      date: '2026-01-05',
      quantity: 1e9,
      unitPrice: 1e10,
    })
    expect(error).toMatchObject({ code: 'VALIDATION', message: `输入有误：${tooLarge}`, fields: { amount: tooLarge } })
    expect(await count(core, 'sale')).toBe(0)
    expect(await storedStats(core, customer.id)).toMatchObject({ transactionCount: 0, transactionAmount: 0 })

    // Within the cap, 数量 × 单价 is stored; then a new 数量 alone would take the product past it.
    const sale = await call(core, 'sales.create', {
      customerId: customer.id,
      date: '2026-01-05',
      quantity: 100,
      unitPrice: 1e10,
    })
    expect(sale.amount).toBe(1e12)
    const update = await expectError(core, 'sales.update', { id: sale.id, quantity: 1e9 })
    expect(update).toMatchObject({ code: 'VALIDATION', fields: { amount: tooLarge } })
    expect(await call(core, 'sales.update', { id: sale.id, quantity: 1e9, amount: 3000 })).toMatchObject({
      quantity: 1e9,
      amount: 3000,
    })
    const [row] = await core.store.manager.query(`SELECT quantity, unit_price, amount FROM sale`)
    expect(row).toEqual({ quantity: 1e9, unit_price: 1e10, amount: 3000 })
    expect(await storedStats(core, customer.id)).toEqual(await freshStats(core, customer.id))
    expect(await storedStats(core, customer.id)).toMatchObject({ transactionCount: 1, transactionAmount: 3000 })
  })

  it('the 交易记录 import refuses such a row under 单价 (no 金额 column) or 金额, and imports the others', async () => {
    const withoutAmount = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '日期', '数量', '单价'])
      sheet.addRow(['广州人易科技有限公司', '2026-01-05', 1e9, 1e10])
      sheet.addRow(['广州人易科技有限公司', '2026-01-06', 2, 1500])
    })
    const opened = await openFile(core, '交易.xlsx', withoutAmount, 'sales')
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.problems])).toEqual([
      [2, 'error', [{ column: '单价', message: tooLarge }]],
      [3, 'create', []],
    ])
    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping, skipErrorRows: true })
    expect(done.result).toMatchObject({ sales: 1, errors: 1 })
    expect(await core.store.manager.query(`SELECT amount FROM sale`)).toEqual([{ amount: 3000 }])
    expect(await storedStats(core, customer.id)).toMatchObject({ transactionCount: 1, transactionAmount: 3000 })

    const emptyAmount = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '日期', '数量', '单价', '金额'])
      sheet.addRow(['广州人易科技有限公司', '2026-01-07', 1e9, 1e10, null])
    })
    const second = await openFile(core, '交易2.xlsx', emptyAmount, 'sales')
    const secondPlan = await preview(core, { sessionId: second.sessionId, mapping: second.mapping })
    expect(secondPlan.rows.map((r) => r.problems)).toEqual([[{ column: '金额', message: tooLarge }]])
  })
})

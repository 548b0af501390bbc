import type ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportFile } from '../../../../src/shared/excelExport'
import { asCaller } from '../../../helpers/callers'
import { contractFixture, type ContractFixture } from '../contracts/contractKit'
import { readWorkbook } from './exportTestKit'

/** 应收 and 超额度 in 交易与信用 of the printed 客户信息登记卡, and in receivables.customer the screen's card reads. */
let f: ContractFixture

beforeEach(async () => {
  f = await contractFixture('card-credit')
})
afterEach(async () => {
  await f.core.close()
})

const sheets = async (file: ExportFile): Promise<ExcelJS.Worksheet[]> => (await readWorkbook(file)).worksheets

/** The cell right of the label cell holding exactly `label`. */
function valueCell(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === label) found = cell
    }),
  )
  if (!found) throw new Error(`no cell holds ${label}`)
  return ws.getRow(Number(found.row)).getCell(Number(found.col) + 1)
}

describe('应收 and 超额度 on the card', () => {
  it('prints 应收 and what passes the 信用额度, 否 within it, and says when no limit is set', async () => {
    await f.rows(`UPDATE customer SET credit_limit = 1000 WHERE id = ?`, [f.own.id])
    await f.rows(`UPDATE customer SET credit_limit = 5000 WHERE id = ?`, [f.others.id])
    const make = (customerId: number, amount: number, status: '执行中' | '已完成' | '草拟') =>
      asCaller(f.core, f.manager, 'contracts.create', {
        customerId,
        name: '供货合同',
        amount,
        status,
        confirmOverLimit: true,
      })
    const a = await make(f.own.id, 1200.55, '执行中')
    await make(f.own.id, 0.1, '已完成')
    await make(f.own.id, 50000, '草拟')
    await asCaller(f.core, f.manager, 'payments.create', { contractId: a.id, paidOn: '2026-03-01', amount: 0.45 })
    await make(f.others.id, 300, '执行中')

    const file = await asCaller(f.core, f.manager, 'export.customerCards', { ids: [f.own.id, f.others.id, f.pool.id] })
    const [own, others, pool] = await sheets(file)
    if (!own || !others || !pool) throw new Error('three cards expected')
    // 1200.55 − 0.45 + 0.10 = 1200.20 owed; over 1000 by 200.20. The 草拟 counts nothing.
    expect(valueCell(own, '应收').value).toBe(1200.2)
    expect(valueCell(own, '应收').numFmt).toBe('#,##0.00')
    expect(valueCell(own, '超额度').value).toBe(200.2)
    expect(valueCell(others, '应收').value).toBe(300)
    expect(valueCell(others, '超额度').value).toBe('否')
    expect(valueCell(pool, '应收').value).toBe(0)
    expect(valueCell(pool, '超额度').value).toBe('未设信用额度')

    // The screen's card reads the same numbers.
    expect(await asCaller(f.core, f.manager, 'receivables.customer', { customerId: f.own.id })).toMatchObject({
      creditLimit: 1000,
      receivable: 1200.2,
      overLimit: true,
      overBy: 200.2,
    })
    expect(await asCaller(f.core, f.manager, 'receivables.customer', { customerId: f.others.id })).toMatchObject({
      receivable: 300,
      overLimit: false,
      overBy: 0,
    })
  })
})

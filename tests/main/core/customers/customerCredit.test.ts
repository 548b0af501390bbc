import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../../src/main/core/accounts/caller'
import type { CustomerFilters, CustomerListRow } from '../../../../src/shared/customerList'
import { asCaller } from '../../../helpers/callers'
import { call } from '../../../helpers/testCore'
import { contractFixture, type ContractFixture } from '../contracts/contractKit'

/**
 * 应收 and 超额度 on the customer sheet: computed in SQL from the owed contracts, sortable,
 * filterable (counts against a query of their own), exported, and within a 业务员's scope.
 */
let f: ContractFixture

beforeEach(async () => {
  f = await contractFixture('customer-credit')
})
afterEach(async () => {
  await f.core.close()
})

/** The direct definition: 金额 − 已收 of 执行中/已完成 live contracts, in fen, against the card's limit. */
const direct = `WITH owed AS (
    SELECT c.id, c.credit_limit,
      (SELECT COALESCE(SUM(CAST(round(max(0, amount - received_amount) * 100) AS INTEGER)), 0) FROM contract
       WHERE customer_id = c.id AND deleted_at IS NULL AND status IN ('执行中', '已完成')) AS fen
    FROM customer c WHERE c.deleted_at IS NULL)
  SELECT COUNT(*) AS n FROM owed WHERE credit_limit > 0 AND fen > CAST(round(credit_limit * 100) AS INTEGER)`

async function rows(caller: Caller, filters: CustomerFilters = {}, sort: [string, 'asc' | 'desc'][] = []) {
  return asCaller(f.core, caller, 'customers.list', {
    startRow: 0,
    endRow: 100,
    filters,
    sort: sort.map(([colId, dir]) => ({ colId: colId as never, sort: dir })),
  })
}

const pick = (list: CustomerListRow[]) => list.map((r) => [r.name, r.receivable, r.creditExcess])

async function seed(): Promise<void> {
  const limit = (id: number, creditLimit: number | null) =>
    f.rows(`UPDATE customer SET credit_limit = ? WHERE id = ?`, [creditLimit, id])
  await limit(f.own.id, 1000)
  await limit(f.others.id, 5000)
  await limit(f.pool.id, 0)
  const make = (customerId: number, amount: number, status: '草拟' | '执行中' | '已完成' | '已终止') =>
    asCaller(f.core, f.manager, 'contracts.create', {
      customerId,
      name: `${status}合同`,
      amount,
      status,
      confirmOverLimit: true,
    })
  // 张's customer: 800.10 + 300.20 owed, 0.3 paid → 1100.00, over 1000 by 100.00; a 草拟 and a 已终止 count nothing.
  const a = await make(f.own.id, 800.1, '执行中')
  await make(f.own.id, 300.2, '已完成')
  await make(f.own.id, 9999, '草拟')
  await make(f.own.id, 8888, '已终止')
  await asCaller(f.core, f.manager, 'payments.create', { contractId: a.id, paidOn: '2026-03-01', amount: 0.3 })
  // 李's: 4000 owed under 5000. The 公海's: 70000 owed, no limit (0).
  await make(f.others.id, 4000, '执行中')
  await make(f.pool.id, 70000, '执行中')
  // A fourth customer of 李's over its limit by 0.01, one with nothing.
  const tight = await call(f.core, 'customers.create', {
    name: '东莞精密五金有限公司',
    ownerStaffId: f.liStaff,
    creditLimit: 99.99,
  })
  await make(tight.id, 100, '执行中')
  await call(f.core, 'customers.create', { name: '中山无合同灯饰厂', creditLimit: 10 })
}

describe('应收 and 超额度 on the customer sheet', () => {
  it('computes both per customer from the owed contracts only', async () => {
    await seed()
    const list = await rows(f.manager, {}, [['name', 'asc']])
    expect(Object.fromEntries(list.rows.map((r) => [r.name, [r.receivable, r.creditExcess]]))).toEqual({
      广州人易科技有限公司: [1100, 100],
      佛山顺德电器有限公司: [4000, 0],
      深圳公海贸易有限公司: [70000, 0],
      东莞精密五金有限公司: [100, 0.01],
      中山无合同灯饰厂: [0, 0],
    })
    // The card's receivables.customer agrees with the sheet.
    const credit = await asCaller(f.core, f.manager, 'receivables.customer', { customerId: f.own.id })
    expect(credit).toMatchObject({ receivable: 1100, overLimit: true })
  })

  it('filters 超额度 in SQL: the count equals a direct count, and 否 is the rest', async () => {
    await seed()
    const [{ n }] = (await f.rows<{ n: number }>(direct)) as [{ n: number }]
    expect(n).toBe(2)
    const over = await rows(f.manager, { overCreditLimit: true })
    expect(over.total).toBe(n)
    expect(over.rows.map((r) => r.name).sort()).toEqual(['东莞精密五金有限公司', '广州人易科技有限公司'].sort())
    const within = await rows(f.manager, { overCreditLimit: false })
    expect(within.total).toBe(3)
    const ids = await asCaller(f.core, f.manager, 'customers.ids', { quick: '', filters: { overCreditLimit: true } })
    expect(ids.ids.sort()).toEqual(over.rows.map((r) => r.id).sort())
    // Paying off the excess takes the customer out of the filter at once.
    const [contract] = await f.rows<{ id: number }>(
      `SELECT id FROM contract WHERE customer_id = ? AND status = '执行中'`,
      [f.own.id],
    )
    await asCaller(f.core, f.manager, 'payments.create', {
      contractId: contract?.id ?? 0,
      paidOn: '2026-03-02',
      amount: 100,
    })
    expect((await rows(f.manager, { overCreditLimit: true })).rows.map((r) => r.name)).toEqual(['东莞精密五金有限公司'])
  })

  it('sorts by 应收 and by 超额度 both ways, ties by id', async () => {
    await seed()
    expect(pick((await rows(f.manager, {}, [['receivable', 'desc']])).rows)).toEqual([
      ['深圳公海贸易有限公司', 70000, 0],
      ['佛山顺德电器有限公司', 4000, 0],
      ['广州人易科技有限公司', 1100, 100],
      ['东莞精密五金有限公司', 100, 0.01],
      ['中山无合同灯饰厂', 0, 0],
    ])
    const ascending = (await rows(f.manager, {}, [['receivable', 'asc']])).rows.map((r) => r.receivable)
    expect(ascending).toEqual([0, 100, 1100, 4000, 70000])
    const byExcess = (await rows(f.manager, {}, [['creditExcess', 'desc']])).rows.map((r) => r.creditExcess)
    expect(byExcess).toEqual([100, 0.01, 0, 0, 0])
  })

  it('a 业务员 sees 应收 and the filter over their own and the 公海 customers only', async () => {
    await seed()
    const own = await rows(f.zhang, {}, [['receivable', 'desc']])
    expect(pick(own.rows)).toEqual([
      ['深圳公海贸易有限公司', 70000, 0],
      ['广州人易科技有限公司', 1100, 100],
      ['中山无合同灯饰厂', 0, 0],
    ])
    const over = await rows(f.zhang, { overCreditLimit: true })
    expect(over.total).toBe(1)
    expect(over.rows.map((r) => r.name)).toEqual(['广州人易科技有限公司'])
    expect((await rows(f.li, { overCreditLimit: true })).rows.map((r) => r.name)).toEqual(['东莞精密五金有限公司'])
  })

  it('the sheet’s Excel export carries 应收 and 超额度 as numbers, filtered and sorted like the sheet', async () => {
    await seed()
    const file = await asCaller(f.core, f.manager, 'export.customerSheet', {
      columns: [{ key: 'name' }, { key: 'receivable' }, { key: 'creditExcess' }],
      sort: [{ colId: 'creditExcess', sort: 'desc' }],
      quick: '',
      filters: { overCreditLimit: true },
    })
    const ExcelJS = (await import('exceljs')).default
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const ws = workbook.worksheets[0]
    expect(ws?.getRow(1).values).toEqual([undefined, '客户名称', '应收', '超额度'])
    expect(ws?.getRow(2).values).toEqual([undefined, '广州人易科技有限公司', 1100, 100])
    expect(ws?.getRow(3).values).toEqual([undefined, '东莞精密五金有限公司', 100, 0.01])
    expect(ws?.getCell('B2').numFmt).toBe('#,##0.00')
    expect(file.count).toBe(2)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { asCaller } from '../../../helpers/callers'
import { call } from '../../../helpers/testCore'
import { addDictItem } from '../activity/activityTestKit'
import { contractFixture, type ContractFixture } from './contractKit'

let f: ContractFixture

beforeEach(async () => {
  f = await contractFixture('receivables')
})
afterEach(async () => {
  await f.core.close()
})

/** A running contract with its plan, and payments. */
async function contract(
  customerId: number,
  amount: number,
  plan: [dueOn: string, amount: number][],
  paid: number[] = [],
  extra: { endOn?: string; staffId?: number } = {},
) {
  const made = await call(f.core, 'contracts.create', {
    customerId,
    name: `合同${amount}`,
    amount,
    status: '执行中',
    ...extra,
  })
  await call(f.core, 'contracts.plan.set', {
    contractId: made.id,
    instalments: plan.map(([dueOn, value]) => ({ dueOn, amount: value })),
  })
  for (const value of paid)
    await call(f.core, 'payments.create', { contractId: made.id, paidOn: '2024-01-01', amount: value })
  return made
}

const zero = { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 }

describe('应收账款账龄', () => {
  it('ages across month ends by whole days: Jan 31 → Feb 29 (leap) and Feb 28, Mar 1/2', async () => {
    // Each contract one instalment, so each lands in exactly one bucket.
    await contract(f.own.id, 100, [['2024-01-31', 100]])
    await contract(f.others.id, 200, [['2025-01-31', 200]])
    const aging = (asOf: string) => call(f.core, 'receivables.aging', { by: 'customer', asOf })
    const row = async (asOf: string, name: string) => (await aging(asOf)).rows.find((r) => r.label.startsWith(name))

    // 2024 is a leap year: Jan 31 → Feb 29 is 29 days, → Mar 1 is 30 days, → Mar 2 is 31.
    expect(await row('2024-01-31', '广州')).toMatchObject({ ...zero, notDue: 100, total: 100 })
    expect(await row('2024-02-29', '广州')).toMatchObject({ ...zero, days1to30: 100 })
    expect(await row('2024-03-01', '广州')).toMatchObject({ ...zero, days1to30: 100 })
    expect(await row('2024-03-02', '广州')).toMatchObject({ ...zero, days31to60: 100 })
    // 2025: Jan 31 → Feb 28 is 28 days, → Mar 2 is 30, → Mar 3 is 31.
    expect(await row('2025-03-02', '佛山')).toMatchObject({ ...zero, days1to30: 200 })
    expect(await row('2025-03-03', '佛山')).toMatchObject({ ...zero, days31to60: 200 })
    // 60 / 61 / 90 / 91 days.
    expect(await row('2025-04-01', '佛山')).toMatchObject({ ...zero, days31to60: 200 })
    expect(await row('2025-04-02', '佛山')).toMatchObject({ ...zero, days61to90: 200 })
    expect(await row('2025-05-01', '佛山')).toMatchObject({ ...zero, days61to90: 200 })
    expect(await row('2025-05-02', '佛山')).toMatchObject({ ...zero, over90: 200 })
    expect((await aging('2025-05-02')).totals).toMatchObject({ over90: 300, total: 300 })
  })

  it('settles the earliest instalment first, ages the unplanned rest from the end date, and leaves out what is not owed', async () => {
    // 1,000: 300 due Jan 10, 300 due Mar 10, the 400 not in the plan due at the end (Jun 30); 450 received.
    await contract(
      f.own.id,
      1000,
      [
        ['2026-01-10', 300],
        ['2026-03-10', 300],
      ],
      [450],
      { endOn: '2026-06-30' },
    )
    // Fully paid, a 草拟, a 已终止, a deleted one: none is owed.
    await contract(f.own.id, 50, [['2026-01-01', 50]], [50])
    await call(f.core, 'contracts.create', { customerId: f.own.id, name: '草拟', amount: 70 })
    const ended = await contract(f.own.id, 80, [['2026-01-01', 80]])
    await call(f.core, 'contracts.update', { id: ended.id, status: '已终止' })
    const gone = await contract(f.own.id, 90, [['2026-01-01', 90]])
    await call(f.core, 'contracts.delete', { id: gone.id })

    const { rows, totals, groups } = await call(f.core, 'receivables.aging', { asOf: '2026-04-15' })
    expect(groups).toBe(1)
    // Jan 10 part fully paid; Mar 10 part: 150 open, 36 days; the rest: 400 not due.
    expect(rows).toEqual([
      { key: f.own.id, label: '广州人易科技有限公司', ...zero, days31to60: 150, notDue: 400, total: 550 },
    ])
    expect(totals).toEqual({ ...zero, days31to60: 150, notDue: 400, total: 550 })
    expect(await call(f.core, 'receivables.customer', { customerId: f.own.id })).toMatchObject({
      receivable: 550,
      creditLimit: null,
      overLimit: false,
    })
  })

  it('groups by 区域 and 业务员, and a 业务员 ages only their own and the 公海', async () => {
    const south = await addDictItem(f.core, 'region', '华南测试区')
    await call(f.core, 'customers.update', { id: f.own.id, regionId: south })
    await call(f.core, 'customers.update', { id: f.others.id, regionId: south })
    await contract(f.own.id, 100, [['2026-01-01', 100]])
    await contract(f.others.id, 200, [['2026-01-01', 200]])
    await contract(f.pool.id, 400, [['2026-01-01', 400]])
    // 经办业务员 given: counted under them, not the customer's owner.
    await contract(f.pool.id, 800, [['2026-01-01', 800]], [], { staffId: f.liStaff })

    const byRegion = await call(f.core, 'receivables.aging', { by: 'region', asOf: '2026-01-20' })
    expect(byRegion.rows.map((r) => [r.label, r.total])).toEqual([
      ['未指定区域', 1200],
      ['华南测试区', 300],
    ])
    const byStaff = await call(f.core, 'receivables.aging', { by: 'staff', asOf: '2026-01-20' })
    expect(byStaff.rows.map((r) => [r.label, r.days1to30])).toEqual([
      ['李业务', 1000],
      ['未指定业务员', 400],
      ['张业务', 100],
    ])
    const mine = await asCaller(f.core, f.zhang, 'receivables.aging', { by: 'customer', asOf: '2026-01-20' })
    expect(mine.rows.map((r) => r.label)).toEqual(['深圳公海贸易有限公司', '广州人易科技有限公司'])
    expect(mine.totals.total).toBe(1300)
    const limited = await call(f.core, 'receivables.aging', { by: 'customer', asOf: '2026-01-20', limit: 1 })
    expect(limited).toMatchObject({ groups: 3, rows: [{ label: '深圳公海贸易有限公司' }], totals: { total: 1500 } })
    await expect(asCaller(f.core, f.zhang, 'receivables.customer', { customerId: f.others.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})

describe('回款 per month against plan', () => {
  it('sums the plan by due month and the payments by paid month, every month listed', async () => {
    const a = await contract(f.own.id, 1000, [
      ['2026-01-31', 300],
      ['2026-02-28', 300],
      ['2026-04-01', 400],
    ])
    await call(f.core, 'payments.create', { contractId: a.id, paidOn: '2026-01-31', amount: 100 })
    await call(f.core, 'payments.create', { contractId: a.id, paidOn: '2026-02-01', amount: 250.5 })
    await call(f.core, 'payments.create', { contractId: a.id, paidOn: '2025-12-31', amount: 1 })
    const monthly = await call(f.core, 'receivables.monthly', { from: '2026-01', to: '2026-04' })
    expect(monthly).toEqual({
      rows: [
        { month: '2026-01', planned: 300, received: 100 },
        { month: '2026-02', planned: 300, received: 250.5 },
        { month: '2026-03', planned: 0, received: 0 },
        { month: '2026-04', planned: 400, received: 0 },
      ],
      planned: 1000,
      received: 350.5,
    })
    const year = await call(f.core, 'receivables.monthly', { from: '2025-11', to: '2026-02' })
    expect(year.rows.map((r) => r.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(year.received).toBe(351.5)
  })
})

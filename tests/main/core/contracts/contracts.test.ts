import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { asCaller } from '../../../helpers/callers'
import { call } from '../../../helpers/testCore'
import { expectError } from '../customers/customerTestKit'
import { contractCounts, contractFixture, type ContractFixture } from './contractKit'

let f: ContractFixture

beforeEach(async () => {
  f = await contractFixture('contracts')
})
afterEach(async () => {
  await f.core.close()
})

const year = new Date().getFullYear()

describe('合同', () => {
  it('numbers contracts HT-年份-序号 from a counter, never reusing one after a purge', async () => {
    const first = await call(f.core, 'contracts.create', {
      customerId: f.own.id,
      name: '年度供货合同',
      amount: 1000,
      signedOn: '2026-03-08',
    })
    expect(first.contractNo).toBe('HT-2026-0001')
    expect(first).toMatchObject({ status: '草拟', receivable: 1000, receivedAmount: 0, staffId: f.zhangStaff })
    const second = await call(f.core, 'contracts.create', { customerId: f.pool.id, name: '安装合同', amount: 10 })
    expect(second.contractNo).toBe(`HT-${year}-${year === 2026 ? '0002' : '0001'}`)
    // The customer deleted for good takes its contract along; its number stays used.
    await call(f.core, 'customers.delete', { ids: [f.own.id] })
    await call(f.core, 'customers.purge', { ids: [f.own.id] })
    expect(await f.rows(`SELECT COUNT(*) AS n FROM contract WHERE contract_no = 'HT-2026-0001'`)).toEqual([{ n: 0 }])
    const third = await call(f.core, 'contracts.create', {
      customerId: f.others.id,
      name: '维保合同',
      amount: 5,
      signedOn: '2026-05-01',
    })
    expect(third.contractNo).not.toBe('HT-2026-0001')
    expect(third.contractNo).toMatch(/^HT-2026-000[23]$/)
  })

  it('checks the lines: 数量 × 单价 against 金额, and their total against the contract amount', async () => {
    const made = await call(f.core, 'contracts.create', {
      customerId: f.own.id,
      name: '空调采购',
      lines: [
        { name: '多联机', quantity: 3, unitPrice: 0.1 },
        { name: '安装', amount: 0.2 },
      ],
    })
    expect(made.amount).toBe(0.5)
    expect(made.lines).toEqual([
      { lineNo: 1, name: '多联机', quantity: 3, unitPrice: 0.1, amount: 0.3 },
      { lineNo: 2, name: '安装', quantity: null, unitPrice: null, amount: 0.2 },
    ])
    const before = await contractCounts(f.core)
    const wrongLine = await expectError(f.core, 'contracts.create', {
      customerId: f.own.id,
      name: '空调采购',
      lines: [{ name: '多联机', quantity: 2, unitPrice: 100, amount: 150 }],
    })
    expect(wrongLine.code).toBe('VALIDATION')
    expect(wrongLine.message).toContain('第 1 行：金额 150.00 元与数量 × 单价（200.00 元）不一致')
    const wrongTotal = await expectError(f.core, 'contracts.create', {
      customerId: f.own.id,
      name: '空调采购',
      amount: 1000,
      lines: [{ name: '多联机', amount: 999.99 }],
    })
    expect(wrongTotal.message).toContain('合同明细合计 999.99 元与合同金额 1,000.00 元不一致')
    // An update of 金额 alone is checked against the stored lines.
    const staleAmount = await expectError(f.core, 'contracts.update', { id: made.id, amount: 0.6 })
    expect(staleAmount.message).toContain('合同明细合计 0.50 元与合同金额 0.60 元不一致')
    expect(await contractCounts(f.core)).toEqual(before)
  })

  it('refuses a stale save with who changed it, and keeps who created and changed each contract', async () => {
    const made = await asCaller(f.core, f.zhang, 'contracts.create', {
      customerId: f.own.id,
      name: '合同甲',
      amount: 100,
    })
    expect(made).toMatchObject({ createdByName: '张业务', updatedByName: '张业务', version: 0 })
    const saved = await asCaller(f.core, f.manager, 'contracts.update', { id: made.id, version: 0, status: '执行中' })
    expect(saved).toMatchObject({ status: '执行中', updatedByName: '王主管', version: 1 })
    await expect(
      asCaller(f.core, f.zhang, 'contracts.update', { id: made.id, version: 0, remarks: '旧表单' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('该合同已被 王主管') })
  })

  it('a 业务员 sees and changes only the contracts of their own and the 公海 customers', async () => {
    const own = await call(f.core, 'contracts.create', { customerId: f.own.id, name: '自己的', amount: 1 })
    await call(f.core, 'contracts.create', { customerId: f.pool.id, name: '公海的', amount: 2 })
    const others = await call(f.core, 'contracts.create', { customerId: f.others.id, name: '别人的', amount: 3 })
    const list = await asCaller(f.core, f.zhang, 'contracts.list', { sortBy: 'amount', sortOrder: 'asc' })
    expect(list.rows.map((r) => r.name)).toEqual(['自己的', '公海的'])
    expect(list).toMatchObject({ total: 2, totalAmount: 3 })
    const forbidden = { code: 'FORBIDDEN' }
    await expect(asCaller(f.core, f.zhang, 'contracts.get', { id: others.id })).rejects.toMatchObject(forbidden)
    await expect(
      asCaller(f.core, f.zhang, 'contracts.update', { id: others.id, name: '改别人的' }),
    ).rejects.toMatchObject(forbidden)
    await expect(
      asCaller(f.core, f.zhang, 'contracts.update', { id: own.id, customerId: f.others.id }),
    ).rejects.toMatchObject(forbidden)
    await expect(
      asCaller(f.core, f.zhang, 'contracts.create', { customerId: f.others.id, name: 'x', amount: 1 }),
    ).rejects.toMatchObject(forbidden)
    await expect(asCaller(f.core, f.zhang, 'payments.list', { contractId: others.id })).resolves.toMatchObject({
      total: 0,
    })
    expect((await asCaller(f.core, f.li, 'contracts.list', {})).rows.map((r) => r.name).sort()).toEqual(
      ['公海的', '别人的'].sort(),
    )
    // Deleted: gone from the lists and the page, kept as a row for the 回收站's history.
    await asCaller(f.core, f.zhang, 'contracts.delete', { id: own.id })
    expect((await asCaller(f.core, f.zhang, 'contracts.list', {})).total).toBe(1)
    expect((await expectError(f.core, 'contracts.get', { id: own.id })).code).toBe('NOT_FOUND')
  })
})

describe('交易记录 linked to a contract', () => {
  it('takes a contract of the same customer only, and shows its number', async () => {
    const own = await call(f.core, 'contracts.create', { customerId: f.own.id, name: '供货', amount: 100 })
    const pool = await call(f.core, 'contracts.create', { customerId: f.pool.id, name: '别家', amount: 100 })
    const sale = await call(f.core, 'sales.create', {
      customerId: f.own.id,
      date: '2026-03-01',
      amount: 100,
      contractId: own.id,
    })
    expect(sale).toMatchObject({ contractId: own.id, contractNo: own.contractNo })
    const wrong = await expectError(f.core, 'sales.create', {
      customerId: f.own.id,
      date: '2026-03-01',
      amount: 1,
      contractId: pool.id,
    })
    expect(wrong).toMatchObject({ code: 'VALIDATION', fields: { contractId: '所选合同不是该客户的合同' } })
    // Moving the sale to another customer without its contract is refused too.
    const moved = await expectError(f.core, 'sales.update', { id: sale.id, customerId: f.pool.id })
    expect(moved.fields?.contractId).toBe('所选合同不是该客户的合同')
    expect(
      await call(f.core, 'sales.update', { id: sale.id, customerId: f.pool.id, contractId: pool.id }),
    ).toMatchObject({
      contractNo: pool.contractNo,
    })
    await call(f.core, 'contracts.delete', { id: pool.id })
    expect(
      (
        await expectError(f.core, 'sales.create', {
          customerId: f.pool.id,
          date: '2026-03-01',
          amount: 1,
          contractId: pool.id,
        })
      ).fields?.contractId,
    ).toBe('所选合同不存在，可能已被删除')
  })
})

describe('回款计划 and 回款记录', () => {
  it('refuses a plan whose total passes the contract amount, saving nothing; 期次 follow the dates', async () => {
    const made = await call(f.core, 'contracts.create', { customerId: f.own.id, name: '供货', amount: 0.3 })
    const before = await contractCounts(f.core)
    const over = await expectError(f.core, 'contracts.plan.set', {
      contractId: made.id,
      instalments: [
        { dueOn: '2026-01-31', amount: 0.2 },
        { dueOn: '2026-02-28', amount: 0.11 },
      ],
    })
    expect(over).toMatchObject({ code: 'VALIDATION', message: '输入有误：回款计划合计 0.31 元超过合同金额 0.30 元' })
    expect(await contractCounts(f.core)).toEqual(before)
    // 0.1 + 0.2 is exactly 0.3 in fen.
    const planned = await call(f.core, 'contracts.plan.set', {
      contractId: made.id,
      instalments: [
        { dueOn: '2026-02-28', amount: 0.2, remindDaysBefore: 3 },
        { dueOn: '2026-01-31', amount: 0.1 },
      ],
    })
    expect(planned.instalments.map((i) => [i.seq, i.dueOn, i.amount, i.remindDaysBefore])).toEqual([
      [1, '2026-01-31', 0.1, 7],
      [2, '2026-02-28', 0.2, 3],
    ])
    expect(planned).toMatchObject({ plannedAmount: 0.3, version: 1 })
    expect(await f.rows(`SELECT remind_on FROM contract_instalment ORDER BY seq`)).toEqual([
      { remind_on: '2026-01-24' },
      { remind_on: '2026-02-25' },
    ])
    // The contract amount cannot drop below its plan either.
    const lower = await expectError(f.core, 'contracts.update', { id: made.id, amount: 0.29 })
    expect(lower.message).toContain('回款计划合计 0.30 元超过合同金额 0.29 元')
    // Kept instalments keep their id; the one left out goes.
    const [first] = planned.instalments
    const replanned = await call(f.core, 'contracts.plan.set', {
      contractId: made.id,
      instalments: [{ id: first?.id, dueOn: '2026-03-31', amount: 0.3 }],
    })
    expect(replanned.instalments).toMatchObject([{ id: first?.id, seq: 1, dueOn: '2026-03-31', amount: 0.3 }])
  })

  it('records an over-payment in full, with its 超收 flagged in the answer and on the row', async () => {
    const made = await call(f.core, 'contracts.create', {
      customerId: f.own.id,
      name: '供货',
      amount: 10000,
      status: '执行中',
    })
    const plan = await call(f.core, 'contracts.plan.set', {
      contractId: made.id,
      instalments: [
        { dueOn: '2026-01-31', amount: 4000 },
        { dueOn: '2026-02-28', amount: 6000 },
      ],
    })
    const [first, second] = plan.instalments
    // A payment named against 第 2 期 settles 第 1 期 first (先到期先核销), and says so when it passes 第 2 期.
    const part = await call(f.core, 'payments.create', {
      contractId: made.id,
      instalmentId: second?.id,
      paidOn: '2026-02-01',
      amount: 7000,
      method: '转账',
      receiverStaffId: f.zhangStaff,
    })
    expect(part.warnings).toEqual(['超过第 2 期未收金额 6,000.00 元，多出的 1,000.00 元计入其后各期'])
    expect(part.contract).toMatchObject({ receivedAmount: 7000, receivable: 3000, overReceived: 0 })
    expect(part.payment).toMatchObject({ instalmentSeq: 2, receiverLabel: '张业务', method: '转账', overAmount: 0 })
    const detail = await call(f.core, 'contracts.get', { id: made.id })
    expect(detail.instalments.map((i) => [i.id, i.paidAmount])).toEqual([
      [first?.id, 4000],
      [second?.id, 3000],
    ])

    const over = await call(f.core, 'payments.create', { contractId: made.id, paidOn: '2026-03-01', amount: 3500 })
    expect(over.warnings).toHaveLength(1)
    expect(over.warnings[0]).toMatch(/^超收 500\.00 元：合同 HT-\d{4}-0001 应收只剩 3,000\.00 元/)
    expect(over.payment.overAmount).toBe(500)
    expect(over.contract).toMatchObject({ receivedAmount: 10500, receivable: 0, overReceived: 500 })
    const list = await call(f.core, 'payments.list', { contractId: made.id })
    expect(list).toMatchObject({ total: 2, totalAmount: 10500 })
    expect(list.rows.map((r) => r.paidOn)).toEqual(['2026-03-01', '2026-02-01'])

    // Taken back: 已收 follows.
    await call(f.core, 'payments.delete', { id: over.payment.id })
    expect((await call(f.core, 'contracts.get', { id: made.id })).receivedAmount).toBe(7000)
  })

  it('takes no payment on a 草拟 or 已终止 contract, nor against another contract’s instalment', async () => {
    const draft = await call(f.core, 'contracts.create', { customerId: f.own.id, name: '草拟', amount: 100 })
    expect(
      (await expectError(f.core, 'payments.create', { contractId: draft.id, paidOn: '2026-01-01', amount: 1 })).message,
    ).toContain('草拟')
    const running = await call(f.core, 'contracts.create', {
      customerId: f.own.id,
      name: '执行',
      amount: 100,
      status: '执行中',
    })
    const plan = await call(f.core, 'contracts.plan.set', {
      contractId: draft.id,
      instalments: [{ dueOn: '2026-01-01', amount: 100 }],
    })
    const stranger = await expectError(f.core, 'payments.create', {
      contractId: running.id,
      instalmentId: plan.instalments[0]?.id,
      paidOn: '2026-01-01',
      amount: 1,
    })
    expect(stranger).toMatchObject({ code: 'VALIDATION', fields: { instalmentId: '所选回款计划不属于该合同' } })
    expect(await f.rows(`SELECT COUNT(*) AS n FROM contract_payment`)).toEqual([{ n: 0 }])
  })
})

describe('信用额度', () => {
  const limit = async (customerId: number, creditLimit: number | null) =>
    call(f.core, 'customers.update', { id: customerId, creditLimit })

  it('passes under the limit, refuses over it, lets a 主管 confirm and forbids a 业务员 to', async () => {
    await limit(f.own.id, 10000)
    await asCaller(f.core, f.zhang, 'contracts.create', {
      customerId: f.own.id,
      name: '第一份',
      amount: 6000,
      status: '执行中',
    })
    // A 草拟 counts as what it is about to add: 6,000 + 5,000 > 10,000.
    const before = await contractCounts(f.core)
    const refused = asCaller(f.core, f.zhang, 'contracts.create', {
      customerId: f.own.id,
      name: '第二份',
      amount: 5000,
    })
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        '超出信用额度：客户「广州人易科技有限公司」信用额度 10,000.00 元，现有应收 6,000.00 元，加上本合同 5,000.00 元为 11,000.00 元，超出 1,000.00 元。需由主管或管理员确认后保存',
    })
    const forbidden = asCaller(f.core, f.zhang, 'contracts.create', {
      customerId: f.own.id,
      name: '第二份',
      amount: 5000,
      confirmOverLimit: true,
    })
    await expect(forbidden).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('没有「确认超出信用额度」的权限（当前角色：业务员）'),
    })
    expect(await contractCounts(f.core)).toEqual(before)

    const confirmed = await asCaller(f.core, f.manager, 'contracts.create', {
      customerId: f.own.id,
      name: '第二份',
      amount: 5000,
      confirmOverLimit: true,
    })
    expect(confirmed.createdByName).toBe('王主管')
    const credit = await call(f.core, 'receivables.customer', { customerId: f.own.id })
    // The 草拟 is not owed yet: 6,000 of 10,000.
    expect(credit).toMatchObject({ creditLimit: 10000, receivable: 6000, overLimit: false })
    // Signing it raises nothing this contract adds, so it is not asked again; the card now shows 超额度.
    await asCaller(f.core, f.zhang, 'contracts.update', { id: confirmed.id, status: '执行中' })
    expect(await call(f.core, 'receivables.customer', { customerId: f.own.id })).toMatchObject({
      receivable: 11000,
      overLimit: true,
    })
    // Raising the amount of an over-limit contract is asked again; a remark is not.
    await asCaller(f.core, f.zhang, 'contracts.update', { id: confirmed.id, remarks: '已确认' })
    await expect(
      asCaller(f.core, f.zhang, 'contracts.update', { id: confirmed.id, amount: 5001 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    // A payment lowers the 应收: then the raise fits.
    await call(f.core, 'payments.create', { contractId: confirmed.id, paidOn: '2026-01-01', amount: 2000 })
    await asCaller(f.core, f.zhang, 'contracts.update', { id: confirmed.id, amount: 5001 })
  })

  it('checks nothing without a limit; the single-PC user may confirm', async () => {
    await call(f.core, 'contracts.create', { customerId: f.pool.id, name: '大单', amount: 1e9, status: '执行中' })
    await limit(f.pool.id, 100)
    const refused = await expectError(f.core, 'contracts.create', { customerId: f.pool.id, name: '小单', amount: 1 })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.fields?.confirmOverLimit).toContain('超出信用额度')
    await call(f.core, 'contracts.create', { customerId: f.pool.id, name: '小单', amount: 1, confirmOverLimit: true })
    await limit(f.pool.id, 0)
    await call(f.core, 'contracts.create', { customerId: f.pool.id, name: '再一单', amount: 1 })
  })
})

import { afterEach, beforeEach, expect, it } from 'vitest'
import { call } from '../../../helpers/testCore'
import { contractFixture, type ContractFixture } from '../contracts/contractKit'
import { remindersOf, scanOn } from './reminderTestKit'

let f: ContractFixture

beforeEach(async () => {
  f = await contractFixture('contract-reminders')
})
afterEach(async () => {
  await f.core.close()
})

const pendingCount = async () => (await f.rows<{ n: number }>(`SELECT n FROM reminder_pending_count`))[0]?.n ?? -1

it('raises a 回款提醒 N days ahead, once; rewrites it on a part payment; closes it when paid; reopens it when the payment is taken back', async () => {
  const made = await call(f.core, 'contracts.create', {
    customerId: f.own.id,
    name: '年度供货',
    amount: 8000,
    status: '执行中',
  })
  const plan = await call(f.core, 'contracts.plan.set', {
    contractId: made.id,
    instalments: [
      { dueOn: '2026-01-31', amount: 5000, remindDaysBefore: 3 },
      { dueOn: '2026-02-28', amount: 3000, remindDaysBefore: 0 },
    ],
  })
  const [first, second] = plan.instalments
  await scanOn(f.core, '2026-01-27')
  expect(await remindersOf(f.core, 'payment')).toEqual([])
  // Jan 28 = Jan 31 − 3 days: raised, due on the planned date (so the 工作台 counts 逾期 from it).
  expect((await scanOn(f.core, '2026-01-28')).created).toBe(1)
  await scanOn(f.core, '2026-01-29')
  await scanOn(f.core, '2026-02-10')
  const raised = await remindersOf(f.core, 'payment')
  expect(raised).toMatchObject([
    {
      customer_id: f.own.id,
      subject_key: `instalment:${first?.id}`,
      due_date: '2026-01-31',
      status: 'pending',
      reason: `合同 ${made.contractNo}「年度供货」第 1 期回款 5000.00 元，计划 2026-01-31 收款`,
    },
  ])
  // The 工作台 links the reminder to its contract.
  const listed = await call(f.core, 'reminders.list', { view: 'all', kinds: ['payment'] })
  expect(listed.rows.map((r) => r.contractId)).toEqual([made.id])
  const pending = await pendingCount()

  // A part payment: still open, the reason says what is left.
  await call(f.core, 'payments.create', { contractId: made.id, paidOn: '2026-02-10', amount: 2000 })
  expect(await remindersOf(f.core, 'payment')).toMatchObject([
    { status: 'pending', reason: expect.stringContaining('，已收 2000.00 元，未收 3000.00 元') },
  ])
  // Paid in full: closed at once, not at the next scan; the later instalment is untouched.
  const rest = await call(f.core, 'payments.create', { contractId: made.id, paidOn: '2026-02-11', amount: 3000 })
  expect(rest.warnings).toEqual([])
  expect(await remindersOf(f.core, 'payment')).toMatchObject([{ status: 'done', done_at: expect.any(String) }])
  expect(await pendingCount()).toBe(pending - 1)
  await scanOn(f.core, '2026-02-12')
  expect(await remindersOf(f.core, 'payment')).toHaveLength(1)

  // 第 2 期 on its day (0 days ahead), then overdue: the same reminder, never a second one.
  await scanOn(f.core, '2026-02-28')
  await scanOn(f.core, '2026-03-10')
  const both = await remindersOf(f.core, 'payment')
  expect(both.map((r) => [r.subject_key, r.status])).toEqual([
    [`instalment:${first?.id}`, 'done'],
    [`instalment:${second?.id}`, 'pending'],
  ])

  // The second payment taken back: 第 1 期 is owed again and its reminder open again.
  await call(f.core, 'payments.delete', { id: rest.payment.id })
  expect((await remindersOf(f.core, 'payment')).map((r) => r.status)).toEqual(['pending', 'pending'])
  expect((await remindersOf(f.core, 'payment'))[0]?.reason).toContain('未收 3000.00 元')
})

it('closes the 回款提醒 of a contract deleted, terminated or replanned, in the scan that follows', async () => {
  const made = await call(f.core, 'contracts.create', {
    customerId: f.own.id,
    name: '甲',
    amount: 100,
    status: '执行中',
  })
  await call(f.core, 'contracts.plan.set', { contractId: made.id, instalments: [{ dueOn: '2026-01-10', amount: 100 }] })
  const other = await call(f.core, 'contracts.create', {
    customerId: f.pool.id,
    name: '乙',
    amount: 100,
    status: '执行中',
  })
  await call(f.core, 'contracts.plan.set', {
    contractId: other.id,
    instalments: [{ dueOn: '2026-01-10', amount: 100 }],
  })
  await scanOn(f.core, '2026-01-20')
  expect((await remindersOf(f.core, 'payment')).map((r) => r.status)).toEqual(['pending', 'pending'])

  // Moved to a later date: the old day's reminder closes, a new one comes when its day is near.
  await call(f.core, 'contracts.plan.set', { contractId: made.id, instalments: [{ dueOn: '2026-03-10', amount: 100 }] })
  await call(f.core, 'contracts.update', { id: other.id, status: '已终止' })
  await scanOn(f.core, '2026-01-21')
  expect((await remindersOf(f.core, 'payment')).map((r) => [r.due_date, r.status])).toEqual([
    ['2026-01-10', 'done'],
    ['2026-01-10', 'done'],
  ])
  await scanOn(f.core, '2026-03-05')
  expect((await remindersOf(f.core, 'payment')).filter((r) => r.status === 'pending')).toMatchObject([
    { due_date: '2026-03-10' },
  ])
  await call(f.core, 'contracts.delete', { id: made.id })
  await scanOn(f.core, '2026-03-06')
  expect((await remindersOf(f.core, 'payment')).filter((r) => r.status === 'pending')).toEqual([])
})

it('raises 合同到期 the lead days ahead with what is still owed, and closes it when the contract is finished', async () => {
  const made = await call(f.core, 'contracts.create', {
    customerId: f.own.id,
    name: '维保',
    amount: 1200,
    status: '执行中',
    startOn: '2026-01-01',
    endOn: '2026-12-31',
  })
  await scanOn(f.core, '2026-12-20', { leadDays: 7 })
  expect(await remindersOf(f.core, 'contractEnd')).toEqual([])
  await scanOn(f.core, '2026-12-24', { leadDays: 7 })
  await scanOn(f.core, '2026-12-25', { leadDays: 7 })
  expect(await remindersOf(f.core, 'contractEnd')).toMatchObject([
    {
      subject_key: `contract:${made.id}`,
      due_date: '2026-12-31',
      status: 'pending',
      reason: `合同 ${made.contractNo}「维保」将于 2026-12-31 到期，尚有应收 1200.00 元`,
    },
  ])
  const listed = await call(f.core, 'reminders.list', { view: 'all', kinds: ['contractEnd'] })
  expect(listed.rows.map((r) => r.contractId)).toEqual([made.id])
  await call(f.core, 'contracts.update', { id: made.id, status: '已完成' })
  expect(await remindersOf(f.core, 'contractEnd')).toMatchObject([{ status: 'done' }])
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { asCaller } from '../../../helpers/callers'
import { call } from '../../../helpers/testCore'
import { expectError } from '../customers/customerTestKit'
import { remindersOf, scanOn } from '../reminders/reminderTestKit'
import { contractCounts, contractFixture, type ContractFixture } from './contractKit'

/**
 * The 回收站 for contracts: contracts.delete only hides a contract; contracts.restore
 * brings it back with everything it had (and its reminders), contracts.purge deletes it
 * for good with its lines, plan and payments. Scope and the customer's own state hold.
 */
let f: ContractFixture

beforeEach(async () => {
  f = await contractFixture('contract-bin')
})
afterEach(async () => {
  await f.core.close()
})

/** A running contract of 张's customer with two lines, a two-instalment plan and one payment. */
async function fullContract(customerId = f.own.id, name = '年度供货') {
  const made = await call(f.core, 'contracts.create', {
    customerId,
    name,
    status: '执行中',
    signedOn: '2026-03-01',
    startOn: '2026-03-01',
    endOn: '2026-12-31',
    lines: [
      { name: '多联机', quantity: 2, unitPrice: 3000 },
      { name: '安装', amount: 2000 },
    ],
  })
  await call(f.core, 'contracts.plan.set', {
    contractId: made.id,
    instalments: [
      { dueOn: '2026-04-30', amount: 5000, remindDaysBefore: 3 },
      { dueOn: '2026-06-30', amount: 3000, remindDaysBefore: 3 },
    ],
  })
  await call(f.core, 'payments.create', { contractId: made.id, paidOn: '2026-04-01', amount: 1000 })
  return call(f.core, 'contracts.get', { id: made.id })
}

const binOf = async (caller = f.zhang) => asCaller(f.core, caller, 'contracts.list', { deleted: true })
const auditLines = () =>
  f.rows<{ user_id: number | null; action: string; detail: string }>(
    `SELECT user_id, action, detail FROM audit_event WHERE action = 'contracts' ORDER BY id`,
  )
/** Everything a refused call must leave as it was. */
const snapshot = async () => ({
  counts: await contractCounts(f.core),
  contracts: await f.rows(`SELECT * FROM contract ORDER BY id`),
  reminders: await f.rows(`SELECT * FROM reminder ORDER BY id`),
  audit: await f.rows(`SELECT * FROM audit_event ORDER BY id`),
})

describe('contracts in the 回收站', () => {
  it('lists the deleted ones (only those, in scope, newest deleted first) and restores one whole, saying who', async () => {
    const before = await fullContract()
    const second = await call(f.core, 'contracts.create', { customerId: f.pool.id, name: '公海的', amount: 5 })
    const others = await call(f.core, 'contracts.create', { customerId: f.others.id, name: '李的', amount: 7 })
    expect((await binOf()).total).toBe(0)

    await asCaller(f.core, f.zhang, 'contracts.delete', { id: before.id })
    await f.rows(`UPDATE contract SET deleted_at = '2000-01-01 00:00:00' WHERE id = ?`, [before.id])
    await asCaller(f.core, f.zhang, 'contracts.delete', { id: second.id })
    await asCaller(f.core, f.li, 'contracts.delete', { id: others.id })
    const bin = await binOf()
    // 李's contract is not in 张's 回收站; the older delete comes last.
    expect(bin.rows.map((r) => r.name)).toEqual(['公海的', '年度供货'])
    expect(bin.rows[1]).toMatchObject({
      contractNo: before.contractNo,
      customerName: f.own.name,
      amount: 8000,
      receivedAmount: 1000,
      deletedAt: '2000-01-01 00:00:00',
      updatedByName: '张业务',
    })
    expect(bin).toMatchObject({ total: 2, totalAmount: 8005 })
    expect((await asCaller(f.core, f.zhang, 'contracts.list', {})).total).toBe(0)
    expect((await binOf(f.li)).rows.map((r) => r.name)).toEqual(['李的', '公海的'])

    const restored = await asCaller(f.core, f.zhang, 'contracts.restore', { id: before.id })
    expect(restored).toMatchObject({
      contractNo: before.contractNo,
      deletedAt: null,
      amount: 8000,
      receivedAmount: 1000,
      updatedByName: '张业务',
      version: before.version + 1,
    })
    expect(restored.lines).toEqual(before.lines)
    expect(restored.instalments.map((i) => [i.id, i.dueOn, i.amount])).toEqual(
      before.instalments.map((i) => [i.id, i.dueOn, i.amount]),
    )
    expect(restored.payments).toEqual(before.payments)
    const [row] = await f.rows<{ updated_by: number }>(`SELECT updated_by FROM contract WHERE id = ?`, [before.id])
    expect(row?.updated_by).toBe(f.zhang.userId)
    expect((await asCaller(f.core, f.zhang, 'contracts.list', {})).rows.map((r) => r.id)).toEqual([before.id])
    expect((await binOf()).rows.map((r) => r.name)).toEqual(['公海的'])
    expect(await auditLines()).toEqual([
      {
        user_id: f.zhang.userId,
        action: 'contracts',
        detail: `从回收站恢复合同 ${before.contractNo}「年度供货」（客户：${f.own.name}）`,
      },
    ])
    // Restored once: a second restore (another window) is told it is no longer in the 回收站.
    const again = await expectError(f.core, 'contracts.restore', { id: before.id })
    expect(again).toMatchObject({ code: 'CONFLICT' })
    expect(again.message).toContain('不在回收站中')
  })

  it('refuses a 业务员 another’s contract (restore and list), leaving the database as it was', async () => {
    const theirs = await call(f.core, 'contracts.create', { customerId: f.others.id, name: '李的', amount: 7 })
    await asCaller(f.core, f.li, 'contracts.delete', { id: theirs.id })
    const before = await snapshot()
    await expect(asCaller(f.core, f.zhang, 'contracts.restore', { id: theirs.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(asCaller(f.core, f.zhang, 'contracts.purge', { id: theirs.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect((await binOf()).total).toBe(0)
    expect(await snapshot()).toEqual(before)
    // Its own 业务员 may.
    await expect(asCaller(f.core, f.li, 'contracts.restore', { id: theirs.id })).resolves.toMatchObject({
      deletedAt: null,
    })
  })

  it('refuses to restore a contract whose customer is in the 回收站 until the customer is back', async () => {
    const made = await fullContract()
    await call(f.core, 'contracts.delete', { id: made.id })
    await call(f.core, 'customers.delete', { ids: [f.own.id] })
    // Still listed, so it can be purged or restored later.
    expect((await call(f.core, 'contracts.list', { deleted: true })).rows.map((r) => r.id)).toEqual([made.id])
    const before = await snapshot()
    const refused = await expectError(f.core, 'contracts.restore', { id: made.id })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toBe(
      `合同 ${made.contractNo} 的客户「${f.own.name}」在回收站中，请先恢复该客户，再恢复合同`,
    )
    expect(await snapshot()).toEqual(before)
    await call(f.core, 'customers.restore', { ids: [f.own.id] })
    await expect(call(f.core, 'contracts.restore', { id: made.id })).resolves.toMatchObject({ deletedAt: null })
  })

  it('purges only a deleted contract, with its lines, plan, payments and reminders; its number is never reused', async () => {
    const made = await fullContract()
    const kept = await fullContract(f.own.id, '另一份')
    const sale = await call(f.core, 'sales.create', {
      customerId: f.own.id,
      date: '2026-04-01',
      amount: 1000,
      contractId: made.id,
    })
    await scanOn(f.core, '2026-12-28', { leadDays: 7 })
    const raised = await remindersOf(f.core)
    // Per contract: 第 1 期, 第 2 期 and 合同到期.
    expect(raised.filter((r) => r.kind === 'payment')).toHaveLength(4)
    expect(raised.filter((r) => r.kind === 'contractEnd')).toHaveLength(2)

    const live = await expectError(f.core, 'contracts.purge', { id: made.id })
    expect(live).toMatchObject({ code: 'CONFLICT' })
    expect(live.message).toContain('不在回收站中')
    const untouched = await contractCounts(f.core)
    expect(untouched).toMatchObject({ contract: 2, contract_line: 4, contract_instalment: 4, contract_payment: 2 })

    await call(f.core, 'contracts.delete', { id: made.id })
    expect(await call(f.core, 'contracts.purge', { id: made.id })).toEqual({ id: made.id })
    expect(await contractCounts(f.core)).toMatchObject({
      contract: 1,
      contract_line: 2,
      contract_instalment: 2,
      contract_payment: 1,
    })
    // The other contract keeps everything, its reminders too; the purged one's are gone.
    // 元旦 (a festival reminder, no customer) is raised by the same scan: left out here.
    const left = (await remindersOf(f.core)).filter((r) => r.customer_id !== null)
    expect(left).toHaveLength(3)
    const keptIds = [`contract:${kept.id}`, ...kept.instalments.map((i) => `instalment:${i.id}`)]
    expect(left.map((r) => r.subject_key).sort()).toEqual(keptIds.sort())
    expect(left.every((r) => r.status === 'pending')).toBe(true)
    expect((await f.rows<{ n: number }>(`SELECT n FROM reminder_pending_count`))[0]?.n).toBe(3 + 1)
    // The 交易记录 stays, without its contract.
    expect(await call(f.core, 'sales.get', { id: sale.id })).toMatchObject({ contractId: null, contractNo: null })
    expect((await expectError(f.core, 'contracts.get', { id: made.id })).code).toBe('NOT_FOUND')
    expect((await expectError(f.core, 'contracts.restore', { id: made.id })).code).toBe('NOT_FOUND')
    expect((await expectError(f.core, 'contracts.purge', { id: made.id })).code).toBe('NOT_FOUND')
    expect((await auditLines()).map((a) => a.detail)).toEqual([
      `彻底删除合同 ${made.contractNo}「年度供货」（客户：${f.own.name}），连同 2 期回款计划、1 条回款记录`,
    ])

    // The number of the purged contract (the year's first) is not handed out again.
    expect(made.contractNo).toBe('HT-2026-0001')
    await call(f.core, 'contracts.delete', { id: kept.id })
    await call(f.core, 'contracts.purge', { id: kept.id })
    const next = await call(f.core, 'contracts.create', {
      customerId: f.own.id,
      name: '新合同',
      amount: 1,
      signedOn: '2026-05-01',
    })
    expect(next.contractNo).toBe('HT-2026-0003')
  })
})

describe('reminders of a contract restored', () => {
  it('are open again at once and stay single through the scans; one marked done before stays done', async () => {
    const made = await fullContract()
    const other = await fullContract(f.pool.id, '公海的')
    await scanOn(f.core, '2026-04-28')
    const [first] = await remindersOf(f.core, 'payment')
    expect(first).toMatchObject({ subject_key: `instalment:${made.instalments[0]?.id}`, status: 'pending' })
    // 公海的 contract's 第 1 期 marked done by hand: the delete and restore of another contract leave it alone.
    const [otherFirst] = (await remindersOf(f.core, 'payment')).filter((r) => r.customer_id === f.pool.id)
    await call(f.core, 'reminders.complete', { id: otherFirst?.id ?? 0 })

    await call(f.core, 'contracts.delete', { id: made.id })
    expect((await remindersOf(f.core, 'payment')).map((r) => r.status)).toEqual(['done', 'done'])
    // While deleted, its 第 2 期 and its 合同到期 come due: the scans raise nothing for it.
    await scanOn(f.core, '2026-06-28')
    await scanOn(f.core, '2026-12-28', { leadDays: 7 })
    const whileDeleted = (await remindersOf(f.core)).filter((r) => r.customer_id === f.own.id)
    expect(whileDeleted.map((r) => [r.subject_key, r.status])).toEqual([
      [`instalment:${made.instalments[0]?.id}`, 'done'],
    ])

    await call(f.core, 'contracts.restore', { id: made.id })
    // The one the delete closed is open again at once, before any scan.
    expect((await remindersOf(f.core)).filter((r) => r.customer_id === f.own.id)).toMatchObject([
      { subject_key: `instalment:${made.instalments[0]?.id}`, status: 'pending', done_at: null },
    ])
    await scanOn(f.core, '2026-12-29', { leadDays: 7 })
    await scanOn(f.core, '2026-12-30', { leadDays: 7 })
    const after = (await remindersOf(f.core)).filter((r) => r.customer_id === f.own.id)
    expect(after.map((r) => [r.kind, r.subject_key, r.status])).toEqual([
      ['payment', `instalment:${made.instalments[0]?.id}`, 'pending'],
      ['payment', `instalment:${made.instalments[1]?.id}`, 'pending'],
      ['contractEnd', `contract:${made.id}`, 'pending'],
    ])
    expect(after[0]?.reason).toContain('已收 1000.00 元，未收 4000.00 元')
    const otherNow = (await remindersOf(f.core, 'payment')).find((r) => r.id === otherFirst?.id)
    expect(otherNow?.status).toBe('done')
    expect(other.id).not.toBe(made.id)
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError } from '../customers/customerTestKit'
import { remindersOf } from './reminderTestKit'

let core: Awaited<ReturnType<typeof testCore>>

/** Frozen at 2026-04-15 10:00 local time: the handlers read "today" from the clock. */
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2026, 3, 15, 10, 0))
  core = await testCore('reminder-create')
})
afterEach(async () => {
  await core.close()
  vi.useRealTimers()
})

describe('reminders.create (新建提醒 on the customer page)', () => {
  it('plans a follow-up that is listed as 计划跟进 on its day, survives scans, and closes once the customer is contacted', async () => {
    const customer = await createCustomer(core, { name: '手动提醒有限公司' })
    const made = await call(core, 'reminders.create', {
      customerId: customer.id,
      dueDate: '2026-04-20',
      reason: '  寄送新品样册  ',
    })
    expect(made).toMatchObject({
      kind: 'plannedFollowUp',
      customerId: customer.id,
      customerName: '手动提醒有限公司',
      dueDate: '2026-04-20',
      reason: '寄送新品样册',
      status: 'pending',
    })
    // A second one for the same day is its own reminder.
    await call(core, 'reminders.create', { customerId: customer.id, dueDate: '2026-04-20', reason: '打电话确认' })

    // Not due yet today; on the customer's list of open reminders it is.
    expect((await call(core, 'reminders.list', { view: 'open', dueTo: '2026-04-15' })).total).toBe(0)
    const open = await call(core, 'reminders.list', { view: 'open', customerId: customer.id })
    expect(open.rows.map((r) => r.reason).sort()).toEqual(['寄送新品样册', '打电话确认'])

    // The scan closes planned follow-ups whose 交往记录 is gone; one made by hand has none, and stays.
    await call(core, 'reminders.scan', {})
    expect((await remindersOf(core, 'plannedFollowUp')).map((r) => r.status)).toEqual(['pending', 'pending'])

    // Contacted on or after its day: done, as a planned follow-up of a 交往记录 is.
    vi.setSystemTime(new Date(2026, 3, 21, 10, 0))
    const visit = await dictId(core, 'interactionType', '拜访')
    await call(core, 'interactions.create', { customerId: customer.id, occurredAt: '2026-04-21 09:00', typeId: visit })
    await call(core, 'reminders.scan', {})
    expect((await remindersOf(core, 'plannedFollowUp')).map((r) => r.status)).toEqual(['done', 'done'])
  })

  it('refuses an empty text, a wrong date, and a customer that is gone, in Chinese', async () => {
    const customer = await createCustomer(core, { name: '被删客户' })
    expect(
      (await expectError(core, 'reminders.create', { customerId: customer.id, dueDate: '2026-04-20', reason: ' ' }))
        .message,
    ).toContain('请填写提醒内容')
    expect(
      (await expectError(core, 'reminders.create', { customerId: customer.id, dueDate: '2026-02-30', reason: '回访' }))
        .message,
    ).toContain('提醒日期应为有效日期')
    await call(core, 'customers.delete', { ids: [customer.id] })
    const gone = await expectError(core, 'reminders.create', {
      customerId: customer.id,
      dueDate: '2026-04-20',
      reason: '回访',
    })
    expect(gone.code).toBe('NOT_FOUND')
    expect(gone.message).toContain('不能新建提醒')
    expect(await remindersOf(core)).toEqual([])
  })
})

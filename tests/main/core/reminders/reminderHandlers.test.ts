import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Interaction } from '../../../../src/shared/interaction'
import type { Reminder, ReminderListOutput, ReminderSettings } from '../../../../src/shared/reminder'
import { defaultReminderSettings } from '../../../../src/shared/reminder'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError } from '../customers/customerTestKit'
import { remindersOf } from './reminderTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let monthly: number
let visit: number

/** Frozen at 2026-04-15 10:00 local time: the handlers read "today" from the clock. */
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(2026, 3, 15, 10, 0))
  core = await testCore('reminder-handlers')
  monthly = await dictId(core, 'contactStrategy', '每月')
  visit = await dictId(core, 'interactionType', '拜访')
})
afterEach(async () => {
  await core.close()
  vi.useRealTimers()
})

async function overdueCustomer(name: string, registeredAt = '2026-03-01') {
  return createCustomer(core, { name, contactStrategyId: monthly, registeredAt, contacts: [{ name: '张三' }] })
}

async function openList(input: Record<string, unknown> = {}): Promise<ReminderListOutput> {
  return call(core, 'reminders.list', input)
}

describe('reminders.scan and reminders.list', () => {
  it('lists open reminders earliest first with counts per kind, and a second scan adds nothing', async () => {
    const a = await overdueCustomer('甲公司', '2026-03-01') // due 03-31
    const b = await overdueCustomer('乙公司', '2026-03-10') // due 04-09
    await overdueCustomer('丙公司', '2026-04-01') // not yet due
    expect(await call(core, 'reminders.scan', {})).toEqual({ created: 2, pending: 2 })
    expect(await call(core, 'reminders.scan', {})).toEqual({ created: 0, pending: 2 })
    const list = await openList()
    expect(list.today).toBe('2026-04-15')
    expect(list.rows.map((r) => [r.customerName, r.dueDate, r.kind])).toEqual([
      ['甲公司', '2026-03-31', 'followUp'],
      ['乙公司', '2026-04-09', 'followUp'],
    ])
    expect(list.counts).toMatchObject({ followUp: 2, birthday: 0 })
    expect((await openList({ kinds: ['birthday'] })).rows).toEqual([])
    expect((await openList({ customerId: b.id })).rows.map((r) => r.customerId)).toEqual([b.id])
    // A customer moved to the 回收站 takes its reminders along.
    await call(core, 'customers.delete', { ids: [a.id] })
    expect((await openList()).total).toBe(1)
  })

  it('reports the open count as counted, through status changes, the 回收站, restore and purge', async () => {
    const a = await overdueCustomer('甲公司', '2026-03-01')
    await overdueCustomer('乙公司', '2026-03-05')
    const c = await overdueCustomer('丙公司', '2026-03-10')
    const counted = async () =>
      Number(
        (
          await core.store.manager.query(
            `SELECT COUNT(*) AS n FROM reminder r JOIN customer c ON c.id = r.customer_id
             WHERE r.status = 'pending' AND c.deleted_at IS NULL`,
          )
        )[0].n,
      )
    const scanned = async () => (await call(core, 'reminders.scan', {})).pending
    expect(await scanned()).toBe(3)
    const [first, second] = (await openList()).rows
    await call(core, 'reminders.snooze', { id: first?.id, days: 1 })
    expect(await scanned()).toBe(2)
    await call(core, 'reminders.ignore', { id: second?.id })
    expect(await scanned()).toBe(1)
    vi.setSystemTime(new Date(2026, 3, 16, 10, 0)) // the snooze ends: pending again
    expect(await scanned()).toBe(2)
    await call(core, 'customers.delete', { ids: [c.id] })
    expect(await scanned()).toBe(1)
    await call(core, 'customers.restore', { ids: [c.id] })
    expect(await scanned()).toBe(2)
    await call(core, 'reminders.complete', { id: first?.id })
    expect(await scanned()).toBe(1)
    await call(core, 'customers.delete', { ids: [a.id, c.id] })
    await call(core, 'customers.purge', { ids: [a.id, c.id] })
    expect(await scanned()).toBe(await counted())
    expect(await scanned()).toBe(0)
  })

  it('refuses bad input with Chinese messages', async () => {
    expect((await expectError(core, 'reminders.list', { kinds: ['生日'] })).message).toContain('提醒类型无效')
    expect((await expectError(core, 'reminders.snooze', { id: 1 })).message).toContain('请选择推迟 1 天、1 周')
    expect((await expectError(core, 'reminders.snooze', { id: 1, days: 3 })).message).toContain('1 天或 7 天')
    expect((await expectError(core, 'reminders.ignore', { id: 999 })).code).toBe('NOT_FOUND')
    const bad = await expectError(core, 'reminders.setSettings', { ...defaultReminderSettings, digestTime: '9点' })
    expect(bad.message).toContain('每日汇总时间应为 24 小时制时间')
  })
})

describe('完成, 推迟, 忽略', () => {
  async function oneReminder(): Promise<Reminder> {
    await overdueCustomer('甲公司')
    await call(core, 'reminders.scan', {})
    const [reminder] = (await openList()).rows
    if (!reminder) throw new Error('no reminder')
    return reminder
  }

  it('完成 with an interaction logs it, resets the follow-up cycle and leaves the list', async () => {
    const reminder = await oneReminder()
    const contactId = (await call(core, 'customers.get', { id: reminder.customerId ?? -1 })).contacts[0]?.id ?? null
    const done = await call(core, 'reminders.complete', {
      id: reminder.id,
      interaction: { occurredAt: '2026-04-15 09:30', typeId: visit, contactId, subject: '回访' },
    })
    expect(done).toMatchObject({ status: 'done', doneAt: '2026-04-15 10:00:00' })
    const logged = await call(core, 'interactions.list', { customerId: reminder.customerId ?? undefined })
    expect(logged.rows.map((i: Interaction) => [i.id, i.subject, i.contactName])).toEqual([
      [done.interactionId, '回访', '张三'],
    ])
    expect((await openList()).total).toBe(0)
    const [{ last_contact_at }] = await core.store.manager.query(`SELECT last_contact_at FROM customer WHERE id = ?`, [
      reminder.customerId,
    ])
    expect(last_contact_at).toBe('2026-04-15')
    // The next cycle starts from the contact: nothing is due until 30 days later.
    expect(await call(core, 'reminders.scan', {})).toMatchObject({ created: 0, pending: 0 })
  })

  it('a refused interaction leaves the reminder open (one transaction)', async () => {
    const reminder = await oneReminder()
    const error = await expectError(core, 'reminders.complete', {
      id: reminder.id,
      interaction: { occurredAt: '2026-04-15 09:30', typeId: 999_999 },
    })
    expect(error.code).toBe('VALIDATION')
    expect((await remindersOf(core))[0]).toMatchObject({ status: 'pending', interaction_id: null })
    const [{ n }] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM interaction`)
    expect(n).toBe(0)
  })

  it('完成 without an interaction only closes it', async () => {
    const reminder = await oneReminder()
    expect(await call(core, 'reminders.complete', { id: reminder.id })).toMatchObject({
      status: 'done',
      interactionId: null,
    })
  })

  it('推迟 1 天 hides it until tomorrow, when it is open (and announced) again', async () => {
    const reminder = await oneReminder()
    await core.store.manager.query(`UPDATE reminder SET notified_at = '2026-04-15 09:00:00'`)
    const snoozed = await call(core, 'reminders.snooze', { id: reminder.id, days: 1 })
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-04-16' })
    expect((await openList()).total).toBe(0)
    expect((await openList({ view: 'snoozed' })).total).toBe(1)
    vi.setSystemTime(new Date(2026, 3, 16, 8, 0))
    // The day's first scan (the scheduler runs one when the date changes) brings it back.
    await call(core, 'reminders.scan', {})
    expect((await openList()).rows.map((r) => r.id)).toEqual([reminder.id])
    expect((await remindersOf(core))[0]).toMatchObject({ status: 'pending', notified_at: null })
  })

  it('推迟 1 周 and to a date; a date not after today is refused', async () => {
    const reminder = await oneReminder()
    expect(await call(core, 'reminders.snooze', { id: reminder.id, days: 7 })).toMatchObject({
      snoozedUntil: '2026-04-22',
    })
    expect(await call(core, 'reminders.snooze', { id: reminder.id, until: '2026-05-01' })).toMatchObject({
      snoozedUntil: '2026-05-01',
    })
    const error = await expectError(core, 'reminders.snooze', { id: reminder.id, until: '2026-04-15' })
    expect(error).toMatchObject({ code: 'VALIDATION', message: '推迟到的日期须晚于今天' })
  })

  it('忽略 closes it for good: later scans do not bring the same occasion back', async () => {
    const reminder = await oneReminder()
    expect(await call(core, 'reminders.ignore', { id: reminder.id })).toMatchObject({ status: 'ignored' })
    await call(core, 'reminders.scan', {})
    expect((await openList()).total).toBe(0)
    expect((await openList({ view: 'ignored' })).rows.map((r) => r.id)).toEqual([reminder.id])
  })
})

describe('settings and greeting lists', () => {
  it('keeps the settings, defaulting to 3 lead days', async () => {
    expect(await call(core, 'reminders.getSettings', {})).toEqual(defaultReminderSettings)
    const changed: ReminderSettings = { ...defaultReminderSettings, leadDays: 7, startAtLogin: true }
    await call(core, 'reminders.setSettings', changed)
    expect(await call(core, 'reminders.getSettings', {})).toEqual(changed)
  })

  it('lists this week’s birthdays and picked customers with e-mail and mobile', async () => {
    const a = await createCustomer(core, {
      name: '甲公司',
      contacts: [
        { name: '张三', email: 'zhang@jia.cn', mobile: '13800138000', birthday: { date: '04-17', calendar: 'solar' } },
      ],
    })
    const b = await createCustomer(core, {
      name: '乙公司',
      email: 'office@yi.cn',
      contacts: [{ name: '李四' }, { name: '王五', isKey: true, mobile: '13900139000' }],
    })
    await call(core, 'reminders.scan', {})
    expect(await call(core, 'greetings.list', { source: 'birthdays' })).toEqual({
      recipients: [
        { customerId: a.id, customerName: '甲公司', contactName: '张三', email: 'zhang@jia.cn', mobile: '13800138000' },
      ],
    })
    const picked = await call(core, 'greetings.list', {
      source: 'customers',
      customerIds: [b.id],
    })
    expect(picked.recipients).toEqual([
      { customerId: b.id, customerName: '乙公司', contactName: '王五', email: 'office@yi.cn', mobile: '13900139000' },
    ])
  })
})

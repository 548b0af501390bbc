import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createReminderScheduler } from '../../../src/main/core/reminders/reminderScheduler'
import { signedInViewer } from '../../../src/main/core/reminders/reminderViewer'
import { createReminderOutlet } from '../../../src/main/platform/reminderOutlet'
import { trayMenuModel, type TraySummary } from '../../../src/main/platform/tray'
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/contract'
import { testCore } from '../../helpers/testCore'

const fake = await vi.hoisted(async () => (await import('../../helpers/fakeElectron')).createFakeElectron())
vi.mock('electron', () => fake.module)

/**
 * The tray and notifications of the PC show the reminders of the user signed in at it:
 * the window's latest session token goes to the core (auth.status), and the scheduler
 * announces and counts that user's reminders only. Accounts on, real logins.
 */

let core: Awaited<ReturnType<typeof testCore>>
const today = '2026-04-15'

async function ok<C extends Channel>(channel: C, input: ChannelInput<C>, token?: string): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input, token)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value as ChannelOutput<C>
}

beforeEach(async () => {
  fake.reset()
  core = await testCore('outletUser')
})
afterEach(async () => {
  await core.close()
})

describe('the tray of a PC with accounts on', () => {
  it('shows and announces the reminders of the user signed in, none while no one is', async () => {
    const admin = await ok('auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
    const newUser = (login: string, name: string) =>
      ok(
        'users.create',
        { login, name, role: 'sales', password: 'secret-2', staffId: null, customerLimit: null },
        admin.token,
      )
    await newUser('li', '李四')
    await newUser('wang', '王五')
    const li = await ok('auth.login', { login: 'li', password: 'secret-2', remember: false })
    const wang = await ok('auth.login', { login: 'wang', password: 'secret-2', remember: false })
    const customerOf = async (name: string, ownerStaffId: number | null) =>
      (await ok('customers.create', { name, ownerStaffId }, admin.token)).id
    const ofLi = await customerOf('李四的客户', li.user.staffId)
    const ofWang = await customerOf('王五的客户', wang.user.staffId)
    await core.store.write(async (db) => {
      for (const [customerId, key] of [
        [ofLi, 'li'],
        [ofWang, 'wang'],
      ] as const) {
        await db.run(
          `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
           VALUES ('followUp', ?, ?, ?, '联系策略到期', 'n')`,
          [customerId, key, today],
        )
      }
    })

    let token: string | null = li.token
    const summaries: TraySummary[] = []
    const scheduler = createReminderScheduler({
      store: core.store,
      viewer: signedInViewer(core.dispatch, () => token),
      outlet: createReminderOutlet({
        openRoute: () => {},
        showSummary: (summary) => summaries.push(summary),
        today: () => today,
      }),
      clock: { now: () => new Date(2026, 3, 15, 10, 0) },
      timers: { setInterval: () => 0, clearInterval: () => {} },
    })
    const titles = () => fake.state.notifications.map((n) => n.options.title)

    await scheduler.tick(true)
    expect(summaries.at(-1)).toMatchObject({ pending: 1, top: [{ customerName: '李四的客户' }] })
    expect(trayMenuModel(summaries.at(-1))[0]).toMatchObject({ action: 'customer', customerId: ofLi })
    expect(titles()).toContain('跟进提醒：李四的客户')
    expect(titles().join()).not.toContain('王五')

    // 切换用户: the next tick is 王五's; his reminder was not announced to 李四, so it is now.
    token = wang.token
    await scheduler.tick()
    expect(summaries.at(-1)).toMatchObject({ pending: 1, top: [{ customerName: '王五的客户' }] })
    expect(titles()).toContain('跟进提醒：王五的客户')
    expect(titles().filter((t) => t.includes('李四的客户'))).toHaveLength(1)

    // Logged out: nothing is shown or announced.
    token = null
    const shownBefore = titles().length
    await scheduler.tick()
    expect(summaries.at(-1)).toMatchObject({ pending: 0, top: [] })
    expect(titles()).toHaveLength(shownBefore)
    // The 管理员 sees both.
    token = admin.token
    await scheduler.tick()
    expect(summaries.at(-1)?.pending).toBe(2)
    await scheduler.stop()
  })
})

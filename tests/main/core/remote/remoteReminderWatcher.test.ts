import dayjs from 'dayjs'
import { afterEach, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import type { ReminderOutlet } from '../../../../src/main/core/reminders/reminderScheduler'
import { createRemoteReminderWatcher } from '../../../../src/main/core/remote/remoteReminderWatcher'
import type { Reminder } from '../../../../src/shared/reminder'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

function recorder() {
  const calls: { announced: string[][]; digests: number[]; pending: number[] } = {
    announced: [],
    digests: [],
    pending: [],
  }
  const names = (rs: Reminder[]) => rs.map((r) => r.customerName ?? '')
  const outlet: ReminderOutlet = {
    announce: (shown) => void calls.announced.push(names(shown)),
    digest: (pending) => void calls.digests.push(pending),
    showPending: (pending) => void calls.pending.push(pending),
    setStartAtLogin: () => undefined,
  }
  return { calls, outlet }
}

it("a client's tray: the signed-in user's due reminders from the host, each new one announced once", async () => {
  const c = (core = await openCore(tempDir('remote-reminders'), { checkOutput: true }))
  const today = dayjs().format('YYYY-MM-DD')
  // Contacted yesterday, to follow up today: a 计划跟进 falls due today.
  const yesterday = dayjs().subtract(1, 'day').format('YYYY-MM-DD')
  const mine = (await call(c, 'dictionary.create', { category: 'staff', label: '李四' })).id
  const theirs = (await call(c, 'dictionary.create', { category: 'staff', label: '王五' })).id
  const typeId = (await call(c, 'dictionary.list', { category: 'interactionType' }))[0]?.id ?? 0
  const own = await call(c, 'customers.create', { kind: 'enterprise', name: '李四的客户', ownerStaffId: mine })
  const other = await call(c, 'customers.create', { kind: 'enterprise', name: '王五的客户', ownerStaffId: theirs })
  const followUp = (customerId: number, token?: string) =>
    call(c, 'interactions.create', { customerId, occurredAt: `${yesterday} 09:00`, typeId, nextFollowUp: today }, token)
  await followUp(own.id)
  await followUp(other.id)

  const admin = await call(c, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
  await call(
    c,
    'users.create',
    { login: 'li', name: '李四', role: 'sales', password: 'secret-2', staffId: mine, customerLimit: null },
    admin.token,
  )
  await call(c, 'reminders.scan', {}, admin.token)

  let token: string | null = (await call(c, 'auth.login', { login: 'li', password: 'secret-2', remember: false })).token
  const { calls, outlet } = recorder()
  const watcher = createRemoteReminderWatcher({ dispatch: c.dispatch, token: () => token, outlet })
  // The first look sums up what is already due: only 李四's, not 王五's.
  await watcher.tick()
  expect(calls).toEqual({ announced: [], digests: [1], pending: [1] })

  // A new follow-up falls due on his customer: announced once, and not again.
  const second = await call(
    c,
    'customers.create',
    { kind: 'enterprise', name: '李四的新客户', ownerStaffId: mine },
    admin.token,
  )
  await followUp(second.id, admin.token)
  await call(c, 'reminders.scan', {}, admin.token)
  await watcher.tick()
  await watcher.tick()
  expect(calls.announced).toEqual([['李四的新客户']])
  expect(calls.pending).toEqual([1, 2, 2])

  // Signed out: an empty tray.
  token = null
  await watcher.tick()
  expect(calls.pending.at(-1)).toBe(0)
  watcher.stop()
})

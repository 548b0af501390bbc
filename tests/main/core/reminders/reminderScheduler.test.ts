import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inQuietHours } from '../../../../src/main/core/reminders/quietHours'
import {
  createReminderScheduler,
  type ReminderOutlet,
  type ReminderScheduler,
} from '../../../../src/main/core/reminders/reminderScheduler'
import type { Reminder } from '../../../../src/shared/reminder'
import { defaultReminderSettings } from '../../../../src/shared/reminder'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let monthly: number
let now: Date
let scheduler: ReminderScheduler
let timer: { run: () => void; ms: number } | null
let outlet: ReminderOutlet & {
  announced: { shown: string[]; more: number }[]
  digests: number[]
  tray: { pending: number; top: string[] }[]
  loginItem: boolean[]
}

beforeEach(async () => {
  core = await testCore('reminder-scheduler')
  monthly = await dictId(core, 'contactStrategy', '每月')
  now = new Date(2026, 3, 15, 8, 30)
  timer = null
  const names = (rs: Reminder[]) => rs.map((r) => r.customerName ?? '')
  outlet = {
    announced: [],
    digests: [],
    tray: [],
    loginItem: [],
    announce(shown, more) {
      this.announced.push({ shown: names(shown), more })
    },
    digest(pending) {
      this.digests.push(pending)
    },
    showPending(pending, top) {
      this.tray.push({ pending, top: names(top) })
    },
    setStartAtLogin(enabled) {
      this.loginItem.push(enabled)
    },
  }
  scheduler = createReminderScheduler({
    store: core.store,
    outlet,
    clock: { now: () => now },
    timers: {
      setInterval: (run, ms) => (timer = { run, ms }),
      clearInterval: () => (timer = null),
    },
    maxAnnounced: 2,
    trayItems: 2,
    onError: (error) => {
      throw error
    },
  })
})
afterEach(async () => {
  await scheduler.stop()
  await core.close()
})

async function customers(...names: string[]): Promise<void> {
  for (const name of names) {
    await createCustomer(core, { name, contactStrategyId: monthly, registeredAt: '2026-03-01' })
  }
}

describe('the reminder scheduler', () => {
  it('scans at start, announces each new reminder once, sums up the rest and fills the tray', async () => {
    await customers('甲公司', '乙公司', '丙公司')
    await scheduler.start()
    expect(timer?.ms).toBe(60_000)
    expect(outlet.announced).toEqual([{ shown: ['甲公司', '乙公司'], more: 1 }])
    expect(outlet.tray.at(-1)).toEqual({ pending: 3, top: ['甲公司', '乙公司'] })
    expect(outlet.loginItem).toEqual([false])

    // Ticks and forced runs (wake from sleep) never announce the same reminders again.
    now = new Date(2026, 3, 15, 8, 40)
    await scheduler.tick()
    await scheduler.wake()
    expect(outlet.announced).toHaveLength(1)
  })

  it('runs the rules again when the date changes, and announces only what is new', async () => {
    await customers('甲公司')
    await scheduler.start()
    await createCustomer(core, { name: '丁公司', contactStrategyId: monthly, registeredAt: '2026-03-16' })
    now = new Date(2026, 3, 15, 8, 31)
    timer?.run()
    await scheduler.tick()
    expect(outlet.announced).toHaveLength(1) // same day, within 5 minutes: no scan
    now = new Date(2026, 3, 16, 0, 1) // past midnight, but quiet hours
    await scheduler.tick()
    expect(outlet.announced).toHaveLength(1)
    now = new Date(2026, 3, 16, 8, 0)
    await scheduler.tick()
    expect(outlet.announced).toEqual([
      { shown: ['甲公司'], more: 0 },
      { shown: ['丁公司'], more: 0 },
    ])
  })

  it('keeps quiet in the quiet hours and announces once they end', async () => {
    await customers('甲公司')
    now = new Date(2026, 3, 15, 23, 0)
    await scheduler.start()
    expect(outlet.announced).toEqual([])
    expect(outlet.tray.at(-1)?.pending).toBe(1)
    now = new Date(2026, 3, 16, 8, 0)
    await scheduler.tick()
    expect(outlet.announced).toEqual([{ shown: ['甲公司'], more: 0 }])
  })

  it('shows the daily digest once a day, from the digest time on', async () => {
    await customers('甲公司')
    await scheduler.start() // 08:30, before 09:00
    expect(outlet.digests).toEqual([])
    now = new Date(2026, 3, 15, 9, 0)
    await scheduler.tick()
    now = new Date(2026, 3, 15, 15, 0)
    await scheduler.tick()
    expect(outlet.digests).toEqual([1])
  })

  it('applies the start-at-login setting when it changes', async () => {
    await scheduler.start()
    await call(core, 'reminders.setSettings', { ...defaultReminderSettings, startAtLogin: true })
    await scheduler.tick()
    await scheduler.tick()
    expect(outlet.loginItem).toEqual([false, true])
  })
})

describe('inQuietHours', () => {
  it('handles spans over midnight and within a day', () => {
    expect(['21:59', '22:00', '03:00', '07:59', '08:00'].map((t) => inQuietHours(t, '22:00', '08:00'))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ])
    expect(['11:59', '12:00', '13:59', '14:00'].map((t) => inQuietHours(t, '12:00', '14:00'))).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(inQuietHours('12:00', '09:00', '09:00')).toBe(false)
  })
})

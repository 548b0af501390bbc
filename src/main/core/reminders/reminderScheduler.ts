import dayjs from 'dayjs'
import type { Reminder, ReminderSettings } from '../../../shared/reminder'
import { localCaller, type Caller } from '../accounts/caller'
import { getSetting, setSetting } from '../prefs/prefsQueries'
import type { Store } from '../store'
import { inQuietHours } from './quietHours'
import { takeUnannounced, urgentReminders } from './reminderQueries'
import { loadReminderSettings } from './reminderSettings'
import { runScan } from './runScan'
import { everyoneViewer, type ReminderViewer } from './reminderViewer'

/** What the scheduler tells the desktop: implemented by the shell over Electron, by a recorder in tests. */
export interface ReminderOutlet {
  /** One system notification per reminder in `shown`; `more` others are summed up in one more. */
  announce(shown: Reminder[], more: number): void
  /** The daily summary at the digest time. */
  digest(pending: number, top: Reminder[]): void
  /** Tray tooltip and menu. */
  showPending(pending: number, top: Reminder[]): void
  setStartAtLogin(enabled: boolean): void
}

export interface SchedulerClock {
  now(): Date
}

export interface SchedulerTimers {
  setInterval(run: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface ReminderSchedulerOptions {
  store: Store
  outlet: ReminderOutlet
  /** Whose reminders the desktop shows: the user signed in at this PC (everyone's in single-PC mode). */
  viewer?: ReminderViewer
  clock?: SchedulerClock
  timers?: SchedulerTimers
  /** How often the clock is looked at (date change, digest time, quiet hours ending). */
  tickMs?: number
  /** How often the rules run again within one day. */
  scanEveryMs?: number
  /** Individual notifications per tick; the rest are summed up. */
  maxAnnounced?: number
  /** Items in the tray menu. */
  trayItems?: number
  onError?: (error: unknown) => void
}

export interface ReminderScheduler {
  start(): Promise<void>
  /** No further runs; resolves once a run in progress has finished. */
  stop(): Promise<void>
  /** After wake from sleep: the date may have changed and the timers were asleep. */
  wake(): Promise<void>
  /** One step, as a timer fires; exposed for tests. */
  tick(force?: boolean): Promise<void>
}

/** The day of the last summary, per user: a user signing in after another still gets theirs. */
function lastDigestKey(viewer: Caller): string {
  return viewer.userId === null ? 'reminders.lastDigestDate' : `reminders.lastDigestDate.${viewer.userId}`
}

/**
 * Runs the reminder rules at start-up, when the date changes, after wake and every
 * few minutes, then announces what is new (never twice: takeUnannounced marks
 * them), outside the quiet hours, and keeps the tray up to date. The scan covers
 * every customer; what is announced and shown is the viewer's (the user signed in at
 * this PC), nothing while no one is. Ticks never overlap: a tick asked for while one
 * runs is folded into it.
 */
export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { store, outlet } = options
  const viewerOf = options.viewer ?? everyoneViewer
  const clock = options.clock ?? { now: () => new Date() }
  const timers = options.timers ?? {
    setInterval: (run, ms) => setInterval(run, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  }
  const tickMs = options.tickMs ?? 60_000
  const scanEveryMs = options.scanEveryMs ?? 5 * 60_000
  const maxAnnounced = options.maxAnnounced ?? 3
  const trayItems = options.trayItems ?? 5
  const onError = options.onError ?? ((error: unknown) => console.error('提醒任务失败', error))

  let handle: unknown
  let lastScanDay: string | null = null
  let lastScanAt = 0
  let loginItem: boolean | null = null
  let running: Promise<void> | null = null
  let forceNext = false
  let stopped = false

  async function step(force: boolean): Promise<void> {
    const now = clock.now()
    const today = dayjs(now).format('YYYY-MM-DD')
    const time = dayjs(now).format('HH:mm')
    const stamp = dayjs(now).format('YYYY-MM-DD HH:mm:ss')
    const settings = await store.read((db) => loadReminderSettings(db))
    if (settings.startAtLogin !== loginItem) {
      outlet.setStartAtLogin(settings.startAtLogin)
      loginItem = settings.startAtLogin
    }
    if (force || today !== lastScanDay || now.getTime() - lastScanAt >= scanEveryMs) {
      await runScan(store, today, stamp, localCaller)
      lastScanDay = today
      lastScanAt = now.getTime()
    }
    const viewer = await viewerOf()
    if (!viewer) {
      outlet.showPending(0, [])
      return
    }
    if (!quiet(settings, time)) {
      const { shown, total } = await store.write((db) => takeUnannounced(db, stamp, maxAnnounced, viewer))
      if (shown.length > 0) outlet.announce(shown, total - shown.length)
      await maybeDigest(settings, today, time, viewer)
    }
    const { pending, top } = await store.read((db) => urgentReminders(db, today, trayItems, viewer))
    outlet.showPending(pending, top)
  }

  async function maybeDigest(settings: ReminderSettings, today: string, time: string, viewer: Caller): Promise<void> {
    if (time < settings.digestTime) return
    const key = lastDigestKey(viewer)
    const due = await store.write(async (db) => {
      if ((await getSetting(db, key)) === today) return false
      await setSetting(db, key, today)
      return true
    })
    if (!due) return
    const { pending, top } = await store.read((db) => urgentReminders(db, today, trayItems, viewer))
    if (pending > 0) outlet.digest(pending, top)
  }

  function tick(force = false): Promise<void> {
    if (stopped) return Promise.resolve()
    if (running) {
      forceNext ||= force
      return running
    }
    running = step(force)
      .catch(onError)
      .finally(() => {
        running = null
      })
    return running.then(() => {
      if (!forceNext) return
      forceNext = false
      return tick(true)
    })
  }

  return {
    async start() {
      await tick(true)
      handle = timers.setInterval(() => void tick(), tickMs)
    },
    // Waits for a run in progress, so the database can be closed after it.
    async stop() {
      stopped = true
      if (handle !== undefined) timers.clearInterval(handle)
      handle = undefined
      await running
    },
    wake: () => tick(true),
    tick,
  }
}

function quiet(settings: ReminderSettings, time: string): boolean {
  return settings.quietHoursEnabled && inQuietHours(time, settings.quietStart, settings.quietEnd)
}

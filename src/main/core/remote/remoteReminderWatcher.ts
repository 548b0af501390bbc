import dayjs from 'dayjs'
import type { Reminder, ReminderListOutput } from '../../../shared/reminder'
import type { Dispatch } from '../dispatch'
import type { ReminderOutlet, SchedulerTimers } from '../reminders/reminderScheduler'

export interface RemoteReminderWatcherOptions {
  /** The remote dispatch to the host. */
  dispatch: Dispatch
  /** The session of the user signed in at this PC (the window's), or null. */
  token: () => string | null
  outlet: ReminderOutlet
  clock?: () => Date
  timers?: SchedulerTimers
  everyMs?: number
  maxAnnounced?: number
  trayItems?: number
  onError?: (error: unknown) => void
}

export interface RemoteReminderWatcher {
  start(): Promise<void>
  stop(): void
  /** Looks again now: after a login, or when the host says reminders changed. */
  tick(): Promise<void>
}

/** Due reminders read per look; more than this are counted, not listed. */
const readLimit = 200

/**
 * The tray and notifications of a PC connected to a host (办公室共享 → 连接到主机).
 * The host scans the reminders (one scan for the office); this PC only looks at
 * what is due for the user signed in here, through the host's own scope rules, and
 * announces each reminder once per user while the app runs. The first look after a
 * start or a login announces nothing one by one: it sums what is already due.
 */
export function createRemoteReminderWatcher(options: RemoteReminderWatcherOptions): RemoteReminderWatcher {
  const clock = options.clock ?? (() => new Date())
  const timers = options.timers ?? {
    setInterval: (run, ms) => setInterval(run, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  }
  const maxAnnounced = options.maxAnnounced ?? 3
  const trayItems = options.trayItems ?? 5
  const onError = options.onError ?? ((error: unknown) => console.error('读取主机的提醒失败', error))
  let handle: unknown
  let running: Promise<void> | null = null
  // Per session: whose reminders were seen, and which.
  let seenFor: string | null = null
  const seen = new Set<number>()

  async function look(): Promise<void> {
    const token = options.token()
    if (!token) {
      seenFor = null
      seen.clear()
      options.outlet.showPending(0, [])
      return
    }
    const today = dayjs(clock()).format('YYYY-MM-DD')
    const result = await options.dispatch(
      'reminders.list',
      { view: 'open', dueTo: today, limit: readLimit, withCounts: false },
      token,
    )
    // Host away or session ended: the tray keeps what it showed; the window says why.
    if (!result.ok) return
    const { rows, total } = result.value as ReminderListOutput
    const first = seenFor !== token
    if (first) {
      seenFor = token
      seen.clear()
    }
    const fresh: Reminder[] = rows.filter((r) => !seen.has(r.id))
    for (const r of rows) seen.add(r.id)
    if (first) {
      if (total > 0) options.outlet.digest(total, rows.slice(0, trayItems))
    } else if (fresh.length > 0) {
      options.outlet.announce(fresh.slice(0, maxAnnounced), fresh.length - Math.min(fresh.length, maxAnnounced))
    }
    options.outlet.showPending(total, rows.slice(0, trayItems))
  }

  function tick(): Promise<void> {
    running ??= look()
      .catch(onError)
      .finally(() => (running = null))
    return running
  }

  return {
    async start() {
      await tick()
      handle = timers.setInterval(() => void tick(), options.everyMs ?? 60_000)
    },
    stop() {
      if (handle !== undefined) timers.clearInterval(handle)
      handle = undefined
    },
    tick,
  }
}

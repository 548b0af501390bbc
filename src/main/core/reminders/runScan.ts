import type { ReminderScanOutput } from '../../../shared/reminder'
import type { Store } from '../store'
import { openReminderCount } from './reminderQueries'
import { loadReminderSettings } from './reminderSettings'
import { scanReminders } from './scanReminders'

/** A whole scan in one transaction (all of it or none), with the open count after it. */
export function runScan(store: Store, today: string, now: string): Promise<ReminderScanOutput> {
  return store.write(async (m) => {
    const { created } = await scanReminders(m, today, now, await loadReminderSettings(m))
    return { created, pending: await openReminderCount(m) }
  })
}

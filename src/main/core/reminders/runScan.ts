import type { ReminderScanOutput } from '../../../shared/reminder'
import type { Store } from '../store'
import { openReminderCount } from './reminderQueries'
import { loadReminderSettings } from './reminderSettings'
import { scanReminders } from './scanReminders'

/** A whole scan in one transaction (all of it or none), with the open count after it. */
export function runScan(store: Store, today: string, now: string): Promise<ReminderScanOutput> {
  return store.write(async (db) => {
    const { created } = await scanReminders(db, today, now, await loadReminderSettings(db))
    return { created, pending: await openReminderCount(db) }
  })
}

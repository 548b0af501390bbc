import type { ReminderScanOutput } from '../../../shared/reminder'
import type { Caller } from '../accounts/caller'
import type { Store } from '../store'
import { runReclaim } from '../ownership/runReclaim'
import { openReminderCountFor } from './reminderQueries'
import { loadReminderSettings } from './reminderSettings'
import { scanReminders } from './scanReminders'

/**
 * A whole scan in one transaction (all of it or none): every customer's rules, whoever
 * asks. `created` counts all it made; `pending` is what is open in the caller's scope.
 */
export function runScan(store: Store, today: string, now: string, caller: Caller): Promise<ReminderScanOutput> {
  return store.write(async (db) => {
    const { created } = await scanReminders(db, today, now, await loadReminderSettings(db))
    await runReclaim(db, today, now) // 回收规则: once a day, its warnings are reminders too
    return { created, pending: await openReminderCountFor(db, caller) }
  })
}

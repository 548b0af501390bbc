import type { ReminderScanOutput } from '../../../shared/reminder'
import type { Caller } from '../accounts/caller'
import type { Store } from '../store'
import { changeFeedOf } from '../live/changeFeed'
import { runReclaim } from '../ownership/runReclaim'
import { openReminderCountFor } from './reminderQueries'
import { loadReminderSettings } from './reminderSettings'
import { scanReminders } from './scanReminders'

/**
 * A whole scan in one transaction (all of it or none): every customer's rules, whoever
 * asks. `created` counts all it made; `pending` is what is open in the caller's scope.
 */
export async function runScan(store: Store, today: string, now: string, caller: Caller): Promise<ReminderScanOutput> {
  const { output, reclaimed, warned } = await store.write(async (db) => {
    const { created } = await scanReminders(db, today, now, await loadReminderSettings(db))
    const reclaim = await runReclaim(db, today, now) // 回收规则: once a day, its warnings are reminders too
    return { output: { created, pending: await openReminderCountFor(db, caller) }, ...reclaim }
  })
  // Open 工作台 and sheets elsewhere show the new reminders and the customers moved to the 公海.
  const topics = [
    ...(output.created + warned > 0 ? ['reminders' as const] : []),
    ...(reclaimed > 0 ? ['customers' as const] : []),
  ]
  changeFeedOf(store).publish({ topics, byUserId: null, at: now })
  return output
}

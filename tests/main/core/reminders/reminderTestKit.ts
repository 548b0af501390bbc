import type { Core } from '../../../../src/main/core/openCore'
import { scanReminders } from '../../../../src/main/core/reminders/scanReminders'
import { defaultReminderSettings, type ReminderSettings } from '../../../../src/shared/reminder'

export interface StoredReminder {
  id: number
  kind: string
  customer_id: number | null
  contact_id: number | null
  subject_key: string
  due_date: string
  reason: string
  status: string
  snoozed_until: string | null
  notified_at: string | null
  interaction_id: number | null
}

/** One scan as of `today` (the frozen clock), in its own transaction, as the scheduler runs it. */
export async function scanOn(
  core: Core,
  today: string,
  settings: Partial<ReminderSettings> = {},
): Promise<{ created: number }> {
  return core.store.write((db) =>
    scanReminders(db, today, `${today} 09:00:00`, { ...defaultReminderSettings, ...settings }),
  )
}

export async function remindersOf(core: Core, kind?: string): Promise<StoredReminder[]> {
  return core.store.manager.query(
    `SELECT * FROM reminder ${kind ? 'WHERE kind = ?' : ''} ORDER BY due_date, id`,
    kind ? [kind] : [],
  )
}

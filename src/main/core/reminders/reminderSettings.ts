import { defaultReminderSettings, reminderSettingsSchema, type ReminderSettings } from '../../../shared/reminder'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { getSetting, setSetting } from '../prefs/prefsQueries'

const settingsKey = 'reminders.settings'

/** 提醒设置 as saved, over the defaults (a setting added in a later version starts at its default). */
export async function loadReminderSettings(db: SqlReader): Promise<ReminderSettings> {
  const json = await getSetting(db, settingsKey)
  if (json === null) return defaultReminderSettings
  const parsed = reminderSettingsSchema.safeParse({ ...defaultReminderSettings, ...(JSON.parse(json) as object) })
  return parsed.success ? parsed.data : defaultReminderSettings
}

export async function saveReminderSettings(db: SqlWriter, settings: ReminderSettings): Promise<void> {
  await setSetting(db, settingsKey, JSON.stringify(settings))
}

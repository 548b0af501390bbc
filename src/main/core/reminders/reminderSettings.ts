import type { EntityManager } from 'typeorm'
import { defaultReminderSettings, reminderSettingsSchema, type ReminderSettings } from '../../../shared/reminder'
import { getSetting, setSetting } from '../prefs/prefsQueries'

const settingsKey = 'reminders.settings'

/** 提醒设置 as saved, over the defaults (a setting added in a later version starts at its default). */
export async function loadReminderSettings(m: EntityManager): Promise<ReminderSettings> {
  const json = await getSetting(m, settingsKey)
  if (json === null) return defaultReminderSettings
  const parsed = reminderSettingsSchema.safeParse({ ...defaultReminderSettings, ...(JSON.parse(json) as object) })
  return parsed.success ? parsed.data : defaultReminderSettings
}

export async function saveReminderSettings(m: EntityManager, settings: ReminderSettings): Promise<void> {
  await setSetting(m, settingsKey, JSON.stringify(settings))
}

import { addDays } from '../../../shared/dateMath'
import { AppError } from '../appError'
import { createInteraction } from '../activity/createInteraction'
import { localNow, localToday } from '../common/localTime'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { greetingRecipients } from './greetingQueries'
import { findReminder, listReminders, setReminderStatus } from './reminderQueries'
import { loadReminderSettings, saveReminderSettings } from './reminderSettings'
import { runScan } from './runScan'
import { mustFind } from '../common/mustFind'

type ReminderChannel =
  | 'reminders.list'
  | 'reminders.complete'
  | 'reminders.snooze'
  | 'reminders.ignore'
  | 'reminders.scan'
  | 'reminders.getSettings'
  | 'reminders.setSettings'
  | 'greetings.list'

/** 提醒中心: the list, what the user does with a reminder, a manual scan and the settings. */
export function reminderHandlers({ store }: CoreContext): DomainHandlers<ReminderChannel> {
  return {
    'reminders.list': (input) => store.read((db) => listReminders(db, input, localToday())),

    'reminders.complete': ({ id, interaction }) =>
      store.write(async (db) => {
        const reminder = mustFind(await findReminder(db, id), '提醒')
        let interactionId: number | null = null
        if (interaction) {
          if (reminder.customerId === null) {
            throw new AppError('VALIDATION', '节日问候不属于某个客户，不能记录交往记录', {
              interaction: '请不要填写交往记录',
            })
          }
          // The new contact moves 最近联系, which starts the next 联系策略 cycle.
          interactionId = await createInteraction(db, { ...interaction, customerId: reminder.customerId })
        }
        await setReminderStatus(db, id, { status: 'done', doneAt: localNow(), interactionId })
        return mustFind(await findReminder(db, id), '提醒')
      }),

    'reminders.snooze': ({ id, days, until }) =>
      store.write(async (db) => {
        mustFind(await findReminder(db, id), '提醒')
        const today = localToday()
        const date = until ?? addDays(today, days ?? 1)
        if (date <= today) throw new AppError('VALIDATION', '推迟到的日期须晚于今天', { until: '请选择今天以后的日期' })
        await setReminderStatus(db, id, { status: 'snoozed', snoozedUntil: date })
        return mustFind(await findReminder(db, id), '提醒')
      }),

    'reminders.ignore': ({ id }) =>
      store.write(async (db) => {
        mustFind(await findReminder(db, id), '提醒')
        await setReminderStatus(db, id, { status: 'ignored', doneAt: localNow() })
        return mustFind(await findReminder(db, id), '提醒')
      }),

    'reminders.scan': () => runScan(store, localToday(), localNow()),

    'reminders.getSettings': () => store.read((db) => loadReminderSettings(db)),

    'reminders.setSettings': (settings) =>
      store.write(async (db) => {
        await saveReminderSettings(db, settings)
        return settings
      }),

    'greetings.list': (input) =>
      store.read(async (db) => ({ recipients: await greetingRecipients(db, input, localToday()) })),
  }
}

import { addDays } from '../../../shared/reminderDates'
import { AppError } from '../appError'
import { createInteraction } from '../activity/createInteraction'
import { localNow, localToday } from '../customers/localTime'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { greetingRecipients } from './greetingQueries'
import { findReminder, listReminders, setReminderStatus } from './reminderQueries'
import { loadReminderSettings, saveReminderSettings } from './reminderSettings'
import { runScan } from './runScan'

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
    'reminders.list': (input) => store.read((m) => listReminders(m, input, localToday())),

    'reminders.complete': ({ id, interaction }) =>
      store.write(async (m) => {
        const reminder = mustFind(await findReminder(m, id))
        let interactionId: number | null = null
        if (interaction) {
          if (reminder.customerId === null) {
            throw new AppError('VALIDATION', '节日问候不属于某个客户，不能记录交往记录', {
              interaction: '请不要填写交往记录',
            })
          }
          // The new contact moves 最近联系, which starts the next 联系策略 cycle.
          interactionId = await createInteraction(m, { ...interaction, customerId: reminder.customerId })
        }
        await setReminderStatus(m, id, { status: 'done', doneAt: localNow(), interactionId })
        return mustFind(await findReminder(m, id))
      }),

    'reminders.snooze': ({ id, days, until }) =>
      store.write(async (m) => {
        mustFind(await findReminder(m, id))
        const today = localToday()
        const date = until ?? addDays(today, days ?? 1)
        if (date <= today) throw new AppError('VALIDATION', '推迟到的日期须晚于今天', { until: '请选择今天以后的日期' })
        await setReminderStatus(m, id, { status: 'snoozed', snoozedUntil: date })
        return mustFind(await findReminder(m, id))
      }),

    'reminders.ignore': ({ id }) =>
      store.write(async (m) => {
        mustFind(await findReminder(m, id))
        await setReminderStatus(m, id, { status: 'ignored', doneAt: localNow() })
        return mustFind(await findReminder(m, id))
      }),

    'reminders.scan': () => runScan(store, localToday(), localNow()),

    'reminders.getSettings': () => store.read((m) => loadReminderSettings(m)),

    'reminders.setSettings': (settings) =>
      store.write(async (m) => {
        await saveReminderSettings(m, settings)
        return settings
      }),

    'greetings.list': (input) =>
      store.read(async (m) => ({ recipients: await greetingRecipients(m, input, localToday()) })),
  }
}

function mustFind<T>(value: T | null): T {
  if (!value) throw new AppError('NOT_FOUND', '提醒不存在，可能已被删除，请刷新后重试')
  return value
}

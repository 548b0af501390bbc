import { addDays } from '../../../shared/dateMath'
import type { Caller } from '../accounts/caller'
import { AppError } from '../appError'
import { createInteraction } from '../activity/createInteraction'
import { localNow, localToday } from '../common/localTime'
import { assertCustomersInScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { greetingRecipients } from './greetingQueries'
import { findReminder, listReminders, setReminderStatus } from './reminderQueries'
import { loadReminderSettings, saveReminderSettings } from './reminderSettings'
import { runScan } from './runScan'
import { mustFind } from '../common/mustFind'

type ReminderChannel =
  | 'reminders.list'
  | 'reminders.create'
  | 'reminders.complete'
  | 'reminders.snooze'
  | 'reminders.ignore'
  | 'reminders.scan'
  | 'reminders.getSettings'
  | 'reminders.setSettings'
  | 'greetings.list'

/** The reminder, refused unless its customer is in the caller's scope (one of no customer is everyone's). */
async function findInScope(db: SqlReader, id: number, caller: Caller) {
  const reminder = mustFind(await findReminder(db, id), '提醒')
  if (reminder.customerId !== null) await assertCustomersInScope(db, caller, [reminder.customerId])
  return reminder
}

/**
 * 提醒中心: the list, what the user does with a reminder, a manual scan and the settings.
 * Each user sees and handles the reminders of the customers in their scope.
 */
export function reminderHandlers({ store }: CoreContext): DomainHandlers<ReminderChannel> {
  return {
    'reminders.list': (input, caller) => store.read((db) => listReminders(db, input, localToday(), caller)),

    'reminders.create': ({ customerId, dueDate, reason }, caller) =>
      store.write(async (db) => {
        const customer = await db.first<{ deleted: number }>(
          `SELECT deleted_at IS NOT NULL AS deleted FROM customer WHERE id = ?`,
          [customerId],
        )
        if (!customer || customer.deleted) throw new AppError('NOT_FOUND', '客户不存在或已在回收站，不能新建提醒')
        await assertCustomersInScope(db, caller, [customerId])
        const now = localNow()
        // A planned follow-up of its own: the subject key keeps it apart from those of 交往记录 (interaction:<id>).
        const { lastId } = await db.run(
          `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
           VALUES ('plannedFollowUp', ?, 'manual:' || (SELECT COALESCE(MAX(id), 0) + 1 FROM reminder), ?, ?, ?)`,
          [customerId, dueDate, reason, now],
        )
        return mustFind(await findReminder(db, lastId), '提醒')
      }),

    'reminders.complete': ({ id, interaction }, caller) =>
      store.write(async (db) => {
        const reminder = await findInScope(db, id, caller)
        let interactionId: number | null = null
        if (interaction) {
          if (reminder.customerId === null) {
            throw new AppError('VALIDATION', '节日问候不属于某个客户，不能记录交往记录', {
              interaction: '请不要填写交往记录',
            })
          }
          // The new contact moves 最近联系, which starts the next 联系策略 cycle.
          interactionId = await createInteraction(db, { ...interaction, customerId: reminder.customerId }, caller)
        }
        await setReminderStatus(db, id, { status: 'done', doneAt: localNow(), interactionId })
        return mustFind(await findReminder(db, id), '提醒')
      }),

    'reminders.snooze': ({ id, days, until }, caller) =>
      store.write(async (db) => {
        await findInScope(db, id, caller)
        const today = localToday()
        const date = until ?? addDays(today, days ?? 1)
        if (date <= today) throw new AppError('VALIDATION', '推迟到的日期须晚于今天', { until: '请选择今天以后的日期' })
        await setReminderStatus(db, id, { status: 'snoozed', snoozedUntil: date })
        return mustFind(await findReminder(db, id), '提醒')
      }),

    'reminders.ignore': ({ id }, caller) =>
      store.write(async (db) => {
        await findInScope(db, id, caller)
        await setReminderStatus(db, id, { status: 'ignored', doneAt: localNow() })
        return mustFind(await findReminder(db, id), '提醒')
      }),

    // A system job: it scans every customer; only its open count is the caller's.
    'reminders.scan': (_input, caller) => runScan(store, localToday(), localNow(), caller),

    'reminders.getSettings': () => store.read((db) => loadReminderSettings(db)),

    'reminders.setSettings': (settings) =>
      store.write(async (db) => {
        await saveReminderSettings(db, settings)
        return settings
      }),

    'greetings.list': (input, caller) =>
      store.read(async (db) => {
        if (input.source === 'customers') await assertCustomersInScope(db, caller, input.customerIds)
        return { recipients: await greetingRecipients(db, input, localToday(), caller) }
      }),
  }
}

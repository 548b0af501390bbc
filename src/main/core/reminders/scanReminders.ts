import type { EntityManager } from 'typeorm'
import type { ReminderSettings } from '../../../shared/reminder'
import { addDays } from '../../../shared/reminderDates'
import { getSetting, setSetting } from '../prefs/prefsQueries'
import { customerRules, festivalOccasions, festivalRule, type RuleContext, type RuleScope } from './reminderRules'

const scanStateKey = 'reminders.lastScan'

/** Birthdays and festivals left untouched this long after their day leave the list. */
const greetingExpiryDays = 7

/** What the last scan covered: its day, and the lead days its birthday window used. */
interface ScanState {
  date: string
  leadDays: number
}

export interface ScanResult {
  /** Reminders this scan added. */
  created: number
}

/**
 * One run of every rule as of `today`, in the caller's transaction.
 *
 * The first scan (and one after the lead days changed) looks at every customer.
 * Later scans look at the customers whose data changed (reminder_dirty, filled by
 * triggers) and at the occasions whose day the calendar reached since the last
 * scan, so a scan costs what changed, not the size of the database. Before the
 * rules run, what has passed is settled: a snoozed reminder whose day has come is
 * pending again (and announced again); a follow-up or decline whose cycle a newer
 * contact or sale reset is done; a greeting a week past its day is dropped.
 */
export async function scanReminders(
  m: EntityManager,
  today: string,
  now: string,
  settings: ReminderSettings,
): Promise<ScanResult> {
  const last = await loadScanState(m)
  const full = last === null || last.leadDays !== settings.leadDays
  const [{ maxId, changed }] = await m.query(
    `SELECT (SELECT COALESCE(MAX(id), 0) FROM reminder) AS maxId, EXISTS (SELECT 1 FROM reminder_dirty) AS changed`,
  )
  // The scheduler scans every few minutes; between two scans of one day with no customer
  // changed, no rule runs and no day passed, so only the snoozes are looked at.
  const newDay = full || last.date < today
  const festivals = settings.festivalGreetings && festivalOccasions(today, settings.leadDays).length > 0
  const rulesRun = newDay || Boolean(changed) || festivals

  await wakeSnoozed(m, today)
  if (full || changed) await settleStale(m, now, full)
  if (newDay) await expireGreetings(m, today, now, full ? null : last.date)

  const run = async (scope: RuleScope) => {
    const ctx: RuleContext = { today, now, leadDays: settings.leadDays, scope }
    for (const rule of Object.values(customerRules)) await rule(m, ctx)
  }
  if (full) {
    await run({ dirtyOnly: false, since: null })
  } else {
    if (changed) await run({ dirtyOnly: true, since: null })
    if (newDay) await run({ dirtyOnly: false, since: last.date })
  }
  if (festivals) {
    await festivalRule(m, { today, now, leadDays: settings.leadDays, scope: { dirtyOnly: false, since: null } })
  }
  if (changed) await m.query(`DELETE FROM reminder_dirty`)
  // Rewriting an unchanged state would still make the transaction commit (and sync) a page.
  if (newDay) {
    await setSetting(m, scanStateKey, JSON.stringify({ date: today, leadDays: settings.leadDays } satisfies ScanState))
  }
  if (!rulesRun) return { created: 0 }
  const [{ created }] = await m.query(`SELECT COUNT(*) AS created FROM reminder WHERE id > ?`, [maxId])
  return { created: Number(created) }
}

async function loadScanState(m: EntityManager): Promise<ScanState | null> {
  const json = await getSetting(m, scanStateKey)
  if (json === null) return null
  const state = JSON.parse(json) as Partial<ScanState>
  return typeof state.date === 'string' && typeof state.leadDays === 'number'
    ? { date: state.date, leadDays: state.leadDays }
    : null
}

async function wakeSnoozed(m: EntityManager, today: string): Promise<void> {
  await m.query(
    `UPDATE reminder SET status = 'pending', notified_at = NULL WHERE status = 'snoozed' AND snoozed_until <= ?`,
    [today],
  )
}

/** Open reminders whose customer's data moved on (only the changed customers, unless `full`). */
async function settleStale(m: EntityManager, now: string, full: boolean): Promise<void> {
  const open = `status IN ('pending', 'snoozed')${full ? '' : ' AND customer_id IN (SELECT customer_id FROM reminder_dirty)'}`
  await m.query(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open} AND kind = 'followUp' AND due_date < (
       SELECT date(COALESCE(c.last_contact_at, substr(c.registered_at, 1, 10)), '+' || d.cycle_days || ' days')
       FROM customer c JOIN dict_item d ON d.id = c.contact_strategy_id WHERE c.id = reminder.customer_id)`,
    [now],
  )
  await m.query(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open} AND kind = 'salesDecline' AND due_date < (
       SELECT date(c.last_transaction_at, '+' || d.cycle_days || ' days')
       FROM customer c JOIN dict_item d ON d.id = c.purchase_strategy_id WHERE c.id = reminder.customer_id)`,
    [now],
  )
  // Contacted on or after the planned day, or the plan was changed or deleted.
  await m.query(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open} AND kind = 'plannedFollowUp' AND (
       due_date <= (SELECT c.last_contact_at FROM customer c WHERE c.id = reminder.customer_id)
       OR NOT EXISTS (SELECT 1 FROM interaction i
         WHERE i.id = CAST(substr(reminder.subject_key, 13) AS INTEGER) AND i.next_follow_up = reminder.due_date))`,
    [now],
  )
  await m.query(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open} AND kind = 'dealDeadline' AND EXISTS (
       SELECT 1 FROM customer c WHERE c.id = reminder.customer_id
         AND (c.expected_close_date IS NOT reminder.due_date OR c.deal_status = '已成交'))`,
    [now],
  )
  // A contact moved to another customer takes its birthday and 纪念日 along: the new customer's
  // scan raises them, and the old customer's open ones go (deleted, so a move back raises them again).
  // Driven from the changed customers (CROSS JOIN keeps that order): by status and kind
  // it visited every open birthday reminder, 5 ms of each scan with none changed.
  const reminders = full ? 'reminder r' : 'reminder_dirty d CROSS JOIN reminder r ON r.customer_id = d.customer_id'
  await m.query(
    `DELETE FROM reminder WHERE id IN (
       SELECT r.id FROM ${reminders}
       WHERE r.status IN ('pending', 'snoozed') AND r.kind = 'birthday' AND r.contact_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM contact ct WHERE ct.id = r.contact_id AND ct.customer_id = r.customer_id))`,
  )
}

/** Birthdays and festivals a week past their day, that the calendar passed since `since` (all, when null). */
async function expireGreetings(m: EntityManager, today: string, now: string, since: string | null): Promise<void> {
  const before = addDays(today, -greetingExpiryDays)
  const from = since === null ? '' : ` AND due_date >= ?`
  await m.query(
    `UPDATE reminder SET status = 'ignored', done_at = ?
     WHERE status IN ('pending', 'snoozed') AND kind IN ('birthday', 'festival') AND due_date < ?${from}`,
    since === null ? [now, before] : [now, before, addDays(since, -greetingExpiryDays)],
  )
}

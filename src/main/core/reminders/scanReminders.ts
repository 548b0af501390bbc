import type { CalendarKind } from '../../../shared/calendarDate'
import type { ReminderKind, ReminderSettings } from '../../../shared/reminder'
import { addDays } from '../../../shared/dateMath'
import { occurrenceWithin } from '../../../shared/reminderDates'
import type { SqlWriter } from '../db/sqlHandles'
import { getSetting, setSetting } from '../prefs/prefsQueries'
import {
  birthdayLabel,
  birthdayReasons,
  customerRules,
  festivalOccasions,
  festivalRule,
  type RuleContext,
  type RuleScope,
} from './reminderRules'
import { contractEndRule, paymentRule, settleContractReminders } from './contractRules'

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
 * contact or sale reset is done; a 生日/纪念日 whose date was changed or deleted
 * is dropped; a greeting a week past its day is dropped.
 */
export async function scanReminders(
  db: SqlWriter,
  today: string,
  now: string,
  settings: ReminderSettings,
): Promise<ScanResult> {
  const last = await loadScanState(db)
  const full = last === null || last.leadDays !== settings.leadDays
  const before = await db.first<{ maxId: number; changed: number }>(
    `SELECT (SELECT COALESCE(MAX(id), 0) FROM reminder) AS maxId, EXISTS (SELECT 1 FROM reminder_dirty) AS changed`,
  )
  const maxId = before?.maxId ?? 0
  const changed = before?.changed === 1
  // The scheduler scans every few minutes; between two scans of one day with no customer
  // changed, no rule runs and no day passed, so only the snoozes are looked at.
  const newDay = full || last.date < today
  const festivals = settings.festivalGreetings && festivalOccasions(today, settings.leadDays).length > 0
  const rulesRun = newDay || changed || festivals

  await wakeSnoozed(db, today)
  if (full || changed) await settleStale(db, now, full)
  if (newDay) await expireGreetings(db, today, now, full ? null : last.date)

  const run = async (scope: RuleScope) => {
    const ctx: RuleContext = { today, now, leadDays: settings.leadDays, scope }
    for (const rule of [...Object.values(customerRules), paymentRule, contractEndRule]) await rule(db, ctx)
  }
  if (full) {
    await run({ dirtyOnly: false, since: null })
  } else {
    if (changed) await run({ dirtyOnly: true, since: null })
    if (newDay) await run({ dirtyOnly: false, since: last.date })
  }
  if (festivals) {
    await festivalRule(db, { today, now, leadDays: settings.leadDays, scope: { dirtyOnly: false, since: null } })
  }
  if (changed) await db.run(`DELETE FROM reminder_dirty`)
  // Rewriting an unchanged state would still make the transaction commit (and sync) a page.
  if (newDay) {
    await setSetting(db, scanStateKey, JSON.stringify({ date: today, leadDays: settings.leadDays } satisfies ScanState))
  }
  if (!rulesRun) return { created: 0 }
  const count = await db.first<{ created: number }>(`SELECT COUNT(*) AS created FROM reminder WHERE id > ?`, [maxId])
  return { created: count?.created ?? 0 }
}

async function loadScanState(db: SqlWriter): Promise<ScanState | null> {
  const json = await getSetting(db, scanStateKey)
  if (json === null) return null
  const state = JSON.parse(json) as Partial<ScanState>
  return typeof state.date === 'string' && typeof state.leadDays === 'number'
    ? { date: state.date, leadDays: state.leadDays }
    : null
}

async function wakeSnoozed(db: SqlWriter, today: string): Promise<void> {
  await db.run(
    `UPDATE reminder SET status = 'pending', notified_at = NULL WHERE status = 'snoozed' AND snoozed_until <= ?`,
    [today],
  )
}

/** Open reminders whose customer's data moved on (only the changed customers, unless `full`). */
async function settleStale(db: SqlWriter, now: string, full: boolean): Promise<void> {
  // Over the changed customers: driven from reminder_dirty (CROSS JOIN keeps that order), kind
  // included. As `customer_id IN (…) AND kind = …` the planner walked every open reminder of
  // the kind (~60,000 follow-ups: ~12 ms of a scan with a few customers changed).
  const open = (kind: Exclude<ReminderKind, 'festival' | 'birthday'>) =>
    full
      ? `status IN ('pending', 'snoozed') AND kind = '${kind}'`
      : `id IN (SELECT r.id FROM reminder_dirty d CROSS JOIN reminder r ON r.customer_id = d.customer_id
           WHERE r.status IN ('pending', 'snoozed') AND r.kind = '${kind}')`
  await db.run(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open('followUp')} AND due_date < (
       SELECT date(COALESCE(c.last_contact_at, substr(c.registered_at, 1, 10)), '+' || d.cycle_days || ' days')
       FROM customer c JOIN dict_item d ON d.id = c.contact_strategy_id WHERE c.id = reminder.customer_id)`,
    [now],
  )
  await db.run(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open('salesDecline')} AND due_date < (
       SELECT date(c.last_transaction_at, '+' || d.cycle_days || ' days')
       FROM customer c JOIN dict_item d ON d.id = c.purchase_strategy_id WHERE c.id = reminder.customer_id)`,
    [now],
  )
  // Contacted on or after the planned day, or the plan was changed or deleted (one made by hand, 新建提醒, has no plan of a 交往记录 behind it).
  await db.run(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open('plannedFollowUp')} AND (
       due_date <= (SELECT c.last_contact_at FROM customer c WHERE c.id = reminder.customer_id)
       OR subject_key LIKE 'interaction:%' AND NOT EXISTS (SELECT 1 FROM interaction i
         WHERE i.id = CAST(substr(reminder.subject_key, 13) AS INTEGER) AND i.next_follow_up = reminder.due_date))`,
    [now],
  )
  await db.run(
    `UPDATE reminder SET status = 'done', done_at = ? WHERE ${open('dealDeadline')} AND EXISTS (
       SELECT 1 FROM customer c WHERE c.id = reminder.customer_id
         AND (c.expected_close_date IS NOT reminder.due_date OR c.deal_status = '已成交'))`,
    [now],
  )
  await refreshDateReminders(db, full)
  await settleContractReminders(db, now, full ? 'full' : 'dirty')
}

/**
 * Open 生日/纪念日 reminders whose date no longer falls on their day: the birthday was
 * cleared or changed (公历 ↔ 农历 too), the 纪念日 deleted or changed, or the contact (or
 * the 纪念日) moved to another customer or contact, whose scan raises it anew. They are
 * deleted rather than settled, so a date set back raises them again; done and ignored
 * ones stay as history. Whether a date falls on a day is the rules' own calendar code
 * (a 农历 date's day moves every year), asked once per open reminder of the changed customers.
 * Those that still fall on their day get their reason rewritten when a name, 纪念日 label or
 * the date's year changed, so the 工作台 never shows a text the card no longer says.
 */
async function refreshDateReminders(db: SqlWriter, full: boolean): Promise<void> {
  // Driven from the changed customers (CROSS JOIN keeps that order): by status and kind
  // it visited every open birthday reminder, 5 ms of each scan with none changed.
  const reminders = full ? 'reminder r' : 'reminder_dirty d CROSS JOIN reminder r ON r.customer_id = d.customer_id'
  // Each source's `calendar date` as it is now, NULL when it is gone or no longer this reminder's;
  // with the names its reason is written from.
  const rows = await db.all<{ id: number; due: string; reason: string; key: string; source: string | null }>(
    `SELECT r.id, r.due_date AS due, r.reason, r.subject_key AS key, CASE
         WHEN r.subject_key = 'customer' THEN (
           SELECT json_array(c.birth_calendar || ' ' || c.birth_date, c.name, NULL) FROM customer c WHERE c.id = r.customer_id)
         WHEN r.subject_key LIKE 'contact:%' THEN (
           SELECT json_array(ct.birthday_calendar || ' ' || ct.birthday_date, ct.name, NULL) FROM contact ct
           WHERE ct.id = CAST(substr(r.subject_key, 9) AS INTEGER) AND ct.id = r.contact_id
             AND ct.customer_id = r.customer_id)
         WHEN r.subject_key LIKE 'contactDate:%' THEN (
           SELECT json_array(cd.calendar || ' ' || cd.date, ct.name, cd.label)
           FROM contact_date cd CROSS JOIN contact ct ON ct.id = cd.contact_id
           WHERE cd.id = CAST(substr(r.subject_key, 13) AS INTEGER) AND cd.contact_id = r.contact_id
             AND ct.customer_id = r.customer_id)
         END AS source
       FROM ${reminders}
       WHERE r.status IN ('pending', 'snoozed') AND r.kind = 'birthday'`,
  )
  const vanished: number[] = []
  const rewritten: [number, string][] = []
  const reasonOf = birthdayReasons()
  for (const r of rows) {
    const [date, name, label] =
      r.source === null ? [null, '', null] : (JSON.parse(r.source) as [string | null, string, string | null])
    if (date === null) {
      vanished.push(r.id)
      continue
    }
    const [calendar, day] = date.split(' ') as [CalendarKind, string]
    if (occurrenceWithin(day, calendar, r.due, 0) !== r.due) {
      vanished.push(r.id)
      continue
    }
    const who =
      r.key === 'customer'
        ? birthdayLabel.customer(name)
        : r.key.startsWith('contact:')
          ? birthdayLabel.contact(name)
          : birthdayLabel.contactDate(name, label ?? '')
    const reason = reasonOf(who, day, calendar, r.due)
    if (reason !== r.reason) rewritten.push([r.id, reason])
  }
  if (vanished.length > 0) {
    await db.run(`DELETE FROM reminder WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(vanished)])
  }
  if (rewritten.length > 0) {
    await db.run(
      `UPDATE reminder SET reason = json_extract(x.value, '$[1]')
       FROM json_each(?) x WHERE reminder.id = json_extract(x.value, '$[0]')`,
      [JSON.stringify(rewritten)],
    )
  }
}

/** Birthdays and festivals a week past their day, that the calendar passed since `since` (all, when null). */
async function expireGreetings(db: SqlWriter, today: string, now: string, since: string | null): Promise<void> {
  const before = addDays(today, -greetingExpiryDays)
  const from = since === null ? '' : ` AND due_date >= ?`
  await db.run(
    `UPDATE reminder SET status = 'ignored', done_at = ?
     WHERE status IN ('pending', 'snoozed') AND kind IN ('birthday', 'festival') AND due_date < ?${from}`,
    since === null ? [now, before] : [now, before, addDays(since, -greetingExpiryDays)],
  )
}

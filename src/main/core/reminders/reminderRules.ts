import type { CalendarKind } from '../../../shared/calendarDate'
import type { ReminderKind } from '../../../shared/reminder'
import { ageOn, birthdayKeys, calendarDateText, festivalsWithin, occurrenceWithin } from '../../../shared/reminderDates'
import { addDays, daysBetween } from '../../../shared/dateMath'
import type { SqlWriter } from '../db/sqlHandles'

/**
 * The reminder rules (docs/product-rules.md#kinds), each a function of (today, data). Each inserts
 * the occasions it finds with ON CONFLICT DO NOTHING on the reminder's unique key,
 * so running a rule again finds the same occasions and adds nothing. The customer
 * rules are one INSERT … SELECT each over an index of migration 6; their
 * predicates keep the indexed expressions verbatim.
 *
 * A rule looks at one of three scopes, so that a scan costs what changed, not
 * what exists (100,000 customers of which tens of thousands are overdue):
 * - every customer (the first scan, or after the lead days changed);
 * - the customers marked in reminder_dirty (their data changed since the last scan);
 * - every customer, but only occasions whose day came after `since` (the last scan's day).
 */

export interface RuleScope {
  dirtyOnly: boolean
  /** Only occasions due after this day (exclusive); null = all due ones. */
  since: string | null
}

export interface RuleContext {
  today: string
  /** Birthdays, 成交期限 and festivals fire this many days ahead. */
  leadDays: number
  /** Local time stamped as created_at. */
  now: string
  scope: RuleScope
}

export type Rule = (db: SqlWriter, ctx: RuleContext) => Promise<void>

/** `expr` ≤ `upper`, and > the same bound at `since` when windowed; the bound is SQL with one `?` for the day. */
export function dueRange(
  ctx: RuleContext,
  expr: string,
  bound: string,
  upper: string,
): { sql: string; params: unknown[] } {
  const lower = ctx.scope.since === null ? '' : ` AND ${expr} > ${bound}`
  return {
    sql: `${expr} <= ${bound}${lower}`,
    params: ctx.scope.since === null ? [upper] : [upper, shiftLike(upper, ctx)],
  }
}

/** The lower day of a window: `since` moved as `upper` was moved from today. */
function shiftLike(upper: string, ctx: RuleContext): string {
  return addDays(ctx.scope.since ?? ctx.today, daysBetween(ctx.today, upper))
}

/**
 * The table a rule starts from. Over the changed customers: reminder_dirty, then
 * their rows by key. Otherwise the rule's own index, named, so the planner (which
 * has no statistics in a desktop database) cannot wander into a scan of every row;
 * CROSS JOIN keeps SQLite's join order as written.
 */
export function driver(ctx: RuleContext, dirty: string, indexed: string): string {
  return ctx.scope.dirtyOnly ? `reminder_dirty x CROSS JOIN ${dirty}` : indexed
}

/** 跟进提醒: days since 最近联系 (or registration, if never contacted) ≥ the 联系策略 cycle. */
export const followUpRule: Rule = async (db, ctx) => {
  const range = dueRange(
    ctx,
    'COALESCE(c.last_contact_at, substr(c.registered_at, 1, 10))',
    `date(?, '-' || d.cycle_days || ' days')`,
    ctx.today,
  )
  await db.run(
    `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
     SELECT 'followUp', c.id, '', date(COALESCE(c.last_contact_at, substr(c.registered_at, 1, 10)), '+' || d.cycle_days || ' days'),
       '联系策略「' || d.label || '」每 ' || d.cycle_days || ' 天联系一次，' ||
       CASE WHEN c.last_contact_at IS NULL THEN '登记（' || substr(c.registered_at, 1, 10) || '）后从未联系'
            ELSE '最近联系 ' || c.last_contact_at END,
       ?
     FROM ${driver(
       ctx,
       'customer c ON c.id = x.customer_id CROSS JOIN dict_item d ON d.id = c.contact_strategy_id',
       'dict_item d CROSS JOIN customer c INDEXED BY customer_follow_up_scan ON c.contact_strategy_id = d.id',
     )}
     WHERE d.category = 'contactStrategy' AND d.cycle_days IS NOT NULL AND c.deleted_at IS NULL AND ${range.sql}
     ON CONFLICT DO NOTHING`,
    [ctx.now, ...range.params],
  )
}

/** 业务下滑提醒: a customer who has bought, with days since 最近交易 ≥ the 购买策略 cycle. */
export const salesDeclineRule: Rule = async (db, ctx) => {
  const range = dueRange(ctx, 'c.last_transaction_at', `date(?, '-' || d.cycle_days || ' days')`, ctx.today)
  await db.run(
    `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
     SELECT 'salesDecline', c.id, '', date(c.last_transaction_at, '+' || d.cycle_days || ' days'),
       '购买策略「' || d.label || '」约 ' || d.cycle_days || ' 天采购一次，最近交易 ' || c.last_transaction_at || ' 之后再无交易',
       ?
     FROM ${driver(
       ctx,
       'customer c ON c.id = x.customer_id CROSS JOIN dict_item d ON d.id = c.purchase_strategy_id',
       'dict_item d CROSS JOIN customer c INDEXED BY customer_sales_decline_scan ON c.purchase_strategy_id = d.id',
     )}
     WHERE d.category = 'purchaseStrategy' AND d.cycle_days IS NOT NULL
       AND c.deleted_at IS NULL AND c.last_transaction_at IS NOT NULL AND ${range.sql}
     ON CONFLICT DO NOTHING`,
    [ctx.now, ...range.params],
  )
}

/** 计划跟进: an interaction's 下次跟进日期 has come and the customer has not been contacted on or after it. */
export const plannedFollowUpRule: Rule = async (db, ctx) => {
  const range = dueRange(ctx, 'i.next_follow_up', '?', ctx.today)
  await db.run(
    `INSERT INTO reminder (kind, customer_id, contact_id, subject_key, due_date, reason, created_at)
     SELECT 'plannedFollowUp', i.customer_id, i.contact_id, 'interaction:' || i.id, i.next_follow_up,
       '交往记录（' || substr(i.occurred_at, 1, 10) || COALESCE('，' || i.subject, '') || '）计划 ' || i.next_follow_up || ' 再次跟进',
       ?
     FROM ${driver(
       ctx,
       'interaction i INDEXED BY interaction_customer_occurred ON i.customer_id = x.customer_id',
       'interaction i INDEXED BY interaction_next_follow_up',
     )}
     CROSS JOIN customer c ON c.id = i.customer_id
     WHERE c.deleted_at IS NULL AND ${range.sql}
       AND (c.last_contact_at IS NULL OR c.last_contact_at < i.next_follow_up)
     ON CONFLICT DO NOTHING`,
    [ctx.now, ...range.params],
  )
}

/** 成交期限: an A or B customer (明确需求, or set by hand) whose expected closing date is near or past, not yet won. */
export const dealDeadlineRule: Rule = async (db, ctx) => {
  const range = dueRange(ctx, 'c.expected_close_date', '?', addDays(ctx.today, ctx.leadDays))
  await db.run(
    `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
     SELECT 'dealDeadline', c.id, '', c.expected_close_date,
       '预计成交日期 ' || c.expected_close_date || CASE WHEN c.expected_close_date < ? THEN ' 已过，尚未成交' ELSE ' 临近' END,
       ?
     FROM ${driver(ctx, 'customer c ON c.id = x.customer_id', 'customer c INDEXED BY customer_expected_close_scan')}
     WHERE c.deleted_at IS NULL AND c.expected_close_date IS NOT NULL AND ${range.sql}
       AND (c.deal_status IS NULL OR c.deal_status <> '已成交')
       AND (c.deal_grade_override IN ('A', 'B') OR (c.deal_grade_override IS NULL AND c.demand_status = '明确需求'))
     ON CONFLICT DO NOTHING`,
    [ctx.today, ctx.now, ...range.params],
  )
}

interface DateCandidate {
  customerId: number
  contactId: number | null
  subjectKey: string
  /** Who and what, e.g. 联系人 张三 生日. */
  label: string
  date: string
  calendar: CalendarKind
}

/** The month-day keys of the days this scope looks at: [today, today + lead], or only the days reached since `since`. */
function scopeKeys(ctx: RuleContext): Record<CalendarKind, string[]> | null {
  if (ctx.scope.since === null) return birthdayKeys(ctx.today, ctx.leadDays)
  const days = daysBetween(ctx.scope.since, ctx.today)
  if (days <= 0) return null
  return birthdayKeys(addDays(ctx.scope.since, ctx.leadDays + 1), days - 1)
}

/** Who and what a 生日/纪念日 reminder is about, per kind of source (its subject_key). */
export const birthdayLabel = {
  customer: (name: string) => `客户 ${name} 生日`,
  contact: (name: string) => `联系人 ${name} 生日`,
  contactDate: (name: string, label: string) => `联系人 ${name} 的${label}`,
}

export type BirthdayReason = (label: string, date: string, calendar: CalendarKind, due: string) => string

/**
 * The reason of a 生日/纪念日 reminder due on `due`: the rule writes it, and a scan rewrites
 * an open one whose source changed. Each returned function keeps its own date texts: a 农历
 * date's text costs a lunar conversion (~1 ms) and a day's many birthdays share a few month-days.
 */
export function birthdayReasons(): BirthdayReason {
  const texts = new Map<string, string>()
  return (label, date, calendar, due) => {
    const key = `${calendar}|${date.replace(/^\d{4}-/, '')}`
    let text = texts.get(key)
    if (text === undefined) texts.set(key, (text = calendarDateText(date, calendar)))
    const age = ageOn(date, calendar, due)
    return `${label}：${text}${age ? `（${age} 岁）` : ''}，公历 ${due}`
  }
}

interface ContactBirthdayRow {
  id: number
  customer_id: number
  name: string
  date: string
}

interface ContactDateDayRow {
  id: number
  contact_id: number
  customer_id: number
  name: string
  label: string
  date: string
}

interface CustomerBirthdayRow {
  id: number
  name: string
  date: string
}

/**
 * 生日/纪念日 of contacts, their families' dates (contact_date) and individual
 * customers, `leadDays` ahead. The SQL finds the few dates whose month-day may fall
 * in the window; nextSolarOccurrence (农历 → 公历 for the year, 29 Feb) decides.
 */
export const birthdayRule: Rule = async (db, ctx) => {
  const keys = scopeKeys(ctx)
  if (!keys) return
  const candidates: DateCandidate[] = []
  for (const calendar of ['solar', 'lunar'] as const) {
    const params = [calendar, JSON.stringify(keys[calendar])]
    const contacts = await db.all<ContactBirthdayRow>(
      `SELECT ct.id, ct.customer_id, ct.name, ct.birthday_date AS date
       FROM ${driver(
         ctx,
         'contact ct INDEXED BY contact_customer ON ct.customer_id = x.customer_id',
         'contact ct INDEXED BY contact_birthday_md',
       )}
       CROSS JOIN customer c ON c.id = ct.customer_id
       WHERE c.deleted_at IS NULL AND ct.birthday_date IS NOT NULL AND ct.birthday_calendar = ?
         AND substr(ct.birthday_date, -5) IN (SELECT value FROM json_each(?))`,
      params,
    )
    for (const r of contacts) {
      candidates.push({
        customerId: r.customer_id,
        contactId: r.id,
        subjectKey: `contact:${r.id}`,
        label: birthdayLabel.contact(r.name),
        date: r.date,
        calendar,
      })
    }
    const dates = await db.all<ContactDateDayRow>(
      `SELECT cd.id, ct.id AS contact_id, ct.customer_id, ct.name, cd.label, cd.date
       FROM ${driver(
         ctx,
         'contact ct INDEXED BY contact_customer ON ct.customer_id = x.customer_id ' +
           'CROSS JOIN contact_date cd INDEXED BY contact_date_contact ON cd.contact_id = ct.id',
         'contact_date cd INDEXED BY contact_date_md CROSS JOIN contact ct ON ct.id = cd.contact_id',
       )}
       CROSS JOIN customer c ON c.id = ct.customer_id
       WHERE c.deleted_at IS NULL AND cd.calendar = ? AND substr(cd.date, -5) IN (SELECT value FROM json_each(?))`,
      params,
    )
    for (const r of dates) {
      candidates.push({
        customerId: r.customer_id,
        contactId: r.contact_id,
        subjectKey: `contactDate:${r.id}`,
        label: birthdayLabel.contactDate(r.name, r.label),
        date: r.date,
        calendar,
      })
    }
    const customers = await db.all<CustomerBirthdayRow>(
      `SELECT c.id, c.name, c.birth_date AS date
       FROM ${driver(ctx, 'customer c ON c.id = x.customer_id', 'customer c INDEXED BY customer_birth_md')}
       WHERE c.birth_date IS NOT NULL AND c.deleted_at IS NULL AND c.birth_calendar = ?
         AND substr(c.birth_date, -5) IN (SELECT value FROM json_each(?))`,
      params,
    )
    for (const r of customers) {
      candidates.push({
        customerId: r.id,
        contactId: null,
        subjectKey: 'customer',
        label: birthdayLabel.customer(r.name),
        date: r.date,
        calendar,
      })
    }
  }
  const reason = birthdayReasons()
  const rows: unknown[][] = []
  for (const c of candidates) {
    const due = occurrenceWithin(c.date, c.calendar, ctx.today, ctx.leadDays)
    if (!due) continue
    rows.push([
      'birthday',
      c.customerId,
      c.contactId,
      c.subjectKey,
      due,
      reason(c.label, c.date, c.calendar, due),
      ctx.now,
    ])
  }
  await insertReminders(db, rows)
}

let lastFestivals: { key: string; found: ReturnType<typeof festivalsWithin> } | null = null

/**
 * The festivals within the lead days of `today`. The same all day, while the scheduler
 * scans every few minutes, and the 农历 conversions cost more than the rest of such a scan's JS.
 */
export function festivalOccasions(today: string, leadDays: number): ReturnType<typeof festivalsWithin> {
  const key = `${today}+${leadDays}`
  if (lastFestivals?.key !== key) lastFestivals = { key, found: festivalsWithin(today, leadDays) }
  return lastFestivals.found
}

/** 节日问候: one reminder per festival, for the office rather than one customer (a handful of dates: always looked at). */
export async function festivalRule(db: SqlWriter, ctx: RuleContext): Promise<void> {
  const rows = festivalOccasions(ctx.today, ctx.leadDays).map((f) => [
    'festival',
    null,
    null,
    f.name,
    f.date,
    `${f.name}（${f.text}），可向重要客户群发问候`,
    ctx.now,
  ])
  await insertReminders(db, rows)
}

/** SQLite allows 999 parameters a statement in older builds: 7 columns × 100 rows stays well under. */
const chunkRows = 100

async function insertReminders(db: SqlWriter, rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows)
    await db.run(
      `INSERT INTO reminder (kind, customer_id, contact_id, subject_key, due_date, reason, created_at)
       VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT DO NOTHING`,
      chunk.flat(),
    )
  }
}

/** The rules about a customer's own data; the contract rules (contractRules.ts) run beside them. */
export const customerRules: Record<Exclude<ReminderKind, 'festival' | 'payment' | 'contractEnd'>, Rule> = {
  followUp: followUpRule,
  salesDecline: salesDeclineRule,
  birthday: birthdayRule,
  plannedFollowUp: plannedFollowUpRule,
  dealDeadline: dealDeadlineRule,
}

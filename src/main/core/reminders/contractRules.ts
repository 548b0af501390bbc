import { addDays } from '../../../shared/dateMath'
import { owedStatusSql } from '../contracts/receivableQueries'
import type { SqlWriter } from '../db/sqlHandles'
import { driver, dueRange, type Rule } from './reminderRules'

/**
 * 回款提醒 and 合同到期 (docs/product-rules.md#contracts). A 回款提醒 is one instalment
 * (subject `instalment:<id>`) due on its planned date, raised from its remind_on day
 * (planned date − 提前 N 天) while any of it is unpaid; the 工作台 then counts 逾期 N 天
 * from the planned date. Payments settle the instalments in date order, as the aging
 * does. A 合同到期 is one running contract (subject `contract:<id>`) due on its 结束日期,
 * raised the reminder lead days ahead. Both are closed by the scan (and by the payment
 * that pays them) once paid, the contract is gone, finished, or the date moved.
 */

/** What of instalment `i` of contract `k` is still open, in yuan. */
const openAmount = (i: string, k: string) =>
  `round(min(${i}.amount, (SELECT TOTAL(j.amount) FROM contract_instalment j
     WHERE j.contract_id = ${i}.contract_id AND j.seq <= ${i}.seq) - ${k}.received_amount), 2)`

/** 合同 HT-2026-0001「年度供货」第 2 期回款 5000.00 元，计划 2026-12-10 收款，已收 2000.00 元，未收 3000.00 元. */
const paymentReason = (i: string, k: string, open: string) =>
  `'合同 ' || ${k}.contract_no || '「' || ${k}.name || '」第 ' || ${i}.seq || ' 期回款 ' || printf('%.2f', ${i}.amount) ||
   ' 元，计划 ' || ${i}.due_on || ' 收款' || CASE WHEN ${open} < ${i}.amount
     THEN '，已收 ' || printf('%.2f', ${i}.amount - ${open}) || ' 元，未收 ' || printf('%.2f', ${open}) || ' 元' ELSE '' END`

export const paymentRule: Rule = async (db, ctx) => {
  const range = dueRange(ctx, 'i.remind_on', '?', ctx.today)
  await db.run(
    `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
     SELECT 'payment', o.customer_id, 'instalment:' || o.id, o.due_on, ${paymentReason('o', 'o', 'o.open')}, ?
     FROM (
       SELECT i.id, i.seq, i.due_on, i.amount, k.customer_id, k.contract_no, k.name, ${openAmount('i', 'k')} AS open
       FROM ${driver(
         ctx,
         'contract k INDEXED BY contract_customer ON k.customer_id = x.customer_id ' +
           'CROSS JOIN contract_instalment i ON i.contract_id = k.id',
         'contract_instalment i INDEXED BY contract_instalment_remind CROSS JOIN contract k ON k.id = i.contract_id',
       )}
       CROSS JOIN customer c ON c.id = k.customer_id
       WHERE k.deleted_at IS NULL AND k.status IN ${owedStatusSql} AND c.deleted_at IS NULL AND ${range.sql}
     ) o
     WHERE o.open > 0
     ON CONFLICT DO NOTHING`,
    [ctx.now, ...range.params],
  )
}

export const contractEndRule: Rule = async (db, ctx) => {
  const range = dueRange(ctx, 'k.end_on', '?', addDays(ctx.today, ctx.leadDays))
  await db.run(
    `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
     SELECT 'contractEnd', k.customer_id, 'contract:' || k.id, k.end_on,
       '合同 ' || k.contract_no || '「' || k.name || '」' ||
       CASE WHEN k.end_on < ? THEN '已于 ' ELSE '将于 ' END || k.end_on || ' 到期' ||
       CASE WHEN round(k.amount - k.received_amount, 2) > 0
         THEN '，尚有应收 ' || printf('%.2f', k.amount - k.received_amount) || ' 元' ELSE '' END,
       ?
     FROM ${driver(ctx, 'contract k INDEXED BY contract_customer ON k.customer_id = x.customer_id', 'contract k INDEXED BY contract_end_scan')}
     CROSS JOIN customer c ON c.id = k.customer_id
     WHERE k.deleted_at IS NULL AND k.status = '执行中' AND k.end_on IS NOT NULL AND c.deleted_at IS NULL AND ${range.sql}
     ON CONFLICT DO NOTHING`,
    [ctx.today, ctx.now, ...range.params],
  )
}

/** Which open reminders a settle looks at: all, the scan's changed customers, or the customers a write touched. */
export type SettleScope = 'full' | 'dirty' | { customerIds: readonly number[] }

function openOf(kind: 'payment' | 'contractEnd', scope: SettleScope): { sql: string; params: unknown[] } {
  const open = `r.status IN ('pending', 'snoozed') AND r.kind = '${kind}'`
  if (scope === 'full') return { sql: `id IN (SELECT r.id FROM reminder r WHERE ${open})`, params: [] }
  if (scope === 'dirty') {
    return {
      sql: `id IN (SELECT r.id FROM reminder_dirty d CROSS JOIN reminder r ON r.customer_id = d.customer_id WHERE ${open})`,
      params: [],
    }
  }
  return {
    sql: `id IN (SELECT r.id FROM json_each(?) d CROSS JOIN reminder r ON r.customer_id = d.value WHERE ${open})`,
    params: [JSON.stringify(scope.customerIds)],
  }
}

/** The ids a 回款提醒 ('instalment:<id>') and a 合同到期 ('contract:<id>') keep in their subject_key. */
export const instalmentIdOf = (reminder: string): string => `CAST(substr(${reminder}.subject_key, 12) AS INTEGER)`
export const contractIdOf = (reminder: string): string => `CAST(substr(${reminder}.subject_key, 10) AS INTEGER)`

/** The instalment an open 回款提醒 is about, as long as it is still owed on the same date (as `i`, `k`). */
const stillOwed = `FROM contract_instalment i CROSS JOIN contract k ON k.id = i.contract_id
  WHERE i.id = ${instalmentIdOf('reminder')} AND i.due_on = reminder.due_date
    AND k.customer_id = reminder.customer_id AND k.deleted_at IS NULL AND k.status IN ${owedStatusSql}`

/**
 * Closes the open 回款提醒 whose instalment is paid (or gone, moved, its contract deleted
 * or 已终止) and the 合同到期 whose contract is no longer running on that date; the rest
 * get their reason rewritten when a partial payment changed what is still open.
 */
export async function settleContractReminders(db: SqlWriter, now: string, scope: SettleScope): Promise<void> {
  const payment = openOf('payment', scope)
  await db.run(
    `UPDATE reminder SET status = 'done', done_at = ?
     WHERE ${payment.sql} AND NOT EXISTS (SELECT 1 ${stillOwed} AND ${openAmount('i', 'k')} > 0)`,
    [now, ...payment.params],
  )
  await db.run(
    `UPDATE reminder SET reason = (SELECT ${paymentReason('i', 'k', openAmount('i', 'k'))} ${stillOwed})
     WHERE ${payment.sql} AND reason IS NOT (SELECT ${paymentReason('i', 'k', openAmount('i', 'k'))} ${stillOwed})`,
    payment.params,
  )
  const end = openOf('contractEnd', scope)
  await db.run(
    `UPDATE reminder SET status = 'done', done_at = ?
     WHERE ${end.sql} AND NOT EXISTS (SELECT 1 FROM contract k
       WHERE k.id = ${contractIdOf('reminder')} AND k.customer_id = reminder.customer_id
         AND k.deleted_at IS NULL AND k.status = '执行中' AND k.end_on = reminder.due_date)`,
    [now, ...end.params],
  )
}

/**
 * A payment taken back: the 回款提醒 it had closed (or someone marked done) are open again
 * while their instalment is owed, so money still owed is never left without a reminder.
 */
export async function reopenOwedReminders(db: SqlWriter, contractId: number): Promise<void> {
  await db.run(
    `UPDATE reminder SET status = 'pending', done_at = NULL, notified_at = NULL
     WHERE kind = 'payment' AND status = 'done'
       AND customer_id = (SELECT customer_id FROM contract WHERE id = ?)
       AND EXISTS (SELECT 1 ${stillOwed} AND i.contract_id = ? AND ${openAmount('i', 'k')} > 0)`,
    [contractId, contractId],
  )
}

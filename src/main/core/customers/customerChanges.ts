import { calendarLabels, type CalendarKind } from '../../../shared/calendarDate'
import type { ContactField } from '../../../shared/contact'
import {
  customerDictFields,
  customerFieldLabels,
  type CustomerChange,
  type CustomerValues,
} from '../../../shared/customer'
import { displayCustomerValue } from '../../../shared/customerValueDisplay'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { dictItemsByIds } from '../dictionary/dictionaryQueries'

/** One history row before it is written. Values are display text (docs/product-rules.md#change-history). */
export interface ChangeDraft {
  field: string
  label: string
  oldValue: string | null
  newValue: string | null
}

// Pure, so the renderer shows values the same way (the merge comparison).
export { displayCustomerValue }

/** History rows for the changed fields of a customer, dictionary ids shown as their labels. */
export async function customerFieldDrafts(
  db: SqlReader,
  changed: (keyof CustomerValues)[],
  before: CustomerValues,
  after: CustomerValues,
): Promise<ChangeDraft[]> {
  const dictIds = changed
    .filter((key) => key in customerDictFields)
    .flatMap((key) => [before[key], after[key]])
    .filter((id): id is number => typeof id === 'number')
  const items = await dictItemsByIds(db, dictIds)
  const labels = new Map([...items.values()].map((item) => [item.id, item.label]))
  return changed.map((key) => ({
    field: key,
    label: customerFieldLabels[key],
    oldValue: displayCustomerValue(key, before[key], labels),
    newValue: displayCustomerValue(key, after[key], labels),
  }))
}

export function displayContactValue(field: ContactField, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null
  if (field === 'birthday') {
    const { date, calendar } = value as { date: string; calendar: CalendarKind }
    return `${calendarLabels[calendar]} ${date}`
  }
  if (field === 'friendliness') return `${String(value)}星`
  if (typeof value === 'boolean') return value ? '是' : '否'
  return String(value)
}

/**
 * `userId` is who made the change (Caller.userId): null in single-PC mode and for
 * the core's own work, so the history reads 系统 there.
 */
export async function insertChanges(
  db: SqlWriter,
  customerId: number,
  changedAt: string,
  drafts: ChangeDraft[],
  userId: number | null = null,
): Promise<void> {
  for (let start = 0; start < drafts.length; start += 200) {
    const chunk = drafts.slice(start, start + 200)
    await db.run(
      `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value, user_id) VALUES ${chunk
        .map(() => '(?, ?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      chunk.flatMap((d) => [customerId, changedAt, d.field, d.label, d.oldValue, d.newValue, userId]),
    )
  }
}

/** The same event (moved to the 回收站, restored …) for many customers at once. */
export async function insertChangeForMany(
  db: SqlWriter,
  idsJson: string,
  changedAt: string,
  draft: ChangeDraft,
  userId: number | null,
): Promise<void> {
  await db.run(
    `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value, user_id)
     SELECT value, ?, ?, ?, ?, ?, ? FROM json_each(?)`,
    [changedAt, draft.field, draft.label, draft.oldValue, draft.newValue, userId, idsJson],
  )
}

interface ChangeRaw {
  id: number
  changed_at: string
  field: string
  label: string
  old_value: string | null
  new_value: string | null
  user_name: string | null
}

/** Newest first, each with the name of the user who made it (null: single-PC mode, or the user is gone). */
export async function listChanges(db: SqlReader, customerId: number): Promise<CustomerChange[]> {
  const rows = await db.all<ChangeRaw>(
    `SELECT h.id, h.changed_at, h.field, h.label, h.old_value, h.new_value, u.name AS user_name
     FROM customer_change h LEFT JOIN app_user u ON u.id = h.user_id
     WHERE h.customer_id = ? ORDER BY h.id DESC`,
    [customerId],
  )
  return rows.map((r) => ({
    id: r.id,
    changedAt: r.changed_at,
    field: r.field,
    label: r.label,
    oldValue: r.old_value,
    newValue: r.new_value,
    userName: r.user_name,
  }))
}

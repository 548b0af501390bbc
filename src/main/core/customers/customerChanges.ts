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

export async function insertChanges(
  db: SqlWriter,
  customerId: number,
  changedAt: string,
  drafts: ChangeDraft[],
): Promise<void> {
  for (let start = 0; start < drafts.length; start += 200) {
    const chunk = drafts.slice(start, start + 200)
    await db.run(
      `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value) VALUES ${chunk
        .map(() => '(?, ?, ?, ?, ?, ?)')
        .join(', ')}`,
      chunk.flatMap((d) => [customerId, changedAt, d.field, d.label, d.oldValue, d.newValue]),
    )
  }
}

/** The same event (moved to the 回收站, restored …) for many customers at once. */
export async function insertChangeForMany(
  db: SqlWriter,
  idsJson: string,
  changedAt: string,
  draft: ChangeDraft,
): Promise<void> {
  await db.run(
    `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value)
     SELECT value, ?, ?, ?, ?, ? FROM json_each(?)`,
    [changedAt, draft.field, draft.label, draft.oldValue, draft.newValue, idsJson],
  )
}

interface ChangeRaw {
  id: number
  changed_at: string
  field: string
  label: string
  old_value: string | null
  new_value: string | null
}

export async function listChanges(db: SqlReader, customerId: number): Promise<CustomerChange[]> {
  const rows = await db.all<ChangeRaw>(
    `SELECT id, changed_at, field, label, old_value, new_value FROM customer_change
     WHERE customer_id = ? ORDER BY id DESC`,
    [customerId],
  )
  return rows.map((r) => ({
    id: r.id,
    changedAt: r.changed_at,
    field: r.field,
    label: r.label,
    oldValue: r.old_value,
    newValue: r.new_value,
  }))
}

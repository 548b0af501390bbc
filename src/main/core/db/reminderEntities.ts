import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm'
import type { ReminderKind, ReminderStatus } from '../../../shared/reminder'

/** 提醒 rows as stored (migration 6). The rules write them with set-based SQL; see reminders/. */
export interface ReminderRow {
  id: number
  kind: ReminderKind
  customerId: number | null
  contactId: number | null
  subjectKey: string
  dueDate: string
  reason: string
  status: ReminderStatus
  snoozedUntil: string | null
  notifiedAt: string | null
  createdAt: string
  doneAt: string | null
  interactionId: number | null
}

const col = (type: 'text' | 'integer', name: string, nullable = false): EntitySchemaColumnOptions => ({
  type,
  name,
  nullable,
})

export const ReminderEntity = new EntitySchema<ReminderRow>({
  name: 'Reminder',
  tableName: 'reminder',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: col('text', 'kind'),
    customerId: col('integer', 'customer_id', true),
    contactId: col('integer', 'contact_id', true),
    subjectKey: col('text', 'subject_key'),
    dueDate: col('text', 'due_date'),
    reason: col('text', 'reason'),
    status: col('text', 'status'),
    snoozedUntil: col('text', 'snoozed_until', true),
    notifiedAt: col('text', 'notified_at', true),
    createdAt: col('text', 'created_at'),
    doneAt: col('text', 'done_at', true),
    interactionId: col('integer', 'interaction_id', true),
  },
})

export const reminderEntities = [ReminderEntity]

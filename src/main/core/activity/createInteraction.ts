import type { InteractionCreateInput } from '../../../shared/interaction'
import type { Caller } from '../accounts/caller'
import { createRecord, touchedCustomers, type RecordDefinition } from '../common/recordHandlers'
import type { InteractionRow } from '../db/activityEntities'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { checkContact, checkCustomer, checkDictChoices, merged, mergedAll } from './activityChecks'
import { recomputeLastContact } from './customerStats'
import { interactionTable, listInteractions } from './interactionQueries'

export type InteractionValues = Omit<InteractionRow, 'id' | 'createdAt' | 'updatedAt'>

/** 交往记录: every write recomputes 最近联系 of the customers it touched, in the same transaction. */
export const interactionRecord: RecordDefinition<'interactions', InteractionRow> = {
  table: interactionTable,
  customerKeys: ['customerId'],
  async created(db, input, caller) {
    const values: InteractionValues = {
      customerId: input.customerId,
      contactId: input.contactId ?? null,
      occurredAt: input.occurredAt,
      typeId: input.typeId,
      subject: input.subject ?? null,
      content: input.content ?? null,
      result: input.result ?? null,
      nextFollowUp: input.nextFollowUp ?? null,
      staffId: input.staffId ?? (await defaultStaff(db, caller, input.customerId)),
    }
    await checkInteractionValues(db, values, null)
    return values
  },
  async updated(db, input, before) {
    const customerId = merged(input.customerId, before.customerId)
    const values: InteractionValues = {
      customerId,
      // A record moved to another customer cannot keep the old customer's contact.
      contactId: merged(input.contactId, customerId === before.customerId ? before.contactId : null),
      ...mergedAll(input, before, ['occurredAt', 'typeId', 'subject', 'content', 'result', 'nextFollowUp', 'staffId']),
    }
    await checkInteractionValues(db, values, before)
    return values
  },
  list: listInteractions,
  afterWrite: (db, write) => recomputeLastContact(db, touchedCustomers(write)),
}

/**
 * Adds a 交往记录 inside the caller's transaction and recomputes the customer's
 * 最近联系: the one path for interactions.create and for completing a reminder.
 */
export function createInteraction(db: SqlWriter, input: InteractionCreateInput, caller: Caller): Promise<number> {
  return createRecord(db, interactionRecord, input, caller)
}

/**
 * The 业务员 of a new 交往记录 given none: the customer's 负责业务员, else the signed-in
 * user's own 业务员 item, so no record of a customer who has one reads 未指定业务员.
 * Only an enabled 业务员 item is taken, so the default never makes the record refused.
 */
async function defaultStaff(db: SqlReader, caller: Caller, customerId: number): Promise<number | null> {
  const row = await db.first<{ id: number }>(
    `SELECT d.id FROM dict_item d
     WHERE d.category = 'staff' AND d.enabled = 1
       AND d.id IN ((SELECT owner_staff_id FROM customer WHERE id = ?), ?)
     ORDER BY d.id = (SELECT owner_staff_id FROM customer WHERE id = ?) DESC
     LIMIT 1`,
    [customerId, caller.userId === null ? null : caller.staffId, customerId],
  )
  return row?.id ?? null
}

async function checkInteractionValues(
  db: SqlWriter,
  values: InteractionValues,
  before: InteractionRow | null,
): Promise<void> {
  if (values.customerId !== before?.customerId) await checkCustomer(db, values.customerId)
  await checkDictChoices(db, [
    {
      field: 'typeId',
      label: '交往方式',
      category: 'interactionType',
      id: values.typeId,
      before: before?.typeId ?? null,
    },
    { field: 'staffId', label: '业务员', category: 'staff', id: values.staffId, before: before?.staffId ?? null },
  ])
  await checkContact(db, values.contactId, values.customerId)
}

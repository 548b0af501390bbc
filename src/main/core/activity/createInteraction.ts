import type { EntityManager } from 'typeorm'
import type { InteractionCreateInput } from '../../../shared/interaction'
import { localNow } from '../common/localTime'
import type { InteractionRow } from '../db/activityEntities'
import { checkContact, checkCustomer, checkDictChoices } from './activityChecks'
import { recomputeLastContact } from './customerStats'
import { insertInteraction } from './interactionQueries'

export type InteractionValues = Omit<InteractionRow, 'id' | 'createdAt' | 'updatedAt'>

/**
 * Adds a 交往记录 inside the caller's transaction and recomputes the customer's
 * 最近联系: the one path for interactions.create and for completing a reminder.
 */
export async function createInteraction(m: EntityManager, input: InteractionCreateInput): Promise<number> {
  const values: InteractionValues = {
    customerId: input.customerId,
    contactId: input.contactId ?? null,
    occurredAt: input.occurredAt,
    typeId: input.typeId,
    subject: input.subject ?? null,
    content: input.content ?? null,
    result: input.result ?? null,
    nextFollowUp: input.nextFollowUp ?? null,
    staffId: input.staffId ?? null,
  }
  await checkInteractionValues(m, values, null)
  const time = localNow()
  const id = await insertInteraction(m, { ...values, createdAt: time, updatedAt: time })
  await recomputeLastContact(m, [values.customerId])
  return id
}

export async function checkInteractionValues(
  m: EntityManager,
  values: InteractionValues,
  before: InteractionRow | null,
): Promise<void> {
  if (values.customerId !== before?.customerId) await checkCustomer(m, values.customerId)
  await checkDictChoices(m, [
    {
      field: 'typeId',
      label: '交往方式',
      category: 'interactionType',
      id: values.typeId,
      before: before?.typeId ?? null,
    },
    { field: 'staffId', label: '业务员', category: 'staff', id: values.staffId, before: before?.staffId ?? null },
  ])
  await checkContact(m, values.contactId, values.customerId)
}

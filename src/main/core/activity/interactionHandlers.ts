import type { EntityManager } from 'typeorm'
import { AppError } from '../appError'
import { localNow } from '../customers/localTime'
import type { InteractionRow } from '../db/activityEntities'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { checkContact, checkCustomer, checkDictChoices, merged } from './activityChecks'
import { recomputeLastContact } from './customerStats'
import {
  deleteInteraction,
  findInteraction,
  findInteractionRow,
  insertInteraction,
  listInteractions,
  updateInteraction,
} from './interactionQueries'

type InteractionChannel = 'interactions.create' | 'interactions.update' | 'interactions.delete' | 'interactions.list'

type InteractionValues = Omit<InteractionRow, 'id' | 'createdAt' | 'updatedAt'>

/** 交往记录: every write recomputes 最近联系 of the customers it touched, in the same transaction. */
export function interactionHandlers({ store }: CoreContext): DomainHandlers<InteractionChannel> {
  return {
    'interactions.create': (input) =>
      store.write(async (m) => {
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
        await checkValues(m, values, null)
        const time = localNow()
        const id = await insertInteraction(m, { ...values, createdAt: time, updatedAt: time })
        await recomputeLastContact(m, [values.customerId])
        return mustFind(await findInteraction(m, id))
      }),

    'interactions.update': (input) =>
      store.write(async (m) => {
        const before = mustFind(await findInteractionRow(m, input.id))
        const customerId = merged(input.customerId, before.customerId)
        const values: InteractionValues = {
          customerId,
          // A record moved to another customer cannot keep the old customer's contact.
          contactId: merged(input.contactId, customerId === before.customerId ? before.contactId : null),
          occurredAt: merged(input.occurredAt, before.occurredAt),
          typeId: merged(input.typeId, before.typeId),
          subject: merged(input.subject, before.subject),
          content: merged(input.content, before.content),
          result: merged(input.result, before.result),
          nextFollowUp: merged(input.nextFollowUp, before.nextFollowUp),
          staffId: merged(input.staffId, before.staffId),
        }
        await checkValues(m, values, before)
        await updateInteraction(m, input.id, { ...values, updatedAt: localNow() })
        await recomputeLastContact(m, [before.customerId, customerId])
        return mustFind(await findInteraction(m, input.id))
      }),

    'interactions.delete': ({ id }) =>
      store.write(async (m) => {
        const before = mustFind(await findInteractionRow(m, id))
        await deleteInteraction(m, id)
        await recomputeLastContact(m, [before.customerId])
        return { id }
      }),

    'interactions.list': (input) => store.read((m) => listInteractions(m, input)),
  }
}

async function checkValues(m: EntityManager, values: InteractionValues, before: InteractionRow | null): Promise<void> {
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

function mustFind<T>(value: T | null): T {
  if (!value) throw new AppError('NOT_FOUND', '交往记录不存在，可能已被删除，请刷新后重试')
  return value
}

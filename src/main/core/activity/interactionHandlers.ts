import { localNow } from '../common/localTime'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { merged } from './activityChecks'
import { checkInteractionValues, createInteraction, type InteractionValues } from './createInteraction'
import { recomputeLastContact } from './customerStats'
import {
  deleteInteraction,
  findInteraction,
  findInteractionRow,
  listInteractions,
  updateInteraction,
} from './interactionQueries'
import { mustFind } from '../common/mustFind'

type InteractionChannel = 'interactions.create' | 'interactions.update' | 'interactions.delete' | 'interactions.list'

/** 交往记录: every write recomputes 最近联系 of the customers it touched, in the same transaction. */
export function interactionHandlers({ store }: CoreContext): DomainHandlers<InteractionChannel> {
  return {
    'interactions.create': (input) =>
      store.write(async (m) => mustFind(await findInteraction(m, await createInteraction(m, input)), '交往记录')),

    'interactions.update': (input) =>
      store.write(async (m) => {
        const before = mustFind(await findInteractionRow(m, input.id), '交往记录')
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
        await checkInteractionValues(m, values, before)
        await updateInteraction(m, input.id, { ...values, updatedAt: localNow() })
        await recomputeLastContact(m, [before.customerId, customerId])
        return mustFind(await findInteraction(m, input.id), '交往记录')
      }),

    'interactions.delete': ({ id }) =>
      store.write(async (m) => {
        const before = mustFind(await findInteractionRow(m, id), '交往记录')
        await deleteInteraction(m, id)
        await recomputeLastContact(m, [before.customerId])
        return { id }
      }),

    'interactions.list': (input) => store.read((m) => listInteractions(m, input)),
  }
}

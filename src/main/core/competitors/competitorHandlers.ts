import { competitorUpdateInput } from '../../../shared/competitor'
import { editedKeys } from '../../../shared/editedKeys'
import { checkCustomer, mergedAll } from '../activity/activityChecks'
import { recordHandlers, type RecordDefinition } from '../common/recordHandlers'
import type { CompetitorRow } from '../db/projectEntities'
import type { CoreContext } from '../handlerTypes'
import { competitorTable, listCompetitors } from './competitorQueries'

const valueKeys = editedKeys(competitorUpdateInput)

/**
 * 竞争对手/供应商 of a customer. A deleted entry is gone for good: it is a note about
 * another company, not a record of the customer's, and the customer's 回收站 keeps the rest.
 */
const competitorRecord: RecordDefinition<'competitors', CompetitorRow> = {
  table: competitorTable,
  customerKeys: ['customerId'],
  async created(db, input) {
    await checkCustomer(db, input.customerId)
    const values = Object.fromEntries(valueKeys.map((key) => [key, input[key] ?? null]))
    return {
      customerId: input.customerId,
      ...(values as Omit<CompetitorRow, 'id' | 'customerId' | 'createdAt' | 'updatedAt'>),
    }
  },
  // An entry stays with its customer; the other values take the input's where given.
  updated: async (_db, input, before) => {
    return { customerId: before.customerId, ...mergedAll(input, before, valueKeys) }
  },
  list: listCompetitors,
}

export function competitorHandlers({ store }: CoreContext) {
  return recordHandlers(store, 'competitors', competitorRecord)
}

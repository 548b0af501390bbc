import { checkCustomer, mergedAll } from '../activity/activityChecks'
import { recordHandlers, type RecordDefinition } from '../common/recordHandlers'
import type { CompetitorRow } from '../db/projectEntities'
import type { CoreContext } from '../handlerTypes'
import { competitorTable, listCompetitors } from './competitorQueries'

type CompetitorValues = Omit<CompetitorRow, 'id' | 'customerId' | 'createdAt' | 'updatedAt'>

const optionalKeys = [
  'products',
  'volume',
  'price',
  'repName',
  'repRelation',
  'satisfaction',
  'qualityIssues',
  'strengths',
  'weaknesses',
  'strategy',
  'ourShare',
  'note',
] as const satisfies readonly (keyof CompetitorValues)[]

type OptionalValues = Pick<CompetitorValues, (typeof optionalKeys)[number]>

/**
 * 竞争对手/供应商 of a customer. A deleted entry is gone for good: it is a note about
 * another company, not a record of the customer's, and the customer's 回收站 keeps the rest.
 */
const competitorRecord: RecordDefinition<'competitors', CompetitorRow> = {
  table: competitorTable,
  async created(db, input) {
    await checkCustomer(db, input.customerId)
    const optional = Object.fromEntries(optionalKeys.map((key) => [key, input[key] ?? null])) as OptionalValues
    return { customerId: input.customerId, name: input.name, kind: input.kind, ...optional }
  },
  // An entry stays with its customer; the other values take the input's where given.
  updated: async (_db, input, before) => {
    return { customerId: before.customerId, ...mergedAll(input, before, ['name', 'kind', ...optionalKeys]) }
  },
  list: listCompetitors,
}

export function competitorHandlers({ store }: CoreContext) {
  return recordHandlers(store, 'competitors', competitorRecord)
}

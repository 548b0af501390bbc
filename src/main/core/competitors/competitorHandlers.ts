import { checkCustomer, merged } from '../activity/activityChecks'
import { localNow } from '../common/localTime'
import type { CompetitorRow } from '../db/projectEntities'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import {
  deleteCompetitor,
  findCompetitor,
  findCompetitorRow,
  insertCompetitor,
  listCompetitors,
  updateCompetitor,
} from './competitorQueries'
import { mustFind } from '../common/mustFind'

type CompetitorChannel = 'competitors.create' | 'competitors.update' | 'competitors.delete' | 'competitors.list'

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

/**
 * 竞争对手/供应商 of a customer. A deleted entry is gone for good: it is a note about
 * another company, not a record of the customer's, and the customer's 回收站 keeps the rest.
 */
export function competitorHandlers({ store }: CoreContext): DomainHandlers<CompetitorChannel> {
  return {
    'competitors.create': (input) =>
      store.write(async (m) => {
        await checkCustomer(m, input.customerId)
        const time = localNow()
        const optional = Object.fromEntries(optionalKeys.map((key) => [key, input[key] ?? null])) as Pick<
          CompetitorValues,
          (typeof optionalKeys)[number]
        >
        const id = await insertCompetitor(m, {
          customerId: input.customerId,
          name: input.name,
          kind: input.kind,
          ...optional,
          createdAt: time,
          updatedAt: time,
        })
        return mustFind(await findCompetitor(m, id), '竞争对手记录')
      }),

    'competitors.update': (input) =>
      store.write(async (m) => {
        const before = mustFind(await findCompetitorRow(m, input.id), '竞争对手记录')
        const changes: Partial<CompetitorRow> = {
          name: merged(input.name, before.name),
          kind: merged(input.kind, before.kind),
          updatedAt: localNow(),
        }
        for (const key of optionalKeys) Object.assign(changes, { [key]: merged(input[key], before[key]) })
        await updateCompetitor(m, input.id, changes)
        return mustFind(await findCompetitor(m, input.id), '竞争对手记录')
      }),

    'competitors.delete': ({ id }) =>
      store.write(async (m) => {
        mustFind(await findCompetitorRow(m, id), '竞争对手记录')
        await deleteCompetitor(m, id)
        return { id }
      }),

    'competitors.list': (input) => store.read((m) => listCompetitors(m, input)),
  }
}

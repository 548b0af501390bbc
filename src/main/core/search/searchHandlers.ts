import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { searchContacts, searchCustomers, searchTerms } from './searchQueries'

export function searchHandlers({ store }: CoreContext): DomainHandlers<'search.global'> {
  return {
    'search.global': ({ q, limit }, caller) =>
      store.read(async (db) => {
        const terms = searchTerms(q)
        return {
          customers: await searchCustomers(db, caller, terms, limit),
          contacts: await searchContacts(db, caller, terms, limit),
        }
      }),
  }
}

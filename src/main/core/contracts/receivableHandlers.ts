import { toFen } from '../../../shared/salesContract'
import { checkCustomer } from '../activity/activityChecks'
import { localToday } from '../common/localTime'
import { assertRecordInScope } from '../common/recordHandlers'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import { customerReceivable, receivablesAging, receivablesMonthly } from './receivableQueries'

/** 应收账款账龄, 回款 per month against the plan, and one customer's 应收 against its 信用额度. */
export function receivableHandlers({ store }: CoreContext): DomainHandlers<ChannelsOf<'receivables'>> {
  return {
    'receivables.aging': (input, caller) =>
      store.read((db) => receivablesAging(db, caller, input.by, input.asOf ?? localToday(), input.limit)),

    'receivables.monthly': (input, caller) => store.read((db) => receivablesMonthly(db, caller, input.from, input.to)),

    'receivables.customer': ({ customerId }, caller) =>
      store.read(async (db) => {
        await assertRecordInScope(db, caller, [customerId])
        await checkCustomer(db, customerId)
        const row = await db.first<{ credit_limit: number | null }>(`SELECT credit_limit FROM customer WHERE id = ?`, [
          customerId,
        ])
        const creditLimit = row?.credit_limit ?? null
        const { receivable, overdue } = await customerReceivable(db, customerId, localToday())
        const overLimit = creditLimit !== null && creditLimit > 0 && toFen(receivable) > toFen(creditLimit)
        return { customerId, creditLimit, receivable, overdue, overLimit }
      }),
  }
}

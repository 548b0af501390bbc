import { fromFen } from '../../../shared/salesContract'
import { checkCustomer } from '../activity/activityChecks'
import { localToday } from '../common/localTime'
import { assertRecordInScope } from '../common/recordHandlers'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import {
  creditExcessFenSql,
  customerReceivable,
  owedFenSql,
  receivablesAging,
  receivablesMonthly,
} from './receivableQueries'

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
        // 应收 and 超额度 by the same SQL as the customer sheet and the printed card.
        const row = await db.first<{ credit_limit: number | null; owed: number; excess: number }>(
          `SELECT c.credit_limit, ${owedFenSql('c.id')} AS owed, ${creditExcessFenSql(owedFenSql('c.id'))} AS excess
           FROM customer c WHERE c.id = ?`,
          [customerId],
        )
        const creditLimit = row?.credit_limit ?? null
        const { overdue } = await customerReceivable(db, customerId, localToday())
        const overBy = fromFen(row?.excess ?? 0)
        return { customerId, creditLimit, receivable: fromFen(row?.owed ?? 0), overdue, overLimit: overBy > 0, overBy }
      }),
  }
}

import { feedbackSchema, type FeedbackListInput, type FeedbackListOutput } from '../../../shared/feedback'
import type { Caller } from '../accounts/caller'
import { customerScope } from '../common/customerScope'
import { RecordTable, whereCustomer, whereLikeAny } from '../common/recordTable'
import { Where } from '../common/sqlWhere'
import { FeedbackEntity, type FeedbackRow } from '../db/projectEntities'
import type { SqlReader } from '../db/sqlHandles'

const labelJoinsSql = `LEFT JOIN dict_item p ON p.id = f.product_id
  LEFT JOIN dict_item h ON h.id = f.handler_id`

export const feedbackTable = new RecordTable<FeedbackRow, typeof feedbackSchema>({
  label: '客户意见',
  entity: FeedbackEntity,
  schema: feedbackSchema,
  idColumn: 'f.id',
  select: `SELECT f.*, c.name AS customer_name, p.label AS product_label, h.label AS handler_label`,
  from: `FROM feedback f
  JOIN customer c ON c.id = f.customer_id
  ${labelJoinsSql}`,
})

/** Named and in this order, so the planner (no statistics in a desktop database) walks the date index. */
const newestFirstFromSql = `FROM feedback f INDEXED BY feedback_received
  CROSS JOIN customer c ON c.id = f.customer_id
  ${labelJoinsSql}`

/** One page of the caller's customers' rows, newest received first, and the number of matching rows. */
export async function listFeedback(
  db: SqlReader,
  input: FeedbackListInput,
  caller: Caller,
): Promise<FeedbackListOutput> {
  const where = whereCustomer(new Where(), 'f.customer_id', input.customerId)
  const scope = customerScope(caller)
  if (scope) where.add(scope.sql, ...scope.params)
  if (input.types.length > 0) where.add('f.type IN (SELECT value FROM json_each(?))', JSON.stringify(input.types))
  if (input.statuses.length > 0) {
    where.add('f.status IN (SELECT value FROM json_each(?))', JSON.stringify(input.statuses))
  }
  if (input.dateFrom) where.add('f.received_at >= ?', input.dateFrom)
  if (input.dateTo) where.add('f.received_at <= ?', input.dateTo)
  if (input.quick) whereLikeAny(where, ['f.content', 'f.resolution', 'c.name'], input.quick)
  // One customer's rows come by its own index; the whole list pages newest first along the
  // received_at index and stops at the page, instead of sorting every match (~190 ms over 25,000).
  // Only the quick search and the scope name a customer column; otherwise the count needs no join.
  const { rows, total } = await feedbackTable.page(db, input, {
    where,
    orderBy: 'f.received_at DESC, f.id DESC',
    from: input.customerId === undefined ? newestFirstFromSql : undefined,
    countFrom:
      input.quick || scope ? 'FROM feedback f CROSS JOIN customer c ON c.id = f.customer_id' : 'FROM feedback f',
  })
  return { rows, total }
}

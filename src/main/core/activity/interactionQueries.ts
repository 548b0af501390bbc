import {
  interactionSchema,
  type Interaction,
  type InteractionListInput,
  type InteractionListOutput,
} from '../../../shared/interaction'
import type { Caller } from '../accounts/caller'
import { customerScope } from '../common/customerScope'
import { RecordTable, whereCustomer, whereLikeAny, type SqlRowOf } from '../common/recordTable'
import { Where } from '../common/sqlWhere'
import { InteractionEntity, type InteractionRow } from '../db/activityEntities'
import type { SqlReader } from '../db/sqlHandles'

const labelJoinsSql = `LEFT JOIN contact ct ON ct.id = i.contact_id
  LEFT JOIN dict_item t ON t.id = i.type_id
  LEFT JOIN dict_item st ON st.id = i.staff_id
  LEFT JOIN app_user u ON u.id = i.created_by`

/** A 交往方式 item is never deleted while used, but the label column is LEFT JOINed: null shows as ''. */
type InteractionSqlRow = Omit<SqlRowOf<Interaction>, 'type_label'> & { type_label: string | null }

export const interactionTable = new RecordTable<InteractionRow, typeof interactionSchema, InteractionSqlRow>({
  label: '交往记录',
  entity: InteractionEntity,
  schema: interactionSchema,
  idColumn: 'i.id',
  select: `SELECT i.id, i.customer_id, c.name AS customer_name, i.contact_id, ct.name AS contact_name,
    i.occurred_at, i.type_id, t.label AS type_label, i.subject, i.content, i.result, i.next_follow_up,
    i.staff_id, st.label AS staff_label, u.name AS created_by_name, i.created_at, i.updated_at, i.version`,
  from: `FROM interaction i
  JOIN customer c ON c.id = i.customer_id
  ${labelJoinsSql}`,
  adjust: (raw) => ({ typeLabel: raw.type_label ?? '' }),
  keepsCreator: true,
})

/** Named and in this order, so the planner (no statistics in a desktop database) walks the date index. */
const newestFirstFromSql = `FROM interaction i INDEXED BY interaction_occurred_cover
  CROSS JOIN customer c ON c.id = i.customer_id
  ${labelJoinsSql}`

/** One page, newest first, and the number of matching records. */
export async function listInteractions(
  db: SqlReader,
  input: InteractionListInput,
  caller: Caller,
): Promise<InteractionListOutput> {
  const where = whereCustomer(new Where(), 'i.customer_id', input.customerId)
  const scope = customerScope(caller)
  if (scope) where.add(scope.sql, ...scope.params)
  if (input.dateFrom) where.add('i.occurred_at >= ?', input.dateFrom)
  if (input.dateTo) where.add(`i.occurred_at < date(?, '+1 day')`, input.dateTo)
  if (input.typeIds.length > 0)
    where.add('i.type_id IN (SELECT value FROM json_each(?))', JSON.stringify(input.typeIds))
  if (input.staffIds.length > 0) {
    where.add('i.staff_id IN (SELECT value FROM json_each(?))', JSON.stringify(input.staffIds))
  }
  if (input.quick) whereLikeAny(where, ['i.subject', 'i.content'], input.quick)
  // One customer's records come by its own index; the whole list pages newest first along the
  // occurred_at index and stops at the page, instead of sorting every match (~250 ms over 300,000).
  // The filters name only the interaction's own columns, so the count needs no join but the scope's.
  const { rows, total } = await interactionTable.page(db, input, {
    where,
    orderBy: 'i.occurred_at DESC, i.id DESC',
    from: input.customerId === undefined ? newestFirstFromSql : undefined,
    countFrom: scope ? 'FROM interaction i CROSS JOIN customer c ON c.id = i.customer_id' : 'FROM interaction i',
  })
  return { rows, total }
}

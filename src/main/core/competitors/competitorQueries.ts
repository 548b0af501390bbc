import { competitorSchema, type CompetitorListInput, type CompetitorListOutput } from '../../../shared/competitor'
import type { Caller } from '../accounts/caller'
import { addCustomerScope } from '../common/customerScope'
import { RecordTable, whereLikeAny } from '../common/recordTable'
import { Where } from '../common/sqlWhere'
import { CompetitorEntity, type CompetitorRow } from '../db/projectEntities'
import type { SqlReader } from '../db/sqlHandles'

export const competitorTable = new RecordTable<CompetitorRow, typeof competitorSchema>({
  label: '竞争对手记录',
  entity: CompetitorEntity,
  schema: competitorSchema,
  idColumn: 'k.id',
  select: `SELECT k.*, c.name AS customer_name`,
  from: `FROM competitor k JOIN customer c ON c.id = k.customer_id`,
})

/** One page by customer and name of the caller's customers, and the number of matching rows. */
export async function listCompetitors(
  db: SqlReader,
  input: CompetitorListInput,
  caller: Caller,
): Promise<CompetitorListOutput> {
  const where = addCustomerScope(new Where(), caller)
  if (input.customerId !== undefined) where.add('k.customer_id = ?', input.customerId)
  else where.add('c.deleted_at IS NULL')
  if (input.kinds.length > 0) where.add('k.kind IN (SELECT value FROM json_each(?))', JSON.stringify(input.kinds))
  if (input.quick) whereLikeAny(where, ['k.name', 'k.products', 'c.name'], input.quick)
  const { rows, total } = await competitorTable.page(db, input, { where, orderBy: 'c.name, k.name, k.id' })
  return { rows, total }
}

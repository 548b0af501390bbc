import { saleSchema, type SaleListInput, type SaleListOutput } from '../../../shared/sale'
import type { Caller } from '../accounts/caller'
import { addCustomerScope } from '../common/customerScope'
import { RecordTable, whereLikeAny } from '../common/recordTable'
import { Where } from '../common/sqlWhere'
import { SaleEntity, type SaleRow } from '../db/activityEntities'
import type { SqlReader } from '../db/sqlHandles'

export const saleTable = new RecordTable<SaleRow, typeof saleSchema>({
  label: '交易记录',
  entity: SaleEntity,
  schema: saleSchema,
  idColumn: 's.id',
  select: `SELECT s.id, s.customer_id, c.name AS customer_name, s.date, s.product_id,
    p.label AS product_label, p.group_name AS product_group, s.quantity, s.unit_price, s.amount, s.remarks,
    s.contract_id, k.contract_no, u.name AS created_by_name, s.created_at, s.updated_at, s.version`,
  from: `FROM sale s
  JOIN customer c ON c.id = s.customer_id
  LEFT JOIN dict_item p ON p.id = s.product_id
  LEFT JOIN app_user u ON u.id = s.created_by
  LEFT JOIN contract k ON k.id = s.contract_id`,
  keepsCreator: true,
})

/** One page, newest first, the number of matching sales and the sum of their 金额. */
export async function listSales(db: SqlReader, input: SaleListInput, caller: Caller): Promise<SaleListOutput> {
  const where = addCustomerScope(new Where(), caller)
  if (input.customerId !== undefined) where.add('s.customer_id = ?', input.customerId)
  else where.add('c.deleted_at IS NULL')
  if (input.dateFrom) where.add('s.date >= ?', input.dateFrom)
  if (input.dateTo) where.add('s.date <= ?', input.dateTo)
  if (input.productIds.length > 0) {
    where.add('s.product_id IN (SELECT value FROM json_each(?))', JSON.stringify(input.productIds))
  }
  if (input.quick) whereLikeAny(where, ['s.remarks', 'p.label'], input.quick)
  const { rows, total, count } = await saleTable.page<{ n: number; amount: number }>(
    db,
    input,
    { where, orderBy: 's.date DESC, s.id DESC' },
    ', ROUND(TOTAL(s.amount), 2) AS amount',
  )
  return { rows, total, totalAmount: count.amount }
}

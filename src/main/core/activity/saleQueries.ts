import type { EntityManager } from 'typeorm'
import type { Sale, SaleListInput, SaleListOutput } from '../../../shared/sale'
import { SaleEntity, type SaleRow } from '../db/activityEntities'
import { likePattern, Where } from '../common/sqlWhere'
import { nullableNumber, nullableString } from '../common/rowValues'

export async function findSaleRow(manager: EntityManager, id: number): Promise<SaleRow | null> {
  return manager.findOneBy(SaleEntity, { id })
}

export async function insertSale(manager: EntityManager, row: Omit<SaleRow, 'id'>): Promise<number> {
  const result = await manager.insert(SaleEntity, row)
  return Number(result.identifiers[0]?.id)
}

export async function updateSale(manager: EntityManager, id: number, changes: Partial<SaleRow>): Promise<void> {
  if (Object.keys(changes).length > 0) await manager.update(SaleEntity, { id }, changes)
}

export async function deleteSale(manager: EntityManager, id: number): Promise<void> {
  await manager.query(`DELETE FROM sale WHERE id = ?`, [id])
}

const selectSql = `SELECT s.id, s.customer_id, c.name AS customer_name, s.date, s.product_id,
    p.label AS product_label, p.group_name AS product_group, s.quantity, s.unit_price, s.amount, s.remarks,
    s.created_at, s.updated_at`
const fromSql = `FROM sale s
  JOIN customer c ON c.id = s.customer_id
  LEFT JOIN dict_item p ON p.id = s.product_id`

export async function findSale(manager: EntityManager, id: number): Promise<Sale | null> {
  const [raw] = await manager.query(`${selectSql} ${fromSql} WHERE s.id = ?`, [id])
  return raw ? saleFromRaw(raw) : null
}

/** One page, newest first, the number of matching sales and the sum of their 金额. */
export async function listSales(manager: EntityManager, input: SaleListInput): Promise<SaleListOutput> {
  const where = new Where()
  if (input.customerId !== undefined) where.add('s.customer_id = ?', input.customerId)
  else where.add('c.deleted_at IS NULL')
  if (input.dateFrom) where.add('s.date >= ?', input.dateFrom)
  if (input.dateTo) where.add('s.date <= ?', input.dateTo)
  if (input.productIds.length > 0) {
    where.add('s.product_id IN (SELECT value FROM json_each(?))', JSON.stringify(input.productIds))
  }
  if (input.quick) {
    const pattern = likePattern(input.quick)
    where.add(`(s.remarks LIKE ? ESCAPE '\\' OR p.label LIKE ? ESCAPE '\\')`, pattern, pattern)
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `${selectSql} ${fromSql} ${where.sql} ORDER BY s.date DESC, s.id DESC LIMIT ? OFFSET ?`,
    [...where.params, input.endRow - input.startRow, input.startRow],
  )
  const [sum] = await manager.query(
    `SELECT COUNT(*) AS n, ROUND(TOTAL(s.amount), 2) AS amount ${fromSql} ${where.sql}`,
    where.params,
  )
  return { rows: rows.map(saleFromRaw), total: Number(sum.n), totalAmount: Number(sum.amount) }
}

function saleFromRaw(r: Record<string, unknown>): Sale {
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerName: String(r.customer_name),
    date: String(r.date),
    productId: nullableNumber(r.product_id),
    productLabel: nullableString(r.product_label),
    productGroup: nullableString(r.product_group),
    quantity: nullableNumber(r.quantity),
    unitPrice: nullableNumber(r.unit_price),
    amount: Number(r.amount),
    remarks: nullableString(r.remarks),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  }
}

import type { SqlWriter } from '../db/sqlHandles'

/**
 * The customer statistics that follow from its 交易记录 and 交往记录. Every write
 * path of sales and interactions calls these inside its transaction, for every
 * customer it touched (both, when a record moves to another customer), so the
 * columns on `customer` always equal an aggregate over the rows.
 */

/** 交易次数, 交易金额 (rounded to the fen), 首次交易, 最近交易 of the customers, from their sales. */
export async function recomputeSaleStats(db: SqlWriter, customerIds: number[]): Promise<void> {
  if (customerIds.length === 0) return
  await db.run(
    `UPDATE customer SET (transaction_count, transaction_amount, first_transaction_at, last_transaction_at) = (
       SELECT COUNT(*), ROUND(TOTAL(s.amount), 2), MIN(s.date), MAX(s.date) FROM sale s WHERE s.customer_id = customer.id
     )
     WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...new Set(customerIds)])],
  )
}

/** 最近联系 of the customers: the latest date (`YYYY-MM-DD`) of their interactions, or null. */
export async function recomputeLastContact(db: SqlWriter, customerIds: number[]): Promise<void> {
  if (customerIds.length === 0) return
  await db.run(
    `UPDATE customer SET last_contact_at = (
       SELECT substr(MAX(i.occurred_at), 1, 10) FROM interaction i WHERE i.customer_id = customer.id
     )
     WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...new Set(customerIds)])],
  )
}

import type { Payment, PaymentCreateInput, PaymentListInput, PaymentListOutput } from '../../../shared/salesContract'
import type { Caller } from '../accounts/caller'
import { addCustomerScope } from '../common/customerScope'
import { whereLikeAny, type SqlRowOf } from '../common/recordTable'
import { Where } from '../common/sqlWhere'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { camelRow } from './camelRow'

const select = `SELECT y.id, y.contract_id, k.contract_no, k.name AS contract_name, k.customer_id, c.name AS customer_name,
    y.instalment_id, i.seq AS instalment_seq, y.paid_on, y.amount, y.over_amount, y.method, y.receiver_staff_id,
    r.label AS receiver_label, y.remarks, u.name AS created_by_name, y.created_at`
const from = `FROM contract_payment y
  JOIN contract k ON k.id = y.contract_id
  JOIN customer c ON c.id = k.customer_id
  LEFT JOIN contract_instalment i ON i.id = y.instalment_id
  LEFT JOIN dict_item r ON r.id = y.receiver_staff_id
  LEFT JOIN app_user u ON u.id = y.created_by`

export async function findPayment(db: SqlReader, id: number): Promise<Payment | null> {
  const raw = await db.first<SqlRowOf<Payment>>(`${select} ${from} WHERE y.id = ? AND k.deleted_at IS NULL`, [id])
  return raw ? camelRow<Payment>(raw) : null
}

export async function paymentsOf(db: SqlReader, contractId: number): Promise<Payment[]> {
  const rows = await db.all<SqlRowOf<Payment>>(`${select} ${from} WHERE y.contract_id = ? ORDER BY y.paid_on, y.id`, [
    contractId,
  ])
  return rows.map((raw) => camelRow<Payment>(raw))
}

export async function insertPayment(
  db: SqlWriter,
  input: PaymentCreateInput,
  overAmount: number,
  userId: number | null,
  time: string,
): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO contract_payment (contract_id, instalment_id, paid_on, amount, over_amount, method, receiver_staff_id,
       remarks, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      input.contractId,
      input.instalmentId ?? null,
      input.paidOn,
      input.amount,
      overAmount,
      input.method ?? null,
      input.receiverStaffId ?? null,
      input.remarks ?? null,
      userId,
      time,
    ],
  )
  return lastId
}

export async function deletePayment(db: SqlWriter, id: number): Promise<void> {
  await db.run(`DELETE FROM contract_payment WHERE id = ?`, [id])
}

/** One page of 回款记录 of live contracts in the caller's scope, newest first, with the sum over every match. */
export async function listPayments(db: SqlReader, input: PaymentListInput, caller: Caller): Promise<PaymentListOutput> {
  const where = addCustomerScope(new Where().add('k.deleted_at IS NULL'), caller)
  if (input.contractId !== undefined) where.add('y.contract_id = ?', input.contractId)
  if (input.customerId !== undefined) where.add('k.customer_id = ?', input.customerId)
  else where.add('c.deleted_at IS NULL')
  if (input.paidFrom) where.add('y.paid_on >= ?', input.paidFrom)
  if (input.paidTo) where.add('y.paid_on <= ?', input.paidTo)
  if (input.receiverStaffIds.length > 0) {
    where.add('y.receiver_staff_id IN (SELECT value FROM json_each(?))', JSON.stringify(input.receiverStaffIds))
  }
  if (input.quick) whereLikeAny(where, ['k.contract_no', 'k.name', 'c.name', 'y.method', 'y.remarks'], input.quick)
  const rows = await db.all<SqlRowOf<Payment>>(
    `${select} ${from} ${where.sql} ORDER BY y.paid_on DESC, y.id DESC LIMIT ? OFFSET ?`,
    [...where.params, input.endRow - input.startRow, input.startRow],
  )
  const count = await db.first<{ n: number; amount: number }>(
    `SELECT COUNT(*) AS n, round(TOTAL(y.amount), 2) AS amount
     FROM contract_payment y JOIN contract k ON k.id = y.contract_id JOIN customer c ON c.id = k.customer_id ${where.sql}`,
    where.params,
  )
  return { rows: rows.map((raw) => camelRow<Payment>(raw)), total: count?.n ?? 0, totalAmount: count?.amount ?? 0 }
}

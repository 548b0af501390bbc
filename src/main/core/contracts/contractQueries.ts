import {
  type Contract,
  type ContractLine,
  type ContractListInput,
  type ContractListOutput,
  type ContractSortKey,
  type ContractStatus,
} from '../../../shared/salesContract'
import type { Caller } from '../accounts/caller'
import { addCustomerScope } from '../common/customerScope'
import { whereLikeAny, type SqlRowOf } from '../common/recordTable'
import { Where } from '../common/sqlWhere'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { camelRow } from './camelRow'
import { owedStatusSql } from './receivableQueries'

/** A contract's columns as stored: what an update merges the form into. */
export interface ContractRow {
  id: number
  contractNo: string
  customerId: number
  name: string
  signedOn: string | null
  startOn: string | null
  endOn: string | null
  amount: number
  receivedAmount: number
  settlementId: number | null
  status: ContractStatus
  projectId: number | null
  staffId: number | null
  remarks: string | null
  deletedAt: string | null
}

/** The values a create or an update writes. */
export type ContractValues = Omit<ContractRow, 'id' | 'contractNo' | 'receivedAmount' | 'deletedAt'>

const select = `SELECT k.id, k.contract_no, k.customer_id, c.name AS customer_name, k.name, k.signed_on, k.start_on,
    k.end_on, k.amount, k.received_amount, max(0, round(k.amount - k.received_amount, 2)) AS receivable,
    max(0, round(k.received_amount - k.amount, 2)) AS over_received, k.settlement_id, se.label AS settlement_label,
    k.status, k.project_id, p.name AS project_name, k.staff_id, st.label AS staff_label, k.remarks,
    cb.name AS created_by_name, ub.name AS updated_by_name, k.created_at, k.updated_at, k.deleted_at, k.version`
const from = `FROM contract k
  JOIN customer c ON c.id = k.customer_id
  LEFT JOIN dict_item se ON se.id = k.settlement_id
  LEFT JOIN project p ON p.id = k.project_id
  LEFT JOIN dict_item st ON st.id = k.staff_id
  LEFT JOIN app_user cb ON cb.id = k.created_by
  LEFT JOIN app_user ub ON ub.id = k.updated_by`

/** A live contract as lists show it, or null when it is gone (deleted, or never was). */
export async function findContract(db: SqlReader, id: number): Promise<Contract | null> {
  const raw = await db.first<SqlRowOf<Contract>>(`${select} ${from} WHERE k.id = ? AND k.deleted_at IS NULL`, [id])
  return raw ? camelRow<Contract>(raw) : null
}

/** The stored columns of a live contract, for a write to merge into. */
export async function findContractRow(db: SqlReader, id: number): Promise<ContractRow | null> {
  const raw = await db.first<SqlRowOf<ContractRow>>(
    `SELECT id, contract_no, customer_id, name, signed_on, start_on, end_on, amount, received_amount, settlement_id,
       status, project_id, staff_id, remarks, deleted_at
     FROM contract WHERE id = ? AND deleted_at IS NULL`,
    [id],
  )
  return raw ? camelRow<ContractRow>(raw) : null
}

export async function contractLines(db: SqlReader, contractId: number): Promise<ContractLine[]> {
  const rows = await db.all<SqlRowOf<ContractLine>>(
    `SELECT line_no, name, quantity, unit_price, amount FROM contract_line WHERE contract_id = ? ORDER BY line_no`,
    [contractId],
  )
  return rows.map((raw) => camelRow<ContractLine>(raw))
}

/**
 * The next 合同编号 of a year, HT-2026-0001: one more than the larger of the year's
 * counter and the largest number in use, and the counter moves to it. The counter
 * remembers numbers of contracts deleted for good, so none is handed out twice.
 */
export async function nextContractNo(db: SqlWriter, year: number): Promise<string> {
  const [row] = await db.all<{ n: number }>(
    `SELECT max(
       COALESCE((SELECT last_value FROM contract_no_counter WHERE year = ?), 0),
       COALESCE((SELECT MAX(CAST(substr(contract_no, 9) AS INTEGER)) FROM contract WHERE contract_no LIKE ?), 0)
     ) + 1 AS n`,
    [year, `HT-${year}-%`],
  )
  const n = row?.n ?? 1
  await db.run(
    `INSERT INTO contract_no_counter (year, last_value) VALUES (?, ?)
     ON CONFLICT (year) DO UPDATE SET last_value = excluded.last_value`,
    [year, n],
  )
  return `HT-${year}-${String(n).padStart(4, '0')}`
}

/** The editable columns, in one order for INSERT and UPDATE alike. */
const editableColumns: readonly [string, (values: ContractValues) => unknown][] = [
  ['customer_id', (v) => v.customerId],
  ['name', (v) => v.name],
  ['signed_on', (v) => v.signedOn],
  ['start_on', (v) => v.startOn],
  ['end_on', (v) => v.endOn],
  ['amount', (v) => v.amount],
  ['settlement_id', (v) => v.settlementId],
  ['status', (v) => v.status],
  ['project_id', (v) => v.projectId],
  ['staff_id', (v) => v.staffId],
  ['remarks', (v) => v.remarks],
]
const editableValues = (values: ContractValues): unknown[] => editableColumns.map(([, pick]) => pick(values))

export async function insertContract(
  db: SqlWriter,
  contractNo: string,
  values: ContractValues,
  userId: number | null,
  time: string,
): Promise<number> {
  const columns = ['contract_no', ...editableColumns.map(([column]) => column)]
  const { lastId } = await db.run(
    `INSERT INTO contract (${columns.join(', ')}, created_by, updated_by, created_at, updated_at)
     VALUES (${columns.map(() => '?').join(', ')}, ?, ?, ?, ?)`,
    [contractNo, ...editableValues(values), userId, userId, time, time],
  )
  return lastId
}

/** Writes the values, counts up the edit version and records who made the change. */
export async function updateContract(
  db: SqlWriter,
  id: number,
  values: ContractValues,
  userId: number | null,
  time: string,
): Promise<void> {
  const assignments = editableColumns.map(([column]) => `${column} = ?`).join(', ')
  await db.run(
    `UPDATE contract SET ${assignments}, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    [...editableValues(values), userId, time, id],
  )
}

/** A change of the contract's parts (its plan) that is still a change of the contract: version and who. */
export async function touchContract(db: SqlWriter, id: number, userId: number | null, time: string): Promise<void> {
  await db.run(`UPDATE contract SET updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?`, [
    userId,
    time,
    id,
  ])
}

/** Replaces the lines, numbered 1… as given. */
export async function replaceLines(
  db: SqlWriter,
  contractId: number,
  lines: readonly Omit<ContractLine, 'lineNo'>[],
): Promise<void> {
  await db.run(`DELETE FROM contract_line WHERE contract_id = ?`, [contractId])
  for (const [index, line] of lines.entries()) {
    await db.run(
      `INSERT INTO contract_line (contract_id, line_no, name, quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?)`,
      [contractId, index + 1, line.name, line.quantity, line.unitPrice, line.amount],
    )
  }
}

/** Contracts go to the 回收站 with their customer's other records: the row stays, hidden from every list. */
export async function softDeleteContract(db: SqlWriter, id: number, userId: number | null, time: string) {
  await db.run(`UPDATE contract SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?`, [
    time,
    time,
    userId,
    id,
  ])
}

const sortColumns: Record<ContractSortKey, string> = {
  signedOn: 'k.signed_on',
  amount: 'k.amount',
  receivable: 'max(0, k.amount - k.received_amount)',
  endOn: 'k.end_on',
  contractNo: 'k.contract_no',
  updatedAt: 'k.updated_at',
}

/** One page of live (or, for the 回收站, deleted) contracts in the caller's scope, with the sums over every match. */
export async function listContracts(
  db: SqlReader,
  input: ContractListInput,
  caller: Caller,
): Promise<ContractListOutput> {
  const where = addCustomerScope(new Where().add(`k.deleted_at IS ${input.deleted ? 'NOT NULL' : 'NULL'}`), caller)
  if (input.customerId !== undefined) where.add('k.customer_id = ?', input.customerId)
  // The 回收站 shows a deleted contract even when its customer is in it too: restoring it then says what to do.
  else if (!input.deleted) where.add('c.deleted_at IS NULL')
  if (input.statuses.length > 0)
    where.add('k.status IN (SELECT value FROM json_each(?))', JSON.stringify(input.statuses))
  if (input.signedFrom) where.add('k.signed_on >= ?', input.signedFrom)
  if (input.signedTo) where.add('k.signed_on <= ?', input.signedTo)
  if (input.staffIds.length > 0)
    where.add('k.staff_id IN (SELECT value FROM json_each(?))', JSON.stringify(input.staffIds))
  if (input.owedOnly) where.add(`k.status IN ${owedStatusSql} AND round(k.amount - k.received_amount, 2) > 0`)
  if (input.quick) whereLikeAny(where, ['k.contract_no', 'k.name', 'c.name'], input.quick)
  const column = input.deleted ? 'k.deleted_at' : sortColumns[input.sortBy]
  const direction = input.sortOrder === 'asc' && !input.deleted ? 'ASC' : 'DESC'
  const rows = await db.all<SqlRowOf<Contract>>(
    `${select} ${from} ${where.sql} ORDER BY ${column} IS NULL, ${column} ${direction}, k.id DESC LIMIT ? OFFSET ?`,
    [...where.params, input.endRow - input.startRow, input.startRow],
  )
  const count = await db.first<{ n: number; amount: number; received: number; receivable: number }>(
    `SELECT COUNT(*) AS n, round(TOTAL(k.amount), 2) AS amount, round(TOTAL(k.received_amount), 2) AS received,
       round(TOTAL(CASE WHEN k.status IN ${owedStatusSql} THEN max(0, k.amount - k.received_amount) END), 2) AS receivable
     FROM contract k JOIN customer c ON c.id = k.customer_id ${where.sql}`,
    where.params,
  )
  return {
    rows: rows.map((raw) => camelRow<Contract>(raw)),
    total: count?.n ?? 0,
    totalAmount: count?.amount ?? 0,
    totalReceived: count?.received ?? 0,
    totalReceivable: count?.receivable ?? 0,
  }
}

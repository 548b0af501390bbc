import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { contractIdOf, instalmentIdOf } from '../reminders/contractRules'
import { camelRow } from './camelRow'
import type { SqlRowOf } from '../common/recordTable'

/** A contract, with what restoring or purging it needs to know and say. */
export interface BinContract {
  id: number
  contractNo: string
  name: string
  customerId: number
  customerName: string
  /** Its customer is in the 回收站 too. */
  customerDeleted: boolean
  deletedAt: string | null
}

/** The contract live or in the 回收站 (deletedAt says which); null when it never was or was purged. */
export async function findAnyContract(db: SqlReader, id: number): Promise<BinContract | null> {
  const raw = await db.first<SqlRowOf<BinContract>>(
    `SELECT k.id, k.contract_no, k.name, k.customer_id, c.name AS customer_name,
       c.deleted_at IS NOT NULL AS customer_deleted, k.deleted_at
     FROM contract k JOIN customer c ON c.id = k.customer_id
     WHERE k.id = ?`,
    [id],
  )
  return raw ? { ...camelRow<BinContract>(raw), customerDeleted: Boolean(raw.customer_deleted) } : null
}

/** The reminders about contract `?` (its 合同到期 and its instalments' 回款提醒), for `WHERE id IN (…)`; one param. */
const remindersOfContract = `SELECT r.id FROM reminder r
  WHERE (r.kind = 'contractEnd' AND ${contractIdOf('r')} = ?1)
     OR (r.kind = 'payment' AND ${instalmentIdOf('r')} IN (SELECT id FROM contract_instalment WHERE contract_id = ?1))`

/** Out of the 回收站: live again, and who did it. The version moves so a form opened before the delete is stale. */
export async function restoreContractRow(db: SqlWriter, id: number, userId: number | null, time: string) {
  await db.run(
    `UPDATE contract SET deleted_at = NULL, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
    [userId, time, id],
  )
}

/**
 * The reminders the delete closed (done at the very moment of the delete) open again,
 * snoozed ones until their day; the settle that follows closes any no longer owed.
 * Those someone had marked done before stay done.
 */
export async function reopenDeletedReminders(
  db: SqlWriter,
  contract: BinContract & { deletedAt: string },
  today: string,
) {
  await db.run(
    `UPDATE reminder SET status = CASE WHEN snoozed_until > ?2 THEN 'snoozed' ELSE 'pending' END,
       done_at = NULL, notified_at = NULL
     WHERE id IN (${remindersOfContract}) AND status = 'done' AND done_at = ?3
       AND customer_id = ?4`,
    [contract.id, today, contract.deletedAt, contract.customerId],
  )
}

/** What goes with a contract deleted for good, for the audit line. */
export async function contractParts(db: SqlReader, id: number): Promise<{ instalments: number; payments: number }> {
  const row = await db.first<{ instalments: number; payments: number }>(
    `SELECT (SELECT COUNT(*) FROM contract_instalment WHERE contract_id = ?1) AS instalments,
       (SELECT COUNT(*) FROM contract_payment WHERE contract_id = ?1) AS payments`,
    [id],
  )
  return row ?? { instalments: 0, payments: 0 }
}

/**
 * The real delete: its lines, plan and payments go by their ON DELETE CASCADE, its
 * 交易记录 keep going without it (SET NULL), and its reminders, which name it only in
 * their subject, are removed first (they name its instalments). The 合同编号 stays used:
 * contract_no_counter remembers it.
 */
export async function purgeContractRow(db: SqlWriter, id: number): Promise<void> {
  await db.run(`DELETE FROM reminder WHERE id IN (${remindersOfContract})`, [id])
  await db.run(`DELETE FROM contract WHERE id = ?`, [id])
}

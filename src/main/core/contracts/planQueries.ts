import { addDays } from '../../../shared/dateMath'
import { fromFen, toFen, type Instalment, type InstalmentInput } from '../../../shared/salesContract'
import type { SqlRowOf } from '../common/recordTable'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { camelRow } from './camelRow'

type StoredInstalment = Omit<Instalment, 'paidAmount' | 'state'>

async function storedInstalments(db: SqlReader, contractId: number): Promise<StoredInstalment[]> {
  const rows = await db.all<SqlRowOf<StoredInstalment>>(
    `SELECT id, seq, due_on, amount, remind_days_before, note FROM contract_instalment WHERE contract_id = ? ORDER BY seq`,
    [contractId],
  )
  return rows.map((raw) => camelRow<StoredInstalment>(raw))
}

/**
 * The plan with what of each instalment is paid: the contract's payments go to the
 * instalments in date order (先到期先核销), whichever instalment a payment named, so a
 * payment recorded against 第 2 期 while 第 1 期 is open settles 第 1 期 first. The
 * aging (receivableQueries) and the reminders apply the same rule in SQL.
 */
export async function instalmentsOf(
  db: SqlReader,
  contractId: number,
  receivedAmount: number,
  today: string,
): Promise<Instalment[]> {
  let left = toFen(receivedAmount)
  return (await storedInstalments(db, contractId)).map((item) => {
    const due = toFen(item.amount)
    const paid = Math.min(due, Math.max(0, left))
    left -= paid
    const state = paid === due ? '已收齐' : item.dueOn < today ? '逾期' : paid > 0 ? '部分收款' : '未到期'
    return { ...item, paidAmount: fromFen(paid), state }
  })
}

export async function plannedTotal(db: SqlReader, contractId: number): Promise<number> {
  const row = await db.first<{ total: number }>(
    `SELECT round(TOTAL(amount), 2) AS total FROM contract_instalment WHERE contract_id = ?`,
    [contractId],
  )
  return row?.total ?? 0
}

export async function instalmentIdsOf(db: SqlReader, contractId: number): Promise<Set<number>> {
  const rows = await db.all<{ id: number }>(`SELECT id FROM contract_instalment WHERE contract_id = ?`, [contractId])
  return new Set(rows.map((r) => r.id))
}

/**
 * Writes the plan: instalments named by id are updated, new ones inserted, the rest
 * removed (their payments stay with the contract, no longer naming an instalment).
 * 期次 follow the planned dates.
 */
export async function replacePlan(db: SqlWriter, contractId: number, items: readonly InstalmentInput[]): Promise<void> {
  const ordered = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      return a.item.dueOn === b.item.dueOn ? a.index - b.index : a.item.dueOn < b.item.dueOn ? -1 : 1
    })
  const kept = items.map((item) => item.id).filter((id): id is number => id !== undefined)
  await db.run(`DELETE FROM contract_instalment WHERE contract_id = ? AND id NOT IN (SELECT value FROM json_each(?))`, [
    contractId,
    JSON.stringify(kept),
  ])
  // Out of the way of UNIQUE (contract_id, seq) while the kept ones are renumbered.
  await db.run(`UPDATE contract_instalment SET seq = seq + 1000000 WHERE contract_id = ?`, [contractId])
  for (const [position, { item }] of ordered.entries()) {
    const values = [
      position + 1,
      item.dueOn,
      item.amount,
      item.remindDaysBefore,
      addDays(item.dueOn, -item.remindDaysBefore),
      item.note ?? null,
    ]
    if (item.id === undefined) {
      await db.run(
        `INSERT INTO contract_instalment (seq, due_on, amount, remind_days_before, remind_on, note, contract_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [...values, contractId],
      )
    } else {
      await db.run(
        `UPDATE contract_instalment SET seq = ?, due_on = ?, amount = ?, remind_days_before = ?, remind_on = ?, note = ?
         WHERE id = ? AND contract_id = ?`,
        [...values, item.id, contractId],
      )
    }
  }
}

import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import type { ReclaimCandidate, ReclaimWarning } from './planReclaim'

/**
 * The 回收规则's warning is a 跟进提醒 (kind followUp) with its own subject key: a
 * customer about to go back to the 公海 needs following up, and a reminder belongs to
 * the customer, so its owner's 工作台 shows it. The reminder kinds are fixed by a CHECK
 * in the reminder table; this needs no new kind. A new 交往记录 settles it (the
 * follow-up scan, and this job's next run).
 */
export const reclaimSubjectKey = 'reclaim'

const chunkSize = 500

interface CandidateRaw {
  id: number
  last_contact: string
  demand_status: ReclaimCandidate['demandStatus']
  expected_close_date: string | null
  deal_grade_override: ReclaimCandidate['dealGradeOverride']
  value_class: ReclaimCandidate['valueClass']
  open_project: number
  last_sale: string | null
}

/** Owned, live customers last contacted on or before `contactedBy`: the only ones the rule can warn or move today. */
export async function reclaimCandidates(db: SqlReader, contactedBy: string): Promise<ReclaimCandidate[]> {
  const rows = await db.all<CandidateRaw>(
    `SELECT c.id, substr(COALESCE(c.last_contact_at, c.registered_at), 1, 10) AS last_contact,
       c.demand_status, c.expected_close_date, c.deal_grade_override, c.value_class,
       EXISTS (SELECT 1 FROM project p WHERE p.owner_customer_id = c.id AND p.deleted_at IS NULL
         AND p.stage NOT IN ('签约', '失败')) AS open_project,
       substr(c.last_transaction_at, 1, 10) AS last_sale
     FROM customer c
     WHERE c.owner_staff_id IS NOT NULL AND c.deleted_at IS NULL
       AND substr(COALESCE(c.last_contact_at, c.registered_at), 1, 10) <= ?`,
    [contactedBy],
  )
  return rows.map((r) => ({
    id: r.id,
    lastContact: r.last_contact,
    demandStatus: r.demand_status,
    expectedCloseDate: r.expected_close_date,
    dealGradeOverride: r.deal_grade_override,
    valueClass: r.value_class,
    hasOpenProject: r.open_project === 1,
    lastSale: r.last_sale,
  }))
}

/** One warning per customer and reclaim occasion (the reminder's unique key makes a rerun add nothing). */
export async function insertReclaimWarnings(db: SqlWriter, warnings: readonly ReclaimWarning[], now: string) {
  let created = 0
  for (let start = 0; start < warnings.length; start += chunkSize) {
    const chunk = warnings.slice(start, start + chunkSize)
    const result = await db.run(
      `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
       VALUES ${chunk.map(() => `('followUp', ?, '${reclaimSubjectKey}', ?, ?, ?)`).join(', ')}
       ON CONFLICT DO NOTHING`,
      chunk.flatMap((w) => [
        w.id,
        w.warnDate,
        `回收规则：最近交往 ${w.lastContact}，${w.days} 天无交往记录将于 ${w.reclaimDate} 放回公海`,
        now,
      ]),
    )
    created += result.changes
  }
  return created
}

/** Open warnings that no longer stand (contacted, exempt, moved, or the rule changed or was turned off) are done. */
export async function settleReclaimWarnings(db: SqlWriter, standing: readonly ReclaimWarning[], now: string) {
  await db.run(
    `UPDATE reminder SET status = 'done', done_at = ?
     WHERE status IN ('pending', 'snoozed') AND kind = 'followUp' AND subject_key = ?
       AND (customer_id || '|' || due_date) NOT IN (SELECT value FROM json_each(?))`,
    [now, reclaimSubjectKey, JSON.stringify(standing.map((w) => `${w.id}|${w.warnDate}`))],
  )
}

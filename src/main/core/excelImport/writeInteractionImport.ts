import type { ImportResult } from '../../../shared/excelImport'
import { recomputeLastContact } from '../activity/customerStats'
import { localNow } from '../common/localTime'
import { InteractionEntity, type InteractionRow } from '../db/activityEntities'
import { bulkInsert } from '../db/bulkInsert'
import type { SqlWriter } from '../db/sqlHandles'
import { lastInteractionId, setImportedInteractionsCreator } from './interactionImportQueries'
import { LabelItems } from './labelItems'
import type { InteractionPlan } from './planInteractionImport'
import type { OnChunk } from './writeImport'

/** Rows written between two progress reports (and two chances to cancel). */
const chunkSize = 1000

/**
 * Writes a 交往记录 plan inside the caller's transaction, doing in bulk what
 * createInteraction does per record: the rows (multi-row INSERTs), who created
 * them, and one set-based recompute of 最近联系 for the customers touched. The
 * reminder triggers on `interaction` mark those customers for the next scan, so
 * a 下次联系日期 becomes a 计划跟进 reminder as a typed one does.
 */
export async function writeInteractionImport(
  db: SqlWriter,
  plan: InteractionPlan,
  userId: number | null,
  onChunk: OnChunk,
): Promise<ImportResult> {
  const time = localNow()
  const labels = new LabelItems(db)
  const lastBefore = await lastInteractionId(db)
  await labels.create(plan.interactions)
  let done = 0
  for (let start = 0; start < plan.interactions.length; start += chunkSize) {
    const rows = plan.interactions.slice(start, start + chunkSize).map((row) => {
      // The plan names the fields by their import keys (`type`, `staff`).
      const values: Record<string, unknown> = { type: row.typeId, staff: row.staffId }
      labels.fill(values, row.pending)
      return {
        customerId: row.customerId,
        contactId: row.contactId,
        occurredAt: row.occurredAt,
        typeId: values.type as number,
        subject: row.subject,
        content: row.content,
        result: row.result,
        nextFollowUp: row.nextFollowUp,
        staffId: values.staff as number | null,
        createdAt: time,
        updatedAt: time,
      } as InteractionRow
    })
    await bulkInsert(db.manager, InteractionEntity, rows)
    done += rows.length
    await onChunk(done)
  }
  await setImportedInteractionsCreator(db, lastBefore, userId)
  await recomputeLastContact(
    db,
    plan.interactions.map((row) => row.customerId),
  )
  await onChunk(done)
  return {
    created: 0,
    updated: 0,
    skipped: plan.preview.counts.skip,
    errors: plan.preview.counts.error,
    contacts: 0,
    sales: 0,
    interactions: plan.interactions.length,
    createdItems: labels.created,
  }
}

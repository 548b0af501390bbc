import type { ImportResult } from '../../../shared/excelImport'
import { recomputeSaleStats } from '../activity/customerStats'
import { localNow } from '../common/localTime'
import { SaleEntity, type SaleRow } from '../db/activityEntities'
import { bulkInsert } from '../db/bulkInsert'
import type { SqlWriter } from '../db/sqlHandles'
import { LabelItems } from './labelItems'
import type { ImportPlan } from './planImport'

/** Rows written between two progress reports (and two chances to cancel). */
const chunkSize = 1000

/** Called after each chunk with the rows written so far; throws to stop (the caller's transaction rolls back). */
export type OnChunk = (done: number) => Promise<void>

/**
 * Writes a 交易记录 plan inside the caller's transaction: multi-row INSERTs and
 * one set-based statistics recompute. (A customer file's commit streams its
 * chunks to a CustomerWriter as it plans them: see importHandlers.)
 */
export async function writeImport(db: SqlWriter, plan: ImportPlan, onChunk: OnChunk): Promise<ImportResult> {
  const time = localNow()
  const labels = new LabelItems(db)
  const result: ImportResult = {
    created: 0,
    updated: 0,
    skipped: plan.preview.counts.skip,
    errors: plan.preview.counts.error,
    contacts: 0,
    sales: 0,
    interactions: 0,
    createdItems: 0,
  }
  let done = 0
  if (plan.sales.length > 0) {
    await labels.create(plan.sales)
    for (let start = 0; start < plan.sales.length; start += chunkSize) {
      const rows = plan.sales.slice(start, start + chunkSize).map((sale) => {
        // The plan names the field by its import key (`product`).
        const values: Record<string, unknown> = { product: sale.productId }
        labels.fill(values, sale.pending)
        return {
          customerId: sale.customerId,
          date: sale.date,
          productId: values.product as number | null,
          quantity: sale.quantity,
          unitPrice: sale.unitPrice,
          amount: sale.amount,
          remarks: sale.remarks,
          contractId: null,
          createdAt: time,
          updatedAt: time,
        } as SaleRow
      })
      await bulkInsert(db.manager, SaleEntity, rows)
      done += rows.length
      await onChunk(done)
    }
    await recomputeSaleStats(
      db,
      plan.sales.map((s) => s.customerId),
    )
    result.sales = plan.sales.length
  }
  result.createdItems = labels.created
  await onChunk(done)
  return result
}

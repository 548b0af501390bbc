import { resolveSaleAmount, type ResolvedSaleAmount } from '../../../shared/sale'
import { AppError } from '../appError'
import { recordHandlers, touchedCustomers, type RecordDefinition } from '../common/recordHandlers'
import type { SaleRow } from '../db/activityEntities'
import type { SqlWriter } from '../db/sqlHandles'
import type { CoreContext } from '../handlerTypes'
import { checkCustomer, checkDictChoices, merged, mergedAll } from './activityChecks'
import { recomputeSaleStats } from './customerStats'
import { listSales, saleTable } from './saleQueries'

type SaleValues = Omit<SaleRow, 'id' | 'createdAt' | 'updatedAt'>

/**
 * 交易记录: every write recomputes 交易次数, 交易金额, 首次交易 and 最近交易 of the
 * customers it touched (the old and the new one when a sale moves), in the same transaction.
 */
export const saleRecord: RecordDefinition<'sales', SaleRow> = {
  table: saleTable,
  customerKeys: ['customerId'],
  async created(db, input) {
    const quantity = input.quantity ?? null
    const unitPrice = input.unitPrice ?? null
    const values: SaleValues = {
      customerId: input.customerId,
      date: input.date,
      productId: input.productId ?? null,
      quantity,
      unitPrice,
      amount: mustHaveAmount(resolveSaleAmount({ quantity, unitPrice, amount: input.amount ?? null })),
      remarks: input.remarks ?? null,
      contractId: input.contractId ?? null,
    }
    await checkValues(db, values, null)
    return values
  },
  async updated(db, input, before) {
    const quantity = merged(input.quantity, before.quantity)
    const unitPrice = merged(input.unitPrice, before.unitPrice)
    // A new 数量 or 单价 without a 金额 means 金额 = 数量 × 单价 again; else the stored 金额 stays.
    const priceChanged = input.quantity !== undefined || input.unitPrice !== undefined
    const givenAmount = input.amount === undefined ? (priceChanged ? null : before.amount) : input.amount
    const values: SaleValues = {
      ...mergedAll(input, before, ['customerId', 'date', 'productId', 'remarks', 'contractId']),
      quantity,
      unitPrice,
      amount: mustHaveAmount(resolveSaleAmount({ quantity, unitPrice, amount: givenAmount })),
    }
    await checkValues(db, values, before)
    return values
  },
  list: listSales,
  afterWrite: (db, write) => recomputeSaleStats(db, touchedCustomers(write)),
}

export function saleHandlers({ store }: CoreContext) {
  return recordHandlers(store, 'sales', saleRecord)
}

async function checkValues(db: SqlWriter, values: SaleValues, before: SaleRow | null): Promise<void> {
  if (values.customerId !== before?.customerId) await checkCustomer(db, values.customerId)
  await checkDictChoices(db, [
    { field: 'productId', label: '产品', category: 'product', id: values.productId, before: before?.productId ?? null },
  ])
  const moved = values.contractId !== before?.contractId || values.customerId !== before.customerId
  if (values.contractId !== null && moved) {
    const contract = await db.first<{ customer_id: number }>(
      `SELECT customer_id FROM contract WHERE id = ? AND deleted_at IS NULL`,
      [values.contractId],
    )
    const problem = !contract
      ? '所选合同不存在，可能已被删除'
      : contract.customer_id !== values.customerId
        ? '所选合同不是该客户的合同'
        : null
    if (problem) throw new AppError('VALIDATION', `输入有误：${problem}`, { contractId: problem })
  }
}

function mustHaveAmount(resolved: ResolvedSaleAmount): number {
  if (!resolved.ok) throw new AppError('VALIDATION', `输入有误：${resolved.message}`, { amount: resolved.message })
  return resolved.amount
}

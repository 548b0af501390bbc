import type { EntityManager } from 'typeorm'
import { resolveSaleAmount, type ResolvedSaleAmount } from '../../../shared/sale'
import { AppError } from '../appError'
import { localNow } from '../common/localTime'
import type { SaleRow } from '../db/activityEntities'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { checkCustomer, checkDictChoices, merged } from './activityChecks'
import { recomputeSaleStats } from './customerStats'
import { deleteSale, findSale, findSaleRow, insertSale, listSales, updateSale } from './saleQueries'
import { mustFind } from '../common/mustFind'

type SaleChannel = 'sales.create' | 'sales.update' | 'sales.delete' | 'sales.list'

type SaleValues = Omit<SaleRow, 'id' | 'createdAt' | 'updatedAt'>

/**
 * 交易记录: every write recomputes 交易次数, 交易金额, 首次交易 and 最近交易 of the
 * customers it touched (the old and the new one when a sale moves), in the same transaction.
 */
export function saleHandlers({ store }: CoreContext): DomainHandlers<SaleChannel> {
  return {
    'sales.create': (input) =>
      store.write(async (m) => {
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
        }
        await checkValues(m, values, null)
        const time = localNow()
        const id = await insertSale(m, { ...values, createdAt: time, updatedAt: time })
        await recomputeSaleStats(m, [values.customerId])
        return mustFind(await findSale(m, id), '交易记录')
      }),

    'sales.update': (input) =>
      store.write(async (m) => {
        const before = mustFind(await findSaleRow(m, input.id), '交易记录')
        const quantity = merged(input.quantity, before.quantity)
        const unitPrice = merged(input.unitPrice, before.unitPrice)
        // A new 数量 or 单价 without a 金额 means 金额 = 数量 × 单价 again; else the stored 金额 stays.
        const priceChanged = input.quantity !== undefined || input.unitPrice !== undefined
        const givenAmount = input.amount === undefined ? (priceChanged ? null : before.amount) : input.amount
        const values: SaleValues = {
          customerId: merged(input.customerId, before.customerId),
          date: merged(input.date, before.date),
          productId: merged(input.productId, before.productId),
          quantity,
          unitPrice,
          amount: mustHaveAmount(resolveSaleAmount({ quantity, unitPrice, amount: givenAmount })),
          remarks: merged(input.remarks, before.remarks),
        }
        await checkValues(m, values, before)
        await updateSale(m, input.id, { ...values, updatedAt: localNow() })
        await recomputeSaleStats(m, [before.customerId, values.customerId])
        return mustFind(await findSale(m, input.id), '交易记录')
      }),

    'sales.delete': ({ id }) =>
      store.write(async (m) => {
        const before = mustFind(await findSaleRow(m, id), '交易记录')
        await deleteSale(m, id)
        await recomputeSaleStats(m, [before.customerId])
        return { id }
      }),

    'sales.list': (input) => store.read((m) => listSales(m, input)),
  }
}

async function checkValues(m: EntityManager, values: SaleValues, before: SaleRow | null): Promise<void> {
  if (values.customerId !== before?.customerId) await checkCustomer(m, values.customerId)
  await checkDictChoices(m, [
    { field: 'productId', label: '产品', category: 'product', id: values.productId, before: before?.productId ?? null },
  ])
}

function mustHaveAmount(resolved: ResolvedSaleAmount): number {
  if (!resolved.ok) throw new AppError('VALIDATION', `输入有误：${resolved.message}`, { amount: resolved.message })
  return resolved.amount
}

import { z } from 'zod'
import { editVersion } from './editVersion'
import { dateBound, idInput, idList, pageIssue, pageShape, quickText, requiredDate } from './activityFields'
import { amount, dictRef, maxAmount, recordId, strictError, text } from './fieldSchemas'

/**
 * 交易记录 (docs/product-rules.md#sales). `productId` is a 产品 item. 金额 is never negative: a
 * return is entered by editing or deleting the sale it undoes, so 交易次数 and
 * 交易金额 stay a count and a sum of real sales. Every write recomputes the
 * customer's 交易次数, 交易金额, 首次交易 and 最近交易.
 */

export const saleSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  /** `YYYY-MM-DD`. */
  date: z.string(),
  productId: z.number().int().nullable(),
  productLabel: z.string().nullable(),
  /** 产品类别: the group of the 产品 item. */
  productGroup: z.string().nullable(),
  quantity: z.number().nullable(),
  unitPrice: z.number().nullable(),
  amount: z.number(),
  remarks: z.string().nullable(),
  /** The 合同 it belongs to, of the same customer. */
  contractId: z.number().int().nullable(),
  contractNo: z.string().nullable(),
  /** 录入人: the user who created it; null before accounts, in single-PC mode, or the user is gone. */
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edit version: counts the record's changes (see shared/editVersion). */
  version: z.number().int(),
})
export type Sale = z.infer<typeof saleSchema>

/** A non-negative number with at most `places` decimals. */
const decimal = (label: string, places: number, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, `${label}不能为负数`)
    .max(max, `${label}过大`)
    .refine((v) => {
      const scaled = v * 10 ** places
      return Math.abs(Math.round(scaled) - scaled) < 1e-6
    }, `${label}最多 ${places} 位小数`)
    .nullable()
    .optional()

const editableShape = {
  productId: dictRef('产品'),
  quantity: decimal('数量', 4, 1e9),
  unitPrice: decimal('单价', 4, 1e10),
  /** Left out (or null) with 数量 and 单价 given: 数量 × 单价, rounded to the fen. */
  amount: amount('金额'),
  remarks: text('备注', 500),
  contractId: recordId('合同').nullable().optional(),
}

export const saleCreateInput = z.strictObject(
  { customerId: recordId('客户'), date: requiredDate('交易日期'), ...editableShape },
  { error: strictError('交易记录') },
)
export type SaleCreateInput = z.output<typeof saleCreateInput>

/** Keys left out stay as they are; `customerId` moves the sale to another customer. */
export const saleUpdateInput = z.strictObject(
  {
    id: recordId('交易记录编号'),
    /** The version the form loaded; a newer stored one refuses the save (CONFLICT). */
    version: editVersion,
    customerId: recordId('客户').optional(),
    date: requiredDate('交易日期').optional(),
    ...editableShape,
  },
  { error: strictError('交易记录') },
)
export type SaleUpdateInput = z.output<typeof saleUpdateInput>

export const saleDeleteInput = idInput('交易记录')

/** sales.list: one customer's sales, or all of them with filters. Newest first. */
export const saleListInput = z
  .strictObject(
    {
      ...pageShape,
      customerId: recordId('客户').optional(),
      dateFrom: dateBound('开始日期'),
      dateTo: dateBound('结束日期'),
      productIds: idList('产品'),
      /** Matches 备注 and the product name. */
      quick: quickText,
    },
    { error: strictError('交易记录查询') },
  )
  .superRefine((value, ctx) => {
    const issue = pageIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', path: ['endRow'], message: issue })
  })
export type SaleListInput = z.output<typeof saleListInput>

export const saleListOutput = z.object({
  rows: z.array(saleSchema),
  total: z.number().int(),
  /** Sum of 金额 over every matching row, not just this page. */
  totalAmount: z.number(),
})
export type SaleListOutput = z.infer<typeof saleListOutput>

/** 数量 × 单价 rounded to the fen (toPrecision first, so 1.005 × 100 does not round down). */
export function saleAmount(quantity: number, unitPrice: number): number {
  return Math.round(Number((quantity * unitPrice * 100).toPrecision(12))) / 100
}

export type ResolvedSaleAmount = { ok: true; amount: number } | { ok: false; message: string }

const missingAmountMessage = '请填写金额，或同时填写数量和单价'
/** maxAmount, as the user reads it. */
const computedAmountMessage = '金额过大：数量 × 单价超过一万亿元，请核对数量和单价'

/**
 * The 金额 to store: the one given, else 数量 × 单价, which must stay within the
 * cap a typed 金额 has (数量 and 单价 each within theirs can still multiply past it);
 * otherwise the message for the caller to report.
 */
export function resolveSaleAmount(values: {
  quantity: number | null
  unitPrice: number | null
  amount: number | null
}): ResolvedSaleAmount {
  if (values.amount !== null) return { ok: true, amount: values.amount }
  if (values.quantity === null || values.unitPrice === null) return { ok: false, message: missingAmountMessage }
  const amount = saleAmount(values.quantity, values.unitPrice)
  return amount <= maxAmount ? { ok: true, amount } : { ok: false, message: computedAmountMessage }
}

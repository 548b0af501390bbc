import { z } from 'zod'
import { dateBound, idList, quickText } from './activityFields'
import { customerFiltersSchema, customerIdsQueryInput, customerListInput } from './customerList'
import { customerSheetColumnKeys } from './excelExportColumns'
import { recordId, strictError } from './fieldSchemas'
import { contractListInput, paymentListInput } from './salesContract'

/**
 * Excel exports (docs/product-rules.md#excel-export). The workbook is built in the core over the same
 * queries as the screens and crosses the contract as base64 (the preview speaks JSON).
 */

/** Most cards in one workbook: one worksheet each, and Excel slows down past a few thousand sheets. */
export const maxCardsPerExport = 2000

/** export.customerCards: the 客户信息登记卡 of these customers, one worksheet each, in this order. */
export const exportCustomerCardsInput = z.strictObject(
  {
    ids: z
      .array(recordId('客户编号'), { error: '请选择客户' })
      .min(1, '请至少选择一个客户')
      .max(maxCardsPerExport, `一次最多导出 ${maxCardsPerExport} 张登记卡，请分批导出`),
  },
  { error: strictError('导出登记卡') },
)

/** A finished workbook: the suggested file name and its bytes as base64. */
export const exportFileOutput = z.object({
  fileName: z.string(),
  base64: z.string(),
  /** Records written (cards, or data rows). */
  count: z.number().int(),
})
export type ExportFile = z.infer<typeof exportFileOutput>

const sheetColumn = z.strictObject(
  {
    key: z.enum(customerSheetColumnKeys, { error: (issue) => `不支持导出列「${String(issue.input)}」` }),
    /** The column's width on screen in pixels (AG Grid), turned into Excel character widths. */
    width: z.number({ error: '列宽必须是数字' }).min(10).max(2000).optional(),
  },
  { error: strictError('导出列') },
)

/** export.customerSheet: the sheet's current view (visible columns in order, filters, quick search, sort). */
export const exportCustomerSheetInput = z.strictObject(
  {
    columns: z.array(sheetColumn, { error: '导出列应为列表' }).min(1, '请至少显示一列').max(200, '导出列过多'),
    sort: customerListInput.shape.sort,
    quick: customerIdsQueryInput.shape.quick,
    filters: customerFiltersSchema.default({}),
  },
  { error: strictError('导出客户列表') },
)
export type ExportCustomerSheetInput = z.output<typeof exportCustomerSheetInput>

/** export.interactions: the 交往记录 list with the filters of interactions.list (no paging). */
export const exportInteractionsInput = z.strictObject(
  {
    customerId: recordId('客户').optional(),
    dateFrom: dateBound('开始日期'),
    dateTo: dateBound('结束日期'),
    typeIds: idList('交往方式'),
    staffIds: idList('业务员'),
    quick: quickText,
  },
  { error: strictError('导出交往记录') },
)
export type ExportInteractionsInput = z.output<typeof exportInteractionsInput>

/** export.sales: the 交易记录 list with the filters of sales.list (no paging). */
export const exportSalesInput = z.strictObject(
  {
    customerId: recordId('客户').optional(),
    dateFrom: dateBound('开始日期'),
    dateTo: dateBound('结束日期'),
    productIds: idList('产品'),
    quick: quickText,
  },
  { error: strictError('导出交易记录') },
)
export type ExportSalesInput = z.output<typeof exportSalesInput>

const contractFilter = contractListInput.shape
/** The 合同 list with the filters of contracts.list (no paging, its own sort: 签订日期). */
export const exportContractsInput = z.strictObject(
  {
    customerId: contractFilter.customerId,
    statuses: contractFilter.statuses,
    signedFrom: contractFilter.signedFrom,
    signedTo: contractFilter.signedTo,
    staffIds: contractFilter.staffIds,
    owedOnly: contractFilter.owedOnly,
    quick: contractFilter.quick,
  },
  { error: strictError('导出合同') },
)
export type ExportContractsInput = z.output<typeof exportContractsInput>

const paymentFilter = paymentListInput.shape
/** The 回款记录 list with the filters of payments.list (no paging). */
export const exportPaymentsInput = z.strictObject(
  {
    contractId: paymentFilter.contractId,
    customerId: paymentFilter.customerId,
    paidFrom: paymentFilter.paidFrom,
    paidTo: paymentFilter.paidTo,
    receiverStaffIds: paymentFilter.receiverStaffIds,
    quick: paymentFilter.quick,
  },
  { error: strictError('导出回款记录') },
)
export type ExportPaymentsInput = z.output<typeof exportPaymentsInput>

/**
 * export.start: any of the exports above as a job, so a long one shows its
 * progress and can be cancelled; export.progress hands over the file once done.
 */
export const exportJobInput = z.discriminatedUnion(
  'kind',
  [
    exportCustomerCardsInput.extend({ kind: z.literal('customerCards') }),
    exportCustomerSheetInput.extend({ kind: z.literal('customerSheet') }),
    exportInteractionsInput.extend({ kind: z.literal('interactions') }),
    exportSalesInput.extend({ kind: z.literal('sales') }),
    exportContractsInput.extend({ kind: z.literal('contracts') }),
    exportPaymentsInput.extend({ kind: z.literal('payments') }),
  ],
  { error: '不支持的导出' },
)
export type ExportJobRequest = z.input<typeof exportJobInput>
export type ExportJobInput = z.output<typeof exportJobInput>
export type ExportKind = ExportJobInput['kind']

export const exportJobIdInput = z.strictObject({ jobId: z.string().min(1).max(64) }, { error: strictError('导出任务') })

export const exportJobStates = ['running', 'done', 'failed', 'cancelled'] as const
export const exportProgressOutput = z.object({
  state: z.enum(exportJobStates),
  /** Cards or rows written so far. */
  done: z.number().int(),
  /** Cards or rows to write; null while a list is not counted. */
  total: z.number().int().nullable(),
  /** Why it failed or that it was cancelled, in Chinese. */
  message: z.string().nullable(),
  /** The workbook, handed over once: the first progress call that sees the job done. */
  file: exportFileOutput.nullable(),
})
export type ExportProgress = z.infer<typeof exportProgressOutput>

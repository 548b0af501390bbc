import { z } from 'zod'
import { editVersion } from './editVersion'
import {
  dateBound,
  idInput,
  idList,
  pageIssue,
  pageShape,
  quickText,
  requiredDate,
  requiredText,
} from './activityFields'
import { amount, dictRef, isoDate, maxAmount, recordId, strictError, text } from './fieldSchemas'

/**
 * 合同与回款 (docs/product-rules.md#contracts). Money is yuan with at most two decimals;
 * every sum and comparison is done in fen (toFen), so 0.1 + 0.2 never exceeds 0.3.
 * 应收 of a contract = 金额 − 已收; only 执行中 and 已完成 contracts are owed (a 草拟 is
 * not signed yet, a 已终止 one is settled outside the books).
 */

export const contractStatuses = ['草拟', '执行中', '已完成', '已终止'] as const
export type ContractStatus = (typeof contractStatuses)[number]
/** The statuses whose 应收 counts in aging, 信用额度 and reminders. */
export const owedStatuses: readonly ContractStatus[] = ['执行中', '已完成']

/** Yuan → whole fen (toPrecision first, so 1.005 × 100 does not round down). */
export function toFen(yuan: number): number {
  return Math.round(Number((yuan * 100).toPrecision(15)))
}

export function fromFen(fen: number): number {
  return fen / 100
}

/** 12,345.60: yuan as a message shows them. */
export function yuanText(yuan: number): string {
  const fen = toFen(yuan)
  const sign = fen < 0 ? '-' : ''
  const [whole = '0', part = '00'] = (Math.abs(fen) / 100).toFixed(2).split('.')
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${part}`
}

/** 数量 × 单价 rounded to the fen. */
export function lineAmount(quantity: number, unitPrice: number): number {
  return Math.round(Number((quantity * unitPrice * 100).toPrecision(12))) / 100
}

const status = z.enum(contractStatuses, { error: `合同状态只能是：${contractStatuses.join('、')}` })

const decimal = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, `${label}不能为负数`)
    .max(max, `${label}过大`)
    .refine((v) => Math.abs(Math.round(v * 10000) - v * 10000) < 1e-6, `${label}最多 4 位小数`)
    .nullable()
    .optional()

/** Money that must be given and be more than zero (an instalment, a payment). */
const positiveAmount = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .positive(`${label}必须大于 0`)
    .max(maxAmount, `${label}过大`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, `${label}最多两位小数`)

export const contractLineSchema = z.object({
  lineNo: z.number().int(),
  name: z.string(),
  quantity: z.number().nullable(),
  unitPrice: z.number().nullable(),
  amount: z.number(),
})
export type ContractLine = z.infer<typeof contractLineSchema>

export const contractLineInput = z.strictObject(
  {
    name: requiredText('产品名称', 100),
    quantity: decimal('数量', 1e9),
    unitPrice: decimal('单价', 1e10),
    /** Left out: 数量 × 单价. */
    amount: amount('明细金额'),
  },
  { error: strictError('合同明细') },
)
export type ContractLineInput = z.output<typeof contractLineInput>

/** The contract as lists show it. */
export const contractSchema = z.object({
  id: z.number().int(),
  /** 合同编号 HT-年份-序号, never reused. */
  contractNo: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  name: z.string(),
  /** `YYYY-MM-DD`. */
  signedOn: z.string().nullable(),
  startOn: z.string().nullable(),
  endOn: z.string().nullable(),
  amount: z.number(),
  /** 已收: the sum of its 回款记录. */
  receivedAmount: z.number(),
  /** 应收 = 金额 − 已收, never below 0. */
  receivable: z.number(),
  /** 超收: what was received beyond 金额. */
  overReceived: z.number(),
  settlementId: z.number().int().nullable(),
  settlementLabel: z.string().nullable(),
  status,
  projectId: z.number().int().nullable(),
  projectName: z.string().nullable(),
  staffId: z.number().int().nullable(),
  staffLabel: z.string().nullable(),
  remarks: z.string().nullable(),
  createdByName: z.string().nullable(),
  updatedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set while it is in the 回收站 (then updatedByName is who put it there). */
  deletedAt: z.string().nullable(),
  version: z.number().int(),
})
export type Contract = z.infer<typeof contractSchema>

export const instalmentSchema = z.object({
  id: z.number().int(),
  /** 期次, 1… in date order. */
  seq: z.number().int(),
  dueOn: z.string(),
  amount: z.number(),
  remindDaysBefore: z.number().int(),
  note: z.string().nullable(),
  /** What of it is paid, the contract's payments applied to the instalments in date order. */
  paidAmount: z.number(),
  /** 未到期 / 已收齐 / 部分收款 / 逾期. */
  state: z.enum(['未到期', '已收齐', '部分收款', '逾期']),
})
export type Instalment = z.infer<typeof instalmentSchema>

export const paymentSchema = z.object({
  id: z.number().int(),
  contractId: z.number().int(),
  contractNo: z.string(),
  contractName: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  instalmentId: z.number().int().nullable(),
  /** 期次 of the instalment it was recorded against. */
  instalmentSeq: z.number().int().nullable(),
  paidOn: z.string(),
  amount: z.number(),
  /** 超收: the part beyond what was still owed when it was recorded. */
  overAmount: z.number(),
  method: z.string().nullable(),
  receiverStaffId: z.number().int().nullable(),
  receiverLabel: z.string().nullable(),
  remarks: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
})
export type Payment = z.infer<typeof paymentSchema>

/** A contract with its lines, 回款计划 and 回款记录: the contract page. */
export const contractDetailSchema = contractSchema.extend({
  lines: z.array(contractLineSchema),
  instalments: z.array(instalmentSchema),
  payments: z.array(paymentSchema),
  /** The sum of the plan; at most 金额. */
  plannedAmount: z.number(),
})
export type ContractDetail = z.infer<typeof contractDetailSchema>

const maxLines = 200

const editableShape = {
  signedOn: isoDate('签订日期'),
  startOn: isoDate('开始日期'),
  endOn: isoDate('结束日期'),
  /** Left out with lines given: their sum. */
  amount: amount('合同金额'),
  settlementId: dictRef('结算方式'),
  projectId: recordId('项目').nullable().optional(),
  staffId: dictRef('业务员'),
  remarks: text('备注', 2000),
  /** Replaces every line when given. */
  lines: z
    .array(contractLineInput, { error: '合同明细应为列表' })
    .max(maxLines, `合同明细最多 ${maxLines} 行`)
    .optional(),
  /**
   * The customer's 应收 would pass its 信用额度 and a 主管/管理员 (or the single PC's user) has
   * confirmed it; a 业务员 sending it is refused.
   */
  confirmOverLimit: z.boolean({ error: '确认超额度只能是是或否' }).optional(),
}

/** The checks of dates and lines that need no database; the handler runs them again on the merged update. */
export function contractIssues(value: {
  startOn?: string | null
  endOn?: string | null
  amount?: number | null
  lines?: readonly ContractLineInput[]
}): Record<string, string> {
  const issues: Record<string, string> = {}
  if (value.startOn && value.endOn && value.endOn < value.startOn) issues.endOn = '结束日期不能早于开始日期'
  let total = 0
  value.lines?.forEach((line, index) => {
    const computed =
      line.quantity != null && line.unitPrice != null ? toFen(lineAmount(line.quantity, line.unitPrice)) : null
    if (line.amount == null && computed === null) {
      issues[`lines.${index}.amount`] = `第 ${index + 1} 行：请填写金额，或同时填写数量和单价`
      return
    }
    if (line.amount != null && computed !== null && toFen(line.amount) !== computed) {
      issues[`lines.${index}.amount`] =
        `第 ${index + 1} 行：金额 ${yuanText(line.amount)} 元与数量 × 单价（${yuanText(fromFen(computed))} 元）不一致`
      return
    }
    total += line.amount != null ? toFen(line.amount) : (computed ?? 0)
  })
  if (value.lines && value.lines.length > 0 && value.amount != null && toFen(value.amount) !== total) {
    issues.amount = `合同明细合计 ${yuanText(fromFen(total))} 元与合同金额 ${yuanText(value.amount)} 元不一致`
  }
  if (total > toFen(maxAmount)) issues.amount = '合同明细合计过大'
  return issues
}

function addIssues(value: Parameters<typeof contractIssues>[0], ctx: z.RefinementCtx): void {
  for (const [path, message] of Object.entries(contractIssues(value))) {
    ctx.addIssue({ code: 'custom', path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message })
  }
}

export const contractCreateInput = z
  .strictObject(
    {
      customerId: recordId('客户'),
      name: requiredText('合同名称', 100),
      status: status.default('草拟'),
      ...editableShape,
    },
    { error: strictError('合同') },
  )
  .superRefine((value, ctx) => {
    addIssues(value, ctx)
    if (value.amount == null && !value.lines?.length) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: '请填写合同金额，或填写合同明细' })
    }
  })
export type ContractCreateInput = z.output<typeof contractCreateInput>

/** Keys left out stay as they are; `lines` given replaces them all. */
export const contractUpdateInput = z
  .strictObject(
    {
      id: recordId('合同编号'),
      /** The version the form loaded; a newer stored one refuses the save (CONFLICT). */
      version: editVersion,
      customerId: recordId('客户').optional(),
      name: requiredText('合同名称', 100).optional(),
      status: status.optional(),
      ...editableShape,
    },
    { error: strictError('合同') },
  )
  .superRefine(addIssues)
export type ContractUpdateInput = z.output<typeof contractUpdateInput>

export const contractIdInput = idInput('合同')

export const contractSortKeys = ['signedOn', 'amount', 'receivable', 'endOn', 'contractNo', 'updatedAt'] as const
export type ContractSortKey = (typeof contractSortKeys)[number]

export const contractListInput = z
  .strictObject(
    {
      ...pageShape,
      customerId: recordId('客户').optional(),
      statuses: z.array(status, { error: '合同状态应为列表' }).max(4).default([]),
      signedFrom: dateBound('签订开始日期'),
      signedTo: dateBound('签订结束日期'),
      /** 经办业务员 items. */
      staffIds: idList('业务员'),
      /** Only contracts with 应收 left. */
      owedOnly: z.boolean({ error: '只看有应收只能是是或否' }).default(false),
      /** Matches 合同编号, 合同名称 and the customer's name. */
      quick: quickText,
      sortBy: z.enum(contractSortKeys, { error: '不支持按此列排序' }).default('updatedAt'),
      sortOrder: z.enum(['asc', 'desc'], { error: '排序方向只能是 asc 或 desc' }).default('desc'),
      /** The 回收站: only the deleted contracts, newest deleted first (sortBy is then ignored). */
      deleted: z.boolean({ error: '只看回收站只能是是或否' }).optional(),
    },
    { error: strictError('合同查询') },
  )
  .superRefine((value, ctx) => {
    const issue = pageIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', path: ['endRow'], message: issue })
  })
export type ContractListInput = z.output<typeof contractListInput>

export const contractListOutput = z.object({
  rows: z.array(contractSchema),
  total: z.number().int(),
  /** Sums over every matching contract, not just this page. */
  totalAmount: z.number(),
  totalReceived: z.number(),
  totalReceivable: z.number(),
})
export type ContractListOutput = z.infer<typeof contractListOutput>

const maxInstalments = 120

export const instalmentInput = z.strictObject(
  {
    /** An instalment already in the plan (its payments stay linked); left out: a new one. */
    id: recordId('回款计划编号').optional(),
    dueOn: requiredDate('计划回款日期'),
    amount: positiveAmount('计划回款金额'),
    /** 提前 N 天提醒. */
    remindDaysBefore: z
      .number({ error: '提前提醒天数必须是数字' })
      .int('提前提醒天数必须是整数')
      .min(0, '提前提醒天数不能为负数')
      .max(365, '提前提醒天数最多 365 天')
      .default(7),
    note: text('备注', 500),
  },
  { error: strictError('回款计划') },
)
export type InstalmentInput = z.output<typeof instalmentInput>

/** contracts.plan.set: the whole 回款计划 at once; 期次 follow the dates. Instalments left out are removed. */
export const contractPlanSetInput = z
  .strictObject(
    {
      contractId: recordId('合同'),
      version: editVersion,
      instalments: z
        .array(instalmentInput, { error: '回款计划应为列表' })
        .max(maxInstalments, `回款计划最多 ${maxInstalments} 期`),
    },
    { error: strictError('回款计划') },
  )
  .superRefine((value, ctx) => {
    const seen = new Set<number>()
    value.instalments.forEach((item, index) => {
      if (item.id === undefined) return
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['instalments', index, 'id'], message: '同一期回款计划出现了两次' })
      }
      seen.add(item.id)
    })
  })
export type ContractPlanSetInput = z.output<typeof contractPlanSetInput>

export const paymentCreateInput = z.strictObject(
  {
    contractId: recordId('合同'),
    /** The instalment it pays, when the user names one; 应收 applies it in date order either way. */
    instalmentId: recordId('回款计划').nullable().optional(),
    paidOn: requiredDate('回款日期'),
    amount: positiveAmount('回款金额'),
    /** 转账、现金、承兑汇票 … as written. */
    method: text('收款方式', 20),
    receiverStaffId: dictRef('收款人'),
    remarks: text('备注', 500),
  },
  { error: strictError('回款记录') },
)
export type PaymentCreateInput = z.output<typeof paymentCreateInput>

export const paymentCreateOutput = z.object({
  payment: paymentSchema,
  contract: contractSchema,
  /** Said to the user, never silently: 超收 500.00 元 …. */
  warnings: z.array(z.string()),
})
export type PaymentCreateOutput = z.infer<typeof paymentCreateOutput>

export const paymentIdInput = idInput('回款记录')

export const paymentListInput = z
  .strictObject(
    {
      ...pageShape,
      contractId: recordId('合同').optional(),
      customerId: recordId('客户').optional(),
      paidFrom: dateBound('回款开始日期'),
      paidTo: dateBound('回款结束日期'),
      receiverStaffIds: idList('收款人'),
      /** Matches 合同编号, 合同名称, the customer, 收款方式 and 备注. */
      quick: quickText,
    },
    { error: strictError('回款记录查询') },
  )
  .superRefine((value, ctx) => {
    const issue = pageIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', path: ['endRow'], message: issue })
  })
export type PaymentListInput = z.output<typeof paymentListInput>

export const paymentListOutput = z.object({
  rows: z.array(paymentSchema),
  total: z.number().int(),
  totalAmount: z.number(),
})
export type PaymentListOutput = z.infer<typeof paymentListOutput>

/** 账龄 buckets: days past the planned date. */
export const agingBuckets = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const
export type AgingBucket = (typeof agingBuckets)[number]
export const agingBucketLabels: Record<AgingBucket, string> = {
  notDue: '未到期',
  days1to30: '1–30 天',
  days31to60: '31–60 天',
  days61to90: '61–90 天',
  over90: '90 天以上',
}

export const agingDimensions = ['customer', 'region', 'staff'] as const
export type AgingDimension = (typeof agingDimensions)[number]

export const receivablesAgingInput = z.strictObject(
  {
    by: z.enum(agingDimensions, { error: '账龄只能按客户、区域或业务员汇总' }).default('customer'),
    /** The day ages are counted to; today when left out. */
    asOf: isoDate('统计日期'),
    /** The largest groups first (by 应收); the totals cover all of them. */
    limit: z.number({ error: '条数必须是数字' }).int().min(1).max(1000, '每次最多 1000 行').default(200),
  },
  { error: strictError('账龄查询') },
)
export type ReceivablesAgingInput = z.output<typeof receivablesAgingInput>

const agingAmounts = {
  notDue: z.number(),
  days1to30: z.number(),
  days31to60: z.number(),
  days61to90: z.number(),
  over90: z.number(),
  /** 应收 in all. */
  total: z.number(),
}

export const agingRowSchema = z.object({
  /** The customer, 区域 or 业务员 item; null: 未指定. */
  key: z.number().int().nullable(),
  label: z.string(),
  ...agingAmounts,
})
export type AgingRow = z.infer<typeof agingRowSchema>

export const receivablesAgingOutput = z.object({
  asOf: z.string(),
  rows: z.array(agingRowSchema),
  /** How many groups there are in all (rows holds the first `limit`). */
  groups: z.number().int(),
  totals: z.object(agingAmounts),
})
export type ReceivablesAgingOutput = z.infer<typeof receivablesAgingOutput>

const month = (label: string) =>
  z.string({ error: `${label}必须是文字` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM，如 2026-03`)

export const receivablesMonthlyInput = z
  .strictObject({ from: month('开始月份'), to: month('结束月份') }, { error: strictError('回款统计') })
  .superRefine((value, ctx) => {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束月份不能早于开始月份' })
    const months =
      (Number(value.to.slice(0, 4)) - Number(value.from.slice(0, 4))) * 12 +
      Number(value.to.slice(5)) -
      Number(value.from.slice(5))
    if (months >= 60) ctx.addIssue({ code: 'custom', path: ['to'], message: '最多统计 60 个月' })
  })
export type ReceivablesMonthlyInput = z.output<typeof receivablesMonthlyInput>

export const receivablesMonthlyOutput = z.object({
  rows: z.array(z.object({ month: z.string(), planned: z.number(), received: z.number() })),
  planned: z.number(),
  received: z.number(),
})
export type ReceivablesMonthlyOutput = z.infer<typeof receivablesMonthlyOutput>

export const receivablesCustomerInput = z.strictObject(
  { customerId: recordId('客户') },
  { error: strictError('客户应收查询') },
)

/** A customer's 应收 against the 信用额度 of the card. */
export const customerCreditSchema = z.object({
  customerId: z.number().int(),
  /** null or 0: no limit set. */
  creditLimit: z.number().nullable(),
  receivable: z.number(),
  /** What is overdue today. */
  overdue: z.number(),
  overLimit: z.boolean(),
  /** 超额度: what 应收 passes the 信用额度 by; 0 within it or with no limit. */
  overBy: z.number(),
})
export type CustomerCredit = z.infer<typeof customerCreditSchema>

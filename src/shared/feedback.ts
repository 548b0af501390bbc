import { z } from 'zod'
import { editVersion } from './editVersion'
import { dateBound, idInput, pageIssue, pageShape, quickText, requiredDate } from './activityFields'
import { dictRef, integer, isoDate, recordId, strictError, text } from './fieldSchemas'

/**
 * 客户意见 (docs/product-rules.md#competitors-and-feedback): a complaint, suggestion, question or praise, about a 产品
 * item, handled by a 业务员 item, from 收到 to 解决.
 */

export const feedbackTypes = ['投诉', '建议', '咨询', '表扬'] as const
export type FeedbackType = (typeof feedbackTypes)[number]
export const feedbackStatuses = ['待处理', '处理中', '已解决', '已关闭'] as const
export type FeedbackStatus = (typeof feedbackStatuses)[number]

const type = z.enum(feedbackTypes, { error: `意见类型只能是：${feedbackTypes.join('、')}` })
const status = z.enum(feedbackStatuses, { error: `处理状态只能是：${feedbackStatuses.join('、')}` })

export const feedbackSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  type,
  productId: z.number().int().nullable(),
  productLabel: z.string().nullable(),
  /** `YYYY-MM-DD`. */
  receivedAt: z.string(),
  resolvedAt: z.string().nullable(),
  status,
  handlerId: z.number().int().nullable(),
  handlerLabel: z.string().nullable(),
  content: z.string().nullable(),
  resolution: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edit version: counts the record's changes (see shared/editVersion). */
  version: z.number().int(),
})
export type Feedback = z.infer<typeof feedbackSchema>

const editableShape = {
  productId: dictRef('产品'),
  resolvedAt: isoDate('解决日期'),
  handlerId: dictRef('处理人'),
  content: text('意见内容', 5000),
  resolution: text('处理结果', 5000),
  satisfaction: integer('客户满意度', 1, 5),
}

/** Checked on the input and again by the handler on the merged update. */
export function feedbackIssues(value: { receivedAt?: string; resolvedAt?: string | null }): Record<string, string> {
  if (value.receivedAt && value.resolvedAt && value.resolvedAt < value.receivedAt) {
    return { resolvedAt: '解决日期不能早于收到日期' }
  }
  return {}
}

function addIssues(value: Parameters<typeof feedbackIssues>[0], ctx: z.RefinementCtx): void {
  for (const [path, message] of Object.entries(feedbackIssues(value))) {
    ctx.addIssue({ code: 'custom', path: [path], message })
  }
}

export const feedbackCreateInput = z
  .strictObject(
    {
      customerId: recordId('客户'),
      type,
      receivedAt: requiredDate('收到日期'),
      status: status.default('待处理'),
      ...editableShape,
    },
    { error: strictError('客户意见') },
  )
  .superRefine(addIssues)
export type FeedbackCreateInput = z.output<typeof feedbackCreateInput>

/** Keys left out stay as they are. */
export const feedbackUpdateInput = z
  .strictObject(
    {
      id: recordId('客户意见编号'),
      /** The version the form loaded; a newer stored one refuses the save (CONFLICT). */
      version: editVersion,
      type: type.optional(),
      receivedAt: requiredDate('收到日期').optional(),
      status: status.optional(),
      ...editableShape,
    },
    { error: strictError('客户意见') },
  )
  .superRefine(addIssues)
export type FeedbackUpdateInput = z.output<typeof feedbackUpdateInput>

export const feedbackDeleteInput = idInput('客户意见')

/** feedback.list: one customer's, or all (customers in the 回收站 left out). Newest first. */
export const feedbackListInput = z
  .strictObject(
    {
      ...pageShape,
      customerId: recordId('客户').optional(),
      types: z.array(type, { error: '意见类型应为列表' }).max(4).default([]),
      statuses: z.array(status, { error: '处理状态应为列表' }).max(4).default([]),
      /** Inclusive bounds on 收到日期. */
      dateFrom: dateBound('开始日期'),
      dateTo: dateBound('结束日期'),
      /** Matches 意见内容, 处理结果 and the customer's name. */
      quick: quickText,
    },
    { error: strictError('客户意见查询') },
  )
  .superRefine((value, ctx) => {
    const issue = pageIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', path: ['endRow'], message: issue })
  })
export type FeedbackListInput = z.output<typeof feedbackListInput>

export const feedbackListOutput = z.object({ rows: z.array(feedbackSchema), total: z.number().int() })
export type FeedbackListOutput = z.infer<typeof feedbackListOutput>

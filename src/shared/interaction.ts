import { z } from 'zod'
import { editVersion } from './editVersion'
import { dateBound, idInput, idList, pageIssue, pageShape, quickText, requiredDateTime } from './activityFields'
import { dictRef, isoDate, recordId, strictError, text } from './fieldSchemas'

/**
 * 交往记录 (客户追踪志, docs/product-rules.md#interactions). `occurredAt` is local time `YYYY-MM-DD HH:mm`;
 * `typeId` is a 交往方式 item, `staffId` a 业务员 item. Writing one updates the
 * customer's 最近联系 (the latest date of its records).
 */

export const interactionValuesShape = {
  customerId: recordId('客户'),
  /** A contact of the same customer, or null. */
  contactId: recordId('联系人').nullable(),
  occurredAt: z.string(),
  typeId: recordId('交往方式'),
  subject: z.string().nullable(),
  content: z.string().nullable(),
  result: z.string().nullable(),
  /** 下次跟进日期 `YYYY-MM-DD`. */
  nextFollowUp: z.string().nullable(),
  staffId: z.number().int().nullable(),
}

export const interactionSchema = z.object({
  id: z.number().int(),
  ...interactionValuesShape,
  customerName: z.string(),
  contactName: z.string().nullable(),
  typeLabel: z.string(),
  staffLabel: z.string().nullable(),
  /** 录入人: the user who created it; null before accounts, in single-PC mode, or the user is gone. */
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edit version: counts the record's changes (see shared/editVersion). */
  version: z.number().int(),
})
export type Interaction = z.infer<typeof interactionSchema>

const editableShape = {
  contactId: recordId('联系人').nullable().optional(),
  subject: text('主题', 200),
  content: text('内容', 5000),
  result: text('结果', 2000),
  nextFollowUp: isoDate('下次跟进日期'),
  staffId: dictRef('业务员'),
}

export const interactionCreateInput = z.strictObject(
  {
    customerId: recordId('客户'),
    occurredAt: requiredDateTime('交往时间'),
    typeId: recordId('交往方式'),
    ...editableShape,
  },
  { error: strictError('交往记录') },
)
export type InteractionCreateInput = z.output<typeof interactionCreateInput>

/** Keys left out stay as they are; `customerId` moves the record to another customer. */
export const interactionUpdateInput = z.strictObject(
  {
    id: recordId('交往记录编号'),
    /** The version the form loaded; a newer stored one refuses the save (CONFLICT). */
    version: editVersion,
    customerId: recordId('客户').optional(),
    occurredAt: requiredDateTime('交往时间').optional(),
    typeId: recordId('交往方式').optional(),
    ...editableShape,
  },
  { error: strictError('交往记录') },
)
export type InteractionUpdateInput = z.output<typeof interactionUpdateInput>

export const interactionDeleteInput = idInput('交往记录')

/**
 * interactions.list: one customer's records (pass `customerId`), or all of them
 * with filters. Newest first. Records of customers in the 回收站 are left out of
 * the list of all records.
 */
export const interactionListInput = z
  .strictObject(
    {
      ...pageShape,
      customerId: recordId('客户').optional(),
      dateFrom: dateBound('开始日期'),
      dateTo: dateBound('结束日期'),
      typeIds: idList('交往方式'),
      staffIds: idList('业务员'),
      /** Matches 主题 and 内容. */
      quick: quickText,
    },
    { error: strictError('交往记录查询') },
  )
  .superRefine((value, ctx) => {
    const issue = pageIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', path: ['endRow'], message: issue })
  })
export type InteractionListInput = z.output<typeof interactionListInput>

export const interactionListOutput = z.object({
  rows: z.array(interactionSchema),
  total: z.number().int(),
})
export type InteractionListOutput = z.infer<typeof interactionListOutput>

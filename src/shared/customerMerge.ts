import { z } from 'zod'
import { customerFieldKeys, type CustomerField } from './customer'
import { recordId, strictError } from './fieldSchemas'

/**
 * 查重合并 (docs/product-rules.md#duplicate-merge): groups of customers that share a normalised
 * name, phone or e-mail, and the merge of a group into one surviving customer.
 */

export const duplicateGroupKinds = ['name', 'phone', 'email'] as const
export const duplicateGroupKindLabels: Record<(typeof duplicateGroupKinds)[number], string> = {
  name: '名称相同',
  phone: '电话相同',
  email: '邮箱相同',
}

export const duplicateGroupsInput = z.strictObject(
  { limit: z.number({ error: '数量必须是数字' }).int().min(1).max(1000).default(200) },
  { error: strictError('查重') },
)

export const duplicateMemberSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  registeredAt: z.string(),
  completeness: z.number().int(),
  contactCount: z.number().int(),
  saleCount: z.number().int(),
  interactionCount: z.number().int(),
})
export type DuplicateMember = z.infer<typeof duplicateMemberSchema>

export const duplicateGroupSchema = z.object({
  kind: z.enum(duplicateGroupKinds),
  /** The shared key as stored (normalised name, phone digits, lower-case e-mail). */
  key: z.string(),
  members: z.array(duplicateMemberSchema),
})
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>

export const duplicateGroupsOutput = z.object({
  groups: z.array(duplicateGroupSchema),
  /** Groups found in all (the list stops at `limit`). */
  total: z.number().int(),
})
export type DuplicateGroupsOutput = z.infer<typeof duplicateGroupsOutput>

const fieldKey = z.enum(customerFieldKeys as [CustomerField, ...CustomerField[]], { error: '字段不存在' })

/**
 * customers.merge: the survivor keeps its id and 客户编号; `fields` says, per
 * field, which customer of the group the value comes from (left out = the
 * survivor's). Everything else of the merged customers moves to the survivor,
 * and they go to the 回收站.
 */
export const customerMergeInput = z
  .strictObject(
    {
      survivorId: recordId('保留的客户'),
      mergedIds: z
        .array(recordId('合并的客户'), { error: '请选择要合并的客户' })
        .min(1, '请至少选择一个要合并的客户')
        .max(50, '一次最多合并 50 个客户'),
      fields: z.partialRecord(fieldKey, recordId('来源客户')).default({}),
    },
    { error: strictError('合并') },
  )
  .superRefine((input, ctx) => {
    if (input.mergedIds.includes(input.survivorId)) {
      ctx.addIssue({ code: 'custom', path: ['mergedIds'], message: '保留的客户不能同时是被合并的客户' })
    }
    if (new Set(input.mergedIds).size !== input.mergedIds.length) {
      ctx.addIssue({ code: 'custom', path: ['mergedIds'], message: '被合并的客户有重复' })
    }
    const group = new Set([input.survivorId, ...input.mergedIds])
    for (const [field, from] of Object.entries(input.fields)) {
      if (!group.has(from as number)) {
        ctx.addIssue({ code: 'custom', path: ['fields', field], message: '字段的来源必须是参与合并的客户' })
      }
    }
  })

export const customerMergeOutput = z.object({
  survivorId: z.number().int(),
  merged: z.number().int(),
  /** Child rows moved to the survivor, per table. */
  moved: z.record(z.string(), z.number().int()),
})

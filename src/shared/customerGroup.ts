import { z } from 'zod'
import { groupName } from './customer'
import { recordId, strictError } from './fieldSchemas'

/** User groups of customers (分组/标签, e.g. 重要客户, 集团客户, 朋友介绍). */
export const customerGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Customers in the group, not counting the 回收站. */
  count: z.number().int(),
})
export type CustomerGroup = z.infer<typeof customerGroupSchema>

export const groupCreateInput = z.strictObject({ name: groupName }, { error: strictError('分组') })
export const groupRenameInput = z.strictObject(
  { id: recordId('分组编号'), name: groupName },
  { error: strictError('分组') },
)
/** Deleting a group takes its customers out of it (recorded in their history); the customers stay. */
export const groupDeleteInput = z.strictObject({ id: recordId('分组编号') }, { error: strictError('分组') })

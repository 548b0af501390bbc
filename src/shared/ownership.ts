import { z } from 'zod'
import { dealGrades, valueClasses } from './customer'
import { strictError } from './fieldSchemas'

/**
 * 负责人, 公海 and handover (docs/product-rules.md#ownership). A customer's 负责人 is
 * its 负责业务员 (owner_staff_id); the user standing for that 业务员 owns it. No
 * 负责业务员 = the 公海, which every user sees and may 领取 from.
 */
const id = z.number({ error: '编号必须是数字' }).int().positive()
const customerIds = z
  .array(id, { error: '请选择客户' })
  .min(1, '请至少选择一个客户')
  .max(100_000, '一次最多处理 100000 个客户')

export const ownershipIdsInput = z.strictObject({ customerIds }, { error: strictError('领取或放回') })
export const ownershipTransferInput = z.strictObject({ customerIds, toUserId: id }, { error: strictError('转交') })
/** When someone leaves: all their customers and open reminders to another user (or the 公海) in one go. */
export const handOverAllInput = z.strictObject(
  { fromUserId: id, toUserId: id.nullable() },
  { error: strictError('整体转交') },
)
export const handOverAllOutput = z.object({ customers: z.number(), reminders: z.number() })
export const movedOutput = z.object({ count: z.number() })

const days = z.number({ error: '天数必须是数字' }).int('天数须为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650')

/**
 * 回收规则: a customer whose last 交往记录 is older than N days goes back to the 公海.
 * N is set per 成交级别 (A–E) or per 价值分类; a level left out is never reclaimed.
 */
export const reclaimRuleSchema = z.strictObject(
  {
    enabled: z.boolean(),
    basis: z.enum(['dealGrade', 'valueClass'], { error: '回收依据须为成交级别或价值分类' }),
    daysByDealGrade: z.partialRecord(z.enum(dealGrades), days),
    daysByValueClass: z.partialRecord(z.enum(valueClasses), days),
    /** Days before the move that the owner gets a reminder. */
    warnDaysBefore: z.number().int().min(0).max(90),
    exemptOpenProjects: z.boolean(),
    /** A 交易记录 within this many days exempts the customer; null = no such exemption. */
    exemptRecentSaleDays: days.nullable(),
  },
  { error: strictError('回收规则') },
)
export type ReclaimRule = z.infer<typeof reclaimRuleSchema>

export const defaultReclaimRule: ReclaimRule = {
  enabled: false,
  basis: 'dealGrade',
  daysByDealGrade: { A: 30, B: 45, C: 60, D: 90, E: 90 },
  daysByValueClass: { 重要客户: 30, 核心客户: 45, 潜力客户: 60, 一般客户: 90 },
  warnDaysBefore: 7,
  exemptOpenProjects: true,
  exemptRecentSaleDays: 90,
}

import { z } from 'zod'
import { editVersion } from './editVersion'
import { idInput, pageIssue, pageShape, quickText, requiredText } from './activityFields'
import { integer, recordId, strictError, text } from './fieldSchemas'

/**
 * 竞争对手/供应商 (docs/product-rules.md#competitors-and-feedback): what we know about the other brands a customer buys
 * from, and our share of the customer's purchases.
 */

export const competitorKinds = ['竞争对手', '供应商'] as const
export type CompetitorKind = (typeof competitorKinds)[number]

const kind = z.enum(competitorKinds, { error: '类型只能是：竞争对手、供应商' })

export const competitorSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  name: z.string(),
  kind,
  products: z.string().nullable(),
  volume: z.string().nullable(),
  price: z.string().nullable(),
  repName: z.string().nullable(),
  repRelation: z.string().nullable(),
  /** The customer's satisfaction with it, 1–5. */
  satisfaction: z.number().int().nullable(),
  qualityIssues: z.string().nullable(),
  strengths: z.string().nullable(),
  weaknesses: z.string().nullable(),
  strategy: z.string().nullable(),
  /** 我司份额: our percent of this customer's purchases, 0–100. */
  ourShare: z.number().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edit version: counts the record's changes (see shared/editVersion). */
  version: z.number().int(),
})
export type Competitor = z.infer<typeof competitorSchema>

const percent = z
  .number({ error: '我司份额必须是数字' })
  .min(0, '我司份额不能小于 0%')
  .max(100, '我司份额不能大于 100%')
  .nullable()
  .optional()

const editableShape = {
  products: text('产品', 500),
  volume: text('销量', 200),
  price: text('价格', 200),
  repName: text('业务代表', 50),
  repRelation: text('与客户的关系', 200),
  satisfaction: integer('客户满意度', 1, 5),
  qualityIssues: text('质量问题', 1000),
  strengths: text('优势', 1000),
  weaknesses: text('劣势', 1000),
  strategy: text('策略动向', 1000),
  ourShare: percent,
  note: text('备注', 1000),
}

export const competitorCreateInput = z.strictObject(
  { customerId: recordId('客户'), name: requiredText('名称', 100), kind: kind.default('竞争对手'), ...editableShape },
  { error: strictError('竞争对手') },
)
export type CompetitorCreateInput = z.output<typeof competitorCreateInput>

/** Keys left out stay as they are. */
export const competitorUpdateInput = z.strictObject(
  {
    id: recordId('竞争对手编号'),
    version: editVersion,
    name: requiredText('名称', 100).optional(),
    kind: kind.optional(),
    ...editableShape,
  },
  { error: strictError('竞争对手') },
)
export type CompetitorUpdateInput = z.output<typeof competitorUpdateInput>

export const competitorDeleteInput = idInput('竞争对手')

/** competitors.list: one customer's, or all (customers in the 回收站 left out). By name. */
export const competitorListInput = z
  .strictObject(
    {
      ...pageShape,
      customerId: recordId('客户').optional(),
      kinds: z.array(kind, { error: '类型应为列表' }).max(2).default([]),
      /** Matches 名称, 产品 and the customer's name. */
      quick: quickText,
    },
    { error: strictError('竞争对手查询') },
  )
  .superRefine((value, ctx) => {
    const issue = pageIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', path: ['endRow'], message: issue })
  })
export type CompetitorListInput = z.output<typeof competitorListInput>

export const competitorListOutput = z.object({ rows: z.array(competitorSchema), total: z.number().int() })
export type CompetitorListOutput = z.infer<typeof competitorListOutput>

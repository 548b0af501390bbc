import { z } from 'zod'
import { editVersion } from './editVersion'
import { idInput, pageIssue, pageShape, quickText, requiredText } from './activityFields'
import { relationshipLevels } from './customer'
import { amount, dictRef, isoDate, recordId, strictError, text } from './fieldSchemas'
import { dealHeatPercents, projectStages, tenderFactKeys } from './grading/dealHeat'

/**
 * 项目 (docs/product-rules.md#projects): 甲方 (owner) and 乙方 (contractor) are customers; the ticked
 * tender facts and both customers' 客情 levels give the 成交热度 (docs/product-rules.md#deal-heat), computed by
 * computeDealHeat and stored with its reason.
 */

const stage = z.enum(projectStages, { error: `项目阶段只能是：${projectStages.join('、')}` })
const tenderFact = z.enum(tenderFactKeys, { error: '标书情况中有不认识的选项' })
const level = z.enum(relationshipLevels).nullable()

export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  ownerCustomerId: z.number().int(),
  ownerName: z.string(),
  ownerLevel: level,
  contractorCustomerId: z.number().int().nullable(),
  contractorName: z.string().nullable(),
  contractorLevel: level,
  stage,
  budget: z.number().nullable(),
  /** `YYYY-MM-DD`. */
  expectedDate: z.string().nullable(),
  startedAt: z.string().nullable(),
  decisionMakers: z.string().nullable(),
  competitorBrands: z.string().nullable(),
  tenderFacts: z.array(tenderFact),
  heat: z.union(dealHeatPercents.map((p) => z.literal(p))),
  /** "70%：标书中有我司产品，甲方主动推荐". */
  heatReason: z.string(),
  note: z.string().nullable(),
  staffId: z.number().int().nullable(),
  staffLabel: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edit version: counts the record's changes (see shared/editVersion). */
  version: z.number().int(),
})
export type Project = z.infer<typeof projectSchema>

const editableShape = {
  contractorCustomerId: recordId('乙方').nullable().optional(),
  budget: amount('预算'),
  expectedDate: isoDate('预计成交日期'),
  startedAt: isoDate('开始日期'),
  decisionMakers: text('决策人及影响人', 500),
  competitorBrands: text('竞争品牌', 500),
  tenderFacts: z.array(tenderFact, { error: '标书情况应为列表' }).max(20).optional(),
  note: text('备注', 2000),
  staffId: dictRef('业务员'),
}

/** The checks that need both 甲方 and 乙方 (and both dates); the handler runs them again on the merged update. */
export function projectIssues(value: {
  ownerCustomerId?: number
  contractorCustomerId?: number | null
  startedAt?: string | null
  expectedDate?: string | null
}): Record<string, string> {
  const issues: Record<string, string> = {}
  if (value.contractorCustomerId && value.contractorCustomerId === value.ownerCustomerId) {
    issues.contractorCustomerId = '乙方不能与甲方是同一个客户'
  }
  if (value.startedAt && value.expectedDate && value.expectedDate < value.startedAt) {
    issues.expectedDate = '预计成交日期不能早于开始日期'
  }
  return issues
}

function addIssues(value: Parameters<typeof projectIssues>[0], ctx: z.RefinementCtx): void {
  for (const [path, message] of Object.entries(projectIssues(value)))
    ctx.addIssue({ code: 'custom', path: [path], message })
}

export const projectCreateInput = z
  .strictObject(
    {
      name: requiredText('项目名称', 100),
      ownerCustomerId: recordId('甲方'),
      stage: stage.default('信息收集'),
      ...editableShape,
    },
    { error: strictError('项目') },
  )
  .superRefine(addIssues)
export type ProjectCreateInput = z.output<typeof projectCreateInput>

/** Keys left out stay as they are. */
export const projectUpdateInput = z
  .strictObject(
    {
      id: recordId('项目编号'),
      /** The version the form loaded; a newer stored one refuses the save (CONFLICT). */
      version: editVersion,
      name: requiredText('项目名称', 100).optional(),
      ownerCustomerId: recordId('甲方').optional(),
      stage: stage.optional(),
      ...editableShape,
    },
    { error: strictError('项目') },
  )
  .superRefine(addIssues)
export type ProjectUpdateInput = z.output<typeof projectUpdateInput>

export const projectIdInput = idInput('项目')

/** Columns projects.list may sort by; each maps to one SQL column in the query module. */
export const projectSortKeys = ['heat', 'budget', 'expectedDate', 'stage', 'name', 'updatedAt'] as const
export type ProjectSortKey = (typeof projectSortKeys)[number]

const heatBound = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能小于 0`)
    .max(100, `${label}不能大于 100`)
    .nullable()
    .optional()

/**
 * projects.list: one customer's projects (as 甲方 or 乙方), or all of them with filters.
 * Projects whose 甲方 is in the 回收站 are left out of the list of all projects.
 */
export const projectListInput = z
  .strictObject(
    {
      ...pageShape,
      customerId: recordId('客户').optional(),
      stages: z.array(stage, { error: '项目阶段应为列表' }).max(6).default([]),
      heatMin: heatBound('最低成交热度'),
      heatMax: heatBound('最高成交热度'),
      /** Matches 项目名称, the customers' names, 决策人 and 竞争品牌. */
      quick: quickText,
      sortBy: z.enum(projectSortKeys, { error: '不支持按此列排序' }).default('updatedAt'),
      sortOrder: z.enum(['asc', 'desc'], { error: '排序方向只能是 asc 或 desc' }).default('desc'),
    },
    { error: strictError('项目查询') },
  )
  .superRefine((value, ctx) => {
    const issue = pageIssue(value)
    if (issue) ctx.addIssue({ code: 'custom', path: ['endRow'], message: issue })
    if (value.heatMin != null && value.heatMax != null && value.heatMin > value.heatMax) {
      ctx.addIssue({ code: 'custom', path: ['heatMax'], message: '最高成交热度不能小于最低成交热度' })
    }
  })
export type ProjectListInput = z.output<typeof projectListInput>

export const projectListOutput = z.object({ rows: z.array(projectSchema), total: z.number().int() })
export type ProjectListOutput = z.infer<typeof projectListOutput>

import { z } from 'zod'
import { relationshipLevels } from './customer'
import { recordId, strictError, text } from './fieldSchemas'
import { installerChecklist, projectOwnerChecklist, type RelationshipChecklist } from './grading/relationshipChecklists'

/**
 * 客情关系等级评估 (docs/product-rules.md#relationship-level). An assessment ticks criteria of the checklist of
 * the customer's role; the core suggests the level by the ladder rule
 * (suggestRelationshipLevel), the user may override it, and the customer's
 * 客情关系等级 becomes `chosenLevel ?? suggestedLevel`. Every assessment is kept.
 */

export const assessmentRoles = ['owner', 'installer', 'other'] as const
export type AssessmentRole = (typeof assessmentRoles)[number]

export const assessmentRoleLabels: Record<AssessmentRole, string> = {
  owner: '项目甲方',
  installer: '安装公司',
  other: '其他',
}

/** The checklist of a role; 其他 has none (its level is set by hand). */
export const checklistOfRole: Record<AssessmentRole, RelationshipChecklist | null> = {
  owner: projectOwnerChecklist,
  installer: installerChecklist,
  other: null,
}

/** Every criterion id of a checklist. */
export function criterionIds(checklist: RelationshipChecklist): Set<string> {
  return new Set(relationshipLevels.flatMap((level) => checklist.levels[level].map((criterion) => criterion.id)))
}

const level = z.enum(relationshipLevels, { error: '客情关系等级应为 I、II、III 或 IV' })

export const relationshipAssessInput = z
  .strictObject(
    {
      customerId: recordId('客户'),
      role: z.enum(assessmentRoles, { error: '角色应为项目甲方、安装公司或其他' }),
      ticked: z.array(z.string({ error: '评估项编号必须是文字' }), { error: '已勾选的评估项必须是列表' }).max(100),
      /** The user's override; null or left out takes the suggested level. */
      chosenLevel: level.nullable().optional(),
      note: text('备注', 2000),
    },
    { error: strictError('客情评估') },
  )
  .superRefine((input, ctx) => {
    const checklist = checklistOfRole[input.role]
    if (!checklist) {
      if (input.ticked.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['ticked'], message: '角色为“其他”的客户没有评估清单，不能勾选评估项' })
      }
      if (!input.chosenLevel) {
        ctx.addIssue({ code: 'custom', path: ['chosenLevel'], message: '角色为“其他”时请手动选择客情关系等级' })
      }
      return
    }
    const known = criterionIds(checklist)
    const unknown = input.ticked.filter((id) => !known.has(id))
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ticked'],
        message: `评估项不属于${checklist.role}清单：${unknown.slice(0, 5).join('、')}`,
      })
    }
    if (new Set(input.ticked).size !== input.ticked.length) {
      ctx.addIssue({ code: 'custom', path: ['ticked'], message: '评估项不能重复勾选' })
    }
  })
export type RelationshipAssessInput = z.output<typeof relationshipAssessInput>

export const relationshipHistoryInput = z.strictObject({ customerId: recordId('客户') }, { error: strictError('查询') })

export const relationshipAssessmentSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  /** `YYYY-MM-DD HH:mm:ss` local time. */
  assessedAt: z.string(),
  role: z.enum(assessmentRoles),
  ticked: z.array(z.string()),
  /** By the ladder rule; null when level I is not complete (or for 其他). */
  suggestedLevel: z.enum(relationshipLevels).nullable(),
  /** The override, null when the suggestion was taken. */
  chosenLevel: z.enum(relationshipLevels).nullable(),
  /** The level the assessment gave the customer: chosenLevel ?? suggestedLevel. */
  level: z.enum(relationshipLevels).nullable(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
})
export type RelationshipAssessment = z.infer<typeof relationshipAssessmentSchema>

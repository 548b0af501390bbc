import { relationshipLevels } from '../../../shared/customer'
import { type RelationshipLevel } from '../../../shared/grading/relationshipChecklists'
import { checklistOfRole, type AssessmentRole } from '../../../shared/relationshipAssessment'
import type { SqlWriter } from '../db/sqlHandles'

/**
 * The ticks of a demo 客情评估 that reaches `level` by the ladder rule: every criterion up to it,
 * and the first criterion of the next level (a customer on its way up, as real ones are).
 */
export function demoTicks(role: Exclude<AssessmentRole, 'other'>, level: RelationshipLevel): string[] {
  const checklist = checklistOfRole[role]
  if (!checklist) return []
  const reached = relationshipLevels.indexOf(level)
  const ticks = relationshipLevels.slice(0, reached + 1).flatMap((l) => checklist.levels[l].map((c) => c.id))
  const next = relationshipLevels[reached + 1]
  const first = next ? checklist.levels[next][0] : undefined
  return first ? [...ticks, first.id] : ticks
}

/**
 * One 客情评估 for each demo customer that has a 客情关系等级, ticked so that its suggested
 * level is that level: the customer page's 客情评估 tab then explains the level the list shows
 * (the demo's levels had no assessment behind them). Every third customer is assessed as an
 * 安装公司, the others as a 项目甲方; the assessment is dated on the day the customer was registered.
 */
export async function writeDemoAssessments(db: SqlWriter, firstId: number, lastId: number): Promise<number> {
  const cases = (['owner', 'installer'] as const).flatMap((role) =>
    relationshipLevels.map((level) => ({ role, level, ticked: JSON.stringify(demoTicks(role, level)) })),
  )
  const role = `CASE WHEN id % 3 = 0 THEN 'installer' ELSE 'owner' END`
  const ticked = `CASE ${cases.map(() => `WHEN ${role} = ? AND relationship_level = ? THEN ?`).join(' ')} END`
  const { changes } = await db.run(
    `INSERT INTO relationship_assessment (customer_id, assessed_at, role, ticked, suggested_level, chosen_level)
     SELECT id, substr(registered_at, 1, 10) || ' 10:00:00', ${role}, ${ticked}, relationship_level, NULL
     FROM customer WHERE id BETWEEN ? AND ? AND relationship_level IS NOT NULL ORDER BY id`,
    [...cases.flatMap((c) => [c.role, c.level, c.ticked]), firstId, lastId],
  )
  return changes
}

import type { EntityManager } from 'typeorm'
import {
  checklistOfRole,
  type AssessmentRole,
  type RelationshipAssessment,
} from '../../../shared/relationshipAssessment'
import { suggestRelationshipLevel, type RelationshipLevel } from '../../../shared/grading/relationshipChecklists'
import { AppError } from '../appError'
import { checkCustomer } from '../activity/activityChecks'
import { insertChanges } from '../customers/customerChanges'
import { localNow } from '../common/localTime'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { refreshProjectHeat } from '../projects/projectHeat'

type RelationshipChannel = 'relationship.assess' | 'relationship.history'

/**
 * 客情关系等级评估 (docs/product-rules.md#relationship-level): an assessment is stored and sets the customer's
 * 客情关系等级 in the same transaction, with a 变更记录 row when the level changes.
 */
export function relationshipHandlers({ store }: CoreContext): DomainHandlers<RelationshipChannel> {
  return {
    'relationship.assess': (input) =>
      store.write(async (m) => {
        await checkCustomer(m, input.customerId)
        const checklist = checklistOfRole[input.role]
        const suggestedLevel = checklist ? suggestRelationshipLevel(checklist, input.ticked) : null
        const chosenLevel = input.chosenLevel ?? null
        const level = chosenLevel ?? suggestedLevel
        const time = localNow()
        // The sqlite driver answers an INSERT with the new row's id (lastID).
        const id: unknown = await m.query(
          `INSERT INTO relationship_assessment
             (customer_id, assessed_at, role, ticked, suggested_level, chosen_level, note, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
          [
            input.customerId,
            time,
            input.role,
            JSON.stringify(input.ticked),
            suggestedLevel,
            chosenLevel,
            input.note ?? null,
          ],
        )

        const [customer]: { relationship_level: string | null }[] = await m.query(
          `SELECT relationship_level FROM customer WHERE id = ?`,
          [input.customerId],
        )
        const before = customer?.relationship_level ?? null
        if (before !== level) {
          await m.query(`UPDATE customer SET relationship_level = ?, updated_at = ? WHERE id = ?`, [
            level,
            time,
            input.customerId,
          ])
          await insertChanges(m, input.customerId, time, [
            { field: 'relationshipLevel', label: '客情关系等级', oldValue: before, newValue: level },
          ])
          // 成交热度 of the projects where it is 甲方 or 乙方 depends on this level.
          await refreshProjectHeat(m, { customerIds: [input.customerId] })
        }
        const [saved] = await selectAssessments(m, 'a.id = ?', Number(id))
        if (!saved) throw new AppError('NOT_FOUND', '客情评估保存失败，请重试')
        return saved
      }),

    'relationship.history': ({ customerId }) =>
      store.read(async (m) => {
        const [row] = await m.query(`SELECT 1 FROM customer WHERE id = ?`, [customerId])
        if (!row) throw new AppError('NOT_FOUND', '客户不存在，可能已被彻底删除', { customerId: '客户不存在' })
        return selectAssessments(m, 'a.customer_id = ?', customerId)
      }),
  }
}

/** Assessments matching `where`, newest first. */
async function selectAssessments(
  manager: EntityManager,
  where: string,
  value: number,
): Promise<RelationshipAssessment[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT a.id, a.customer_id, a.assessed_at, a.role, a.ticked, a.suggested_level, a.chosen_level, a.note, a.created_by
     FROM relationship_assessment a WHERE ${where} ORDER BY a.assessed_at DESC, a.id DESC`,
    [value],
  )
  return rows.map((r) => {
    const suggestedLevel = (r.suggested_level as RelationshipLevel | null) ?? null
    const chosenLevel = (r.chosen_level as RelationshipLevel | null) ?? null
    return {
      id: Number(r.id),
      customerId: Number(r.customer_id),
      assessedAt: String(r.assessed_at),
      role: r.role as AssessmentRole,
      ticked: parseTicked(r.ticked),
      suggestedLevel,
      chosenLevel,
      level: chosenLevel ?? suggestedLevel,
      note: r.note === null ? null : String(r.note),
      createdBy: r.created_by === null ? null : String(r.created_by),
    }
  })
}

function parseTicked(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value))
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

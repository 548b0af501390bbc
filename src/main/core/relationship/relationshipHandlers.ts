import {
  checklistOfRole,
  type AssessmentRole,
  type RelationshipAssessment,
} from '../../../shared/relationshipAssessment'
import { suggestRelationshipLevel, type RelationshipLevel } from '../../../shared/grading/relationshipChecklists'
import { AppError } from '../appError'
import { checkCustomer } from '../activity/activityChecks'
import { assertCustomersInScope } from '../common/customerScope'
import { insertChanges } from '../customers/customerChanges'
import { localNow } from '../common/localTime'
import type { SqlReader } from '../db/sqlHandles'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { refreshProjectHeat } from '../projects/projectHeat'

type RelationshipChannel = 'relationship.assess' | 'relationship.history'

/**
 * 客情关系等级评估 (docs/product-rules.md#relationship-level): an assessment is stored and sets the customer's
 * 客情关系等级 in the same transaction, with a 变更记录 row when the level changes.
 */
export function relationshipHandlers({ store }: CoreContext): DomainHandlers<RelationshipChannel> {
  return {
    'relationship.assess': (input, caller) =>
      store.write(async (db) => {
        await assertCustomersInScope(db, caller, [input.customerId])
        await checkCustomer(db, input.customerId)
        const checklist = checklistOfRole[input.role]
        const suggestedLevel = checklist ? suggestRelationshipLevel(checklist, input.ticked) : null
        const chosenLevel = input.chosenLevel ?? null
        const level = chosenLevel ?? suggestedLevel
        const time = localNow()
        const { lastId: id } = await db.run(
          `INSERT INTO relationship_assessment
             (customer_id, assessed_at, role, ticked, suggested_level, chosen_level, note, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            input.customerId,
            time,
            input.role,
            JSON.stringify(input.ticked),
            suggestedLevel,
            chosenLevel,
            input.note ?? null,
            // The assessor by name (a text column since before accounts); none in single-PC mode.
            caller.userId === null ? null : caller.name,
          ],
        )

        const customer = await db.first<{ relationship_level: string | null }>(
          `SELECT relationship_level FROM customer WHERE id = ?`,
          [input.customerId],
        )
        const before = customer?.relationship_level ?? null
        if (before !== level) {
          await db.run(
            `UPDATE customer SET relationship_level = ?, updated_at = ?, updated_by = ?, version = version + 1
             WHERE id = ?`,
            [level, time, caller.userId, input.customerId],
          )
          await insertChanges(
            db,
            input.customerId,
            time,
            [{ field: 'relationshipLevel', label: '客情关系等级', oldValue: before, newValue: level }],
            caller.userId,
          )
          // 成交热度 of the projects where it is 甲方 or 乙方 depends on this level.
          await refreshProjectHeat(db, { customerIds: [input.customerId] })
        }
        const [saved] = await selectAssessments(db, 'a.id = ?', id)
        if (!saved) throw new AppError('NOT_FOUND', '客情评估保存失败，请重试')
        return saved
      }),

    'relationship.history': ({ customerId }, caller) =>
      store.read(async (db) => {
        await assertCustomersInScope(db, caller, [customerId])
        const row = await db.first(`SELECT 1 FROM customer WHERE id = ?`, [customerId])
        if (!row) throw new AppError('NOT_FOUND', '客户不存在，可能已被彻底删除', { customerId: '客户不存在' })
        return selectAssessments(db, 'a.customer_id = ?', customerId)
      }),
  }
}

/** Assessments matching `where`, newest first. */
interface AssessmentRaw {
  id: number
  customer_id: number
  assessed_at: string
  role: AssessmentRole
  /** JSON array of the ticked item ids. */
  ticked: string
  suggested_level: RelationshipLevel | null
  chosen_level: RelationshipLevel | null
  note: string | null
  created_by: string | null
}

async function selectAssessments(db: SqlReader, where: string, value: number): Promise<RelationshipAssessment[]> {
  const rows = await db.all<AssessmentRaw>(
    `SELECT a.id, a.customer_id, a.assessed_at, a.role, a.ticked, a.suggested_level, a.chosen_level, a.note, a.created_by
     FROM relationship_assessment a WHERE ${where} ORDER BY a.assessed_at DESC, a.id DESC`,
    [value],
  )
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    assessedAt: r.assessed_at,
    role: r.role,
    ticked: parseTicked(r.ticked),
    suggestedLevel: r.suggested_level,
    chosenLevel: r.chosen_level,
    level: r.chosen_level ?? r.suggested_level,
    note: r.note,
    createdBy: r.created_by,
  }))
}

function parseTicked(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json)
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

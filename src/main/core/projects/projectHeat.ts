import type { RelationshipLevel } from '../../../shared/grading/relationshipChecklists'
import { computeDealHeat, dealHeatFacts, type ProjectStage } from '../../../shared/grading/dealHeat'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { parseTenderFacts } from './tenderFacts'

/** Projects per statement: the ids and the new heats travel as one JSON parameter each. */
const chunkSize = 5000

/**
 * Stores 成交热度 and its reason on projects, computed by computeDealHeat from each
 * project's stage and tender facts and the current 客情 levels of its 甲方 and 乙方.
 * Called in the transaction of every write that can change one of those: a project's
 * own writes (by project id) and every change of a customer's 客情关系等级 (by customer id,
 * which reaches the projects where it is 甲方 or 乙方).
 */
export async function refreshProjectHeat(
  db: SqlWriter,
  of: { projectIds: number[] } | { customerIds: number[] },
): Promise<void> {
  const ids = 'projectIds' in of ? of.projectIds : of.customerIds
  const unique = [...new Set(ids)]
  for (let start = 0; start < unique.length; start += chunkSize) {
    const idsJson = JSON.stringify(unique.slice(start, start + chunkSize))
    const where =
      'projectIds' in of
        ? `p.id IN (SELECT value FROM json_each(?1))`
        : `(p.owner_customer_id IN (SELECT value FROM json_each(?1))
            OR p.contractor_customer_id IN (SELECT value FROM json_each(?1)))`
    const rows = await db.all<HeatInputRow>(
      `SELECT p.id, p.stage, p.tender_facts, p.heat, p.heat_reason,
          o.relationship_level AS owner_level, c.relationship_level AS contractor_level
        FROM project p
        JOIN customer o ON o.id = p.owner_customer_id
        LEFT JOIN customer c ON c.id = p.contractor_customer_id
        WHERE ${where}`,
      [idsJson],
    )
    const changed = rows.flatMap((row) => {
      const heat = computeDealHeat(
        dealHeatFacts(row.stage, parseTenderFacts(row.tender_facts), row.owner_level, row.contractor_level),
      )
      return heat.percent === row.heat && heat.reason === row.heat_reason
        ? []
        : [{ id: row.id, heat: heat.percent, reason: heat.reason }]
    })
    if (changed.length === 0) continue
    await db.run(
      `UPDATE project SET heat = json_extract(j.value, '$.heat'), heat_reason = json_extract(j.value, '$.reason')
        FROM json_each(?) j WHERE project.id = json_extract(j.value, '$.id')`,
      [JSON.stringify(changed)],
    )
  }
}

/** Projects whose 乙方 is one of these customers (a JSON array of ids). */
export async function projectIdsOfContractors(db: SqlReader, customerIdsJson: string): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT id FROM project WHERE contractor_customer_id IN (SELECT value FROM json_each(?))`,
    [customerIdsJson],
  )
  return rows.map((row) => row.id)
}

interface HeatInputRow {
  id: number
  stage: ProjectStage
  tender_facts: string
  heat: number
  heat_reason: string
  owner_level: RelationshipLevel | null
  contractor_level: RelationshipLevel | null
}

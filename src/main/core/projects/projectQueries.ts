import {
  projectSchema,
  type Project,
  type ProjectListInput,
  type ProjectListOutput,
  type ProjectSortKey,
} from '../../../shared/project'
import type { Caller } from '../accounts/caller'
import { customerScope } from '../common/customerScope'
import { RecordTable, whereLikeAny, type SqlRowOf } from '../common/recordTable'
import { Where } from '../common/sqlWhere'
import { ProjectEntity, type ProjectRow } from '../db/projectEntities'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { parseTenderFacts } from './tenderFacts'

/** The ticked tender facts are stored as JSON text. */
type ProjectSqlRow = Omit<SqlRowOf<Project>, 'tender_facts'> & { tender_facts: string }

export const projectTable = new RecordTable<ProjectRow, typeof projectSchema, ProjectSqlRow>({
  label: '项目',
  entity: ProjectEntity,
  schema: projectSchema,
  idColumn: 'p.id',
  select: `SELECT p.id, p.name, p.owner_customer_id, o.name AS owner_name, o.relationship_level AS owner_level,
    p.contractor_customer_id, c.name AS contractor_name, c.relationship_level AS contractor_level,
    p.stage, p.budget, p.expected_date, p.started_at, p.decision_makers, p.competitor_brands, p.tender_facts,
    p.heat, p.heat_reason, p.note, p.staff_id, st.label AS staff_label, p.created_at, p.updated_at, p.version`,
  from: `FROM project p
  JOIN customer o ON o.id = p.owner_customer_id
  LEFT JOIN customer c ON c.id = p.contractor_customer_id
  LEFT JOIN dict_item st ON st.id = p.staff_id`,
  live: 'p.deleted_at IS NULL',
  adjust: (raw) => ({ tenderFacts: parseTenderFacts(raw.tender_facts) }),
})

/** Projects are soft-deleted: the row stays for history and the analysis, hidden from every list. */
export async function softDeleteProject(db: SqlWriter, id: number, time: string): Promise<void> {
  await db.run(`UPDATE project SET deleted_at = ?, updated_at = ? WHERE id = ?`, [time, time, id])
}

/** The whitelist from a sort key of the contract to its SQL column. */
const sortColumns: Record<ProjectSortKey, string> = {
  heat: 'p.heat',
  budget: 'p.budget',
  expectedDate: 'p.expected_date',
  stage: 'p.stage',
  name: 'p.name',
  updatedAt: 'p.updated_at',
}

/**
 * The projects a caller sees: those whose 甲方 or 乙方 is in their scope (a project
 * without a 乙方 does not count as one with a 公海 乙方).
 */
function whereProjectInScope(where: Where, caller: Caller): void {
  const owner = customerScope(caller, 'o')
  const contractor = customerScope(caller, 'c')
  if (!owner || !contractor) return
  where.add(
    `(${owner.sql} OR (p.contractor_customer_id IS NOT NULL AND ${contractor.sql}))`,
    ...owner.params,
    ...contractor.params,
  )
}

/** One page of live projects in the caller's scope and the number of matching ones. */
export async function listProjects(db: SqlReader, input: ProjectListInput, caller: Caller): Promise<ProjectListOutput> {
  const where = new Where().add('p.deleted_at IS NULL')
  whereProjectInScope(where, caller)
  if (input.customerId !== undefined) {
    where.add('(p.owner_customer_id = ? OR p.contractor_customer_id = ?)', input.customerId, input.customerId)
  } else {
    where.add('o.deleted_at IS NULL')
  }
  if (input.stages.length > 0) where.add('p.stage IN (SELECT value FROM json_each(?))', JSON.stringify(input.stages))
  if (input.heatMin != null) where.add('p.heat >= ?', input.heatMin)
  if (input.heatMax != null) where.add('p.heat <= ?', input.heatMax)
  if (input.quick) {
    whereLikeAny(where, ['p.name', 'o.name', 'c.name', 'p.decision_makers', 'p.competitor_brands'], input.quick)
  }
  const direction = input.sortOrder === 'asc' ? 'ASC' : 'DESC'
  // Empty values last whichever way, then the newest first so pages are stable.
  const column = sortColumns[input.sortBy]
  const { rows, total } = await projectTable.page(db, input, {
    where,
    orderBy: `${column} IS NULL, ${column} ${direction}, p.id DESC`,
  })
  return { rows, total }
}

import type { EntityManager } from 'typeorm'
import type { ProjectStage } from '../../../shared/grading/dealHeat'
import type { RelationshipLevel } from '../../../shared/grading/relationshipChecklists'
import type { Project, ProjectListInput, ProjectListOutput, ProjectSortKey } from '../../../shared/project'
import { likePattern, Where } from '../common/sqlWhere'
import { nullableNumber, nullableString } from '../common/rowValues'
import { ProjectEntity, type ProjectRow } from '../db/projectEntities'
import { parseTenderFacts } from './tenderFacts'

/** A live (not deleted) project row. */
export async function findProjectRow(manager: EntityManager, id: number): Promise<ProjectRow | null> {
  const row = await manager.findOneBy(ProjectEntity, { id })
  return row && row.deletedAt === null ? row : null
}

export async function insertProject(manager: EntityManager, row: Omit<ProjectRow, 'id'>): Promise<number> {
  const result = await manager.insert(ProjectEntity, row)
  return Number(result.identifiers[0]?.id)
}

export async function updateProject(manager: EntityManager, id: number, changes: Partial<ProjectRow>): Promise<void> {
  await manager.update(ProjectEntity, { id }, changes)
}

/** Projects are soft-deleted: the row stays for history and the analysis, hidden from every list. */
export async function softDeleteProject(manager: EntityManager, id: number, time: string): Promise<void> {
  await manager.query(`UPDATE project SET deleted_at = ?, updated_at = ? WHERE id = ?`, [time, time, id])
}

const selectSql = `SELECT p.id, p.name, p.owner_customer_id, o.name AS owner_name, o.relationship_level AS owner_level,
    p.contractor_customer_id, c.name AS contractor_name, c.relationship_level AS contractor_level,
    p.stage, p.budget, p.expected_date, p.started_at, p.decision_makers, p.competitor_brands, p.tender_facts,
    p.heat, p.heat_reason, p.note, p.staff_id, st.label AS staff_label, p.created_at, p.updated_at`
const fromSql = `FROM project p
  JOIN customer o ON o.id = p.owner_customer_id
  LEFT JOIN customer c ON c.id = p.contractor_customer_id
  LEFT JOIN dict_item st ON st.id = p.staff_id`

/** The whitelist from a sort key of the contract to its SQL column. */
const sortColumns: Record<ProjectSortKey, string> = {
  heat: 'p.heat',
  budget: 'p.budget',
  expectedDate: 'p.expected_date',
  stage: 'p.stage',
  name: 'p.name',
  updatedAt: 'p.updated_at',
}

export async function findProject(manager: EntityManager, id: number): Promise<Project | null> {
  const [raw] = await manager.query(`${selectSql} ${fromSql} WHERE p.id = ? AND p.deleted_at IS NULL`, [id])
  return raw ? projectFromRaw(raw) : null
}

/** One page of live projects and the number of matching ones. */
export async function listProjects(manager: EntityManager, input: ProjectListInput): Promise<ProjectListOutput> {
  const where = new Where().add('p.deleted_at IS NULL')
  if (input.customerId !== undefined) {
    where.add('(p.owner_customer_id = ? OR p.contractor_customer_id = ?)', input.customerId, input.customerId)
  } else {
    where.add('o.deleted_at IS NULL')
  }
  if (input.stages.length > 0) where.add('p.stage IN (SELECT value FROM json_each(?))', JSON.stringify(input.stages))
  if (input.heatMin != null) where.add('p.heat >= ?', input.heatMin)
  if (input.heatMax != null) where.add('p.heat <= ?', input.heatMax)
  if (input.quick) {
    const pattern = likePattern(input.quick)
    const columns = ['p.name', 'o.name', 'c.name', 'p.decision_makers', 'p.competitor_brands']
    where.add(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...columns.map(() => pattern))
  }
  const direction = input.sortOrder === 'asc' ? 'ASC' : 'DESC'
  // Empty values last whichever way, then the newest first so pages are stable.
  const column = sortColumns[input.sortBy]
  const rows: Record<string, unknown>[] = await manager.query(
    `${selectSql} ${fromSql} ${where.sql}
      ORDER BY ${column} IS NULL, ${column} ${direction}, p.id DESC LIMIT ? OFFSET ?`,
    [...where.params, input.endRow - input.startRow, input.startRow],
  )
  const [count] = await manager.query(`SELECT COUNT(*) AS n ${fromSql} ${where.sql}`, where.params)
  return { rows: rows.map(projectFromRaw), total: Number(count.n) }
}

function projectFromRaw(r: Record<string, unknown>): Project {
  return {
    id: Number(r.id),
    name: String(r.name),
    ownerCustomerId: Number(r.owner_customer_id),
    ownerName: String(r.owner_name),
    ownerLevel: nullableString(r.owner_level) as RelationshipLevel | null,
    contractorCustomerId: nullableNumber(r.contractor_customer_id),
    contractorName: nullableString(r.contractor_name),
    contractorLevel: nullableString(r.contractor_level) as RelationshipLevel | null,
    stage: String(r.stage) as ProjectStage,
    budget: nullableNumber(r.budget),
    expectedDate: nullableString(r.expected_date),
    startedAt: nullableString(r.started_at),
    decisionMakers: nullableString(r.decision_makers),
    competitorBrands: nullableString(r.competitor_brands),
    tenderFacts: parseTenderFacts(r.tender_facts),
    heat: Number(r.heat) as Project['heat'],
    heatReason: String(r.heat_reason),
    note: nullableString(r.note),
    staffId: nullableNumber(r.staff_id),
    staffLabel: nullableString(r.staff_label),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  }
}

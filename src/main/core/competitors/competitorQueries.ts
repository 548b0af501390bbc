import type { EntityManager } from 'typeorm'
import type { Competitor, CompetitorKind, CompetitorListInput, CompetitorListOutput } from '../../../shared/competitor'
import { likePattern, Where } from '../common/sqlWhere'
import { nullableNumber, nullableString } from '../common/rowValues'
import { CompetitorEntity, type CompetitorRow } from '../db/projectEntities'

export async function findCompetitorRow(manager: EntityManager, id: number): Promise<CompetitorRow | null> {
  return manager.findOneBy(CompetitorEntity, { id })
}

export async function insertCompetitor(manager: EntityManager, row: Omit<CompetitorRow, 'id'>): Promise<number> {
  const result = await manager.insert(CompetitorEntity, row)
  return Number(result.identifiers[0]?.id)
}

export async function updateCompetitor(
  manager: EntityManager,
  id: number,
  changes: Partial<CompetitorRow>,
): Promise<void> {
  await manager.update(CompetitorEntity, { id }, changes)
}

export async function deleteCompetitor(manager: EntityManager, id: number): Promise<void> {
  await manager.query(`DELETE FROM competitor WHERE id = ?`, [id])
}

const selectSql = `SELECT k.*, c.name AS customer_name`
const fromSql = `FROM competitor k JOIN customer c ON c.id = k.customer_id`

export async function findCompetitor(manager: EntityManager, id: number): Promise<Competitor | null> {
  const [raw] = await manager.query(`${selectSql} ${fromSql} WHERE k.id = ?`, [id])
  return raw ? competitorFromRaw(raw) : null
}

/** One page by customer and name, and the number of matching rows. */
export async function listCompetitors(
  manager: EntityManager,
  input: CompetitorListInput,
): Promise<CompetitorListOutput> {
  const where = new Where()
  if (input.customerId !== undefined) where.add('k.customer_id = ?', input.customerId)
  else where.add('c.deleted_at IS NULL')
  if (input.kinds.length > 0) where.add('k.kind IN (SELECT value FROM json_each(?))', JSON.stringify(input.kinds))
  if (input.quick) {
    const pattern = likePattern(input.quick)
    where.add(
      `(k.name LIKE ? ESCAPE '\\' OR k.products LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')`,
      pattern,
      pattern,
      pattern,
    )
  }
  const rows: Record<string, unknown>[] = await manager.query(
    `${selectSql} ${fromSql} ${where.sql} ORDER BY c.name, k.name, k.id LIMIT ? OFFSET ?`,
    [...where.params, input.endRow - input.startRow, input.startRow],
  )
  const [count] = await manager.query(`SELECT COUNT(*) AS n ${fromSql} ${where.sql}`, where.params)
  return { rows: rows.map(competitorFromRaw), total: Number(count.n) }
}

function competitorFromRaw(r: Record<string, unknown>): Competitor {
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerName: String(r.customer_name),
    name: String(r.name),
    kind: String(r.kind) as CompetitorKind,
    products: nullableString(r.products),
    volume: nullableString(r.volume),
    price: nullableString(r.price),
    repName: nullableString(r.rep_name),
    repRelation: nullableString(r.rep_relation),
    satisfaction: nullableNumber(r.satisfaction),
    qualityIssues: nullableString(r.quality_issues),
    strengths: nullableString(r.strengths),
    weaknesses: nullableString(r.weaknesses),
    strategy: nullableString(r.strategy),
    ourShare: nullableNumber(r.our_share),
    note: nullableString(r.note),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  }
}

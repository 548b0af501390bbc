import type { EntityManager } from 'typeorm'
import type {
  Feedback,
  FeedbackListInput,
  FeedbackListOutput,
  FeedbackStatus,
  FeedbackType,
} from '../../../shared/feedback'
import { likePattern, Where } from '../common/sqlWhere'
import { nullableNumber, nullableString } from '../common/rowValues'
import { FeedbackEntity, type FeedbackRow } from '../db/projectEntities'

export async function findFeedbackRow(manager: EntityManager, id: number): Promise<FeedbackRow | null> {
  return manager.findOneBy(FeedbackEntity, { id })
}

export async function insertFeedback(manager: EntityManager, row: Omit<FeedbackRow, 'id'>): Promise<number> {
  const result = await manager.insert(FeedbackEntity, row)
  return Number(result.identifiers[0]?.id)
}

export async function updateFeedback(manager: EntityManager, id: number, changes: Partial<FeedbackRow>): Promise<void> {
  await manager.update(FeedbackEntity, { id }, changes)
}

export async function deleteFeedback(manager: EntityManager, id: number): Promise<void> {
  await manager.query(`DELETE FROM feedback WHERE id = ?`, [id])
}

const selectSql = `SELECT f.*, c.name AS customer_name, p.label AS product_label, h.label AS handler_label`
const labelJoinsSql = `LEFT JOIN dict_item p ON p.id = f.product_id
  LEFT JOIN dict_item h ON h.id = f.handler_id`
const fromSql = `FROM feedback f
  JOIN customer c ON c.id = f.customer_id
  ${labelJoinsSql}`
/** Named and in this order, so the planner (no statistics in a desktop database) walks the date index. */
const newestFirstFromSql = `FROM feedback f INDEXED BY feedback_received
  CROSS JOIN customer c ON c.id = f.customer_id
  ${labelJoinsSql}`

/**
 * 意见 of customers in the 回收站 wait there with them. Few customers are in it, so this
 * reads a short list once rather than looking up every row's customer.
 */
const notBinned = 'f.customer_id NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL)'

export async function findFeedback(manager: EntityManager, id: number): Promise<Feedback | null> {
  const [raw] = await manager.query(`${selectSql} ${fromSql} WHERE f.id = ?`, [id])
  return raw ? feedbackFromRaw(raw) : null
}

/** One page, newest received first, and the number of matching rows. */
export async function listFeedback(manager: EntityManager, input: FeedbackListInput): Promise<FeedbackListOutput> {
  const where = new Where()
  if (input.customerId !== undefined) where.add('f.customer_id = ?', input.customerId)
  else where.add(notBinned)
  if (input.types.length > 0) where.add('f.type IN (SELECT value FROM json_each(?))', JSON.stringify(input.types))
  if (input.statuses.length > 0) {
    where.add('f.status IN (SELECT value FROM json_each(?))', JSON.stringify(input.statuses))
  }
  if (input.dateFrom) where.add('f.received_at >= ?', input.dateFrom)
  if (input.dateTo) where.add('f.received_at <= ?', input.dateTo)
  if (input.quick) {
    const pattern = likePattern(input.quick)
    where.add(
      `(f.content LIKE ? ESCAPE '\\' OR f.resolution LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\')`,
      pattern,
      pattern,
      pattern,
    )
  }
  // One customer's rows come by its own index; the whole list pages newest first along the
  // received_at index and stops at the page, instead of sorting every match (~190 ms over 25,000).
  const from = input.customerId === undefined ? newestFirstFromSql : fromSql
  const rows: Record<string, unknown>[] = await manager.query(
    `${selectSql} ${from} ${where.sql} ORDER BY f.received_at DESC, f.id DESC LIMIT ? OFFSET ?`,
    [...where.params, input.endRow - input.startRow, input.startRow],
  )
  // Only the quick search names a customer column; otherwise the count needs no join.
  const countFrom = input.quick ? 'feedback f CROSS JOIN customer c ON c.id = f.customer_id' : 'feedback f'
  const [count] = await manager.query(`SELECT COUNT(*) AS n FROM ${countFrom} ${where.sql}`, where.params)
  return { rows: rows.map(feedbackFromRaw), total: Number(count.n) }
}

function feedbackFromRaw(r: Record<string, unknown>): Feedback {
  return {
    id: Number(r.id),
    customerId: Number(r.customer_id),
    customerName: String(r.customer_name),
    type: String(r.type) as FeedbackType,
    productId: nullableNumber(r.product_id),
    productLabel: nullableString(r.product_label),
    receivedAt: String(r.received_at),
    resolvedAt: nullableString(r.resolved_at),
    status: String(r.status) as FeedbackStatus,
    handlerId: nullableNumber(r.handler_id),
    handlerLabel: nullableString(r.handler_label),
    content: nullableString(r.content),
    resolution: nullableString(r.resolution),
    satisfaction: nullableNumber(r.satisfaction),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  }
}

import type { EntitySchema } from 'typeorm'
import type { z } from 'zod'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { lastChange, type LastChange, type VersionedTable } from './editVersion'
import { likePattern, type Where } from './sqlWhere'

/** `customerName` → `customer_name`: the column a field of the contract is selected as. */
export type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S

/**
 * A row as SQLite answers the SELECT of a record: one snake_case column per field of
 * the shared schema, with the same value type (INTEGER/REAL → number, TEXT → string,
 * NULL → null), so the schema is the one place the row's shape is written.
 */
export type SqlRowOf<View> = { [K in keyof View & string as SnakeCase<K>]: View[K] }

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

/** Page bounds of every list input. */
export interface PageRange {
  startRow: number
  endRow: number
}

/**
 * What a record (交往, 交易, 项目, 竞争对手, 意见) says about itself: its entity, the
 * SELECT that answers its schema's fields, and how a selected row differs from the
 * schema (a JSON column, a label shown as '' when its item is gone).
 */
export interface RecordSpec<Row extends { id: number }, Schema extends z.ZodObject, Raw> {
  /** The name in 「…不存在」. */
  label: string
  entity: EntitySchema<Row>
  schema: Schema
  /** `i.id`: the table's id column under its alias. */
  idColumn: string
  select: string
  from: string
  /** A condition every found row meets (a soft-deleted project is gone). */
  live?: string
  /** Values the schema's own types do not hold as stored; the rest is copied by name. */
  adjust?: (raw: Raw) => Partial<z.infer<Schema>>
  /** The table records who created a row in `created_by` (an app_user id). */
  keepsCreator?: boolean
}

export interface PageQuery {
  where: Where
  orderBy: string
  /** Another FROM for the page (an index to walk); the spec's by default. */
  from?: string
  /** FROM of the count, when it needs fewer joins than the page. */
  countFrom?: string
}

/** The queries every record has, from its spec: find, insert, update, delete, one page. */
export class RecordTable<Row extends { id: number }, Schema extends z.ZodObject, Raw = SqlRowOf<z.infer<Schema>>> {
  private readonly columns: [field: string, column: string][]

  constructor(readonly spec: RecordSpec<Row, Schema, Raw>) {
    this.columns = Object.keys(spec.schema.shape).map((field) => [field, snakeCase(field)])
  }

  get label(): string {
    return this.spec.label
  }

  /** The stored row, as a write path reads it before changing it. */
  async findRow(db: SqlWriter, id: number): Promise<Row | null> {
    const row = (await db.manager.findOneBy(this.spec.entity, { id } as never)) as Row | null
    return row && (!('deletedAt' in row) || row.deletedAt === null) ? row : null
  }

  async insert(db: SqlWriter, row: Omit<Row, 'id'>): Promise<number> {
    const result = await db.manager.insert(this.spec.entity, row as never)
    return Number(result.identifiers[0]?.id)
  }

  /** Who created the row, where the table keeps it; null (single-PC, the core's own work) leaves it empty. */
  async setCreator(db: SqlWriter, id: number, userId: number | null): Promise<void> {
    if (!this.spec.keepsCreator || userId === null) return
    await db.run(`UPDATE ${this.tableName} SET created_by = ? WHERE id = ?`, [userId, id])
  }

  private get tableName(): string {
    return this.spec.entity.options.tableName ?? ''
  }

  /** Writes the changes, counts up the edit version and records who made them (null: single-PC). */
  async update(db: SqlWriter, id: number, changes: Partial<Row>, userId: number | null): Promise<void> {
    if (Object.keys(changes).length === 0) return
    await db.manager.update(this.spec.entity, { id } as never, changes as never)
    await db.run(`UPDATE ${this.tableName} SET version = version + 1, updated_by = ? WHERE id = ?`, [userId, id])
  }

  /** The row's edit version and its latest change, for the check of a save. */
  lastChange(db: SqlReader, id: number): Promise<LastChange | null> {
    return lastChange(db, this.tableName as VersionedTable, id)
  }

  async delete(db: SqlWriter, id: number): Promise<void> {
    await db.run(`DELETE FROM ${this.tableName} WHERE id = ?`, [id])
  }

  async find(db: SqlReader, id: number): Promise<z.infer<Schema> | null> {
    const live = this.spec.live ? ` AND ${this.spec.live}` : ''
    const raw = await db.first<Raw>(`${this.spec.select} ${this.spec.from} WHERE ${this.spec.idColumn} = ?${live}`, [
      id,
    ])
    return raw ? this.view(raw) : null
  }

  /**
   * One page of rows in `orderBy` and the count of all matches; `counted` adds
   * aggregate columns to the count (the sum of 金额).
   */
  async page<Count extends { n: number } = { n: number }>(
    db: SqlReader,
    range: PageRange,
    query: PageQuery,
    counted = '',
  ): Promise<{ rows: z.infer<Schema>[]; total: number; count: Count }> {
    const { where } = query
    const rows = await db.all<Raw>(
      `${this.spec.select} ${query.from ?? this.spec.from} ${where.sql} ORDER BY ${query.orderBy} LIMIT ? OFFSET ?`,
      [...where.params, range.endRow - range.startRow, range.startRow],
    )
    const count = await db.first<Count>(
      `SELECT COUNT(*) AS n${counted} ${query.countFrom ?? this.spec.from} ${where.sql}`,
      where.params,
    )
    return { rows: rows.map((raw) => this.view(raw)), total: count?.n ?? 0, count: count as Count }
  }

  private view(raw: Raw): z.infer<Schema> {
    const values = raw as Record<string, unknown>
    const view = Object.fromEntries(this.columns.map(([field, column]) => [field, values[column]]))
    return { ...view, ...this.spec.adjust?.(raw) } as z.infer<Schema>
  }
}

/** The quick search of a list: the text in any of the columns, `%` and `_` taken literally. */
export function whereLikeAny(where: Where, columns: readonly string[], text: string): void {
  const pattern = likePattern(text)
  where.add(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...columns.map(() => pattern))
}

/**
 * One customer's records (on its page), or every customer's but those in the 回收站: their
 * records wait there with them. Few customers are in it, so this reads a short list once
 * rather than looking up every record's customer.
 */
export function whereCustomer(where: Where, customerColumn: string, customerId: number | undefined): Where {
  return customerId !== undefined
    ? where.add(`${customerColumn} = ?`, customerId)
    : where.add(`${customerColumn} NOT IN (SELECT id FROM customer WHERE deleted_at IS NOT NULL)`)
}

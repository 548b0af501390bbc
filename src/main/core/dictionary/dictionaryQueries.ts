import { dictionaryCategoryKeys, type DictItem, type DictionaryCategory } from '../../../shared/dictionary'
import { DictItemEntity, type DictItemRow } from '../db/entities'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { dictionaryReferences } from './dictionaryReferences'

const categoryOrder = new Map(dictionaryCategoryKeys.map((key, index) => [key, index]))

/** A dict_item row as SQLite returns it. */
interface DictItemRaw {
  id: number
  category: string
  label: string
  sort_order: number
  enabled: number
  cycle_days: number | null
  group_name: string | null
}

const dictItemColumns = `id, category, label, sort_order, enabled, cycle_days, group_name`

function rowOfRaw(raw: DictItemRaw): DictItemRow {
  return {
    id: raw.id,
    category: raw.category,
    label: raw.label,
    sortOrder: raw.sort_order,
    enabled: raw.enabled === 1,
    cycleDays: raw.cycle_days,
    groupName: raw.group_name,
  }
}

export async function listItems(db: SqlReader, category?: DictionaryCategory): Promise<DictItem[]> {
  const rows = await db.all<DictItemRaw>(
    `SELECT ${dictItemColumns} FROM dict_item ${category ? 'WHERE category = ?' : ''} ORDER BY sort_order, id`,
    category ? [category] : [],
  )
  const usage = await usageCounts(db, category)
  return rows
    .map((raw) => toItem(rowOfRaw(raw), usage.get(raw.id) ?? 0))
    .sort((a, b) => (categoryOrder.get(a.category) ?? 0) - (categoryOrder.get(b.category) ?? 0))
}

export async function findItem(db: SqlReader, id: number): Promise<DictItem | null> {
  const raw = await db.first<DictItemRaw>(`SELECT ${dictItemColumns} FROM dict_item WHERE id = ?`, [id])
  if (!raw) return null
  const usage = await usageCounts(db, raw.category as DictionaryCategory, id)
  return toItem(rowOfRaw(raw), usage.get(id) ?? 0)
}

export async function findByLabel(
  db: SqlReader,
  category: DictionaryCategory,
  label: string,
): Promise<DictItemRow | null> {
  const raw = await db.first<DictItemRaw>(
    `SELECT ${dictItemColumns} FROM dict_item WHERE category = ? AND label = ? LIMIT 1`,
    [category, label],
  )
  return raw ? rowOfRaw(raw) : null
}

export async function nextSortOrder(db: SqlReader, category: DictionaryCategory): Promise<number> {
  const row = await db.first<{ next: number }>(
    `SELECT COALESCE(MAX(sort_order), 0) + 1 AS next FROM dict_item WHERE category = ?`,
    [category],
  )
  return row?.next ?? 1
}

export async function insertItem(db: SqlWriter, row: Omit<DictItemRow, 'id'>): Promise<number> {
  const result = await db.manager.insert(DictItemEntity, row)
  return Number(result.identifiers[0]?.id)
}

export async function updateItem(
  db: SqlWriter,
  id: number,
  changes: Partial<Omit<DictItemRow, 'id' | 'category'>>,
): Promise<void> {
  if (Object.keys(changes).length > 0) await db.manager.update(DictItemEntity, { id }, changes)
}

export async function idsOfCategory(db: SqlReader, category: DictionaryCategory): Promise<number[]> {
  const rows = await db.all<{ id: number }>(`SELECT id FROM dict_item WHERE category = ?`, [category])
  return rows.map((r) => r.id)
}

export async function setSortOrders(db: SqlWriter, ids: number[]): Promise<void> {
  for (const [index, id] of ids.entries()) {
    await db.run(`UPDATE dict_item SET sort_order = ? WHERE id = ?`, [index + 1, id])
  }
}

export async function deleteItem(db: SqlWriter, id: number): Promise<void> {
  await db.manager.delete(DictItemEntity, { id })
}

/** Item id → number of rows referring to it, over every registered reference. */
async function usageCounts(db: SqlReader, category?: DictionaryCategory, id?: number): Promise<Map<number, number>> {
  const counts = new Map<number, number>()
  for (const ref of dictionaryReferences) {
    if (category && ref.category !== category) continue
    // Table and column names come from the static registry above, never from input.
    const rows = await db.all<{ id: number; n: number }>(
      id === undefined
        ? `SELECT ${ref.column} AS id, COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} IS NOT NULL GROUP BY ${ref.column}`
        : `SELECT ${ref.column} AS id, COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} = ? GROUP BY ${ref.column}`,
      id === undefined ? [] : [id],
    )
    for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + row.n)
  }
  return counts
}

function toItem(row: DictItemRow, usage: number): DictItem {
  return {
    id: row.id,
    category: row.category as DictionaryCategory,
    label: row.label,
    sortOrder: row.sortOrder,
    enabled: row.enabled,
    cycleDays: row.cycleDays,
    groupName: row.groupName,
    usage,
  }
}

export interface DictItemBrief {
  id: number
  category: DictionaryCategory
  label: string
  enabled: boolean
}

export async function dictItemsByIds(db: SqlReader, ids: number[]): Promise<Map<number, DictItemBrief>> {
  if (ids.length === 0) return new Map()
  const rows = await db.all<{ id: number; category: DictionaryCategory; label: string; enabled: number }>(
    `SELECT id, category, label, enabled FROM dict_item WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...new Set(ids)])],
  )
  return new Map(rows.map((r) => [r.id, { id: r.id, category: r.category, label: r.label, enabled: r.enabled === 1 }]))
}

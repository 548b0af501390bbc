import type { EntityManager } from 'typeorm'
import { dictionaryCategoryKeys, type DictItem, type DictionaryCategory } from '../../../shared/dictionary'
import { DictItemEntity, type DictItemRow } from '../db/entities'
import { dictionaryReferences } from './dictionaryReferences'

const categoryOrder = new Map(dictionaryCategoryKeys.map((key, index) => [key, index]))

export async function listItems(manager: EntityManager, category?: DictionaryCategory): Promise<DictItem[]> {
  const rows = await manager.find(DictItemEntity, {
    where: category ? { category } : {},
    order: { sortOrder: 'ASC', id: 'ASC' },
  })
  const usage = await usageCounts(manager, category)
  return rows
    .map((row) => toItem(row, usage.get(row.id) ?? 0))
    .sort((a, b) => (categoryOrder.get(a.category) ?? 0) - (categoryOrder.get(b.category) ?? 0))
}

export async function findItem(manager: EntityManager, id: number): Promise<DictItem | null> {
  const row = await manager.findOneBy(DictItemEntity, { id })
  if (!row) return null
  const usage = await usageCounts(manager, row.category as DictionaryCategory, id)
  return toItem(row, usage.get(id) ?? 0)
}

export async function findByLabel(
  manager: EntityManager,
  category: DictionaryCategory,
  label: string,
): Promise<DictItemRow | null> {
  return manager.findOneBy(DictItemEntity, { category, label })
}

export async function nextSortOrder(manager: EntityManager, category: DictionaryCategory): Promise<number> {
  const [row] = await manager.query(
    `SELECT COALESCE(MAX(sort_order), 0) + 1 AS next FROM dict_item WHERE category = ?`,
    [category],
  )
  return Number(row.next)
}

export async function insertItem(manager: EntityManager, row: Omit<DictItemRow, 'id'>): Promise<number> {
  const result = await manager.insert(DictItemEntity, row)
  return Number(result.identifiers[0]?.id)
}

export async function updateItem(
  manager: EntityManager,
  id: number,
  changes: Partial<Omit<DictItemRow, 'id' | 'category'>>,
): Promise<void> {
  if (Object.keys(changes).length > 0) await manager.update(DictItemEntity, { id }, changes)
}

export async function idsOfCategory(manager: EntityManager, category: DictionaryCategory): Promise<number[]> {
  const rows: { id: number }[] = await manager.query(`SELECT id FROM dict_item WHERE category = ?`, [category])
  return rows.map((r) => r.id)
}

export async function setSortOrders(manager: EntityManager, ids: number[]): Promise<void> {
  for (const [index, id] of ids.entries()) {
    await manager.query(`UPDATE dict_item SET sort_order = ? WHERE id = ?`, [index + 1, id])
  }
}

export async function deleteItem(manager: EntityManager, id: number): Promise<void> {
  await manager.delete(DictItemEntity, { id })
}

/** Item id → number of rows referring to it, over every registered reference. */
async function usageCounts(
  manager: EntityManager,
  category?: DictionaryCategory,
  id?: number,
): Promise<Map<number, number>> {
  const counts = new Map<number, number>()
  for (const ref of dictionaryReferences) {
    if (category && ref.category !== category) continue
    // Table and column names come from the static registry above, never from input.
    const rows: { id: number; n: number }[] = await manager.query(
      id === undefined
        ? `SELECT ${ref.column} AS id, COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} IS NOT NULL GROUP BY ${ref.column}`
        : `SELECT ${ref.column} AS id, COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} = ? GROUP BY ${ref.column}`,
      id === undefined ? [] : [id],
    )
    for (const row of rows) counts.set(row.id, (counts.get(row.id) ?? 0) + Number(row.n))
  }
  return counts
}

function toItem(row: DictItemRow, usage: number): DictItem {
  return {
    id: row.id,
    category: row.category as DictionaryCategory,
    label: row.label,
    sortOrder: row.sortOrder,
    enabled: Boolean(row.enabled),
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

export async function dictItemsByIds(manager: EntityManager, ids: number[]): Promise<Map<number, DictItemBrief>> {
  if (ids.length === 0) return new Map()
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT id, category, label, enabled FROM dict_item WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify([...new Set(ids)])],
  )
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        category: r.category as DictionaryCategory,
        label: String(r.label),
        enabled: Boolean(r.enabled),
      },
    ]),
  )
}

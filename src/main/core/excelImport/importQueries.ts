import type { DictionaryCategory } from '../../../shared/dictionary'
import { mustFind } from '../common/mustFind'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'

/** The SQL of the import: lookups for the plan, set-based, one query per kind of key. */

export interface DictEntry {
  id: number
  label: string
}

/** Enabled items of the categories, in their order; disabled items cannot be chosen for new records. */
export async function enabledItems(
  db: SqlReader,
  categories: DictionaryCategory[],
): Promise<Map<DictionaryCategory, DictEntry[]>> {
  const rows = await db.all<{ id: number; category: DictionaryCategory; label: string }>(
    `SELECT id, category, label FROM dict_item
     WHERE enabled = 1 AND category IN (SELECT value FROM json_each(?)) ORDER BY sort_order, id`,
    [JSON.stringify(categories)],
  )
  const byCategory = new Map<DictionaryCategory, DictEntry[]>(categories.map((c) => [c, []]))
  for (const row of rows) byCategory.get(row.category)?.push({ id: row.id, label: row.label })
  return byCategory
}

export interface ExistingCustomer {
  id: number
  code: string
  name: string
  deleted: boolean
}

/** The customer each key of the file matches in the database, by kind of key. */
export interface ExistingMatches {
  creditCode: Map<string, ExistingCustomer>
  nameNorm: Map<string, ExistingCustomer>
  phone: Map<string, ExistingCustomer>
  email: Map<string, ExistingCustomer>
}

const matchKinds = ['nameNorm', 'phone', 'email', 'creditCode'] as const

/** What the lookups run on: a read of the app's connection, or a connection of an import's own (importLookups). */
export type Queryable = Pick<SqlReader, 'all'>

/** A key of the file (its kind: the index in matchKinds) and the customer it matched. */
interface MatchDbRow {
  kind: 0 | 1 | 2 | 3
  k: string
  id: number
  code: string
  name: string
  deleted_at: string | null
}

/**
 * For each key of the file, the customer it matches: by normalised name, phone
 * (theirs or a contact's) or e-mail the oldest customer not in the 回收站, by
 * 统一社会信用代码 the one customer holding it (unique across the table, bin
 * included). One row per key, driven from the key lists so every lookup is an
 * index seek that stops at the first live customer: re-importing a file must
 * not fetch every earlier copy of its rows.
 */
export async function customersMatching(
  db: Queryable,
  keys: { names: string[]; phones: string[]; emails: string[]; creditCodes: string[] },
): Promise<ExistingMatches> {
  // Sorted, so consecutive seeks fall on neighbouring index pages.
  const params = [keys.names, keys.phones, keys.emails, keys.creditCodes].map((list) =>
    JSON.stringify([...new Set(list)].sort()),
  )
  const rows = await db.all<MatchDbRow>(
    `WITH hit (kind, k, id) AS (
         SELECT 0, value,
           (SELECT id FROM customer WHERE name_norm = value AND deleted_at IS NULL ORDER BY id LIMIT 1)
           FROM json_each(?1)
         UNION ALL SELECT 1, p.value, (SELECT MIN(id) FROM (
             SELECT * FROM (SELECT id FROM customer
               WHERE phone_norm = p.value AND deleted_at IS NULL ORDER BY id LIMIT 1)
             UNION ALL SELECT * FROM (SELECT t.customer_id FROM contact t JOIN customer c ON c.id = t.customer_id
               WHERE t.mobile_norm = p.value AND c.deleted_at IS NULL ORDER BY t.customer_id LIMIT 1)
             UNION ALL SELECT * FROM (SELECT t.customer_id FROM contact t JOIN customer c ON c.id = t.customer_id
               WHERE t.office_phone_norm = p.value AND c.deleted_at IS NULL ORDER BY t.customer_id LIMIT 1)))
           FROM json_each(?2) p
         UNION ALL SELECT 2, value,
           (SELECT id FROM customer WHERE email_norm = value AND deleted_at IS NULL ORDER BY id LIMIT 1)
           FROM json_each(?3)
         UNION ALL SELECT 3, value, (SELECT id FROM customer WHERE credit_code = value) FROM json_each(?4)
       )
       SELECT hit.kind, hit.k, c.id, c.code, c.name, c.deleted_at FROM hit JOIN customer c ON c.id = hit.id`,
    params,
  )
  const matches: ExistingMatches = { creditCode: new Map(), nameNorm: new Map(), phone: new Map(), email: new Map() }
  const byId = new Map<number, ExistingCustomer>()
  for (const r of rows) {
    let customer = byId.get(r.id)
    if (!customer) {
      customer = { id: r.id, code: r.code, name: r.name, deleted: r.deleted_at !== null }
      byId.set(r.id, customer)
    }
    matches[matchKinds[r.kind]].set(r.k, customer)
  }
  return matches
}

export interface SaleTarget {
  id: number
  code: string
  name: string
  nameNorm: string
}

/** Customers (not in the 回收站) a 交易记录 file names by 客户编号 or by (normalised) name. */
export async function saleTargets(db: SqlReader, codes: string[], nameNorms: string[]): Promise<SaleTarget[]> {
  const rows = await db.all<{ id: number; code: string; name: string; name_norm: string }>(
    `SELECT id, code, name, name_norm FROM customer WHERE deleted_at IS NULL AND (
       code IN (SELECT value FROM json_each(?)) OR name_norm IN (SELECT value FROM json_each(?)))`,
    [JSON.stringify([...new Set(codes)]), JSON.stringify([...new Set(nameNorms)])],
  )
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, nameNorm: r.name_norm }))
}

/** Adds dictionary items at the end of their category (a disabled item of that label is enabled again); ids in order. */
export async function insertDictItems(
  db: SqlWriter,
  items: { category: DictionaryCategory; label: string }[],
): Promise<number[]> {
  const ids: number[] = []
  for (const item of items) {
    await db.run(
      `INSERT INTO dict_item (category, label, sort_order, enabled)
       VALUES (?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM dict_item WHERE category = ?), 1)
       ON CONFLICT (category, label) DO UPDATE SET enabled = 1`,
      [item.category, item.label, item.category],
    )
    const row = await db.first<{ id: number }>(`SELECT id FROM dict_item WHERE category = ? AND label = ?`, [
      item.category,
      item.label,
    ])
    ids.push(mustFind(row, '字典项').id)
  }
  return ids
}

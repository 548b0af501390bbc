import type { EntityManager } from 'typeorm'
import type { DictionaryCategory } from '../../../shared/dictionary'

/** The SQL of the import: lookups for the plan, set-based, one query per kind of key. */

export interface DictEntry {
  id: number
  label: string
}

/** Enabled items of the categories, in their order; disabled items cannot be chosen for new records. */
export async function enabledItems(
  manager: EntityManager,
  categories: DictionaryCategory[],
): Promise<Map<DictionaryCategory, DictEntry[]>> {
  const rows: { id: number; category: DictionaryCategory; label: string }[] = await manager.query(
    `SELECT id, category, label FROM dict_item
     WHERE enabled = 1 AND category IN (SELECT value FROM json_each(?)) ORDER BY sort_order, id`,
    [JSON.stringify(categories)],
  )
  const byCategory = new Map<DictionaryCategory, DictEntry[]>(categories.map((c) => [c, []]))
  for (const row of rows) byCategory.get(row.category)?.push({ id: Number(row.id), label: String(row.label) })
  return byCategory
}

export interface ExistingCustomer {
  id: number
  code: string
  name: string
  nameNorm: string
  phoneNorm: string | null
  emailNorm: string | null
  creditCode: string | null
  deleted: boolean
  /** Normalised phones of its contacts that matched. */
  contactPhones: string[]
}

/**
 * Customers sharing a key with the file: the normalised name, phone (theirs or a
 * contact's) or e-mail among customers not in the 回收站, and the 统一社会信用代码
 * among all of them (it is unique across the table, bin included).
 */
export async function customersMatching(
  manager: EntityManager,
  keys: { names: string[]; phones: string[]; emails: string[]; creditCodes: string[] },
): Promise<ExistingCustomer[]> {
  const params = [keys.names, keys.phones, keys.emails, keys.creditCodes].map((list) =>
    JSON.stringify([...new Set(list)]),
  )
  const rows: Record<string, unknown>[] = await manager.query(
    `WITH hit AS (
       SELECT id FROM customer WHERE deleted_at IS NULL AND name_norm IN (SELECT value FROM json_each(?1))
       UNION SELECT id FROM customer WHERE deleted_at IS NULL AND phone_norm IN (SELECT value FROM json_each(?2))
       UNION SELECT id FROM customer WHERE deleted_at IS NULL AND email_norm IN (SELECT value FROM json_each(?3))
       UNION SELECT id FROM customer WHERE credit_code IN (SELECT value FROM json_each(?4))
       UNION SELECT t.customer_id FROM contact t JOIN customer c ON c.id = t.customer_id
         WHERE c.deleted_at IS NULL AND (t.mobile_norm IN (SELECT value FROM json_each(?2))
           OR t.office_phone_norm IN (SELECT value FROM json_each(?2)))
     )
     SELECT c.id, c.code, c.name, c.name_norm, c.phone_norm, c.email_norm, c.credit_code, c.deleted_at,
       (SELECT json_group_array(p) FROM (
          SELECT t.mobile_norm AS p FROM contact t WHERE t.customer_id = c.id AND t.mobile_norm IN (SELECT value FROM json_each(?2))
          UNION SELECT t.office_phone_norm FROM contact t
            WHERE t.customer_id = c.id AND t.office_phone_norm IN (SELECT value FROM json_each(?2))
       )) AS contact_phones
     FROM customer c WHERE c.id IN (SELECT id FROM hit) ORDER BY c.id`,
    params,
  )
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    nameNorm: String(r.name_norm),
    phoneNorm: (r.phone_norm as string | null) ?? null,
    emailNorm: (r.email_norm as string | null) ?? null,
    creditCode: (r.credit_code as string | null) ?? null,
    deleted: r.deleted_at !== null,
    contactPhones: JSON.parse(String(r.contact_phones ?? '[]')) as string[],
  }))
}

export interface SaleTarget {
  id: number
  code: string
  name: string
  nameNorm: string
}

/** Customers (not in the 回收站) a 交易记录 file names by 客户编号 or by (normalised) name. */
export async function saleTargets(manager: EntityManager, codes: string[], nameNorms: string[]): Promise<SaleTarget[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT id, code, name, name_norm FROM customer WHERE deleted_at IS NULL AND (
       code IN (SELECT value FROM json_each(?)) OR name_norm IN (SELECT value FROM json_each(?)))`,
    [JSON.stringify([...new Set(codes)]), JSON.stringify([...new Set(nameNorms)])],
  )
  return rows.map((r) => ({
    id: Number(r.id),
    code: String(r.code),
    name: String(r.name),
    nameNorm: String(r.name_norm),
  }))
}

/** Adds dictionary items at the end of their category (a disabled item of that label is enabled again); ids in order. */
export async function insertDictItems(
  manager: EntityManager,
  items: { category: DictionaryCategory; label: string }[],
): Promise<number[]> {
  const ids: number[] = []
  for (const item of items) {
    await manager.query(
      `INSERT INTO dict_item (category, label, sort_order, enabled)
       VALUES (?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM dict_item WHERE category = ?), 1)
       ON CONFLICT (category, label) DO UPDATE SET enabled = 1`,
      [item.category, item.label, item.category],
    )
    const [row] = await manager.query(`SELECT id FROM dict_item WHERE category = ? AND label = ?`, [
      item.category,
      item.label,
    ])
    ids.push(Number(row.id))
  }
  return ids
}

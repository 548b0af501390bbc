import { looksLikePhone, normalizePhone } from '../../../shared/phone'
import type {
  SearchContactHit,
  SearchContactMatchKind,
  SearchCustomerHit,
  SearchMatchKind,
} from '../../../shared/search'
import { searchForm } from '../customers/customerDerived'
import type { SqlReader } from '../db/sqlHandles'
import { likePattern } from '../common/sqlWhere'
import { quickTerms } from '../customers/customerListQuery'
import type { Caller } from '../accounts/caller'
// Numbered placeholders (`?N`), so the ranking can reuse a pattern of the filter.
import { Params, scopeSql } from '../customers/numberedParams'

/**
 * The words of a search, as the sheet's quick search reads them; a whole query
 * that looks like one phone number (`020-8765 4321`) stays one run of digits.
 */
export function searchTerms(q: string): string[] {
  return looksLikePhone(q) ? [normalizePhone(q)].filter((d) => d.length > 0) : quickTerms(q)
}

/** likePattern is `%term%` with LIKE's wildcards escaped; without its leading `%` it matches a prefix. */
const prefixPattern = (term: string): string => likePattern(term).slice(1)
const like = (column: string, placeholder: string): string => `${column} LIKE ${placeholder} ESCAPE '\\'`

interface CustomerHitRaw {
  id: number
  code: string
  name: string
  short_name: string | null
  phone: string | null
  phone_norm: string | null
  pinyin: string
  pinyin_initials: string
  contact_names: string
}

/**
 * Customers outside the 回收站 whose quick-search text holds every word; those
 * where the first word starts a code, name, 简称, pinyin, 拼音首字母 or phone come first.
 */
export async function searchCustomers(
  db: SqlReader,
  caller: Caller,
  terms: string[],
  limit: number,
): Promise<SearchCustomerHit[]> {
  const [first] = terms
  if (first === undefined) return []
  const params = new Params()
  const where = terms.map((term) => like('c.search_text', params.add(likePattern(term))))
  const scope = scopeSql(caller, params)
  if (scope) where.push(scope)
  const prefix = params.add(prefixPattern(first))
  const startsWith = ['c.code', 'c.name', 'c.short_name', 'c.pinyin_initials', 'c.pinyin', 'c.phone_norm']
    .map((column) => like(column, prefix))
    .join(' OR ')
  const raw = await db.all<CustomerHitRaw>(
    `SELECT c.id, c.code, c.name, c.short_name, c.phone, c.phone_norm, c.pinyin, c.pinyin_initials, c.contact_names
     FROM customer c INDEXED BY customer_search_text
     WHERE c.deleted_at IS NULL AND ${where.join(' AND ')}
     ORDER BY CASE WHEN ${startsWith} THEN 0 ELSE 1 END, c.pinyin, c.id
     LIMIT ${params.add(limit)}`,
    params.values,
  )
  return raw.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    match: customerMatchKind(row, first),
  }))
}

/** The part of the customer the first word was found in, for the hint beside the result. */
function customerMatchKind(row: CustomerHitRaw, term: string): SearchMatchKind {
  const has = (text: string | null): boolean => text !== null && searchForm(text).includes(term)
  if (has(row.code)) return '编号'
  if (has(row.name)) return '名称'
  if (has(row.short_name)) return '简称'
  if (/^\d+$/.test(term) && has(row.phone_norm)) return '电话'
  if (has(row.pinyin_initials)) return '拼音首字母'
  if (has(row.pinyin)) return '拼音'
  // Contact names and phones are in the search text too (the contact list shows which one).
  if (has(row.contact_names) || /^\d+$/.test(term)) return '联系人'
  return '其他'
}

interface ContactHitRaw {
  id: number
  customer_id: number
  customer_name: string
  name: string
  mobile: string | null
  office_phone: string | null
  title: string | null
  pinyin: string
  pinyin_initials: string
  mobile_norm: string | null
  office_phone_norm: string | null
}

/**
 * Contacts of customers outside the 回收站 whose name, pinyin, 拼音首字母, mobile
 * or office phone (as digits) holds every word; prefix matches of the first word first.
 * One pass over the contacts, then their customer by key for the few that match: left
 * to itself SQLite started from the live customers and looked up each one's contacts
 * (100,000 seeks, ~2× slower over 144,000 contacts). `%word%` can use no index, and a
 * covering one over the five columns saved too little to be worth its upkeep.
 */
export async function searchContacts(
  db: SqlReader,
  caller: Caller,
  terms: string[],
  limit: number,
): Promise<SearchContactHit[]> {
  const [first] = terms
  if (first === undefined) return []
  const params = new Params()
  const columns = ['ct.name', 'ct.pinyin_initials', 'ct.pinyin', 'ct.mobile_norm', 'ct.office_phone_norm']
  const anyColumn = (placeholder: string): string =>
    `(${columns.map((column) => like(column, placeholder)).join(' OR ')})`
  const where = terms.map((term) => anyColumn(params.add(likePattern(term))))
  // A contact follows its customer's scope.
  const scope = scopeSql(caller, params)
  if (scope) where.push(scope)
  const prefix = anyColumn(params.add(prefixPattern(first)))
  const raw = await db.all<ContactHitRaw>(
    `SELECT ct.id, ct.customer_id, c.name AS customer_name, ct.name, ct.mobile, ct.office_phone, ct.title,
       ct.pinyin, ct.pinyin_initials, ct.mobile_norm, ct.office_phone_norm
     FROM contact ct CROSS JOIN customer c ON c.id = ct.customer_id
     WHERE c.deleted_at IS NULL AND ${where.join(' AND ')}
     ORDER BY CASE WHEN ${prefix} THEN 0 ELSE 1 END, ct.name, ct.id
     LIMIT ${params.add(limit)}`,
    params.values,
  )
  return raw.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    name: row.name,
    mobile: row.mobile,
    officePhone: row.office_phone,
    title: row.title,
    match: contactMatchKind(row, first),
  }))
}

/**
 * The column of the contact the first word was found in, checked for the returned
 * hits only. The order settles a word found in two: a name before its pinyin, the
 * mobile (shown with the hit) before the office phone.
 */
function contactMatchKind(row: ContactHitRaw, term: string): SearchContactMatchKind {
  const has = (text: string | null): boolean => text !== null && searchForm(text).includes(term)
  if (has(row.name)) return '姓名'
  if (has(row.mobile_norm)) return '手机'
  if (has(row.office_phone_norm)) return '办公电话'
  if (has(row.pinyin_initials)) return '拼音首字母'
  if (has(row.pinyin)) return '拼音'
  // SQL's LIKE found the word in one of these; only a name that NFKC rewrites gets here.
  return '姓名'
}

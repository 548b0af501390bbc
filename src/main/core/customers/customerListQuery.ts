import dayjs from 'dayjs'
import type { Caller } from '../accounts/caller'
import { likePattern } from '../common/sqlWhere'
import {
  customerAutoShape,
  customerDictFieldKeys,
  customerFieldKeys,
  dealGrades,
  type CustomerDictField,
} from '../../../shared/customer'
import {
  customerDictLabelKeys,
  customerSortKeys,
  type CustomerFilters,
  type CustomerListInput,
  type CustomerListRow,
  type CustomerSortKey,
} from '../../../shared/customerList'
import { looksLikePhone, normalizePhone } from '../../../shared/phone'
import { fromFen } from '../../../shared/salesContract'
import { divisionName } from '../../../shared/regions'
import { creditExcessFenSql, owedFenByCustomerSql, owedFenSql } from '../contracts/receivableQueries'
import { snakeCase } from '../db/customerEntities'
import type { SqlReader } from '../db/sqlHandles'
import { searchForm } from './customerDerived'
import { customerColumnPairs } from './customerQueries'
import { groupNamesSql } from './groupQueries'
import { Params, scopeSql } from './numberedParams'

// Analysis pages build their SQL with the sheet's parameters.
export { Params }

const dictAlias = (field: CustomerDictField) => `d_${snakeCase(field)}`
const dictJoin = (field: CustomerDictField) =>
  `LEFT JOIN dict_item ${dictAlias(field)} ON ${dictAlias(field)}.id = c.${snakeCase(field)}`

/** Placeholders of the dates 1, 3 and 6 months after today (dayjs: 31 Jan + 1 month = 28 Feb). */
interface GradeBounds {
  month1: string
  month3: string
  month6: string
}

export function gradeBounds(params: Params, today: string): GradeBounds {
  const day = dayjs(today)
  return {
    month1: params.add(day.add(1, 'month').format('YYYY-MM-DD')),
    month3: params.add(day.add(3, 'month').format('YYYY-MM-DD')),
    month6: params.add(day.add(6, 'month').format('YYYY-MM-DD')),
  }
}

/**
 * 成交级别 as of today (docs/product-rules.md#deal-grade): the override; else 无需求 → E, 潜在需求 → D,
 * 明确需求 → A (within 1 month, or already past), B (3 months), C (6), D (later or no date).
 */
export function dealGradeSql(bounds: GradeBounds): string {
  return `(CASE
    WHEN c.deal_grade_override IS NOT NULL THEN c.deal_grade_override
    WHEN c.demand_status = '无需求' THEN 'E'
    WHEN c.demand_status = '潜在需求' THEN 'D'
    WHEN c.demand_status = '明确需求' THEN CASE
      WHEN c.expected_close_date IS NULL THEN 'D'
      WHEN c.expected_close_date <= ${bounds.month1} THEN 'A'
      WHEN c.expected_close_date <= ${bounds.month3} THEN 'B'
      WHEN c.expected_close_date <= ${bounds.month6} THEN 'C'
      ELSE 'D' END
    ELSE NULL END)`
}

interface SortTarget {
  sql: (bounds: GradeBounds) => string
  /** The dictionary join the expression needs. */
  join?: CustomerDictField
}

const column = (key: string): SortTarget => ({ sql: () => `c.${snakeCase(key)}` })
const byDictOrder = (field: CustomerDictField): SortTarget => ({
  sql: () => `${dictAlias(field)}.sort_order`,
  join: field,
})

/** Sort key → SQL expression. Dictionary columns sort in the dictionary's own order. */
const sortTargets: Record<CustomerSortKey, SortTarget> = {
  ...(Object.fromEntries(
    [...Object.keys(customerAutoShape), ...customerFieldKeys].map((key) => [key, column(key)]),
  ) as Record<CustomerSortKey, SortTarget>),
  ...(Object.fromEntries(customerDictFieldKeys.map((f) => [f, byDictOrder(f)])) as Record<CustomerSortKey, SortTarget>),
  ...(Object.fromEntries(customerDictFieldKeys.map((f) => [customerDictLabelKeys[f], byDictOrder(f)])) as Record<
    CustomerSortKey,
    SortTarget
  >),
  // Chinese names sort by their pinyin, as people look them up.
  name: { sql: () => 'c.pinyin' },
  shortName: { sql: () => 'c.short_name' },
  provinceName: column('provinceCode'),
  cityName: column('cityCode'),
  districtName: column('districtCode'),
  contactNames: column('contactNames'),
  completeness: column('completeness'),
  dealGrade: { sql: (bounds) => dealGradeSql(bounds) },
  receivable: { sql: () => owedFenSql('c.id') },
  creditExcess: { sql: () => creditExcessFenSql(owedFenSql('c.id')) },
}
if (customerSortKeys.some((key) => !sortTargets[key])) throw new Error('a sort key has no SQL')

function orderBy(sort: CustomerListInput['sort'], bounds: GradeBounds): { sql: string; joins: Set<CustomerDictField> } {
  const joins = new Set<CustomerDictField>()
  const terms: string[] = []
  for (const { colId, sort: direction } of sort.length > 0
    ? sort
    : [{ colId: 'name' as const, sort: 'asc' as const }]) {
    const target = sortTargets[colId]
    if (target.join) joins.add(target.join)
    terms.push(`${target.sql(bounds)} ${direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`)
  }
  terms.push('c.id ASC')
  return { sql: terms.join(', '), joins }
}

type DictFilterKey = CustomerDictField
const enumFilterColumns = {
  kind: 'kind',
  demandStatus: 'demand_status',
  relationshipLevel: 'relationship_level',
  valueClass: 'value_class',
  dealStatus: 'deal_status',
  creditRating: 'credit_rating',
} as const satisfies Partial<Record<keyof CustomerFilters, string>>

const dateFilterColumns = [
  ['registeredFrom', 'registeredTo', 'registered_at'],
  ['lastContactFrom', 'lastContactTo', 'last_contact_at'],
  ['lastTransactionFrom', 'lastTransactionTo', 'last_transaction_at'],
] as const

/** `expr IN (…)`, where a null in the list also keeps rows whose value is empty. */
function inList(expr: string, values: readonly unknown[], params: Params): string {
  const present = values.filter((v) => v !== null)
  const parts: string[] = []
  if (present.length > 0) parts.push(`${expr} IN (${params.list(present)})`)
  if (present.length < values.length) parts.push(`${expr} IS NULL`)
  return parts.length > 0 ? `(${parts.join(' OR ')})` : '0'
}

/** Quick-search words: each must appear in the search text; digits also as phone digits. */
export function quickTerms(quick: string): string[] {
  return quick
    .split(/\s+/)
    .map((word) => (looksLikePhone(word) ? normalizePhone(word) : searchForm(word)))
    .filter((word) => word.length > 0)
}

/**
 * How the table is read. The quick search scans the narrow (deleted_at,
 * search_text) index. A sort with no index of its own reads the table in order
 * (the unary + keeps SQLite from walking the name index and fetching every row
 * at random, several times slower); the name sort and the small 回收站 use the index.
 */
interface Access {
  from: string
  deleted: string
  /** The quick search is on. */
  searches: boolean
}

function access(filters: CustomerFilters, quick: string, sort: CustomerListInput['sort'] | null): Access {
  const deleted = filters.deleted ? 'c.deleted_at IS NOT NULL' : 'c.deleted_at IS NULL'
  if (quickTerms(quick).length > 0) {
    return { from: 'customer c INDEXED BY customer_search_text', deleted, searches: true }
  }
  const byName = sort === null || sort.length === 0 || sort[0]?.colId === 'name'
  return { from: 'customer c', deleted: byName || filters.deleted ? deleted : `+${deleted}`, searches: false }
}

/** The owner filter (whose customers, within the scope). */
function ownerSql(owner: CustomerFilters['owner'], caller: Caller, params: Params): string | null {
  if (owner === undefined || owner === 'all') return null
  if (owner === 'pool') return 'c.owner_staff_id IS NULL'
  const staffId = owner === 'mine' ? caller.staffId : owner
  // A caller who stands for no 业务员 owns no customer.
  return staffId === null ? '0' : `c.owner_staff_id = ${params.add(staffId)}`
}

function whereSql(
  caller: Caller,
  filters: CustomerFilters,
  quick: string,
  params: Params,
  deleted: string,
  bounds: () => GradeBounds,
): string {
  const clauses: string[] = [deleted]
  const scope = scopeSql(caller, params)
  if (scope) clauses.push(scope)
  const owner = ownerSql(filters.owner, caller, params)
  if (owner) clauses.push(owner)
  for (const field of customerDictFieldKeys as DictFilterKey[]) {
    const values = filters[field]
    if (values) clauses.push(inList(`c.${snakeCase(field)}`, values, params))
  }
  for (const [key, sqlColumn] of Object.entries(enumFilterColumns) as [keyof typeof enumFilterColumns, string][]) {
    const values = filters[key]
    if (values) clauses.push(inList(`c.${sqlColumn}`, values, params))
  }
  if (filters.groupIds) {
    clauses.push(
      `c.id IN (SELECT customer_id FROM customer_group_member WHERE group_id IN (${params.list(filters.groupIds)}))`,
    )
  }
  if (filters.provinceCode) clauses.push(inList('c.province_code', filters.provinceCode, params))
  if (filters.cityCode) clauses.push(inList('c.city_code', filters.cityCode, params))
  if (filters.dealGrade) clauses.push(inList(dealGradeSql(bounds()), filters.dealGrade, params))
  if (filters.overCreditLimit !== undefined) {
    clauses.push(`${creditExcessFenSql(owedFenSql('c.id'))} ${filters.overCreditLimit ? '> 0' : '= 0'}`)
  }
  if (filters.completenessMin !== undefined) clauses.push(`c.completeness >= ${params.add(filters.completenessMin)}`)
  if (filters.completenessMax !== undefined) clauses.push(`c.completeness <= ${params.add(filters.completenessMax)}`)
  for (const [fromKey, toKey, sqlColumn] of dateFilterColumns) {
    const from = filters[fromKey]
    const to = filters[toKey]
    // Bounds are dates; the column may hold a date or a date and time.
    if (from) clauses.push(`c.${sqlColumn} >= ${params.add(from)}`)
    if (to) clauses.push(`c.${sqlColumn} < date(${params.add(to)}, '+1 day')`)
  }
  for (const term of quickTerms(quick)) {
    clauses.push(`c.search_text LIKE ${params.add(likePattern(term))} ESCAPE '\\'`)
  }
  return clauses.join(' AND ')
}

const dealGradeSet = new Set<string>(dealGrades)
/** Kept for search and duplicate checks (and the card's 最后修改人); the sheet never shows them. */
const hiddenKeys = new Set<string>(['nameNorm', 'phoneNorm', 'emailNorm', 'searchText', 'updatedBy'])
const sheetCustomerColumns = customerColumnPairs.filter(([key]) => !hiddenKeys.has(key))

/**
 * What a page reads and how its rows are built: [row key, raw column, is
 * boolean] pairs worked out once, so a row is one pass into one object.
 * (Spreading the ~100-key customer row into a new object per row cost more
 * than the SQL.) The sheet reads everything; an export only its columns.
 */
interface RowShape {
  columns: (readonly [string, string, boolean])[]
  labels: CustomerDictField[]
  divisions: boolean
  dealGrade: boolean
  groups: boolean
  /** 应收 and 超额度: a look-up of the row's owed contracts each, so only when shown. */
  credit: boolean
}

function rowShape(keys?: ReadonlySet<string>): RowShape {
  const wanted = (key: string): boolean => keys === undefined || keys.has(key)
  return {
    columns: sheetCustomerColumns.filter(([key]) => key === 'id' || wanted(key)),
    labels: customerDictFieldKeys.filter((field) => wanted(customerDictLabelKeys[field])),
    divisions: wanted('provinceName') || wanted('cityName') || wanted('districtName'),
    dealGrade: wanted('dealGrade'),
    groups: wanted('groups'),
    credit: wanted('receivable') || wanted('creditExcess'),
  }
}

const sheetShape = rowShape()

/**
 * A page row as SQLite returns it: the shape's customer columns and `<field>_label`s
 * by column name, and these when the shape asks for them.
 */
type PageRaw = Record<string, unknown> & {
  province_code?: string | null
  city_code?: string | null
  district_code?: string | null
  group_names?: string | null
  deal_grade?: string | null
  owed_fen?: number
  excess_fen?: number
  page_total?: number
}

function rowFromRaw(raw: PageRaw, shape: RowShape): CustomerListRow {
  const row: Record<string, unknown> = {}
  for (const [key, column, isBoolean] of shape.columns) {
    const value = raw[column] ?? null
    row[key] = isBoolean && value !== null ? Boolean(value) : value
  }
  for (const field of shape.labels) row[customerDictLabelKeys[field]] = raw[`${snakeCase(field)}_label`] ?? null
  if (shape.divisions) {
    row.provinceName = divisionName(raw.province_code) ?? null
    row.cityName = divisionName(raw.city_code) ?? null
    row.districtName = divisionName(raw.district_code) ?? null
  }
  if (shape.groups) row.groups = raw.group_names ?? ''
  if (shape.credit) {
    row.receivable = fromFen(raw.owed_fen ?? 0)
    row.creditExcess = fromFen(raw.excess_fen ?? 0)
  }
  if (shape.dealGrade) {
    const grade = raw.deal_grade
    row.dealGrade = grade && dealGradeSet.has(grade) ? grade : null
  }
  return row as unknown as CustomerListRow
}

/**
 * One page in one statement: the page's ids are found first (with only the
 * joins the sort needs), then just those rows get their labels and groups.
 */
async function readPage(
  db: SqlReader,
  caller: Caller,
  input: CustomerListInput,
  today: string,
  shape: RowShape,
): Promise<{ rows: CustomerListRow[]; pageTotal: number | null }> {
  const params = new Params()
  const bounds = gradeBounds(params, today)
  const how = access(input.filters, input.quick, input.sort)
  const where = whereSql(caller, input.filters, input.quick, params, how.deleted, () => bounds)
  const order = orderBy(input.sort, bounds)
  const limit = params.add(input.endRow - input.startRow)
  const offset = params.add(input.startRow)
  // A search sorts its matches anyway, so counting them in the same pass is free;
  // otherwise the count is a separate walk of an index.
  const countInPage = how.searches
  const divisionColumns = shape.divisions ? ['c.province_code', 'c.city_code', 'c.district_code'] : []
  const selected = [
    ...new Set([...shape.columns.map(([, column]) => `c.${column}`), ...divisionColumns]),
    ...shape.labels.map((f) => `${dictAlias(f)}.label AS ${snakeCase(f)}_label`),
    ...(shape.dealGrade ? [`${dealGradeSql(bounds)} AS deal_grade`] : []),
    ...(shape.groups ? [`${groupNamesSql('c.id')} AS group_names`] : []),
    // Summed for the page's rows only, in one grouped read of the covering index (a sub-select per row and
    // column cost ~25 % more on a first page); the page's WHERE and ORDER BY compute them only when asked.
    ...(shape.credit
      ? ['COALESCE(owed.fen, 0) AS owed_fen', `${creditExcessFenSql('COALESCE(owed.fen, 0)')} AS excess_fen`]
      : []),
    ...(countInPage ? ['page.total AS page_total'] : []),
  ]
  // The outer ORDER BY may name a dictionary's sort order: join what it needs too.
  const joins = new Set([...shape.labels, ...order.joins])
  const sql = `WITH page AS (
      SELECT c.id${countInPage ? ', COUNT(*) OVER () AS total' : ''}
      FROM ${how.from} ${[...order.joins].map(dictJoin).join(' ')}
      WHERE ${where} ORDER BY ${order.sql} LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ${selected.join(', ')}
    FROM page JOIN customer c ON c.id = page.id
    ${[...joins].map(dictJoin).join(' ')}
    ${shape.credit ? `LEFT JOIN (${owedFenByCustomerSql('SELECT id FROM page')}) owed ON owed.customer_id = c.id` : ''}
    ORDER BY ${order.sql}`
  const raw = await db.all<PageRaw>(sql, params.values)
  const pageTotal = countInPage ? (raw[0]?.page_total ?? null) : null
  return { rows: raw.map((r) => rowFromRaw(r, shape)), pageTotal }
}

/** A page of the sheet with the number of matching customers (AG Grid's lastRow). */
export async function listCustomerPage(
  db: SqlReader,
  caller: Caller,
  input: CustomerListInput,
  today: string,
): Promise<{ rows: CustomerListRow[]; total: number }> {
  const { rows, pageTotal } = await readPage(db, caller, input, today, sheetShape)
  const total =
    pageTotal ??
    (input.startRow === 0 && rows.length < input.endRow ? rows.length : await countCustomers(db, caller, input, today))
  return { rows, total }
}

/**
 * A page of the same query carrying only the given row keys (an export's
 * columns) and no count: a full row is ~100 values, an export uses a handful.
 */
export async function listCustomerRows(
  db: SqlReader,
  caller: Caller,
  input: CustomerListInput,
  today: string,
  keys: ReadonlySet<string>,
): Promise<CustomerListRow[]> {
  return (await readPage(db, caller, input, today, rowShape(keys))).rows
}

export async function countCustomers(
  db: SqlReader,
  caller: Caller,
  input: Pick<CustomerListInput, 'filters' | 'quick'>,
  today: string,
): Promise<number> {
  const params = new Params()
  const how = access(input.filters, input.quick, null)
  const where = whereSql(caller, input.filters, input.quick, params, how.deleted, () => gradeBounds(params, today))
  const [row] = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${how.from} WHERE ${where}`, params.values)
  return row.n
}

/** Every matching id, for 全选 batch actions. */
export async function listCustomerIds(
  db: SqlReader,
  caller: Caller,
  input: Pick<CustomerListInput, 'filters' | 'quick'>,
  today: string,
): Promise<number[]> {
  const params = new Params()
  const how = access(input.filters, input.quick, null)
  const where = whereSql(caller, input.filters, input.quick, params, how.deleted, () => gradeBounds(params, today))
  const rows = await db.all<{ id: number }>(`SELECT c.id FROM ${how.from} WHERE ${where} ORDER BY c.id`, params.values)
  return rows.map((r) => r.id)
}

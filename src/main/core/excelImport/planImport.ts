import type { EntityManager } from 'typeorm'
import type { z } from 'zod'
import { customerCreateInput, duplicateReasons } from '../../../shared/customer'
import type { DictionaryCategory } from '../../../shared/dictionary'
import type { DuplicateAction, ImportDecisions, ImportPreview, PreviewRow } from '../../../shared/excelImport'
import { importFieldsOf, type ImportField, type ImportKind } from '../../../shared/excelImportFields'
import { cleanText } from '../../../shared/importCleaning'
import { normalizePhone } from '../../../shared/phone'
import { normalizeCreditCode } from '../../../shared/creditCode'
import { resolveSaleAmount, saleCreateInput } from '../../../shared/sale'
import { namePinyin } from '../customers/namePinyin'
import { normalizeName } from '../customers/normalizeName'
import { cleanCell, LabelResolver, mappedColumns } from './importColumns'
import { settleRowValues } from './settleRowValues'
import { listProvinceRegions } from '../regions/regionQueries'
import { customersMatching, enabledItems, saleTargets, type SaleTarget } from './importQueries'
import type { SheetData, SheetRow } from './readImportFile'

export type CustomerInput = z.output<typeof customerCreateInput>

type NamePinyin = ReturnType<typeof namePinyin>

/** A dictionary field whose item is created by the commit (the value holds a placeholder until then). */
export interface PendingLabel {
  field: string
  key: string
}

export interface CustomerPlanRow {
  rowNumber: number
  action: 'create' | 'update'
  input: CustomerInput
  /** Which keys the file gave (an update changes only those). */
  given: string[]
  pending: PendingLabel[]
  targetId: number | null
  /** namePinyin of the name and of each contact's, worked out while the duplicate lookup runs. */
  namePinyin: NamePinyin | null
  contactPinyins: NamePinyin[] | null
}

export interface SalePlanRow {
  rowNumber: number
  customerId: number
  date: string
  productId: number | null
  quantity: number | null
  unitPrice: number | null
  amount: number
  remarks: string | null
  pending: PendingLabel[]
}

export interface ImportPlan {
  preview: ImportPreview
  customers: CustomerPlanRow[]
  sales: SalePlanRow[]
  /** The labels to create, by the key used in `pending`. */
  newLabels: Map<string, { category: DictionaryCategory; label: string }>
}

/** Stands in for an item the commit creates, so the record validates before it exists. */
const placeholderId = 1

/** What planning a file needs besides its rows: the mapped columns and the labels their cells resolve to. */
export interface PlanContext {
  mapped: Mapped[]
  labels: LabelResolver
}

export async function planContext(
  manager: EntityManager,
  kind: ImportKind,
  sheet: SheetData,
  decisions: ImportDecisions,
): Promise<PlanContext> {
  const fields = importFieldsOf[kind]
  const columns = mappedColumns(decisions.mapping, fields)
  const mapped = [...columns].map(([key, column]) => ({
    field: fields.find((f) => f.key === key) as ImportField,
    column,
    header: sheet.headers[column] || (fields.find((f) => f.key === key)?.label ?? key),
  }))
  const categories = [...new Set(mapped.map((m) => m.field.dict).filter((d): d is DictionaryCategory => !!d))]
  const labels = new LabelResolver(
    await enabledItems(manager, categories),
    decisions.labelChoices,
    kind === 'customers' ? await listProvinceRegions(manager) : [],
  )
  return { mapped, labels }
}

/**
 * Every row's outcome with the user's decisions: its problems (in Chinese, with
 * the column as headed in the file), and whether it creates, updates or is
 * skipped. The preview shows it; a 交易记录 commit writes exactly it, a customer
 * commit plans the same way chunk by chunk (planCustomerChunks).
 */
export async function planImport(
  manager: EntityManager,
  kind: ImportKind,
  sheet: SheetData,
  decisions: ImportDecisions,
): Promise<ImportPlan> {
  const context = await planContext(manager, kind, sheet, decisions)
  let result: RowResult
  if (kind === 'customers') {
    const all: RowResult = { rows: [], customers: [], sales: [] }
    await planCustomerChunks(manager, sheet.rows, decisions, context, null, async (chunk) => {
      for (const row of chunk.rows) all.rows.push(row)
      for (const row of chunk.customers) all.customers.push(row)
    })
    result = all
  } else result = await planSales(manager, sheet.rows, context.mapped, context.labels)
  const counts = { create: 0, update: 0, skip: 0, error: 0 }
  for (const row of result.rows) counts[row.action]++
  return {
    preview: {
      total: result.rows.length,
      counts,
      unknownLabels: [...context.labels.unknown.values()].map((u) => ({
        field: u.field,
        fieldLabel: u.fieldLabel,
        label: u.label,
        rows: u.rows,
        suggestions: u.suggestions.map((s) => ({ id: s.id, label: s.label })),
      })),
      rows: result.rows,
    },
    customers: result.customers,
    sales: result.sales,
    newLabels: newLabelsOf(context.labels),
  }
}

/** The labels the commit may create, by the key rows use in `pending`. */
function newLabelsOf(labels: LabelResolver): Map<string, { category: DictionaryCategory; label: string }> {
  return new Map([...labels.unknown].map(([key, u]) => [key, { category: u.category, label: u.label }] as const))
}

export interface Mapped {
  field: ImportField
  column: number
  header: string
}

interface RowResult {
  rows: PreviewRow[]
  customers: CustomerPlanRow[]
  sales: SalePlanRow[]
}

/** The row's cells cleaned into a record shape; problems per column. */
function readRow(row: SheetRow, mapped: Mapped[], labels: LabelResolver) {
  const values: Record<string, unknown> = {}
  const problems: { column: string; message: string }[] = []
  const pending: PendingLabel[] = []
  for (const { field, column, header } of mapped) {
    const cleaned = cleanCell(field, row.cells[column] ?? null)
    if (!cleaned.ok) {
      problems.push({ column: header, message: cleaned.error })
      continue
    }
    if (cleaned.value === null) continue
    if (field.kind !== 'dict') {
      values[field.key] = cleaned.value
      continue
    }
    const resolved = labels.resolve(field, String(cleaned.value))
    if ('error' in resolved) problems.push({ column: header, message: resolved.error })
    else if ('id' in resolved) values[field.key] = resolved.id
    else {
      values[field.key] = placeholderId
      pending.push({ field: field.key, key: resolved.create })
    }
  }
  return { values, problems, pending }
}

/** One problem per column: a cell that could not be cleaned is not validated again. */
function addProblem(problems: { column: string; message: string }[], column: string, message: string): void {
  if (!problems.some((p) => p.column === column)) problems.push({ column, message })
}

function headerOf(mapped: Mapped[], key: string): string {
  return mapped.find((m) => m.field.key === key)?.header ?? key
}

interface DuplicateKeys {
  creditCode: string | null
  nameNorm: string
  phones: string[]
  email: string | null
}

function keysOf(input: CustomerInput): DuplicateKeys {
  const contact = input.contacts[0]
  const phones = [input.phone, contact?.mobile, contact?.officePhone]
    .filter((p): p is string => !!p)
    .map(normalizePhone)
    // Half a number would match too much (as customers.duplicates does).
    .filter((p) => p.length >= 7)
  const email = input.email ? input.email.normalize('NFKC').trim().toLowerCase() : null
  return {
    creditCode: input.creditCode ? normalizeCreditCode(input.creditCode) : null,
    nameNorm: normalizeName(input.name),
    phones,
    email: email && email.includes('@') ? email : null,
  }
}

/** Rows planned at a time: a commit writes a chunk while it reads and checks the next. */
const planChunkRows = 250

export interface CustomerChunk {
  rows: PreviewRow[]
  customers: CustomerPlanRow[]
}

/**
 * Plans the customer rows a chunk at a time, handing each chunk to `onChunk`
 * before reading the next. A row is a duplicate "in the file" of an earlier
 * row of any chunk; "in the database" of a customer that was there before the
 * import — `createdFrom`, the first id the commit gives, keeps the rows it has
 * already written from counting as such.
 */
export async function planCustomerChunks(
  manager: EntityManager,
  rows: SheetRow[],
  decisions: ImportDecisions,
  context: PlanContext,
  createdFrom: number | null,
  onChunk: (chunk: CustomerChunk) => Promise<void>,
): Promise<void> {
  const inFile: FileRows = {
    keys: { creditCode: new Map(), nameNorm: new Map(), phone: new Map(), email: new Map() },
    createdIds: new Map(),
    created: 0,
  }
  for (let start = 0; start < rows.length; start += planChunkRows) {
    const chunk = rows.slice(start, start + planChunkRows)
    await onChunk(await planCustomers(manager, chunk, context, decisions, inFile, createdFrom))
  }
}

async function planCustomers(
  manager: EntityManager,
  rows: SheetRow[],
  { mapped, labels }: PlanContext,
  decisions: ImportDecisions,
  inFile: FileRows,
  createdFrom: number | null,
): Promise<CustomerChunk> {
  const read = rows.map((row) => {
    const { values, problems, pending } = readRow(row, mapped, labels)
    problems.push(...settleRowValues(values, (key) => headerOf(mapped, key)))
    const input: Record<string, unknown> = { name: '' }
    const contact: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(values)) {
      if (key.startsWith('contact.')) contact[key.slice(8)] = value
      else if (key === 'kind') input.kind = value === '个人客户' ? 'individual' : 'enterprise'
      else input[key] = value
    }
    // As the card does: the 大区 follows the province unless the row gives one.
    if (input.regionId === undefined && typeof input.provinceCode === 'string') {
      input.regionId = labels.regionOfProvince(input.provinceCode) ?? undefined
    }
    if (Object.keys(contact).length > 0) {
      if (contact.name === undefined) {
        problems.push({ column: headerOf(mapped, 'contact.name'), message: '填写了联系人信息，但缺少联系人姓名' })
      } else input.contacts = [contact]
    }
    const parsed = customerCreateInput.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, , sub] = issue.path
        const key = first === 'contacts' ? `contact.${String(sub)}` : String(first)
        addProblem(problems, headerOf(mapped, key), issue.message)
      }
    }
    const name = cleanText(typeof input.name === 'string' ? input.name : null) ?? ''
    const valid = parsed.success && problems.length === 0 ? parsed.data : null
    // Computed once: the database lookup and the walk below both need them.
    const keys = valid ? keysOf(valid) : null
    return {
      row,
      name,
      problems,
      pending,
      given: Object.keys(values),
      input: parsed.success ? parsed.data : null,
      keys,
    }
  })

  const keys = read.flatMap((r) => (r.keys ? [r.keys] : []))
  const matching = customersMatching(
    manager,
    {
      names: keys.map((k) => k.nameNorm),
      phones: keys.flatMap((k) => k.phones),
      emails: keys.flatMap((k) => (k.email ? [k.email] : [])),
      creditCodes: keys.flatMap((k) => (k.creditCode ? [k.creditCode] : [])),
    },
    createdFrom,
  )
  // The lookup runs on SQLite's thread: once it is under way, this thread works out
  // the pinyin the written rows need (the largest cost of writing them) meanwhile.
  await new Promise((resolve) => setImmediate(resolve))
  const pinyins = read.map((r) =>
    r.keys && r.input
      ? { name: namePinyin(r.input.name), contacts: r.input.contacts.map((c) => namePinyin(c.name)) }
      : null,
  )
  const inDatabase = await matching

  const result: CustomerChunk = { rows: [], customers: [] }
  for (const [index, r] of read.entries()) {
    const rowNumber = r.row.rowNumber
    const preview: PreviewRow = { rowNumber, name: r.name, action: 'error', problems: r.problems, duplicate: null }
    result.rows.push(preview)
    if (!r.input || !r.keys || r.problems.length > 0) continue
    const k = r.keys
    const db = findDuplicate(k, inDatabase)
    const fileRow = db ? null : findDuplicate(k, inFile.keys)
    const decision: DuplicateAction = decisions.duplicateRows[String(rowNumber)] ?? decisions.duplicateDefault
    let action: 'create' | 'update' | 'skip' = 'create'
    let targetId: number | null = null
    if (db) {
      const customer = db.match
      preview.duplicate = {
        source: 'database',
        rowNumber: null,
        customerId: customer.id,
        code: customer.code,
        name: customer.name,
        reason: db.reason,
      }
      if (decision === 'skip') action = 'skip'
      else if (decision === 'update') {
        if (customer.deleted) {
          r.problems.push({
            column: '重复',
            message: `客户「${customer.name}」（${customer.code}）在回收站中，请先恢复再更新`,
          })
          continue
        }
        action = 'update'
        targetId = customer.id
      } else if (db.reason === duplicateReasons[0]) {
        r.problems.push({
          column: headerOf(mapped, 'creditCode'),
          message: `统一社会信用代码已被客户「${customer.name}」（${customer.code}）使用，不能重复导入`,
        })
        continue
      }
    } else if (fileRow) {
      preview.duplicate = {
        source: 'file',
        rowNumber: fileRow.match,
        customerId: null,
        code: null,
        name: r.name,
        reason: fileRow.reason,
      }
      if (decision === 'skip') action = 'skip'
      else if (decision === 'update') {
        // Merged into the customer the earlier row creates (its id is known once the commit numbers them).
        action = 'update'
        targetId = inFile.createdIds.get(fileRow.match) ?? null
      } else if (fileRow.reason === duplicateReasons[0]) {
        r.problems.push({
          column: headerOf(mapped, 'creditCode'),
          message: `统一社会信用代码与第 ${fileRow.match} 行相同，不能重复导入`,
        })
        continue
      }
    }
    preview.action = action
    if (action === 'skip') continue
    if (action === 'create') {
      remember(inFile.keys, k, rowNumber)
      inFile.createdIds.set(rowNumber, createdFrom === null ? null : createdFrom + inFile.created)
      inFile.created++
    }
    result.customers.push({
      rowNumber,
      action,
      input: r.input,
      given: r.given,
      pending: r.pending,
      targetId,
      namePinyin: pinyins[index]?.name ?? null,
      contactPinyins: pinyins[index]?.contacts ?? null,
    })
  }
  return result
}

/** What the rows planned so far left for the later ones: their keys, and the ids the created ones get. */
interface FileRows {
  keys: KeyIndex<number>
  /** Row number → the id its customer gets (null while only previewing). */
  createdIds: Map<number, number | null>
  created: number
}

type KeyIndex<T> = {
  creditCode: Map<string, T>
  nameNorm: Map<string, T>
  phone: Map<string, T>
  email: Map<string, T>
}

function remember(index: KeyIndex<number>, k: DuplicateKeys, rowNumber: number): void {
  if (k.creditCode && !index.creditCode.has(k.creditCode)) index.creditCode.set(k.creditCode, rowNumber)
  if (k.nameNorm && !index.nameNorm.has(k.nameNorm)) index.nameNorm.set(k.nameNorm, rowNumber)
  for (const phone of k.phones) if (!index.phone.has(phone)) index.phone.set(phone, rowNumber)
  if (k.email && !index.email.has(k.email)) index.email.set(k.email, rowNumber)
}

/** The strongest shared key: 信用代码, then name, phone, e-mail (duplicateReasons' order). */
function findDuplicate<T>(k: DuplicateKeys, index: KeyIndex<T>): { match: T; reason: string } | null {
  const [byCredit, byName, byPhone, byEmail] = duplicateReasons
  const credit = k.creditCode ? index.creditCode.get(k.creditCode) : undefined
  if (credit !== undefined) return { match: credit, reason: byCredit }
  const name = k.nameNorm ? index.nameNorm.get(k.nameNorm) : undefined
  if (name !== undefined) return { match: name, reason: byName }
  for (const phone of k.phones) {
    const hit = index.phone.get(phone)
    if (hit !== undefined) return { match: hit, reason: byPhone }
  }
  const email = k.email ? index.email.get(k.email) : undefined
  return email !== undefined ? { match: email, reason: byEmail } : null
}

async function planSales(
  manager: EntityManager,
  rows: SheetRow[],
  mapped: Mapped[],
  labels: LabelResolver,
): Promise<RowResult> {
  const read = rows.map((row) => ({ row, ...readRow(row, mapped, labels) }))
  const codeOf = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : null)
  const targets = await saleTargets(
    manager,
    read.flatMap((r) => codeOf(r.values.customerCode) ?? []),
    read.flatMap((r) => (typeof r.values.customerName === 'string' ? [normalizeName(r.values.customerName)] : [])),
  )
  const byCode = new Map(targets.map((t) => [t.code, t]))
  const byName = new Map<string, SaleTarget[]>()
  for (const t of targets) byName.set(t.nameNorm, [...(byName.get(t.nameNorm) ?? []), t])

  const result: RowResult = { rows: [], customers: [], sales: [] }
  for (const r of read) {
    const { values, problems } = r
    const name = typeof values.customerName === 'string' ? values.customerName : ''
    const code = codeOf(values.customerCode)
    let customer: SaleTarget | null = null
    if (code) {
      customer = byCode.get(code) ?? null
      if (!customer) problems.push({ column: headerOf(mapped, 'customerCode'), message: `找不到客户编号「${code}」` })
    } else if (name) {
      const candidates = byName.get(normalizeName(name)) ?? []
      const exact = candidates.filter((c) => c.name === name)
      const chosen = exact.length === 1 ? exact : candidates
      if (chosen.length === 1) customer = chosen[0] as SaleTarget
      else if (chosen.length === 0) {
        problems.push({
          column: headerOf(mapped, 'customerName'),
          message: `找不到客户「${name}」，请先导入或新建该客户`,
        })
      } else {
        problems.push({
          column: headerOf(mapped, 'customerName'),
          message: `有 ${chosen.length} 个客户名称与「${name}」相同，请填写客户编号以区分`,
        })
      }
    } else problems.push({ column: headerOf(mapped, 'customerName'), message: '请填写客户名称或客户编号' })

    const sale = {
      customerId: customer?.id ?? placeholderId,
      date: values.date ?? '',
      productId: values.product ?? null,
      quantity: values.quantity ?? null,
      unitPrice: values.unitPrice ?? null,
      amount: values.amount ?? null,
      remarks: values.remarks ?? null,
    }
    const parsed = saleCreateInput.safeParse(sale)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) === 'productId' ? 'product' : String(issue.path[0])
        addProblem(problems, headerOf(mapped, key), issue.message)
      }
    }
    const amount = parsed.success
      ? resolveSaleAmount({
          quantity: parsed.data.quantity ?? null,
          unitPrice: parsed.data.unitPrice ?? null,
          amount: parsed.data.amount ?? null,
        })
      : null
    if (parsed.success && amount === null) {
      problems.push({ column: headerOf(mapped, 'amount'), message: '请填写金额，或同时填写数量和单价' })
    }
    const ok = parsed.success && customer !== null && amount !== null && problems.length === 0
    result.rows.push({
      rowNumber: r.row.rowNumber,
      name: customer?.name ?? name,
      action: ok ? 'create' : 'error',
      problems,
      duplicate: null,
    })
    if (!ok || !parsed.success || !customer || amount === null) continue
    result.sales.push({
      rowNumber: r.row.rowNumber,
      customerId: customer.id,
      date: parsed.data.date,
      productId: parsed.data.productId ?? null,
      quantity: parsed.data.quantity ?? null,
      unitPrice: parsed.data.unitPrice ?? null,
      amount,
      remarks: parsed.data.remarks ?? null,
      pending: r.pending,
    })
  }
  return result
}

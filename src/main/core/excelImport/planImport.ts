import { duplicateReasons } from '../../../shared/customer'
import type { DictionaryCategory } from '../../../shared/dictionary'
import type { DuplicateAction, ImportDecisions, ImportPreview, PreviewRow } from '../../../shared/excelImport'
import { importFieldsOf, type ImportField, type ImportKind } from '../../../shared/excelImportFields'
import { resolveSaleAmount, saleCreateInput } from '../../../shared/sale'
import type { namePinyin } from '../customers/namePinyin'
import { normalizeName } from '../customers/normalizeName'
import type { SqlReader } from '../db/sqlHandles'
import { listProvinceRegions } from '../regions/regionQueries'
import type { CustomerRowReader, CustomerRowReaders } from './customerRowReader'
import { LabelResolver, mappedColumns, type UnknownLabelTally } from './importColumns'
import { customersMatching, enabledItems, saleTargets, type Queryable, type SaleTarget } from './importQueries'
import { rememberedLabels } from './importMappingMemory'
import { groupContactRows } from './groupContactRows'
import { inFileOrder, leaveOutSkippedRows } from './leaveOutSkippedRows'
import type { SheetData } from './readImportFile'
import type { SheetRow } from './sheetRow'
import type { CustomerInput, CustomerRowRead, DuplicateKeys, RowReading } from './readCustomerRow'
import { addProblem, headerOf, placeholderId, readRow, type Mapped, type PendingLabel } from './readRow'

type NamePinyin = ReturnType<typeof namePinyin>

export interface CustomerPlanRow {
  rowNumber: number
  action: 'create' | 'update'
  input: CustomerInput
  /** Which keys the file gave (an update changes only those). */
  given: string[]
  pending: PendingLabel[]
  targetId: number | null
  /** namePinyin of the name and of each contact's, worked out when the row was read. */
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
}

/** What planning a file needs besides its rows: the mapped columns and what their labels resolve to. */
export interface PlanContext {
  mapped: Mapped[]
  reading: RowReading
}

export async function planContext(
  db: SqlReader,
  kind: ImportKind,
  sheet: SheetData,
  decisions: ImportDecisions,
): Promise<PlanContext> {
  const fields = importFieldsOf[kind]
  const columns = [...mappedColumns(decisions.mapping, fields)].map(([key, column]) => ({
    key,
    column,
    header: sheet.headers[column] || (fields.find((f) => f.key === key)?.label ?? key),
  }))
  const mapped = columns.map((c) => ({ ...c, field: fields.find((f) => f.key === c.key) as ImportField }))
  const categories = [...new Set(mapped.map((m) => m.field.dict).filter((d): d is DictionaryCategory => !!d))]
  const labels = {
    items: await enabledItems(db, categories),
    choices: decisions.labelChoices,
    provinceRegions: kind === 'customers' ? await listProvinceRegions(db) : [],
    remembered: categories.length > 0 ? await rememberedLabels(db) : {},
  }
  return { mapped, reading: { columns, labels } }
}

/**
 * Every row's outcome with the user's decisions: its problems (in Chinese, with
 * the column as headed in the file), and whether it creates, updates or is
 * skipped. The preview shows it; a 交易记录 commit writes exactly it, a customer
 * commit plans the same way chunk by chunk (planCustomerChunks).
 */
export async function planImport(
  db: SqlReader,
  kind: ImportKind,
  sheet: SheetData,
  decisions: ImportDecisions,
  readers: CustomerRowReaders,
): Promise<ImportPlan> {
  const context = await planContext(db, kind, sheet, decisions)
  let result: RowResult
  let unknown: UnknownLabelTally[]
  if (kind === 'customers') {
    const all: RowResult = { rows: [], customers: [], sales: [] }
    const reader = await readers.open(context.reading)
    try {
      await planCustomerChunks(db, sheet.rows, decisions, context, reader, null, async (chunk) => {
        for (const row of chunk.rows) all.rows.push(row)
        for (const row of chunk.customers) all.customers.push(row)
      })
      unknown = await reader.unknownLabels()
    } finally {
      await reader.close()
    }
    result = all
  } else {
    const labels = new LabelResolver(context.reading.labels)
    const { rows, skipped } = leaveOutSkippedRows(sheet.rows, decisions.importRows)
    result = await planSales(db, rows, context.mapped, labels)
    result.rows = inFileOrder(result.rows, skipped)
    unknown = [...labels.unknown.values()]
  }
  const counts = { create: 0, update: 0, skip: 0, error: 0 }
  for (const row of result.rows) counts[row.action]++
  return {
    preview: {
      total: result.rows.length,
      counts,
      unknownLabels: unknown.map((u) => ({
        field: u.field,
        fieldLabel: u.fieldLabel,
        label: u.label,
        rows: u.rows,
        suggestions: u.suggestions.map((s) => ({ id: s.id, label: s.label })),
        proposed: u.proposed,
      })),
      rows: result.rows,
    },
    customers: result.customers,
    sales: result.sales,
  }
}

interface RowResult {
  rows: PreviewRow[]
  customers: CustomerPlanRow[]
  sales: SalePlanRow[]
}

/** Rows planned at a time: a commit writes a chunk while it checks the next, and the reader reads the one after. */
const planChunkRows = 250

export interface CustomerChunk {
  rows: PreviewRow[]
  customers: CustomerPlanRow[]
}

/**
 * Plans the customer rows a chunk at a time, handing each chunk to `onChunk`
 * before planning the next; the reader reads ahead meanwhile. A row is a
 * duplicate "in the file" of an earlier row of any chunk; "in the database" of
 * a customer found by `lookups`. A commit gives a connection of its own
 * (importLookups), which sees the database as it was before the import and
 * runs beside its writes; `createdFrom`, the first id the commit gives, numbers
 * the customers the rows create.
 */
export async function planCustomerChunks(
  lookups: Queryable,
  rows: SheetRow[],
  decisions: ImportDecisions,
  { mapped }: PlanContext,
  reader: CustomerRowReader,
  createdFrom: number | null,
  onChunk: (chunk: CustomerChunk) => Promise<void>,
): Promise<void> {
  const inFile: FileRows = {
    keys: { creditCode: new Map(), nameNorm: new Map(), phone: new Map(), email: new Map() },
    createdIds: new Map(),
    created: 0,
  }
  const { rows: kept, skipped } = leaveOutSkippedRows(rows, decisions.importRows)
  const units = groupContactRows(kept, mapped)
  let skippedLeft = skipped
  // The 合计/说明 rows go out in file order, each with the chunk it falls in.
  const withSkipped = (chunk: CustomerChunk): CustomerChunk => {
    const last = chunk.rows[chunk.rows.length - 1]?.rowNumber ?? 0
    const after = skippedLeft.findIndex((row) => row.rowNumber > last)
    const here = after < 0 ? skippedLeft : skippedLeft.slice(0, after)
    if (here.length === 0) return chunk
    skippedLeft = skippedLeft.slice(here.length)
    return { ...chunk, rows: inFileOrder(chunk.rows, here) }
  }
  // Each chunk's duplicate lookup is sent as soon as the chunk is read, a couple of chunks
  // ahead: it finds only customers from before the import, so the writes of the chunks
  // before it do not change its answer, and it is done by the time its chunk is planned.
  const ahead: Promise<{ read: CustomerRowRead[]; inDatabase: Promise<MatchingCustomers> }>[] = []
  let asked = 0
  const askAhead = () => {
    for (; ahead.length < chunksAhead && asked < units.length; asked += planChunkRows) {
      const chunk = reader.read(units.slice(asked, asked + planChunkRows)).then((read) => {
        const inDatabase = lookUp(lookups, read)
        inDatabase.catch(() => undefined) // awaited in turn; an error is not unhandled meanwhile
        return { read, inDatabase }
      })
      chunk.catch(() => undefined)
      ahead.push(chunk)
    }
  }
  askAhead()
  for (let next = ahead.shift(); next; next = ahead.shift()) {
    const { read, inDatabase } = await next
    askAhead()
    await onChunk(withSkipped(planCustomers(read, await inDatabase, mapped, decisions, inFile, createdFrom)))
  }
  if (skippedLeft.length > 0) await onChunk({ rows: skippedLeft, customers: [] })
}

/** Chunks read and looked up ahead of the one being planned. */
const chunksAhead = 2

type MatchingCustomers = Awaited<ReturnType<typeof customersMatching>>

function lookUp(lookups: Queryable, read: CustomerRowRead[]): Promise<MatchingCustomers> {
  // A row with bad optional values may import without them: its duplicates are looked up too.
  const keys = read.flatMap((r) => {
    const k = r.keys ?? r.partial?.keys
    return k ? [k] : []
  })
  return customersMatching(lookups, {
    names: keys.map((k) => k.nameNorm),
    phones: keys.flatMap((k) => k.phones),
    emails: keys.flatMap((k) => (k.email ? [k.email] : [])),
    creditCodes: keys.flatMap((k) => (k.creditCode ? [k.creditCode] : [])),
  })
}

function planCustomers(
  read: CustomerRowRead[],
  inDatabase: MatchingCustomers,
  mapped: Mapped[],
  decisions: ImportDecisions,
  inFile: FileRows,
  createdFrom: number | null,
): CustomerChunk {
  const result: CustomerChunk = { rows: [], customers: [] }
  for (const r of read) {
    const rowNumber = r.rowNumber
    // Imported without its bad optional values, when the user lets such rows in.
    const partial = decisions.badValueRows === 'blank' ? r.partial : null
    const row = partial ? { ...r, ...partial, problems: [] } : r
    const preview: PreviewRow = { rowNumber, name: r.name, action: 'error', problems: row.problems, duplicate: null }
    if (partial) preview.dropped = partial.dropped
    if (r.notes) preview.notes = r.notes
    result.rows.push(preview)
    if (!row.input || !row.keys || row.problems.length > 0) continue
    const k = row.keys
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
          row.problems.push({
            column: '重复',
            message: `客户「${customer.name}」（${customer.code}）在回收站中，请先恢复再更新`,
          })
          continue
        }
        action = 'update'
        targetId = customer.id
      } else if (db.reason === duplicateReasons[0]) {
        row.problems.push({
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
        // A third row that shares only this row's phone or e-mail is the same customer again.
        remember(inFile.keys, k, fileRow.match)
      } else if (fileRow.reason === duplicateReasons[0]) {
        row.problems.push({
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
      input: row.input,
      given: row.given,
      pending: r.pending,
      targetId,
      namePinyin: row.pinyin?.name ?? null,
      contactPinyins: row.pinyin?.contacts ?? null,
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

async function planSales(db: SqlReader, rows: SheetRow[], mapped: Mapped[], labels: LabelResolver): Promise<RowResult> {
  const read = rows.map((row) => ({ row, ...readRow(row, mapped, labels) }))
  const codeOf = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : null)
  const targets = await saleTargets(
    db,
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
    const resolved = parsed.success
      ? resolveSaleAmount({
          quantity: parsed.data.quantity ?? null,
          unitPrice: parsed.data.unitPrice ?? null,
          amount: parsed.data.amount ?? null,
        })
      : null
    // Without a 金额 column, 单价 is the column a computed 金额 came from.
    const amountColumn = mapped.some((m) => m.field.key === 'amount') ? 'amount' : 'unitPrice'
    if (resolved && !resolved.ok) problems.push({ column: headerOf(mapped, amountColumn), message: resolved.message })
    const amount = resolved?.ok ? resolved.amount : null
    const ok = parsed.success && customer !== null && amount !== null && problems.length === 0
    const preview: PreviewRow = {
      rowNumber: r.row.rowNumber,
      name: customer?.name ?? name,
      action: ok ? 'create' : 'error',
      problems,
      duplicate: null,
    }
    if (r.notes) preview.notes = r.notes
    result.rows.push(preview)
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

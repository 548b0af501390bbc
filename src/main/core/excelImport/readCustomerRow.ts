import type { z } from 'zod'
import type { DroppedValue } from '../../../shared/excelImport'
import { customerCreateInput } from '../../../shared/customer'
import { normalizeCreditCode } from '../../../shared/creditCode'
import { cleanText } from '../../../shared/importCleaning'
import { normalizePhone } from '../../../shared/phone'
import { namePinyin } from '../customers/namePinyin'
import { normalizeName } from '../customers/normalizeName'
import { importFieldsOf, type ImportField } from '../../../shared/excelImportFields'
import { LabelResolver, type LabelSource } from './importColumns'
import type { SheetRow } from './sheetRow'
import { addProblem, headerOf, readRow, type Mapped, type PendingLabel } from './readRow'
import { settleRowValues, type RowProblem } from './settleRowValues'
import type { CustomerRows } from './groupContactRows'
import { placeMorePhones } from './placeMorePhones'
import { readContactRows } from './readContactRows'

export type CustomerInput = z.output<typeof customerCreateInput>

type NamePinyin = ReturnType<typeof namePinyin>

/** The keys a row is compared by, with customers in the database and earlier rows of the file. */
export interface DuplicateKeys {
  creditCode: string | null
  nameNorm: string
  phones: string[]
  email: string | null
}

/** A customer row read on its own: everything that does not need the database or the rows before it. */
export interface CustomerRowRead {
  rowNumber: number
  name: string
  problems: RowProblem[]
  pending: PendingLabel[]
  /** Which keys the file gave (an update changes only those). */
  given: string[]
  input: CustomerInput | null
  /** Only for a row without problems. */
  keys: DuplicateKeys | null
  /** namePinyin of the name and of each contact's, which writing the row needs. */
  pinyin: { name: NamePinyin; contacts: NamePinyin[] } | null
  /** A row whose only problems are bad optional values: the row as it imports without them. */
  partial: PartialRow | null
  /** What the preview says about the row: values from merged cells, phones split, contacts of the rows under it. */
  notes?: string[]
}

/** A row read again without its bad optional values (邮箱「liuyang@」, a date that does not exist …). */
export interface PartialRow {
  dropped: DroppedValue[]
  input: CustomerInput
  given: string[]
  keys: DuplicateKeys
  pinyin: { name: NamePinyin; contacts: NamePinyin[] }
}

/** What reading a file's customer rows needs: plain data, so that a worker thread can be given it. */
export interface RowReading {
  columns: { key: string; column: number; header: string }[]
  labels: LabelSource
}

/** A RowReading set up to read rows with. */
export interface RowContext {
  mapped: Mapped[]
  labels: LabelResolver
  /** The keys a row's record can have: the mapped fields' and those settling and reading add. */
  keys: Set<string>
  /** customerCreateInput for those keys only: the same checks, without walking ~90 absent fields per row. */
  schema: typeof customerCreateInput
  /** A header as problems name it → the field key whose value can be left out (null: one the row needs). */
  droppable: Map<string, { key: string; column: number } | null>
}

/** Left out together with the value: the 历法 of a dropped date. */
const droppedWith: Record<string, string[]> = { birthDate: ['birthCalendar'] }

const addedKeys = [
  'name',
  'kind',
  'regionId',
  'provinceCode',
  'cityCode',
  'districtCode',
  'birthDate',
  'birthCalendar',
  'address',
]

export function rowContext({ columns, labels }: RowReading): RowContext {
  const fields = importFieldsOf.customers
  const mapped = columns.map(({ key, column, header }) => ({
    field: fields.find((f) => f.key === key) as ImportField,
    column,
    header,
  }))
  const shape = customerCreateInput.shape
  const keys = new Set([...addedKeys, ...columns.map((c) => c.key)].filter((key) => key in shape))
  const picked = Object.fromEntries([...keys, 'contacts', 'groups'].map((key) => [key, true])) as Record<
    keyof typeof shape,
    true
  >
  const droppable = new Map<string, { key: string; column: number } | null>()
  for (const { field, column, header } of mapped) {
    // A dictionary field's problem is a choice to make again, not a value to leave out.
    const needed = field.required || field.key === 'contact.name' || field.kind === 'dict'
    droppable.set(header, droppable.has(header) || needed ? null : { key: field.key, column })
  }
  return { mapped, labels: new LabelResolver(labels), keys, schema: customerCreateInput.pick(picked), droppable }
}

/** Cleans, settles and validates a row as a new customer with its contact, and works out its keys and pinyin. */
export function readCustomerRow(row: SheetRow, context: RowContext): CustomerRowRead {
  const { mapped, labels } = context
  const header = (key: string) => headerOf(mapped, key)
  const read = readRow(row, mapped, labels)
  const { values, problems, pending } = read
  problems.push(...settleRowValues(values, header))
  let notes = read.notes
  if (read.morePhones) notes = [...(notes ?? []), ...placeMorePhones(values, read.morePhones)]
  const contactRows = (row as CustomerRows).contactRows
  if (contactRows) {
    notes ??= []
    values.contacts = readContactRows(contactRows, mapped, labels, problems, notes)
  }
  const built = validate(values, context, header)
  for (const problem of built.problems) addProblem(problems, problem.column, problem.message)
  const input = built.input
  const valid = input && problems.length === 0 ? input : null
  const result: CustomerRowRead = {
    rowNumber: row.rowNumber,
    name: cleanText(typeof built.name === 'string' ? built.name : null) ?? '',
    problems,
    pending,
    given: Object.keys(values),
    input,
    keys: valid ? keysOf(valid) : null,
    pinyin: valid ? pinyinOf(valid) : null,
    partial: problems.length > 0 ? partialRow(row, values, problems, context, header) : null,
  }
  if (notes) result.notes = notes
  return result
}

/** The record a row's values make, checked by the schema; problems name the columns as headed in the file. */
function validate(
  values: Record<string, unknown>,
  { labels, keys, schema }: RowContext,
  header: (key: string) => string,
) {
  const problems: RowProblem[] = []
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
      problems.push({ column: header('contact.name'), message: '填写了联系人信息，但缺少联系人姓名' })
    } else input.contacts = [contact, ...((input.contacts as unknown[] | undefined) ?? [])]
  }
  // A key outside the picked ones (none is expected) gets the whole schema and its message.
  const covered = Object.keys(input).every((key) => key === 'contacts' || keys.has(key))
  const parsed = (covered ? schema : customerCreateInput).safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, , sub] = issue.path
      const key = first === 'contacts' ? `contact.${String(sub)}` : String(first)
      addProblem(problems, header(key), issue.message)
    }
  }
  return { name: input.name, problems, input: parsed.success ? parsed.data : null }
}

/**
 * The row without the values its problems are about, when each is a value the
 * row can do without (not 客户名称, 联系人 or a dictionary choice) and the rest
 * then validates. Worked out for rows with problems only, so clean rows pay nothing.
 */
function partialRow(
  row: SheetRow,
  values: Record<string, unknown>,
  problems: RowProblem[],
  context: RowContext,
  header: (key: string) => string,
): PartialRow | null {
  const kept = { ...values }
  const dropped: (DroppedValue & { at: number })[] = []
  for (const problem of problems) {
    const field = context.droppable.get(problem.column)
    if (!field) return null
    for (const key of [field.key, ...(droppedWith[field.key] ?? [])]) Reflect.deleteProperty(kept, key)
    const value = cleanText(row.cells[field.column] ?? null) ?? ''
    dropped.push({ column: problem.column, value, message: problem.message, at: field.column })
  }
  // In the order of the file's columns, as the user reads the row.
  dropped.sort((a, b) => a.at - b.at)
  const again = validate(kept, context, header)
  if (!again.input || again.problems.length > 0) return null
  return {
    dropped: dropped.map(({ column, value, message }) => ({ column, value, message })),
    input: again.input,
    given: Object.keys(kept),
    keys: keysOf(again.input),
    pinyin: pinyinOf(again.input),
  }
}

function pinyinOf(input: CustomerInput): { name: NamePinyin; contacts: NamePinyin[] } {
  return { name: namePinyin(input.name), contacts: input.contacts.map((c) => namePinyin(c.name)) }
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

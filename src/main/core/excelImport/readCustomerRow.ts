import type { z } from 'zod'
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
}

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
  return { mapped, labels: new LabelResolver(labels), keys, schema: customerCreateInput.pick(picked) }
}

/** Cleans, settles and validates a row as a new customer with its contact, and works out its keys and pinyin. */
export function readCustomerRow(row: SheetRow, { mapped, labels, keys, schema }: RowContext): CustomerRowRead {
  const header = (key: string) => headerOf(mapped, key)
  const { values, problems, pending } = readRow(row, mapped, labels)
  problems.push(...settleRowValues(values, header))
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
    } else input.contacts = [contact]
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
  const valid = parsed.success && problems.length === 0 ? parsed.data : null
  return {
    rowNumber: row.rowNumber,
    name: cleanText(typeof input.name === 'string' ? input.name : null) ?? '',
    problems,
    pending,
    given: Object.keys(values),
    input: parsed.success ? parsed.data : null,
    keys: valid ? keysOf(valid) : null,
    pinyin: valid ? { name: namePinyin(valid.name), contacts: valid.contacts.map((c) => namePinyin(c.name)) } : null,
  }
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

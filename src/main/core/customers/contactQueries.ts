import {
  contactFieldLabels,
  type Contact,
  type ContactField,
  type ContactInput,
  type ImportantDate,
} from '../../../shared/contact'
import { normalizePhone } from '../../../shared/phone'
import { AppError } from '../appError'
import { ContactDateEntity, ContactEntity, type ContactRow } from '../db/customerEntities'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { displayContactValue, type ChangeDraft } from './customerChanges'
import { namePinyin } from './namePinyin'

type ContactValues = Omit<Contact, 'id' | 'customerId' | 'importantDates' | 'version'>

/** A contact row as SQLite returns it, under its property names: only is_key is still 0/1. */
type ContactRaw = Omit<ContactRow, 'isKey'> & { isKey: number; version: number }

/** `<column> AS <property>` for every contact column. */
const contactColumnsSql = Object.entries(ContactEntity.options.columns)
  .map(([property, column]) => `${column?.name ?? property} AS ${property}`)
  .join(', ')

interface ContactDateRaw {
  id: number
  contact_id: number
  label: string
  date: string
  calendar: ImportantDate['calendar']
}

export async function listContacts(db: SqlReader, customerId: number): Promise<Contact[]> {
  const rows = await db.all<ContactRaw>(
    `SELECT ${contactColumnsSql}, version FROM contact WHERE customer_id = ? ORDER BY sort_order, id`,
    [customerId],
  )
  if (rows.length === 0) return []
  const dates = await db.all<ContactDateRaw>(
    `SELECT d.id, d.contact_id, d.label, d.date, d.calendar FROM contact_date d
     JOIN contact c ON c.id = d.contact_id WHERE c.customer_id = ? ORDER BY d.sort_order, d.id`,
    [customerId],
  )
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customerId,
    ...valuesOfRow(row),
    version: row.version,
    importantDates: dates
      .filter((d) => d.contact_id === row.id)
      .map((d) => ({ id: d.id, label: d.label, date: d.date, calendar: d.calendar })),
  }))
}

function valuesOfRow(row: ContactRaw): ContactValues {
  return {
    name: row.name,
    gender: row.gender,
    title: row.title,
    department: row.department,
    mobile: row.mobile,
    officePhone: row.officePhone,
    homePhone: row.homePhone,
    wechat: row.wechat,
    email: row.email,
    homeAddress: row.homeAddress,
    birthday: row.birthdayDate ? { date: row.birthdayDate, calendar: row.birthdayCalendar ?? 'solar' } : null,
    hobbies: row.hobbies,
    personality: row.personality,
    education: row.education,
    nativePlace: row.nativePlace,
    friendliness: row.friendliness,
    decisionRole: row.decisionRole,
    isKey: row.isKey === 1,
    callTime: row.callTime,
    speechStyle: row.speechStyle,
    remarks: row.remarks,
  }
}

function valuesOfInput(input: ContactInput): ContactValues {
  return {
    name: input.name,
    gender: input.gender ?? null,
    title: input.title ?? null,
    department: input.department ?? null,
    mobile: input.mobile ?? null,
    officePhone: input.officePhone ?? null,
    homePhone: input.homePhone ?? null,
    wechat: input.wechat ?? null,
    email: input.email ?? null,
    homeAddress: input.homeAddress ?? null,
    birthday: input.birthday ?? null,
    hobbies: input.hobbies ?? null,
    personality: input.personality ?? null,
    education: input.education ?? null,
    nativePlace: input.nativePlace ?? null,
    friendliness: input.friendliness ?? null,
    decisionRole: input.decisionRole ?? null,
    isKey: input.isKey ?? false,
    callTime: input.callTime ?? null,
    speechStyle: input.speechStyle ?? null,
    remarks: input.remarks ?? null,
  }
}

function rowOfValues(
  values: ContactValues,
  { pinyin, initials } = namePinyin(values.name),
): Omit<ContactRow, 'id' | 'customerId' | 'sortOrder'> {
  const { birthday } = values
  // Copied key by key: `{ ...rest, pinyin … }` took ~8 µs a contact in V8 (spread into
  // a literal with more keys after it), most of an import's contact cost.
  const row: Record<string, unknown> = {}
  for (const key in values) if (key !== 'birthday') row[key] = values[key as keyof ContactValues]
  row.pinyin = pinyin
  row.pinyinInitials = initials
  row.mobileNorm = values.mobile ? normalizePhone(values.mobile) : null
  row.officePhoneNorm = values.officePhone ? normalizePhone(values.officePhone) : null
  row.birthdayDate = birthday?.date ?? null
  row.birthdayCalendar = birthday ? birthday.calendar : null
  return row as Omit<ContactRow, 'id' | 'customerId' | 'sortOrder'>
}

/** A new contact's stored columns (pinyin, phone keys, birthday split), as every contact write stores them. */
export function contactRowOfInput(
  input: ContactInput,
  /** namePinyin(input.name), when the caller already has it (pinyin-pro is most of a contact's cost). */
  pinyin?: { pinyin: string; initials: string },
): Omit<ContactRow, 'id' | 'customerId' | 'sortOrder'> {
  return rowOfValues(valuesOfInput(input), pinyin)
}

const contactFields = Object.keys(contactFieldLabels) as ContactField[]

/**
 * Makes the customer's contacts the given list (docs/product-rules.md#contacts: the card saves them with
 * the customer): updates those with an id, inserts those without, deletes the
 * rest. Returns the history drafts; `existing` is the list before the save.
 */
export async function saveContacts(
  db: SqlWriter,
  customerId: number,
  inputs: ContactInput[],
  existing: Contact[],
  /** The id of each new contact, where the caller hands them out (an import does); else SQLite's next. */
  newContactId?: () => number,
): Promise<ChangeDraft[]> {
  const drafts: ChangeDraft[] = []
  const byId = new Map(existing.map((c) => [c.id, c]))
  const kept = new Set<number>()
  for (const [index, input] of inputs.entries()) {
    const values = valuesOfInput(input)
    if (input.id === undefined) {
      const row = { customerId, sortOrder: index, ...rowOfValues(values) }
      const result = await db.manager.insert(ContactEntity, newContactId ? { id: newContactId(), ...row } : row)
      const id = Number(result.identifiers[0]?.id)
      await saveDates(db, id, input.importantDates, [])
      drafts.push({ field: 'contacts', label: '新增联系人', oldValue: null, newValue: values.name })
      continue
    }
    const before = byId.get(input.id)
    if (!before || kept.has(input.id)) {
      throw new AppError('VALIDATION', '联系人不属于该客户，请刷新后重试', { [`contacts.${index}.id`]: '联系人不存在' })
    }
    kept.add(input.id)
    const draftsBefore = drafts.length
    const who = `联系人「${before.name}」的`
    for (const field of contactFields) {
      const [oldValue, newValue] = [
        displayContactValue(field, before[field]),
        displayContactValue(field, values[field]),
      ]
      if (oldValue !== newValue)
        drafts.push({ field: `contact.${field}`, label: who + contactFieldLabels[field], oldValue, newValue })
    }
    await db.manager.update(ContactEntity, { id: input.id }, { sortOrder: index, ...rowOfValues(values) })
    const datesBefore = describeDates(before.importantDates)
    await saveDates(db, input.id, input.importantDates, before.importantDates)
    const datesAfter = describeDates(input.importantDates)
    if (datesBefore !== datesAfter) {
      drafts.push({
        field: 'contact.importantDates',
        label: `${who}纪念日`,
        oldValue: datesBefore,
        newValue: datesAfter,
      })
    }
    // Changed or moved: a form holding the contact as it was can no longer save over it.
    if (drafts.length > draftsBefore || existing.indexOf(before) !== index) {
      await db.run(`UPDATE contact SET version = version + 1 WHERE id = ?`, [input.id])
    }
  }
  const removed = existing.filter((c) => !kept.has(c.id))
  if (removed.length > 0) {
    await db.run(`DELETE FROM contact WHERE id IN (SELECT value FROM json_each(?))`, [
      JSON.stringify(removed.map((c) => c.id)),
    ])
    for (const contact of removed)
      drafts.push({ field: 'contacts', label: '删除联系人', oldValue: contact.name, newValue: null })
  }
  return drafts
}

async function saveDates(
  db: SqlWriter,
  contactId: number,
  inputs: ContactInput['importantDates'],
  existing: ImportantDate[],
): Promise<void> {
  const known = new Set(existing.map((d) => d.id))
  const kept = new Set<number>()
  for (const [index, input] of inputs.entries()) {
    const row = { contactId, sortOrder: index, label: input.label, date: input.date, calendar: input.calendar }
    if (input.id === undefined) {
      await db.manager.insert(ContactDateEntity, row)
      continue
    }
    if (!known.has(input.id) || kept.has(input.id)) {
      throw new AppError('VALIDATION', '纪念日不属于该联系人，请刷新后重试')
    }
    kept.add(input.id)
    await db.manager.update(ContactDateEntity, { id: input.id }, row)
  }
  const removed = existing.filter((d) => !kept.has(d.id)).map((d) => d.id)
  if (removed.length > 0) {
    await db.run(`DELETE FROM contact_date WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(removed)])
  }
}

function describeDates(dates: { label: string; date: string; calendar: 'solar' | 'lunar' }[]): string | null {
  if (dates.length === 0) return null
  return dates.map((d) => `${d.label} ${d.calendar === 'lunar' ? '农历' : '公历'} ${d.date}`).join('；')
}

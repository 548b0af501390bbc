import type { ChannelInput } from '../../../../shared/contract'
import type { CalendarKind } from '../../../../shared/calendarDate'
import type { Contact, ContactInput } from '../../../../shared/contact'
import { customerFieldKeys, type Customer, type CustomerField, type CustomerValues } from '../../../../shared/customer'
import { readCalendarDate, writtenLunarDate } from '../../../../shared/writtenCalendarDate'

/**
 * The card's form store and its conversions. Values are kept as the API has
 * them (strings, ids, null) so the form, the diff and the read-only view share
 * one shape; only the date pickers convert to dayjs at their edge, and a birthday
 * is kept as people write it (腊月初八) until it is sent (see storedDate).
 */

export interface ContactFormValue {
  id?: number
  name: string
  gender: Contact['gender']
  title: string | null
  department: string | null
  mobile: string | null
  officePhone: string | null
  homePhone: string | null
  wechat: string | null
  email: string | null
  homeAddress: string | null
  /** Always an object in the form so both halves have a Form.Item; an empty date means no birthday. */
  birthday: { date: string | null; calendar: CalendarKind }
  hobbies: string | null
  personality: string | null
  education: string | null
  nativePlace: string | null
  friendliness: number | null
  decisionRole: Contact['decisionRole']
  isKey: boolean
  callTime: string | null
  speechStyle: string | null
  remarks: string | null
  importantDates: { id?: number; label: string; date: string; calendar: CalendarKind }[]
}

export type CardFormValues = CustomerValues & { groups: string[]; contacts: ContactFormValue[] }

export type CreateInput = ChannelInput<'customers.create'>
export type UpdateInput = ChannelInput<'customers.update'>

export function today(): string {
  const now = new Date()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A blank card: every field present (null) so the diff and completeness see them all. */
export function emptyCard(): CardFormValues {
  const values = Object.fromEntries(customerFieldKeys.map((key) => [key, null])) as Record<CustomerField, unknown>
  return {
    ...(values as CustomerValues),
    kind: 'enterprise',
    name: '',
    birthCalendar: 'solar',
    registeredAt: today(),
    groups: [],
    contacts: [],
  }
}

export function emptyContact(): ContactFormValue {
  return {
    name: '',
    gender: null,
    title: null,
    department: null,
    mobile: null,
    officePhone: null,
    homePhone: null,
    wechat: null,
    email: null,
    homeAddress: null,
    birthday: { date: null, calendar: 'solar' },
    hobbies: null,
    personality: null,
    education: null,
    nativePlace: null,
    friendliness: null,
    decisionRole: null,
    isKey: false,
    callTime: null,
    speechStyle: null,
    remarks: null,
    importantDates: [],
  }
}

/** A stored date as the card shows it: a lunar one in words (1980年八月十五), a solar one as stored. */
function shownDate(date: string, calendar: CalendarKind): string {
  return calendar === 'lunar' ? writtenLunarDate(date) : date
}

/** What was typed, in the stored format; left as typed when it reads as no date (the core then says why). */
function storedDate(text: string, calendar: CalendarKind): string {
  return readCalendarDate(text, calendar) ?? text
}

export function cardFromCustomer(customer: Customer): CardFormValues {
  const values = Object.fromEntries(customerFieldKeys.map((key) => [key, customer[key]])) as CustomerValues
  return {
    ...values,
    birthDate: values.birthDate === null ? null : shownDate(values.birthDate, values.birthCalendar ?? 'solar'),
    groups: customer.groups.map((g) => g.name),
    contacts: customer.contacts.map(({ customerId: _customerId, birthday, importantDates, ...contact }) => ({
      ...contact,
      birthday: birthday
        ? { date: shownDate(birthday.date, birthday.calendar), calendar: birthday.calendar }
        : { date: null, calendar: 'solar' },
      importantDates: importantDates.map((d) => ({ ...d, date: shownDate(d.date, d.calendar) })),
    })),
  }
}

/** Trimmed text, '' → null: the API keeps "empty" as null. */
function clean<T>(value: T): T | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return (trimmed === '' ? null : trimmed) as T
  }
  return value
}

function contactToInput(contact: ContactFormValue): ContactInput {
  const birthdayDate = clean(contact.birthday.date)
  return {
    ...(contact.id !== undefined ? { id: contact.id } : {}),
    name: contact.name?.trim() ?? '',
    gender: contact.gender ?? null,
    title: clean(contact.title),
    department: clean(contact.department),
    mobile: clean(contact.mobile),
    officePhone: clean(contact.officePhone),
    homePhone: clean(contact.homePhone),
    wechat: clean(contact.wechat),
    email: clean(contact.email),
    homeAddress: clean(contact.homeAddress),
    birthday: birthdayDate
      ? { date: storedDate(birthdayDate, contact.birthday.calendar), calendar: contact.birthday.calendar }
      : null,
    hobbies: clean(contact.hobbies),
    personality: clean(contact.personality),
    education: clean(contact.education),
    nativePlace: clean(contact.nativePlace),
    friendliness: contact.friendliness || null,
    decisionRole: contact.decisionRole ?? null,
    isKey: Boolean(contact.isKey),
    callTime: clean(contact.callTime),
    speechStyle: clean(contact.speechStyle),
    remarks: clean(contact.remarks),
    importantDates: (contact.importantDates ?? []).map((d) => ({
      ...(d.id !== undefined ? { id: d.id } : {}),
      label: d.label?.trim() ?? '',
      date: storedDate(d.date?.trim() ?? '', d.calendar ?? 'solar'),
      calendar: d.calendar ?? 'solar',
    })),
  }
}

function fieldValue(values: CardFormValues, key: CustomerField): unknown {
  const value = clean(values[key])
  // A Rate cleared to 0 means "not rated".
  if (key === 'creditRating' && value === 0) return null
  if (key === 'birthDate' && typeof value === 'string') return storedDate(value, values.birthCalendar ?? 'solar')
  return value
}

const sameGroups = (a: string[], b: string[]): boolean =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())

/** customers.create input: empty fields left out. */
export function createInput(values: CardFormValues): CreateInput {
  const input: Record<string, unknown> = {}
  for (const key of customerFieldKeys) {
    const value = fieldValue(values, key)
    if (value !== null) input[key] = value
  }
  input.name = values.name?.trim() ?? ''
  input.groups = (values.groups ?? []).map((g) => g.trim()).filter(Boolean)
  input.contacts = (values.contacts ?? []).map(contactToInput)
  return input as CreateInput
}

/** customers.update input: only what changed; contacts (and groups) as whole lists when any of them changed. */
export function updateInput(id: number, values: CardFormValues, original: CardFormValues): UpdateInput {
  const input: Record<string, unknown> = { id }
  for (const key of customerFieldKeys) {
    const now = fieldValue(values, key)
    if (JSON.stringify(now) !== JSON.stringify(fieldValue(original, key))) input[key] = now
  }
  const groups = (values.groups ?? []).map((g) => g.trim()).filter(Boolean)
  if (!sameGroups(groups, original.groups)) input.groups = groups
  const contacts = (values.contacts ?? []).map(contactToInput)
  if (JSON.stringify(contacts) !== JSON.stringify(original.contacts.map(contactToInput))) input.contacts = contacts
  return input as UpdateInput
}

/** Number of changed things in an update input (besides the id). */
export function changeCount(input: UpdateInput): number {
  return Object.keys(input).length - 1
}

import { completeness } from '../../../shared/completeness'
import type { CustomerValues } from '../../../shared/customer'
import { normalizePhone } from '../../../shared/phone'
import { visibleText } from '../../../shared/visibleText'
import type { CustomerRow } from '../db/customerEntities'
import { namePinyin } from './namePinyin'
import { normalizeName } from './normalizeName'

export interface ContactSummary {
  name: string
  mobile: string | null
  officePhone: string | null
}

type Derived = Pick<
  CustomerRow,
  'nameNorm' | 'pinyin' | 'pinyinInitials' | 'phoneNorm' | 'emailNorm' | 'contactNames' | 'searchText' | 'completeness'
>

/**
 * The stored columns computed from a customer's values and contacts: duplicate
 * keys, pinyin, the quick-search text and 资料完整度. Every write of a customer
 * or its contacts stores the result of this one function.
 */
export function derivedColumns(
  values: CustomerValues & { code: string },
  contacts: ContactSummary[],
  /** namePinyin(values.name), when the caller already has it (the import computes it while SQLite is busy). */
  name: { pinyin: string; initials: string } = namePinyin(values.name),
): Derived {
  const nameNorm = normalizeName(values.name)
  const short = values.shortName ? namePinyin(values.shortName) : null
  const phoneNorm = values.phone ? normalizePhone(values.phone) : null
  const emailNorm = values.email ? values.email.trim().toLowerCase() : null
  const contactPhones = contacts.flatMap((c) => [c.mobile, c.officePhone]).filter((p): p is string => Boolean(p))
  const parts = [
    values.code,
    values.name,
    values.shortName,
    nameNorm,
    name.pinyin,
    name.initials,
    short?.pinyin,
    short?.initials,
    phoneNorm,
    emailNorm,
    ...contacts.map((c) => c.name),
    ...contactPhones.map(normalizePhone),
  ]
  return {
    nameNorm,
    pinyin: name.pinyin,
    pinyinInitials: name.initials,
    phoneNorm,
    emailNorm,
    contactNames: contacts.map((c) => c.name).join('、'),
    // One normalisation of all parts (a noncharacter between them keeps each part's own
    // normal form) instead of one per part: a tenth of an import's time went there.
    searchText: searchForm(parts.filter((p): p is string => Boolean(p)).join('\uffff')).replaceAll('\uffff', '|'),
    completeness: completeness(values, contacts.length).percent,
  }
}

/**
 * How text is compared by the quick search: half-width, lower case, no '|', and no
 * invisible characters, which a pasted word or an older record may carry unseen.
 */
export function searchForm(text: string): string {
  return visibleText(text).normalize('NFKC').toLowerCase().replace(/\|/g, '')
}

import { customerDictFieldKeys, type CustomerDictField } from '../../../shared/customer'
import { fromFen } from '../../../shared/salesContract'
import { nullableString } from '../common/rowValues'
import { creditExcessFenSql, owedFenSql } from '../contracts/receivableQueries'
import { customerColumnsSql, customerFromRaw } from '../customers/customerQueries'
import { snakeCase, type CustomerRow } from '../db/customerEntities'
import type { SqlReader } from '../db/sqlHandles'

/** What one printed 登记卡 needs: the customer's values, its dictionary labels, groups and contacts. */
export interface CardRecord {
  customer: CustomerRow
  /** Label of each dictionary field that is set (disabled items keep their label). */
  labels: Partial<Record<CustomerDictField, string>>
  groups: string[]
  contacts: CardContact[]
  /** 应收 and 超额度 (what 应收 passes the 信用额度 by; 0 within it or with no limit), in yuan. */
  credit: { receivable: number; excess: number }
}

export interface CardContact {
  customerId: number
  name: string
  gender: string | null
  title: string | null
  department: string | null
  mobile: string | null
  officePhone: string | null
  wechat: string | null
  email: string | null
  decisionRole: string | null
  isKey: boolean
}

const dictAlias = (field: CustomerDictField): string => `d_${snakeCase(field)}`

/**
 * The cards of these customers in three set-based queries (customers with their
 * labels, groups, contacts), in the order of `ids`; ids that do not exist are left out.
 */
export async function loadCards(db: SqlReader, ids: readonly number[]): Promise<CardRecord[]> {
  const idsJson = JSON.stringify([...new Set(ids)])
  // Customer columns by name (customerFromRaw reads them), then `<field>_label` of each dictionary field.
  const customers = await db.all<Record<string, unknown>>(
    `SELECT ${customerColumnsSql},
      ${customerDictFieldKeys.map((f) => `${dictAlias(f)}.label AS ${snakeCase(f)}_label`).join(', ')},
      ${owedFenSql('c.id')} AS owed_fen, ${creditExcessFenSql(owedFenSql('c.id'))} AS excess_fen
     FROM customer c
     ${customerDictFieldKeys
       .map((f) => `LEFT JOIN dict_item ${dictAlias(f)} ON ${dictAlias(f)}.id = c.${snakeCase(f)}`)
       .join(' ')}
     WHERE c.id IN (SELECT value FROM json_each(?))`,
    [idsJson],
  )
  const groups = await db.all<{ customer_id: number; name: string }>(
    `SELECT gm.customer_id, g.name FROM customer_group_member gm JOIN customer_group g ON g.id = gm.group_id
     WHERE gm.customer_id IN (SELECT value FROM json_each(?)) ORDER BY g.id`,
    [idsJson],
  )
  const contacts = await db.all<ContactRaw>(
    `SELECT customer_id, name, gender, title, department, mobile, office_phone, wechat, email, decision_role, is_key
     FROM contact WHERE customer_id IN (SELECT value FROM json_each(?))
     ORDER BY customer_id, sort_order, id`,
    [idsJson],
  )

  const groupsOf = new Map<number, string[]>()
  for (const g of groups) groupsOf.set(g.customer_id, [...(groupsOf.get(g.customer_id) ?? []), g.name])
  const contactsOf = new Map<number, CardContact[]>()
  for (const raw of contacts) {
    const contact = contactFromRaw(raw)
    const list = contactsOf.get(contact.customerId) ?? []
    list.push(contact)
    contactsOf.set(contact.customerId, list)
  }
  const byId = new Map<number, CardRecord>()
  for (const raw of customers) {
    const customer = customerFromRaw(raw)
    const labels: CardRecord['labels'] = {}
    for (const field of customerDictFieldKeys) {
      const label = nullableString(raw[`${snakeCase(field)}_label`])
      if (label !== null) labels[field] = label
    }
    byId.set(customer.id, {
      customer,
      labels,
      groups: groupsOf.get(customer.id) ?? [],
      contacts: contactsOf.get(customer.id) ?? [],
      credit: { receivable: fromFen(Number(raw.owed_fen ?? 0)), excess: fromFen(Number(raw.excess_fen ?? 0)) },
    })
  }
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? [])
}

interface ContactRaw {
  customer_id: number
  name: string
  gender: string | null
  title: string | null
  department: string | null
  mobile: string | null
  office_phone: string | null
  wechat: string | null
  email: string | null
  decision_role: string | null
  is_key: number
}

function contactFromRaw(r: ContactRaw): CardContact {
  return {
    customerId: r.customer_id,
    name: r.name,
    gender: r.gender,
    title: r.title,
    department: r.department,
    mobile: r.mobile,
    officePhone: r.office_phone,
    wechat: r.wechat,
    email: r.email,
    decisionRole: r.decision_role,
    isKey: r.is_key === 1,
  }
}

import type { CustomerField, CustomerValues } from './customer'
import type { Completeness } from './completenessSchema'

type KeyField = [CustomerField | 'contacts', string]

const enterpriseKeys: KeyField[] = [
  ['name', '客户名称'],
  ['regionId', '所属区域'],
  ['provinceCode', '省份'],
  ['cityCode', '城市'],
  ['natureId', '客户性质'],
  ['sourceId', '客户来源'],
  ['categoryId', '客户类别'],
  ['industryId', '所属行业'],
  ['salesScaleId', '销售规模'],
  ['creditRating', '信用状况'],
  ['settlementId', '结算方式'],
  ['contactStrategyId', '联系策略'],
  ['purchaseStrategyId', '购买策略'],
  ['phone', '电话'],
  ['email', '电子邮件'],
  ['address', '通讯地址'],
  ['creditCode', '统一社会信用代码'],
  ['legalRepresentative', '法定代表人'],
  ['mainBusiness', '主营业务'],
  ['demandStatus', '需求状况'],
  ['ownerStaffId', '负责业务员'],
  ['contacts', '联系人'],
]

const individualKeys: KeyField[] = [
  ['name', '客户名称'],
  ['regionId', '所属区域'],
  ['provinceCode', '省份'],
  ['cityCode', '城市'],
  ['sourceId', '客户来源'],
  ['categoryId', '客户类别'],
  ['contactStrategyId', '联系策略'],
  ['purchaseStrategyId', '购买策略'],
  ['phone', '电话'],
  ['address', '通讯地址'],
  ['gender', '性别'],
  ['birthDate', '出生日期'],
  ['occupation', '职业/职务'],
  ['hobbies', '兴趣爱好'],
  ['consumptionView', '消费理念'],
  ['purchaseMotive', '购买动机'],
  ['hasDecisionPower', '是否有购买决策权'],
  ['demandStatus', '需求状况'],
  ['ownerStaffId', '负责业务员'],
]

/** Every field either kind counts: a write that changes none of them leaves the completeness as it was. */
export const completenessFieldKeys = [
  ...new Set([...enterpriseKeys, ...individualKeys].map(([key]) => key).filter((key) => key !== 'contacts')),
] as CustomerField[]

export type CompletenessSubject = Pick<CustomerValues, 'kind'> &
  Partial<CustomerValues> & {
    /** The contacts, or just their number. */
    contacts?: readonly unknown[]
    contactCount?: number
  }

/** `contactCount`, when given, stands for the contacts (callers need not copy the values to add it). */
/**
 * 资料完整度 (docs/product-rules.md#completeness): the share of a kind's key fields that are filled, and
 * the labels of the missing ones. The one definition: stored with each customer
 * for the sheet, and shown on the card.
 */
export function completeness(customer: CompletenessSubject, contactCount?: number): Completeness {
  const keys = customer.kind === 'individual' ? individualKeys : enterpriseKeys
  const contacts = contactCount ?? customer.contacts?.length ?? customer.contactCount ?? 0
  const missing: string[] = []
  for (const [key, label] of keys) {
    const filled = key === 'contacts' ? contacts > 0 : isFilled(customer[key])
    if (!filled) missing.push(label)
  }
  const filled = keys.length - missing.length
  return { percent: Math.round((filled * 100) / keys.length), filled, total: keys.length, missing }
}

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  return true
}

import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm'
import type { CalendarKind } from '../../../shared/calendarDate'
import type { ContactField } from '../../../shared/contact'
import type { CustomerValues } from '../../../shared/customer'

/** Column type of each property; the column name is the property in snake_case. */
type Kind = 'text' | 'text?' | 'integer' | 'integer?' | 'real' | 'real?' | 'boolean' | 'boolean?'

export function snakeCase(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

function columns<Row>(kinds: { [P in keyof Row]: Kind }): { [P in keyof Row]: EntitySchemaColumnOptions } {
  const result: Record<string, EntitySchemaColumnOptions> = {}
  for (const [property, kind] of Object.entries(kinds) as [string, Kind][]) {
    const type = kind.replace('?', '') as 'text' | 'integer' | 'real' | 'boolean'
    result[property] = { type, name: snakeCase(property), nullable: kind.endsWith('?') }
  }
  result.id = { type: 'integer', primary: true, generated: 'increment' }
  return result as { [P in keyof Row]: EntitySchemaColumnOptions }
}

/** A customer row as stored: the card's values plus codes, search keys and statistics. */
export interface CustomerRow extends CustomerValues {
  id: number
  code: string
  nameNorm: string
  pinyin: string
  pinyinInitials: string
  phoneNorm: string | null
  emailNorm: string | null
  transactionCount: number
  transactionAmount: number
  firstTransactionAt: string | null
  lastTransactionAt: string | null
  lastContactAt: string | null
  /** Contact names joined with '、' (kept with the contacts, shown in the sheet). */
  contactNames: string
  /** Everything the quick search matches, lower case, '|' between parts. */
  searchText: string
  /** 资料完整度 percent, from shared/completeness. */
  completeness: number
  createdAt: string
  updatedAt: string
  /** The user who last changed the customer (最后修改人); null in single-PC mode. */
  updatedBy: number | null
  deletedAt: string | null
}

export const customerColumnKinds: { [P in keyof CustomerRow]: Kind } = {
  id: 'integer',
  code: 'text',
  kind: 'text',
  name: 'text',
  shortName: 'text?',
  nameNorm: 'text',
  pinyin: 'text',
  pinyinInitials: 'text',
  regionId: 'integer?',
  provinceCode: 'text?',
  cityCode: 'text?',
  districtCode: 'text?',
  natureId: 'integer?',
  sourceId: 'integer?',
  categoryId: 'integer?',
  industryId: 'integer?',
  salesScaleId: 'integer?',
  yearsInBusinessId: 'integer?',
  industryPositionId: 'integer?',
  employeeCount: 'integer?',
  creditRating: 'integer?',
  settlementId: 'integer?',
  dealerIntention: 'text?',
  creditLimit: 'real?',
  contactStrategyId: 'integer?',
  purchaseStrategyId: 'integer?',
  phone: 'text?',
  phoneNorm: 'text?',
  fax: 'text?',
  email: 'text?',
  emailNorm: 'text?',
  website: 'text?',
  address: 'text?',
  postalCode: 'text?',
  creditCode: 'text?',
  bankName: 'text?',
  bankAccount: 'text?',
  legalRepresentative: 'text?',
  foundedDate: 'text?',
  registeredCapital: 'text?',
  mainBusiness: 'text?',
  sideBusiness: 'text?',
  serviceArea: 'text?',
  businessDirection: 'text?',
  reputation: 'text?',
  organization: 'text?',
  annualPurchase: 'text?',
  purchaseCycle: 'text?',
  inventory: 'text?',
  needs: 'text?',
  newProductPlans: 'text?',
  strategyNews: 'text?',
  gender: 'text?',
  birthDate: 'text?',
  birthCalendar: 'text',
  nativePlace: 'text?',
  ethnicity: 'text?',
  education: 'text?',
  occupation: 'text?',
  maritalStatus: 'text?',
  family: 'text?',
  familyIncome: 'text?',
  hobbies: 'text?',
  personality: 'text?',
  consumptionView: 'text?',
  brandPreference: 'text?',
  purchaseMotive: 'text?',
  hasDecisionPower: 'boolean?',
  demandStatus: 'text?',
  expectedCloseDate: 'text?',
  dealGradeOverride: 'text?',
  relationshipLevel: 'text?',
  valueClass: 'text?',
  dealStatus: 'text?',
  competitionNotes: 'text?',
  demandNotes: 'text?',
  ownerStaffId: 'integer?',
  registrar: 'text?',
  registeredAt: 'text',
  remarks: 'text?',
  transactionCount: 'integer',
  transactionAmount: 'real',
  firstTransactionAt: 'text?',
  lastTransactionAt: 'text?',
  lastContactAt: 'text?',
  contactNames: 'text',
  searchText: 'text',
  completeness: 'integer',
  createdAt: 'text',
  updatedAt: 'text',
  updatedBy: 'integer?',
  deletedAt: 'text?',
}

export const CustomerEntity = new EntitySchema<CustomerRow>({
  name: 'Customer',
  tableName: 'customer',
  columns: columns<CustomerRow>(customerColumnKinds),
})

export interface ContactRow extends Omit<Record<ContactField, unknown>, 'birthday'> {
  id: number
  customerId: number
  sortOrder: number
  name: string
  /** namePinyin(name), for the global search (`zhangsan`, `zs`). */
  pinyin: string
  pinyinInitials: string
  gender: '男' | '女' | null
  title: string | null
  department: string | null
  mobile: string | null
  mobileNorm: string | null
  officePhone: string | null
  officePhoneNorm: string | null
  homePhone: string | null
  wechat: string | null
  email: string | null
  homeAddress: string | null
  birthdayDate: string | null
  birthdayCalendar: CalendarKind | null
  hobbies: string | null
  personality: string | null
  education: string | null
  nativePlace: string | null
  friendliness: number | null
  decisionRole: '发起者' | '影响者' | '购买者' | '使用者' | '决策者' | null
  isKey: boolean
  callTime: string | null
  speechStyle: string | null
  remarks: string | null
}

export const ContactEntity = new EntitySchema<ContactRow>({
  name: 'Contact',
  tableName: 'contact',
  columns: columns<ContactRow>({
    id: 'integer',
    customerId: 'integer',
    sortOrder: 'integer',
    name: 'text',
    pinyin: 'text',
    pinyinInitials: 'text',
    gender: 'text?',
    title: 'text?',
    department: 'text?',
    mobile: 'text?',
    mobileNorm: 'text?',
    officePhone: 'text?',
    officePhoneNorm: 'text?',
    homePhone: 'text?',
    wechat: 'text?',
    email: 'text?',
    homeAddress: 'text?',
    birthdayDate: 'text?',
    birthdayCalendar: 'text?',
    hobbies: 'text?',
    personality: 'text?',
    education: 'text?',
    nativePlace: 'text?',
    friendliness: 'integer?',
    decisionRole: 'text?',
    isKey: 'boolean',
    callTime: 'text?',
    speechStyle: 'text?',
    remarks: 'text?',
  }),
})

export interface ContactDateRow {
  id: number
  contactId: number
  sortOrder: number
  label: string
  date: string
  calendar: CalendarKind
}

export const ContactDateEntity = new EntitySchema<ContactDateRow>({
  name: 'ContactDate',
  tableName: 'contact_date',
  columns: columns<ContactDateRow>({
    id: 'integer',
    contactId: 'integer',
    sortOrder: 'integer',
    label: 'text',
    date: 'text',
    calendar: 'text',
  }),
})

export interface CustomerGroupRow {
  id: number
  name: string
}

export const CustomerGroupEntity = new EntitySchema<CustomerGroupRow>({
  name: 'CustomerGroup',
  tableName: 'customer_group',
  columns: columns<CustomerGroupRow>({ id: 'integer', name: 'text' }),
})

export interface CustomerGroupMemberRow {
  customerId: number
  groupId: number
}

export const CustomerGroupMemberEntity = new EntitySchema<CustomerGroupMemberRow>({
  name: 'CustomerGroupMember',
  tableName: 'customer_group_member',
  columns: {
    customerId: { type: 'integer', primary: true, name: 'customer_id' },
    groupId: { type: 'integer', primary: true, name: 'group_id' },
  },
})

export interface CustomerChangeRow {
  id: number
  customerId: number
  changedAt: string
  field: string
  label: string
  oldValue: string | null
  newValue: string | null
  /** Who made the change; null in single-PC mode or for the core's own work. */
  userId: number | null
}

export const CustomerChangeEntity = new EntitySchema<CustomerChangeRow>({
  name: 'CustomerChange',
  tableName: 'customer_change',
  columns: columns<CustomerChangeRow>({
    id: 'integer',
    customerId: 'integer',
    changedAt: 'text',
    field: 'text',
    label: 'text',
    oldValue: 'text?',
    newValue: 'text?',
    userId: 'integer?',
  }),
})

export interface CustomerCodeCounterRow {
  year: number
  lastValue: number
}

export const CustomerCodeCounterEntity = new EntitySchema<CustomerCodeCounterRow>({
  name: 'CustomerCodeCounter',
  tableName: 'customer_code_counter',
  columns: {
    year: { type: 'integer', primary: true },
    lastValue: { type: 'integer', name: 'last_value' },
  },
})

export const customerEntities = [
  CustomerEntity,
  ContactEntity,
  ContactDateEntity,
  CustomerGroupEntity,
  CustomerGroupMemberEntity,
  CustomerChangeEntity,
  CustomerCodeCounterEntity,
]

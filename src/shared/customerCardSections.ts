import {
  customerFieldLabels,
  dealGrades,
  dealStatuses,
  demandStatuses,
  relationshipLevels,
  valueClasses,
  type CustomerField,
  type CustomerKind,
} from './customer'

/**
 * The layout of the 客户信息登记卡 (表2-1), written once and rendered either
 * editable (CustomerCardForm) or read-only (CustomerCardView) on screen, and
 * printed by the Excel export (docs/product-rules.md#excel-export), so the three can never drift apart.
 */

export type StatField =
  | 'transactionCount'
  | 'transactionAmount'
  | 'firstTransactionAt'
  | 'lastTransactionAt'
  | 'lastContactAt'
  /** 应收 and 超额度: computed from the customer's owed contracts against the 信用额度. */
  | 'receivable'
  | 'creditExcess'

export type FieldWidget =
  | { type: 'text' }
  | { type: 'textarea' }
  | { type: 'dict' }
  | { type: 'choice'; options: readonly string[] }
  | { type: 'integer' }
  | { type: 'money' }
  | { type: 'date' }
  | { type: 'stars' }
  | { type: 'yesNo' }
  | { type: 'gender' }
  | { type: 'kind' }
  | { type: 'groups' }
  | { type: 'division' }
  | { type: 'calendarDate' }

export interface CardField {
  key: CustomerField | 'groups'
  label: string
  widget: FieldWidget
  /** Columns of the three-column grid the cell spans. */
  span?: 1 | 2 | 3
  required?: boolean
  /** The full wording when the card shows a shortened label. */
  tooltip?: string
}

export interface StatCell {
  key: StatField
  label: string
}

export interface CardSection {
  key: string
  title: string
  fields: CardField[]
  /** Shown only for this kind of customer (企业概况 / 个人概况). */
  onlyFor?: CustomerKind
  stats?: StatCell[]
}

/** Labels too long for the card's label column: a short one on the card, the full wording in a tooltip. */
const shortLabels: Partial<Record<CustomerField, [string, string]>> = {
  creditCode: ['信用代码', '统一社会信用代码'],
  businessDirection: ['经营方向', '经营方向与特点'],
  annualPurchase: ['年采购量', '年采购量（同类产品）'],
  purchaseCycle: ['采购周期', '采购周期/付款周期'],
  organization: ['组织机构', '组织机构/部门情况'],
  needs: ['需求侧重', '对成本/质量/服务的需求'],
  hasDecisionPower: ['购买决策权', '是否有购买决策权'],
  dealGradeOverride: ['手动级别', '留空时按需求状况与预计成交日期自动评定；选定则以所选为准'],
}

const f = (key: CustomerField, widget: FieldWidget, span?: 1 | 2 | 3): CardField => {
  const short = shortLabels[key]
  return {
    key,
    label: short?.[0] ?? customerFieldLabels[key],
    widget,
    ...(span ? { span } : {}),
    ...(short ? { tooltip: short[1] } : {}),
  }
}
const text = { type: 'text' } as const
const textarea = { type: 'textarea' } as const
const dict = { type: 'dict' } as const
const date = { type: 'date' } as const
const choice = (options: readonly string[]): FieldWidget => ({ type: 'choice', options })

export const cardSections: CardSection[] = [
  {
    key: 'basic',
    title: '基本信息',
    fields: [
      f('kind', { type: 'kind' }),
      { ...f('name', text, 2), required: true },
      f('shortName', text),
      { key: 'groups', label: '分组/标签', widget: { type: 'groups' } },
      f('regionId', dict),
      f('provinceCode', { type: 'division' }),
      f('cityCode', { type: 'division' }),
      f('districtCode', { type: 'division' }),
    ],
  },
  {
    key: 'enterprise',
    title: '企业概况',
    onlyFor: 'enterprise',
    fields: [
      f('creditCode', text),
      f('legalRepresentative', text),
      f('foundedDate', date),
      f('registeredCapital', text),
      f('bankName', text),
      f('bankAccount', text),
      f('mainBusiness', textarea, 3),
      f('sideBusiness', textarea, 3),
      f('serviceArea', text),
      f('annualPurchase', text),
      f('purchaseCycle', text),
      f('businessDirection', textarea, 3),
      f('organization', textarea, 3),
      f('reputation', text),
      f('inventory', text),
      f('needs', text),
      f('newProductPlans', textarea, 3),
      f('strategyNews', textarea, 3),
    ],
  },
  {
    key: 'individual',
    title: '个人概况',
    onlyFor: 'individual',
    fields: [
      f('gender', { type: 'gender' }),
      f('birthDate', { type: 'calendarDate' }),
      f('nativePlace', text),
      f('ethnicity', text),
      f('education', text),
      f('occupation', text),
      f('maritalStatus', text),
      f('familyIncome', text),
      f('hasDecisionPower', { type: 'yesNo' }),
      f('family', textarea, 3),
      f('hobbies', textarea, 3),
      f('personality', textarea, 3),
      f('consumptionView', text),
      f('brandPreference', text),
      f('purchaseMotive', text),
    ],
  },
  {
    key: 'classification',
    title: '分类与策略',
    fields: [
      f('natureId', dict),
      f('sourceId', dict),
      f('categoryId', dict),
      f('industryId', dict),
      f('salesScaleId', dict),
      f('yearsInBusinessId', dict),
      f('industryPositionId', dict),
      f('employeeCount', { type: 'integer' }),
      f('contactStrategyId', dict),
      f('purchaseStrategyId', dict),
    ],
  },
  {
    key: 'contact',
    title: '联系方式',
    fields: [
      f('phone', text),
      f('fax', text),
      f('email', text),
      f('website', text),
      f('postalCode', text),
      f('address', text, 3),
    ],
  },
  { key: 'contacts', title: '联系人', fields: [] },
  {
    key: 'credit',
    title: '交易与信用',
    fields: [
      f('creditRating', { type: 'stars' }),
      f('settlementId', dict),
      f('creditLimit', { type: 'money' }),
      f('dealerIntention', textarea, 3),
    ],
    stats: [
      { key: 'transactionCount', label: '交易次数' },
      { key: 'transactionAmount', label: '交易金额' },
      { key: 'firstTransactionAt', label: '首次交易' },
      { key: 'lastTransactionAt', label: '最近交易' },
      { key: 'lastContactAt', label: '最近联系' },
      { key: 'receivable', label: '应收' },
      { key: 'creditExcess', label: '超额度' },
    ],
  },
  {
    key: 'grading',
    title: '客户分级',
    fields: [
      f('demandStatus', choice(demandStatuses)),
      f('expectedCloseDate', date),
      f('dealGradeOverride', choice(dealGrades)),
      f('relationshipLevel', choice(relationshipLevels)),
      f('valueClass', choice(valueClasses)),
      f('dealStatus', choice(dealStatuses)),
    ],
  },
  {
    key: 'demand',
    title: '竞争与需求',
    fields: [f('competitionNotes', textarea, 3), f('demandNotes', textarea, 3)],
  },
  { key: 'remarks', title: '备注', fields: [{ ...f('remarks', textarea, 3), label: '备注' }] },
]

/** The signature row at the foot of the card. */
export const cardFooterFields: CardField[] = [f('ownerStaffId', dict), f('registrar', text), f('registeredAt', date)]

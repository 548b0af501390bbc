import { z } from 'zod'
import { calendarDateMessage, calendarSchema, parseCalendarDate } from './calendarDate'
import { completenessSchema } from './completenessSchema'
import { contactInput, contactSchema, genders } from './contact'
import { editVersion } from './editVersion'
import type { DictionaryCategory } from './dictionary'
import {
  amount,
  bankAccount,
  choice,
  creditCode,
  dictRef,
  email,
  flag,
  integer,
  isoDate,
  phone,
  postalCode,
  recordId,
  requiredName,
  strictError,
  text,
  website,
} from './fieldSchemas'
import { isDivisionCode } from './regions'

/**
 * The customer record (客户信息登记卡, docs/product-rules.md#customer-card). Values as stored: null = empty.
 * Coded fields hold dictionary item ids (`dictionary.list` gives their labels,
 * disabled items included, so old records keep showing their label).
 */

export const customerKinds = ['enterprise', 'individual'] as const
export type CustomerKind = (typeof customerKinds)[number]
export const customerKindLabels: Record<CustomerKind, string> = { enterprise: '企业客户', individual: '个人客户' }

export const demandStatuses = ['明确需求', '潜在需求', '无需求'] as const
export const dealGrades = ['A', 'B', 'C', 'D', 'E'] as const
export const relationshipLevels = ['I', 'II', 'III', 'IV'] as const
export const valueClasses = ['重要客户', '核心客户', '潜力客户', '一般客户'] as const
export const dealStatuses = ['已成交', '正在谈判', '潜在'] as const

/** Every dictionary-backed field of a customer and the dictionary it picks from. */
export const customerDictFields = {
  regionId: 'region',
  natureId: 'nature',
  sourceId: 'source',
  categoryId: 'category',
  industryId: 'industry',
  salesScaleId: 'salesScale',
  yearsInBusinessId: 'yearsInBusiness',
  industryPositionId: 'industryPosition',
  settlementId: 'settlement',
  contactStrategyId: 'contactStrategy',
  purchaseStrategyId: 'purchaseStrategy',
  /** 负责业务员. */
  ownerStaffId: 'staff',
} as const satisfies Record<string, DictionaryCategory>
export type CustomerDictField = keyof typeof customerDictFields
export const customerDictFieldKeys = Object.keys(customerDictFields) as CustomerDictField[]

const str = () => z.string().nullable()
const int = () => z.number().int().nullable()
const dictId = () => z.number().int().nullable()

/** The editable fields, as stored and returned. */
export const customerValuesShape = {
  kind: z.enum(customerKinds),
  name: z.string(),
  shortName: str(),
  /** User groups (分组/标签) are not here: see `groups` on the record. */
  // Classification
  regionId: dictId(),
  /** 省/市/区 as GB/T 2260 codes (6 digits): province `440000`, city `440100`, district `440106`. */
  provinceCode: str(),
  cityCode: str(),
  districtCode: str(),
  natureId: dictId(),
  sourceId: dictId(),
  categoryId: dictId(),
  industryId: dictId(),
  salesScaleId: dictId(),
  yearsInBusinessId: dictId(),
  industryPositionId: dictId(),
  employeeCount: int(),
  // Credit and terms
  /** 信用状况 1–5 stars. */
  creditRating: int(),
  settlementId: dictId(),
  /** 希望代理: free text on the dealer's intentions. */
  dealerIntention: str(),
  /** 信用额度 in yuan. */
  creditLimit: z.number().nullable(),
  // Strategies
  contactStrategyId: dictId(),
  purchaseStrategyId: dictId(),
  // Contact
  phone: str(),
  fax: str(),
  email: str(),
  website: str(),
  address: str(),
  postalCode: str(),
  // Enterprise profile
  /** 统一社会信用代码, 18 characters, check character validated, unique. */
  creditCode: str(),
  bankName: str(),
  bankAccount: str(),
  legalRepresentative: str(),
  /** 成立时间 YYYY-MM-DD. */
  foundedDate: str(),
  /** 注册资本 as written, e.g. `500万元`. */
  registeredCapital: str(),
  mainBusiness: str(),
  sideBusiness: str(),
  serviceArea: str(),
  businessDirection: str(),
  reputation: str(),
  organization: str(),
  annualPurchase: str(),
  purchaseCycle: str(),
  inventory: str(),
  /** 对成本/质量/服务的需求. */
  needs: str(),
  newProductPlans: str(),
  strategyNews: str(),
  // Individual profile
  gender: z.enum(genders).nullable(),
  /** 出生日期 in `birthCalendar`; format of calendarDate.ts (`YYYY-MM-DD`, `MM-DD`, lunar leap `闰`). */
  birthDate: str(),
  birthCalendar: calendarSchema,
  nativePlace: str(),
  ethnicity: str(),
  education: str(),
  occupation: str(),
  maritalStatus: str(),
  family: str(),
  familyIncome: str(),
  hobbies: str(),
  personality: str(),
  consumptionView: str(),
  brandPreference: str(),
  purchaseMotive: str(),
  hasDecisionPower: z.boolean().nullable(),
  // Grading (docs/product-rules.md#grading)
  demandStatus: z.enum(demandStatuses).nullable(),
  expectedCloseDate: str(),
  /** The user's override of the computed 成交级别; null = use the computed grade. */
  dealGradeOverride: z.enum(dealGrades).nullable(),
  relationshipLevel: z.enum(relationshipLevels).nullable(),
  valueClass: z.enum(valueClasses).nullable(),
  dealStatus: z.enum(dealStatuses).nullable(),
  // 竞争与需求
  competitionNotes: str(),
  demandNotes: str(),
  // Registration
  ownerStaffId: dictId(),
  /** 登记人 as free text: the person who filled in the card need not be a 业务员. */
  registrar: str(),
  /** 登记日期 YYYY-MM-DD; defaults to today; its year is the year of the 客户编号. */
  registeredAt: z.string(),
  remarks: str(),
}
export type CustomerField = keyof typeof customerValuesShape
export const customerFieldKeys = Object.keys(customerValuesShape) as CustomerField[]
export type CustomerValues = z.infer<z.ZodObject<typeof customerValuesShape>>

export const customerFieldLabels: Record<CustomerField, string> = {
  kind: '客户类型',
  name: '客户名称',
  shortName: '简称',
  regionId: '所属区域',
  provinceCode: '省份',
  cityCode: '城市',
  districtCode: '区县',
  natureId: '客户性质',
  sourceId: '客户来源',
  categoryId: '客户类别',
  industryId: '所属行业',
  salesScaleId: '销售规模',
  yearsInBusinessId: '从业时间',
  industryPositionId: '行业地位',
  employeeCount: '员工数量',
  creditRating: '信用状况',
  settlementId: '结算方式',
  dealerIntention: '希望代理',
  creditLimit: '信用额度',
  contactStrategyId: '联系策略',
  purchaseStrategyId: '购买策略',
  phone: '电话',
  fax: '传真',
  email: '电子邮件',
  website: '单位网址',
  address: '通讯地址',
  postalCode: '邮政编码',
  creditCode: '统一社会信用代码',
  bankName: '开户银行',
  bankAccount: '银行账号',
  legalRepresentative: '法定代表人',
  foundedDate: '成立时间',
  registeredCapital: '注册资本',
  mainBusiness: '主营业务',
  sideBusiness: '兼营业务',
  serviceArea: '服务区域',
  businessDirection: '经营方向与特点',
  reputation: '企业声誉',
  organization: '组织机构/部门情况',
  annualPurchase: '年采购量（同类产品）',
  purchaseCycle: '采购周期/付款周期',
  inventory: '库存情况',
  needs: '对成本/质量/服务的需求',
  newProductPlans: '新产品规划',
  strategyNews: '战略动态',
  gender: '性别',
  birthDate: '出生日期',
  birthCalendar: '出生日期历法',
  nativePlace: '籍贯',
  ethnicity: '民族',
  education: '学历',
  occupation: '职业/职务',
  maritalStatus: '婚姻状况',
  family: '家庭情况',
  familyIncome: '家庭收入水平',
  hobbies: '兴趣爱好',
  personality: '性格特点',
  consumptionView: '消费理念',
  brandPreference: '品牌倾向',
  purchaseMotive: '购买动机',
  hasDecisionPower: '是否有购买决策权',
  demandStatus: '需求状况',
  expectedCloseDate: '预计成交日期',
  dealGradeOverride: '成交级别（手动）',
  relationshipLevel: '客情关系等级',
  valueClass: '价值分类',
  dealStatus: '成交状态',
  competitionNotes: '竞争情况',
  demandNotes: '需求情况',
  ownerStaffId: '负责业务员',
  registrar: '登记人',
  registeredAt: '登记日期',
  remarks: '备注',
}

/** Kept by the app, read-only: derived search keys and the statistics of docs/product-rules.md#automatic-statistics. */
export const customerAutoShape = {
  id: z.number().int(),
  /** 客户编号 KH-<year>-<5 digits>, assigned on create, never reused. */
  code: z.string(),
  /** Full pinyin of the name without tones or spaces (广州人易 → guangzhourenyi). */
  pinyin: z.string(),
  /** 拼音首字母 (广州人易 → gzry). */
  pinyinInitials: z.string(),
  /** 交易次数 / 交易金额 / 首次交易 / 最近交易 / 最近联系: kept by the transactions and interactions. */
  transactionCount: z.number().int(),
  transactionAmount: z.number(),
  firstTransactionAt: str(),
  lastTransactionAt: str(),
  lastContactAt: str(),
  /** `YYYY-MM-DD HH:mm:ss` local time. */
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set while the customer is in the 回收站. */
  deletedAt: str(),
}

export const groupRefSchema = z.object({ id: z.number().int(), name: z.string() })

/** What customers.get/create/update return: the whole card. */
export const customerSchema = z.object({
  ...customerAutoShape,
  ...customerValuesShape,
  groups: z.array(groupRefSchema),
  contacts: z.array(contactSchema),
  completeness: completenessSchema,
  /** 最后修改人 (with updatedAt): null in single-PC mode or once that user is deleted. */
  updatedByName: z.string().nullable(),
  /** Edit version: counts the customer's changes; customers.update sends it back (see shared/editVersion). */
  version: z.number().int(),
})
export type Customer = z.infer<typeof customerSchema>

const name = requiredName('客户名称', 100, { empty: '客户名称不能为空' })

const divisionCode = (label: string) =>
  z
    .string({ error: `${label}代码必须是文字` })
    .trim()
    .refine((value) => value === '' || isDivisionCode(value), `${label}代码无效（应为 6 位行政区划代码）`)
    .transform((value) => value || null)
    .nullable()
    .optional()

/** Field validators; every key optional (create: empty when left out; update: unchanged). */
const customerInputShape = {
  kind: z.enum(customerKinds, { error: '客户类型只能是企业客户（enterprise）或个人客户（individual）' }).optional(),
  name: name.optional(),
  shortName: text('简称', 50),
  regionId: dictRef('所属区域'),
  provinceCode: divisionCode('省份'),
  cityCode: divisionCode('城市'),
  districtCode: divisionCode('区县'),
  natureId: dictRef('客户性质'),
  sourceId: dictRef('客户来源'),
  categoryId: dictRef('客户类别'),
  industryId: dictRef('所属行业'),
  salesScaleId: dictRef('销售规模'),
  yearsInBusinessId: dictRef('从业时间'),
  industryPositionId: dictRef('行业地位'),
  employeeCount: integer('员工数量', 0, 10_000_000),
  creditRating: integer('信用状况', 1, 5),
  settlementId: dictRef('结算方式'),
  dealerIntention: text('希望代理', 2000),
  creditLimit: amount('信用额度'),
  contactStrategyId: dictRef('联系策略'),
  purchaseStrategyId: dictRef('购买策略'),
  phone: phone('电话'),
  fax: phone('传真'),
  email: email('电子邮件'),
  website: website(),
  address: text('通讯地址', 200),
  postalCode: postalCode(),
  creditCode: creditCode(),
  bankName: text('开户银行', 100),
  bankAccount: bankAccount(),
  legalRepresentative: text('法定代表人', 50),
  foundedDate: isoDate('成立时间'),
  registeredCapital: text('注册资本', 50),
  mainBusiness: text('主营业务', 2000),
  sideBusiness: text('兼营业务', 2000),
  serviceArea: text('服务区域', 2000),
  businessDirection: text('经营方向与特点', 2000),
  reputation: text('企业声誉', 2000),
  organization: text('组织机构/部门情况', 2000),
  annualPurchase: text('年采购量', 2000),
  purchaseCycle: text('采购周期/付款周期', 2000),
  inventory: text('库存情况', 2000),
  needs: text('对成本/质量/服务的需求', 2000),
  newProductPlans: text('新产品规划', 2000),
  strategyNews: text('战略动态', 2000),
  gender: choice('性别', genders),
  birthDate: text('出生日期', 20),
  birthCalendar: calendarSchema.optional(),
  nativePlace: text('籍贯', 50),
  ethnicity: text('民族', 20),
  education: text('学历', 50),
  occupation: text('职业/职务', 100),
  maritalStatus: text('婚姻状况', 20),
  family: text('家庭情况', 2000),
  familyIncome: text('家庭收入水平', 100),
  hobbies: text('兴趣爱好', 2000),
  personality: text('性格特点', 2000),
  consumptionView: text('消费理念', 2000),
  brandPreference: text('品牌倾向', 2000),
  purchaseMotive: text('购买动机', 2000),
  hasDecisionPower: flag('是否有购买决策权'),
  demandStatus: choice('需求状况', demandStatuses),
  expectedCloseDate: isoDate('预计成交日期'),
  dealGradeOverride: choice('成交级别', dealGrades),
  relationshipLevel: choice('客情关系等级', relationshipLevels),
  valueClass: choice('价值分类', valueClasses),
  dealStatus: choice('成交状态', dealStatuses),
  competitionNotes: text('竞争情况', 5000),
  demandNotes: text('需求情况', 5000),
  ownerStaffId: dictRef('负责业务员'),
  registrar: text('登记人', 50),
  registeredAt: isoDate('登记日期'),
  remarks: text('备注', 5000),
} satisfies Record<CustomerField, z.ZodType>

/** A user group (分组/标签) name. */
export const groupName = requiredName('分组名称', 30, { empty: '分组名称不能为空' })

/**
 * customers.create: `name` is required; every other field may be left out.
 * `kind` defaults to enterprise, `registeredAt` to today, `birthCalendar` to solar.
 * `contacts` in display order; `groups` by name (a name not yet known creates the group).
 */
export const customerCreateInput = z.strictObject(
  {
    ...customerInputShape,
    name,
    contacts: z.array(contactInput).max(100, '联系人最多 100 个').default([]),
    groups: z.array(groupName).max(50, '分组最多 50 个').default([]),
  },
  { error: strictError('客户资料') },
)

/**
 * customers.update: `id` plus only the fields that changed (null clears a field).
 * `contacts`, when given, is the full new list, each contact sent whole (existing
 * contacts with their id, a contact left out is deleted, a field left out is
 * emptied); `groups`, when given, is the full list of names.
 */
export const customerUpdateInput = z.strictObject(
  {
    id: recordId('客户编号'),
    /** The version the card loaded; a newer stored one refuses the save (CONFLICT). */
    version: editVersion,
    ...customerInputShape,
    contacts: z.array(contactInput).max(100, '联系人最多 100 个').optional(),
    groups: z.array(groupName).max(50, '分组最多 50 个').optional(),
  },
  { error: strictError('客户资料') },
)

export const customerGetInput = z.strictObject(
  {
    id: recordId('客户编号'),
    /** Also return a customer that is in the 回收站. */
    includeDeleted: z.boolean({ error: 'includeDeleted 只能是 true 或 false' }).optional(),
  },
  { error: strictError('查询') },
)

/** Ids of a batch (delete, restore, purge); at most 100 000. */
export const customerIdsInput = z.strictObject(
  {
    ids: z
      .array(recordId('客户编号'), { error: '请选择客户' })
      .min(1, '请至少选择一个客户')
      .max(100_000, '一次最多处理 100000 个客户'),
  },
  { error: strictError('批量操作') },
)

export const countSchema = z.object({ count: z.number().int() })

/**
 * Cross-field checks, run on the record as it will be saved (after merging an
 * update): the division codes must nest, and the birth date must exist in its calendar.
 * Returns field → Chinese message; empty when all is well.
 */
export function customerIssues(values: {
  provinceCode: string | null
  cityCode: string | null
  districtCode: string | null
  birthDate: string | null
  birthCalendar: 'solar' | 'lunar'
}): Record<string, string> {
  const issues: Record<string, string> = {}
  const { provinceCode, cityCode, districtCode } = values
  if (provinceCode && !provinceCode.endsWith('0000')) issues.provinceCode = '省份代码应以 0000 结尾'
  if (cityCode && (!provinceCode || cityCode.slice(0, 2) !== provinceCode.slice(0, 2) || cityCode.endsWith('0000'))) {
    issues.cityCode = '城市不属于所选省份'
  }
  if (districtCode && (!cityCode || districtCode.slice(0, 4) !== cityCode.slice(0, 4) || districtCode.endsWith('00'))) {
    issues.districtCode = '区县不属于所选城市'
  }
  if (values.birthDate && !parseCalendarDate(values.birthDate, values.birthCalendar)) {
    issues.birthDate = calendarDateMessage(values.birthCalendar)
  }
  return issues
}

export const customerHistoryInput = z.strictObject({ id: recordId('客户编号') }, { error: strictError('查询') })

/** One change of one field (docs/product-rules.md#change-history), as display text (dictionary labels, 是/否 …). */
export const customerChangeSchema = z.object({
  id: z.number().int(),
  /** `YYYY-MM-DD HH:mm:ss` local time. */
  changedAt: z.string(),
  /** The field key (`phone`, `groups`, `contacts`, `contact.mobile`, `created`, `deleted` …). */
  field: z.string(),
  /** Chinese label of what changed, e.g. `电话` or `联系人「张三」的手机`. */
  label: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  /** Who made the change; null in single-PC mode, for the core's own work or once the user is deleted. */
  userName: z.string().nullable(),
})
export type CustomerChange = z.infer<typeof customerChangeSchema>

/** Strongest first. */
export const duplicateReasons = ['信用代码相同', '名称相同', '电话相同', '邮箱相同'] as const

/**
 * customers.duplicates: what the card has typed so far; names are compared after
 * normalising (全角/半角, brackets, spaces, 有限公司 …), phones by their digits,
 * e-mails ignoring case, 统一社会信用代码 exactly (after upper-casing). Customers in
 * the 回收站 are included, flagged `deleted`.
 */
export const customerDuplicatesInput = z.strictObject(
  {
    name: z.string({ error: '名称必须是文字' }).max(200, '名称过长').optional(),
    phone: z.string({ error: '电话必须是文字' }).max(60, '电话过长').optional(),
    email: z.string({ error: '电子邮件必须是文字' }).max(200, '电子邮件过长').optional(),
    creditCode: z.string({ error: '统一社会信用代码必须是文字' }).max(40, '统一社会信用代码过长').optional(),
    /** The customer being edited, left out of the answer. */
    excludeId: recordId('客户编号').optional(),
  },
  { error: strictError('查重') },
)

export const customerDuplicateSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  /** The strongest reason; `reasons` lists all. */
  reason: z.enum(duplicateReasons),
  reasons: z.array(z.enum(duplicateReasons)),
  deleted: z.boolean(),
  /**
   * The duplicates among customers the caller may not see (another 业务员's), folded into
   * one entry whose id is 0, code empty and name 与其他业务员的客户重名: the 业务员 learns
   * that the customer exists, not whose or what it is.
   */
  otherOwner: z.boolean(),
})
export type CustomerDuplicate = z.infer<typeof customerDuplicateSchema>

import { genders } from './contact'
import { customerFieldLabels, customerKindLabels, dealStatuses, demandStatuses, valueClasses } from './customer'
import type { DictionaryCategory } from './dictionary'
import { labelKey } from './importCleaning'

/**
 * What a column of an import file can fill: customer fields (keys as in
 * customer.ts), one contact per row (`contact.*`), groups, or a 交易记录's fields.
 * Labels come from the record's own label table; synonyms are the other headers
 * offices use (手机号, 单位名称 …) so that the mapping is filled in automatically.
 */

export const importKinds = ['customers', 'sales', 'interactions'] as const
export type ImportKind = (typeof importKinds)[number]
export const importKindLabels: Record<ImportKind, string> = {
  customers: '客户及联系人',
  sales: '交易记录',
  interactions: '交往记录',
}

export type ImportFieldKind =
  | 'text'
  | 'phone'
  | 'date'
  | 'number'
  | 'integer'
  | 'yesno'
  | 'dict'
  | 'choice'
  | 'list'
  /** 省/市/区 names (or codes), resolved together per row to division codes (regionNames.ts). */
  | 'division'
  /** A birthday or 纪念日, 公历 or 农历 (importCleaning.cleanCalendarDate). */
  | 'calendarDate'
  /** 公历/农历 for the date column beside it. */
  | 'calendar'

export interface ImportField {
  key: string
  label: string
  kind: ImportFieldKind
  synonyms: string[]
  /** For 'dict': the dictionary the label is looked up in. */
  dict?: DictionaryCategory
  /** For 'choice': the allowed words. */
  choices?: readonly string[]
  required?: boolean
  /** The template's example row. */
  example: string | number
  /** What the column accepts, as a note on the template's header cell. */
  hint?: string
  /** Left out of the template (another column of it says the same). */
  notInTemplate?: boolean
}

const customerField = (
  key: keyof typeof customerFieldLabels,
  kind: ImportFieldKind,
  example: string | number,
  synonyms: string[] = [],
  extra: Partial<ImportField> = {},
): ImportField => ({ key, label: customerFieldLabels[key], kind, synonyms, example, ...extra })

const dictField = (
  key: keyof typeof customerFieldLabels,
  dict: DictionaryCategory,
  example: string,
  synonyms: string[] = [],
) => customerField(key, 'dict', example, synonyms, { dict })

export const customerImportFields: ImportField[] = [
  customerField(
    'name',
    'text',
    '广州人易科技有限公司',
    ['公司名称', '单位名称', '客户', '客户全称', '企业名称', '公司', '单位'],
    {
      required: true,
    },
  ),
  customerField('shortName', 'text', '人易科技', ['客户简称', '公司简称']),
  customerField('kind', 'choice', '企业客户', ['客户类别（企业/个人）', '类型'], {
    choices: Object.values(customerKindLabels),
  }),
  dictField('regionId', 'region', '华南', ['区域', '大区', '地区']),
  customerField('provinceCode', 'division', '广东省', ['省', '所在省份', '所在省', '省/直辖市', '省份/直辖市'], {
    hint: '省份名称，全称或简称均可：广东省 / 广东、内蒙古、广西、新疆、香港。不填所属区域时，按「系统设置 → 省份与大区」自动填写',
  }),
  customerField('cityCode', 'division', '广州市', ['市', '所在城市', '所在市', '地级市'], {
    hint: '城市名称，全称或简称均可：广州市 / 广州。直辖市可填 北京 或留空',
  }),
  customerField('districtCode', 'division', '天河区', ['区', '县', '区/县', '县/区', '区(县)', '所在区县', '所在区'], {
    hint: '区县名称，全称或简称均可：天河区 / 天河。只填区县而同名区县不止一个时，请同时填写城市',
  }),
  {
    key: 'divisions',
    label: '所在地区',
    kind: 'division',
    synonyms: ['省市区', '省/市/区', '省市县', '省市', '所在省市', '所在省市区'],
    example: '',
    hint: '省市区写在一格：广东省广州市天河区，或用空格分开：广东 广州 天河',
    notInTemplate: true,
  },
  dictField('natureId', 'nature', '私营或个体户', ['性质', '企业性质']),
  dictField('sourceId', 'source', '展览会', ['来源', '信息来源']),
  dictField('categoryId', 'category', '现有终端客户', ['类别', '客户分类']),
  dictField('industryId', 'industry', '信息技术', ['行业']),
  dictField('salesScaleId', 'salesScale', '中型', ['规模']),
  dictField('yearsInBusinessId', 'yearsInBusiness', '5-10年', ['经营年限']),
  dictField('industryPositionId', 'industryPosition', '较有影响'),
  customerField('employeeCount', 'integer', 120, ['员工人数', '人数']),
  customerField('creditRating', 'integer', 4, ['信用等级', '信用']),
  dictField('settlementId', 'settlement', '一个月回款', ['付款方式']),
  customerField('creditLimit', 'number', 50000),
  dictField('contactStrategyId', 'contactStrategy', '每月'),
  dictField('purchaseStrategyId', 'purchaseStrategy', '季度采购'),
  customerField('phone', 'phone', '020-12345678', ['公司电话', '单位电话', '联系电话', '座机', '固定电话']),
  customerField('fax', 'phone', '020-12345679', ['传真号码']),
  customerField('email', 'text', 'info@renyi.com', ['邮箱', 'Email', 'E-mail', '电子邮箱', '公司邮箱']),
  customerField('website', 'text', 'www.renyi.com', ['网址', '网站', '公司网址']),
  // 地址 stays the 通讯地址: it often holds the street only, beside 省/市 columns. A column of whole
  // addresses pointed at 所在地区 gives the 省/市/区 and keeps the address (settleRowValues).
  customerField('address', 'text', '广州市天河区体育西路 1 号', [
    '地址',
    '详细地址',
    '通信地址',
    '邮寄地址',
    '公司地址',
    '单位地址',
    '联系地址',
    '办公地址',
  ]),
  customerField('postalCode', 'text', '510000', ['邮编']),
  customerField('creditCode', 'text', '', ['信用代码', '社会信用代码', '税号', '纳税人识别号']),
  customerField('bankName', 'text', '中国工商银行广州天河支行', ['开户行']),
  customerField('bankAccount', 'text', '3602 0000 0000 0000 000', ['账号', '银行帐号']),
  customerField('legalRepresentative', 'text', '王五', ['法人', '法人代表']),
  customerField('foundedDate', 'date', '2015-06-01', ['成立日期', '注册日期']),
  customerField('registeredCapital', 'text', '500万元'),
  customerField('mainBusiness', 'text', '办公设备销售', ['经营范围']),
  customerField('gender', 'choice', '', [], { choices: genders }),
  // A bare 生日 is the contact's (below): in a 企业客户 file it is the contact's birthday, and
  // 姓名 already maps to the contact; 个人客户 files head the customer's own date 出生日期.
  customerField('birthDate', 'calendarDate', '', ['客户生日', '客户出生日期'], {
    hint: '公历或农历：1990-08-15、08-15（不知道年份）、农历1990-08-15、农历八月十五',
  }),
  customerField('birthCalendar', 'calendar', '', ['出生日期（公历/农历）'], { hint: '公历 或 农历，不填为公历' }),
  customerField('hasDecisionPower', 'yesno', '', ['有无决策权', '决策权']),
  customerField('demandStatus', 'choice', '明确需求', [], { choices: demandStatuses }),
  customerField('expectedCloseDate', 'date', '2026-12-31'),
  customerField('valueClass', 'choice', '一般客户', [], { choices: valueClasses }),
  customerField('dealStatus', 'choice', '潜在', [], { choices: dealStatuses }),
  dictField('ownerStaffId', 'staff', '', ['业务员', '负责人', '销售员', '跟进人']),
  customerField('registrar', 'text', '', ['填表人']),
  customerField('registeredAt', 'date', '2026-01-05', ['登记时间', '建档日期', '录入日期']),
  customerField('remarks', 'text', '', ['说明']),
  { key: 'groups', label: '分组', kind: 'list', synonyms: ['标签', '分组/标签'], example: '重要客户、朋友介绍' },
  {
    key: 'contact.name',
    label: '联系人',
    kind: 'text',
    synonyms: ['联系人姓名', '姓名', '联系人名称'],
    example: '张三',
  },
  { key: 'contact.gender', label: '联系人性别', kind: 'choice', synonyms: [], choices: genders, example: '男' },
  { key: 'contact.title', label: '职务', kind: 'text', synonyms: ['联系人职务', '职位', '岗位'], example: '采购经理' },
  { key: 'contact.department', label: '部门', kind: 'text', synonyms: ['联系人部门', '所在部门'], example: '采购部' },
  {
    key: 'contact.mobile',
    label: '手机',
    kind: 'phone',
    synonyms: ['手机号', '手机号码', '移动电话', '联系人手机', '联系人电话'],
    example: '13800138000',
  },
  { key: 'contact.officePhone', label: '办公电话', kind: 'phone', synonyms: ['联系人办公电话'], example: '' },
  { key: 'contact.wechat', label: '微信', kind: 'text', synonyms: ['微信号'], example: 'zhangsan88' },
  {
    key: 'contact.email',
    label: '联系人邮箱',
    kind: 'text',
    synonyms: ['联系人电子邮件', '个人邮箱'],
    example: 'zhangsan@renyi.com',
  },
  {
    key: 'contact.birthday',
    label: '联系人生日',
    kind: 'calendarDate',
    synonyms: ['生日', '联系人出生日期'],
    example: '1990-08-15',
    hint: '公历或农历：1990-08-15、08-15（不知道年份）、农历1990-08-15、农历八月十五、腊月初八',
  },
  {
    key: 'contact.birthdayCalendar',
    label: '生日历法',
    kind: 'calendar',
    synonyms: ['联系人生日历法', '生日类型', '公历/农历', '农历/公历', '阴历/阳历'],
    example: '农历',
    hint: '公历 或 农历（阳历/阴历也可），不填为公历；生日里写了“农历”的以生日为准',
  },
  {
    key: 'contact.importantDateLabel',
    label: '纪念日名称',
    kind: 'text',
    synonyms: ['纪念日类型', '纪念日说明', '重要日期名称'],
    example: '配偶生日',
    hint: '如 配偶生日、结婚纪念日、子女生日；不填名称时记为“纪念日”',
  },
  {
    key: 'contact.importantDates',
    label: '纪念日',
    kind: 'calendarDate',
    synonyms: ['纪念日日期', '纪念日期', '重要日期', '重要日子'],
    example: '农历三月初八',
    hint: '写法同联系人生日，农历写“农历”：05-20、农历三月初八、农历1988-03-08',
  },
  { key: 'contact.isKey', label: '是否关键人', kind: 'yesno', synonyms: ['关键人'], example: '是' },
]

export const saleImportFields: ImportField[] = [
  {
    key: 'customerName',
    label: '客户名称',
    kind: 'text',
    synonyms: ['客户', '公司名称', '单位名称'],
    example: '广州人易科技有限公司',
  },
  { key: 'customerCode', label: '客户编号', kind: 'text', synonyms: ['编号'], example: '' },
  {
    key: 'date',
    label: '交易日期',
    kind: 'date',
    synonyms: ['日期', '成交日期', '销售日期'],
    required: true,
    example: '2026-01-05',
  },
  {
    key: 'product',
    label: '产品',
    kind: 'dict',
    dict: 'product',
    synonyms: ['产品名称', '商品', '商品名称'],
    example: '',
  },
  { key: 'quantity', label: '数量', kind: 'number', synonyms: [], example: 10 },
  { key: 'unitPrice', label: '单价', kind: 'number', synonyms: ['价格'], example: 99.5 },
  { key: 'amount', label: '金额', kind: 'number', synonyms: ['交易金额', '总价', '合计', '销售额'], example: 995 },
  { key: 'remarks', label: '备注', kind: 'text', synonyms: ['说明'], example: '' },
]

/** A visit log kept in Excel: one 交往记录 a row, its customer found as a 交易记录's is. */
export const interactionImportFields: ImportField[] = [
  ...saleImportFields.filter((f) => f.key === 'customerName' || f.key === 'customerCode'),
  {
    key: 'date',
    label: '交往日期',
    kind: 'date',
    synonyms: ['交往时间', '日期', '时间', '拜访日期', '拜访时间', '联系日期', '联系时间', '跟进日期', '跟进时间'],
    required: true,
    example: '2026-01-05 14:30',
    hint: '日期，可带时间：2026-01-05 14:30、2026/1/5、2026年1月5日；不带时间的记为 00:00',
  },
  {
    key: 'type',
    label: '交往方式',
    kind: 'dict',
    dict: 'interactionType',
    synonyms: ['方式', '拜访方式', '跟进方式', '沟通方式', '交往类型', '联系类型'],
    required: true,
    example: '拜访',
  },
  {
    key: 'contact',
    label: '联系人',
    kind: 'text',
    synonyms: ['联系人姓名', '拜访对象', '对方联系人', '接待人', '沟通对象'],
    example: '张三',
    hint: '客户登记卡上已有的联系人姓名；不填则不关联联系人',
  },
  {
    key: 'subject',
    label: '主题',
    kind: 'text',
    synonyms: ['事由', '标题', '拜访目的', '目的'],
    example: '年度采购沟通',
  },
  {
    key: 'content',
    label: '内容',
    kind: 'text',
    synonyms: ['交往内容', '拜访内容', '跟进内容', '沟通内容', '详细内容', '跟进情况', '拜访情况', '纪要'],
    example: '介绍新款打印机，客户有意向',
  },
  { key: 'result', label: '结果', kind: 'text', synonyms: ['交往结果', '拜访结果', '跟进结果'], example: '' },
  {
    key: 'nextFollowUp',
    label: '下次联系日期',
    kind: 'date',
    synonyms: ['下次跟进日期', '下次联系', '下次跟进', '下次拜访日期', '下次拜访', '计划跟进日期'],
    example: '2026-02-01',
  },
  {
    key: 'staff',
    label: '业务员',
    kind: 'dict',
    dict: 'staff',
    synonyms: ['负责人', '销售员', '跟进人', '拜访人', '经办人'],
    example: '',
    hint: '不填时记为导入者本人对应的业务员，没有的记为客户的负责业务员',
  },
]

export const importFieldsOf: Record<ImportKind, ImportField[]> = {
  customers: customerImportFields,
  sales: saleImportFields,
  interactions: interactionImportFields,
}

/** A header as compared for matching: labelKey without marks such as `*`, `（必填）`, `:`. */
export function headerKey(header: string): string {
  return labelKey(header)
    .replace(/[（(]必填[)）]|[*:：]/g, '')
    .trim()
}

/** The field a header names (its label or a synonym), or null. */
export function matchHeader(header: string, fields: ImportField[]): ImportField | null {
  const key = headerKey(header)
  if (key === '') return null
  return (
    fields.find((f) => headerKey(f.label) === key) ??
    fields.find((f) => f.synonyms.some((s) => headerKey(s) === key)) ??
    null
  )
}

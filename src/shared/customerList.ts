import { z } from 'zod'
import { isIsoDate } from './calendarDate'
import {
  customerAutoShape,
  customerFieldKeys,
  customerKinds,
  customerValuesShape,
  dealGrades,
  dealStatuses,
  demandStatuses,
  relationshipLevels,
  valueClasses,
  type CustomerDictField,
  type CustomerField,
} from './customer'
import { recordId, strictError } from './fieldSchemas'
import { isDivisionCode } from './regions'

/**
 * The customer sheet (客户列表, AG Grid infinite row model): one page of rows
 * with every field, display labels resolved, sorted and filtered on the server.
 */

/** Display label of each dictionary field in a row: `regionId` → `regionLabel`. */
export const customerDictLabelKeys = {
  regionId: 'regionLabel',
  natureId: 'natureLabel',
  sourceId: 'sourceLabel',
  categoryId: 'categoryLabel',
  industryId: 'industryLabel',
  salesScaleId: 'salesScaleLabel',
  yearsInBusinessId: 'yearsInBusinessLabel',
  industryPositionId: 'industryPositionLabel',
  settlementId: 'settlementLabel',
  contactStrategyId: 'contactStrategyLabel',
  purchaseStrategyId: 'purchaseStrategyLabel',
  ownerStaffId: 'ownerStaffLabel',
} as const satisfies Record<CustomerDictField, string>
export type CustomerDictLabelKey = (typeof customerDictLabelKeys)[CustomerDictField]

const label = () => z.string().nullable()

export const customerListRowSchema = z.object({
  ...customerAutoShape,
  ...customerValuesShape,
  regionLabel: label(),
  natureLabel: label(),
  sourceLabel: label(),
  categoryLabel: label(),
  industryLabel: label(),
  salesScaleLabel: label(),
  yearsInBusinessLabel: label(),
  industryPositionLabel: label(),
  settlementLabel: label(),
  contactStrategyLabel: label(),
  purchaseStrategyLabel: label(),
  ownerStaffLabel: label(),
  /** Names of 省/市/区. */
  provinceName: label(),
  cityName: label(),
  districtName: label(),
  /** The customer's groups, joined with '、'. */
  groups: z.string(),
  /** Contact names in card order, joined with '、'. */
  contactNames: z.string(),
  /** 资料完整度 percent (the card shows the missing fields). */
  completeness: z.number().int(),
  /**
   * 成交级别 as of today (docs/product-rules.md#deal-grade): the override if set, else from 需求状况 and
   * 预计成交日期; null when 需求状况 is empty.
   */
  dealGrade: z.enum(dealGrades).nullable(),
  /** 应收: 金额 − 已收 over the customer's 执行中 and 已完成 contracts (0 when none). */
  receivable: z.number(),
  /** 超额度: what 应收 passes the 信用额度 by; 0 under it or with no limit set. */
  creditExcess: z.number(),
})
export type CustomerListRow = z.infer<typeof customerListRowSchema>

export const customerExtraSortKeys = [
  'provinceName',
  'cityName',
  'districtName',
  'contactNames',
  'completeness',
  'dealGrade',
  'receivable',
  'creditExcess',
] as const

export type CustomerSortKey =
  CustomerField | keyof typeof customerAutoShape | CustomerDictLabelKey | (typeof customerExtraSortKeys)[number]

/** Every column the sheet may sort by (the row keys except `groups`). */
export const customerSortKeys = [
  ...(Object.keys(customerAutoShape) as (keyof typeof customerAutoShape)[]),
  ...customerFieldKeys,
  ...Object.values(customerDictLabelKeys),
  ...customerExtraSortKeys,
] as CustomerSortKey[] as [CustomerSortKey, ...CustomerSortKey[]]

const sortModel = z.strictObject(
  {
    colId: z.enum(customerSortKeys, { error: (issue) => `不支持按「${String(issue.input)}」排序` }),
    sort: z.enum(['asc', 'desc'], { error: '排序方向只能是 asc 或 desc' }),
  },
  { error: strictError('排序') },
)

/** Dictionary filter: the item ids to keep; `null` in the list keeps customers with the field empty. */
const idList = (what: string) =>
  z
    .array(recordId(`${what}编号`).nullable(), { error: `${what}筛选应为编号列表` })
    .max(1000, `${what}筛选项过多`)
    .optional()

const valueList = <const T extends readonly [string, ...string[]]>(what: string, values: T) =>
  z
    .array(z.enum(values, { error: `${what}只能是：${values.join('、')}` }).nullable(), {
      error: `${what}筛选应为列表`,
    })
    .max(values.length + 1)
    .optional()

const dateBound = (what: string) =>
  z
    .string({ error: `${what}必须是日期` })
    .refine(isIsoDate, `${what}应为有效日期，格式 YYYY-MM-DD`)
    .optional()

const divisionList = (what: string) =>
  z
    .array(z.string().refine(isDivisionCode, `${what}代码无效`), { error: `${what}筛选应为代码列表` })
    .max(5000)
    .optional()

export const customerOwnerFilter = z.union([z.enum(['all', 'mine', 'pool']), recordId('负责业务员')], {
  error: '负责人筛选只能是 all、mine、pool 或业务员编号',
})
export type CustomerOwnerFilter = z.output<typeof customerOwnerFilter>

/**
 * Filters of the sheet; every key is optional and they combine with AND. A list
 * keeps rows whose value is any of its items. Date bounds are inclusive.
 */
export const customerFiltersSchema = z.strictObject(
  {
    kind: valueList('客户类型', customerKinds),
    regionId: idList('所属区域'),
    natureId: idList('客户性质'),
    sourceId: idList('客户来源'),
    categoryId: idList('客户类别'),
    industryId: idList('所属行业'),
    salesScaleId: idList('销售规模'),
    yearsInBusinessId: idList('从业时间'),
    industryPositionId: idList('行业地位'),
    settlementId: idList('结算方式'),
    contactStrategyId: idList('联系策略'),
    purchaseStrategyId: idList('购买策略'),
    ownerStaffId: idList('负责业务员'),
    /**
     * Whose customers (on top of the caller's data scope): 'all' (default) every customer the
     * caller sees; 'mine' those whose 负责业务员 is the caller's own 业务员 (none when the caller
     * stands for no 业务员); 'pool' the 公海 (no 负责业务员); a number, one 业务员 item's customers.
     */
    owner: customerOwnerFilter.optional(),
    /** Customers in any of these groups. */
    groupIds: z.array(recordId('分组编号'), { error: '分组筛选应为编号列表' }).max(1000).optional(),
    /** Province codes (440000); a customer matches by its own province. */
    provinceCode: divisionList('省份'),
    cityCode: divisionList('城市'),
    /** Computed 成交级别 as of today (see the row's dealGrade). */
    dealGrade: valueList('成交级别', dealGrades),
    demandStatus: valueList('需求状况', demandStatuses),
    relationshipLevel: valueList('客情关系等级', relationshipLevels),
    valueClass: valueList('价值分类', valueClasses),
    dealStatus: valueList('成交状态', dealStatuses),
    creditRating: z
      .array(z.number().int().min(1).max(5).nullable(), { error: '信用状况筛选应为 1–5 的列表' })
      .max(6)
      .optional(),
    /** 资料完整度 percent bounds, inclusive. */
    completenessMin: z.number({ error: '完整度必须是数字' }).min(0).max(100).optional(),
    completenessMax: z.number({ error: '完整度必须是数字' }).min(0).max(100).optional(),
    /** true: only customers whose 应收 passes their 信用额度; false: only those within it (or with no limit). */
    overCreditLimit: z.boolean({ error: '超额度筛选只能是是或否' }).optional(),
    /** 登记日期 (registeredAt) bounds. */
    registeredFrom: dateBound('登记日期起'),
    registeredTo: dateBound('登记日期止'),
    lastContactFrom: dateBound('最近联系起'),
    lastContactTo: dateBound('最近联系止'),
    lastTransactionFrom: dateBound('最近交易起'),
    lastTransactionTo: dateBound('最近交易止'),
    /** true: the 回收站 view (only deleted customers); default: only customers not deleted. */
    deleted: z.boolean({ error: 'deleted 只能是 true 或 false' }).optional(),
  },
  { error: strictError('筛选') },
)
export type CustomerFilters = z.output<typeof customerFiltersSchema>

/**
 * Quick search: each word (split on spaces) must match the name, 简称, phone,
 * e-mail, a contact's name or mobile, the pinyin or the 拼音首字母 (`gzry` → 广州人易).
 * Digits match phone numbers however they were written.
 */
const quick = z.string({ error: '搜索内容必须是文字' }).max(100, '搜索内容不能超过 100 个字').default('')

export const maxPageRows = 500

/** customers.list: rows [startRow, endRow) of the filtered, sorted sheet (AG Grid's getRows params). */
export const customerListInput = z
  .strictObject(
    {
      startRow: z.number({ error: '起始行必须是数字' }).int().min(0, '起始行不能为负数').default(0),
      endRow: z.number({ error: '结束行必须是数字' }).int().min(1, '结束行无效').default(100),
      /** AG Grid's sortModel; the first key sorts first. Unknown column → VALIDATION. */
      sort: z.array(sortModel, { error: '排序应为列表' }).max(5, '最多按 5 列排序').default([]),
      quick,
      filters: customerFiltersSchema.default({}),
    },
    { error: strictError('列表查询') },
  )
  .refine((value) => value.endRow > value.startRow, { message: '结束行必须大于起始行', path: ['endRow'] })
  .refine((value) => value.endRow - value.startRow <= maxPageRows, {
    message: `每页最多 ${maxPageRows} 行`,
    path: ['endRow'],
  })
export type CustomerListInput = z.output<typeof customerListInput>

export const customerListOutput = z.object({
  rows: z.array(customerListRowSchema),
  /** Number of rows matching the filters (AG Grid's lastRow). */
  total: z.number().int(),
})

/** customers.ids: every id matching the same quick search and filters (for 全选 batch actions). */
export const customerIdsQueryInput = z.strictObject(
  { quick, filters: customerFiltersSchema.default({}) },
  { error: strictError('查询') },
)
export const customerIdsQueryOutput = z.object({ ids: z.array(z.number().int()) })

/**
 * customers.batchUpdate: set one or more of these on every listed customer, in one
 * transaction (an unknown or deleted id → NOT_FOUND, nothing changed). null clears
 * a field. Group ids are added to / removed from each customer.
 */
export const customerBatchUpdateInput = z.strictObject(
  {
    ids: z
      .array(recordId('客户编号'), { error: '请选择客户' })
      .min(1, '请至少选择一个客户')
      .max(100_000, '一次最多处理 100000 个客户'),
    set: z
      .strictObject(
        {
          categoryId: recordId('客户类别').nullable().optional(),
          contactStrategyId: recordId('联系策略').nullable().optional(),
          ownerStaffId: recordId('负责业务员').nullable().optional(),
          addGroupIds: z.array(recordId('分组编号')).max(100).optional(),
          removeGroupIds: z.array(recordId('分组编号')).max(100).optional(),
        },
        { error: strictError('批量修改') },
      )
      .refine((set) => Object.values(set).some((v) => v !== undefined), '请选择要修改的内容'),
  },
  { error: strictError('批量修改') },
)

/** The sheet's columns on first start (the user's own choice is remembered afterwards). */
export const defaultSheetColumns: readonly string[] = [
  'code',
  'name',
  'categoryLabel',
  'regionLabel',
  'provinceName',
  'cityName',
  'phone',
  'contactNames',
  'industryLabel',
  'dealGrade',
  'creditRating',
  'ownerStaffLabel',
  'lastContactAt',
  'transactionAmount',
  'completeness',
  'registeredAt',
]

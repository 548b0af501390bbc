import { z } from 'zod'
import { requiredName } from './fieldSchemas'

/**
 * The coded fields (docs/product-rules.md#dictionaries). The labels of the categories are fixed by the
 * product; their items live in the dict_item table (seeded by a migration).
 */
export const dictionaryCategories = [
  { key: 'region', label: '所属区域' },
  { key: 'nature', label: '客户性质' },
  { key: 'source', label: '客户来源' },
  { key: 'category', label: '客户类别' },
  { key: 'industry', label: '所属行业' },
  { key: 'contactStrategy', label: '联系策略', cycle: true },
  { key: 'purchaseStrategy', label: '购买策略', cycle: true },
  { key: 'salesScale', label: '销售规模' },
  { key: 'yearsInBusiness', label: '从业时间' },
  { key: 'industryPosition', label: '行业地位' },
  { key: 'settlement', label: '结算方式' },
  { key: 'interactionType', label: '交往方式' },
  { key: 'product', label: '产品', group: '产品类别' },
  { key: 'staff', label: '业务员' },
] as const satisfies readonly { key: string; label: string; cycle?: boolean; group?: string }[]

export type DictionaryCategory = (typeof dictionaryCategories)[number]['key']
export const dictionaryCategoryKeys = dictionaryCategories.map((c) => c.key) as [
  DictionaryCategory,
  ...DictionaryCategory[],
]
export const dictionaryCategorySchema = z.enum(dictionaryCategoryKeys, {
  error: '未知的字典类别',
})

export function categoryInfo(key: DictionaryCategory): {
  key: DictionaryCategory
  label: string
  cycle: boolean
  group: string | null
} {
  const found = dictionaryCategories.find((c) => c.key === key)
  if (!found) throw new Error(`unknown dictionary category ${key}`)
  return {
    key: found.key,
    label: found.label,
    cycle: 'cycle' in found && found.cycle,
    group: 'group' in found ? found.group : null,
  }
}

const id = z.number({ error: '编号必须是数字' }).int('编号必须是整数').positive('编号无效')
const label = requiredName('名称', 50, { empty: '名称不能为空' })
const cycleDays = z
  .number({ error: '周期天数必须是数字' })
  .int('周期天数必须是整数')
  .min(1, '周期天数至少 1 天')
  .max(3650, '周期天数不能超过 3650 天')
const groupName = z.string({ error: '分类必须是文字' }).trim().max(50, '分类不能超过 50 个字')

export const dictItemSchema = z.object({
  id,
  category: dictionaryCategorySchema,
  label: z.string(),
  sortOrder: z.number().int(),
  enabled: z.boolean(),
  cycleDays: z.number().int().nullable(),
  groupName: z.string().nullable(),
  /** How many records point at the item; an item in use can be disabled, not deleted. */
  usage: z.number().int(),
})
export type DictItem = z.infer<typeof dictItemSchema>

export const dictionaryListInput = z.object({ category: dictionaryCategorySchema.optional() }).strict()
export const dictionaryCreateInput = z
  .object({
    category: dictionaryCategorySchema,
    label,
    cycleDays: cycleDays.nullable().optional(),
    groupName: groupName.nullable().optional(),
  })
  .strict()
export const dictionaryUpdateInput = z
  .object({
    id,
    label: label.optional(),
    enabled: z.boolean({ error: '启用状态必须是是/否' }).optional(),
    cycleDays: cycleDays.nullable().optional(),
    groupName: groupName.nullable().optional(),
  })
  .strict()
export const dictionaryReorderInput = z
  .object({
    category: dictionaryCategorySchema,
    ids: z.array(id).min(1, '排序列表不能为空').max(10000, '排序列表过长'),
  })
  .strict()
export const dictionaryDeleteInput = z.object({ id }).strict()

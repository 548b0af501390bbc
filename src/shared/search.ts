import { z } from 'zod'
import { strictError } from './fieldSchemas'
import { visibleText } from './visibleText'

/**
 * The global search box (Ctrl+K, docs/product-rules.md#search-and-pinyin): customers and contacts by name,
 * 简称, 客户编号, phone number (however written) or 拼音首字母, best matches first.
 */
export const searchGlobalInput = z.strictObject(
  {
    q: z
      .string({ error: '搜索内容必须是文字' })
      // Names are stored without invisible characters (visibleText), so one pasted into the box would match nothing.
      .overwrite(visibleText)
      .trim()
      .min(1, '请输入要搜索的内容')
      .max(50, '搜索内容不能超过 50 个字'),
    limit: z
      .number({ error: '条数必须是数字' })
      .int('条数必须是整数')
      .min(1, '条数至少为 1')
      .max(20, '每类最多 20 条')
      .default(8),
  },
  { error: strictError('搜索') },
)
export type SearchGlobalInput = z.output<typeof searchGlobalInput>

/** Which part of a customer the words matched, shown beside the result. */
export const searchMatchKinds = ['编号', '名称', '简称', '电话', '拼音首字母', '拼音', '联系人', '其他'] as const
export type SearchMatchKind = (typeof searchMatchKinds)[number]

export const searchCustomerHitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  match: z.enum(searchMatchKinds),
})
export type SearchCustomerHit = z.output<typeof searchCustomerHitSchema>

/** Which part of a contact the words matched, shown beside the result as for customers. */
export const searchContactMatchKinds = ['姓名', '手机', '办公电话', '拼音首字母', '拼音'] as const
export type SearchContactMatchKind = (typeof searchContactMatchKinds)[number]

/**
 * The hint beside a hit: the matched part plus 匹配, so `zs` beside 张三 reads as
 * 「拼音首字母匹配」, not as a field of the contact.
 */
export function searchMatchLabel(kind: SearchMatchKind | SearchContactMatchKind): string {
  return kind === '其他' ? '其他信息匹配' : `${kind}匹配`
}

export const searchContactHitSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  /** Shown instead of the mobile when the office phone is what matched. */
  officePhone: z.string().nullable(),
  title: z.string().nullable(),
  match: z.enum(searchContactMatchKinds),
})
export type SearchContactHit = z.output<typeof searchContactHitSchema>

export const searchGlobalOutput = z.object({
  customers: z.array(searchCustomerHitSchema),
  contacts: z.array(searchContactHitSchema),
})
export type SearchGlobalOutput = z.output<typeof searchGlobalOutput>

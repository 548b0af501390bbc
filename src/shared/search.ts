import { z } from 'zod'
import { strictError } from './fieldSchemas'

/**
 * The global search box (Ctrl+K, SPEC §7): customers and contacts by name,
 * 简称, 客户编号, phone number (however written) or 拼音首字母, best matches first.
 */
export const searchGlobalInput = z.strictObject(
  {
    q: z
      .string({ error: '搜索内容必须是文字' })
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

export const searchContactHitSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  name: z.string(),
  mobile: z.string().nullable(),
  title: z.string().nullable(),
})
export type SearchContactHit = z.output<typeof searchContactHitSchema>

export const searchGlobalOutput = z.object({
  customers: z.array(searchCustomerHitSchema),
  contacts: z.array(searchContactHitSchema),
})
export type SearchGlobalOutput = z.output<typeof searchGlobalOutput>

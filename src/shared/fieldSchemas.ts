import { z } from 'zod'
import { isIsoDate } from './calendarDate'
import { isValidCreditCode, normalizeCreditCode } from './creditCode'
import { isMobile, isPhone } from './phone'
import { isBlank, visibleText } from './visibleText'

/**
 * Building blocks of the record input schemas. Forms send '' for an emptied
 * text field: every optional text field turns '' (after trimming) into null, and
 * null clears the field; numbers, choices and yes/no fields take null for empty.
 * Leaving a key out means "not given" (create: empty; update: unchanged).
 */

/** Free text up to `max` characters; text that shows nothing (see visibleText) is empty. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .transform((value) => (isBlank(value) ? null : value))
    .nullable()
    .optional()
}

/**
 * A required name (客户名称, 联系人姓名, 项目名称 …), stored without invisible
 * characters (why: see visibleText); one made only of them is refused.
 */
export function requiredName(label: string, max: number, messages: { notText?: string; empty?: string } = {}) {
  return z
    .string({ error: messages.notText ?? `${label}必须是文字` })
    .refine(
      (value) => value.trim() === '' || !isBlank(value),
      `${label}只含看不见的字符（如零宽空格），请输入看得见的文字`,
    )
    .overwrite(visibleText)
    .trim()
    .min(1, messages.empty ?? `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
}

/** Text in a checked format, made half-width first (spreadsheets and IMEs give full-width digits). */
function formatted(label: string, max: number, test: (value: string) => boolean, message: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .transform((value) => value.normalize('NFKC').trim())
    .refine((value) => value.length <= max, `${label}不能超过 ${max} 个字`)
    .refine((value) => value === '' || test(value), message)
    .transform((value) => value || null)
    .nullable()
    .optional()
}

export const phoneMessage =
  '电话格式不正确：手机为 1 开头的 11 位数字（如 13800138000），座机需带区号（如 020-12345678，分机写成 -123），或 400/800 号码'
export const mobileMessage = '手机号码应为 1 开头的 11 位数字，如 13800138000'

export const phone = (label = '电话') => formatted(label, 40, isPhone, phoneMessage.replace('电话', label))
export const mobilePhone = (label = '手机') => formatted(label, 30, isMobile, mobileMessage.replace('手机号码', label))

const emailPattern = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/
export const isEmail = (value: string) => emailPattern.test(value)
export const email = (label = '电子邮件') => formatted(label, 100, isEmail, `${label}格式不正确，应如 name@example.com`)

export const postalCode = () => formatted('邮政编码', 6, (v) => /^\d{6}$/.test(v), '邮政编码应为 6 位数字，如 510000')

const urlPattern = /^(https?:\/\/)?([A-Za-z0-9-]+\.)+[A-Za-z]{2,}(:\d{1,5})?([/?#]\S*)?$/i
export const website = () =>
  formatted(
    '单位网址',
    200,
    (v) => urlPattern.test(v),
    '单位网址格式不正确，应如 www.example.com 或 https://www.example.com',
  )

/** 统一社会信用代码, stored upper case without spaces. */
export const creditCode = () =>
  z
    .string({ error: '统一社会信用代码必须是文字' })
    .transform(normalizeCreditCode)
    .refine((value) => value === '' || value.length === 18, '统一社会信用代码应为 18 位')
    .refine(
      (value) => value === '' || value.length !== 18 || isValidCreditCode(value),
      '统一社会信用代码校验位不正确，请核对（代码中没有 I、O、S、V、Z）',
    )
    .transform((value) => value || null)
    .nullable()
    .optional()

export const bankAccount = () =>
  formatted('银行账号', 40, (v) => /^\d[\d\s-]{5,38}\d$/.test(v), '银行账号应为 8–40 位数字，可用空格分隔')

/** A solar date `YYYY-MM-DD`. */
export const isoDate = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .refine((value) => value === '' || isIsoDate(value), `${label}应为有效日期，格式 YYYY-MM-DD，如 2026-03-08`)
    .transform((value) => value || null)
    .nullable()
    .optional()

export const integer = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`)
    .nullable()
    .optional()

/** The largest amount of money a field takes, in yuan (一万亿). */
export const maxAmount = 1e12

/** Money in yuan, at most two decimals. */
export const amount = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, `${label}不能为负数`)
    .max(maxAmount, `${label}过大`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, `${label}最多两位小数`)
    .nullable()
    .optional()

export const choice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z
    .enum(values, { error: `${label}只能是：${values.join('、')}` })
    .nullable()
    .optional()

export const flag = (label: string) =>
  z
    .boolean({ error: `${label}只能是是或否` })
    .nullable()
    .optional()

export const recordId = (label = '编号') =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .positive(`${label}无效`)

/** A dictionary item id (the handler checks that it is an item of the right category). */
export const dictRef = (label: string) => recordId(label).nullable().optional()

/** Chinese message for keys a strict input does not know (zod's default is English). */
export function strictError(what: string, otherwise = `${what}格式不正确`) {
  return (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys' ? `${what}不支持字段：${(issue.keys ?? []).join('、')}` : otherwise
}

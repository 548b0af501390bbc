import { z } from 'zod'
import { isIsoDate } from './calendarDate'
import { recordId, requiredName } from './fieldSchemas'

/** Building blocks shared by the 交往记录 and 交易记录 schemas. */

export const maxActivityPageRows = 500

/** A required solar date `YYYY-MM-DD`. */
export const requiredDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isIsoDate, `${label}应为有效日期，格式 YYYY-MM-DD，如 2026-03-08`)

const dateTimePattern = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d$/

/** Required text up to `max` characters (a name). */
export const requiredText = (label: string, max: number) => requiredName(label, max, { notText: `请填写${label}` })

/** A local date and time `YYYY-MM-DD HH:mm`. */
export function isDateTime(value: string): boolean {
  const match = dateTimePattern.exec(value)
  return match !== null && isIsoDate(match[1] ?? '')
}

export const requiredDateTime = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(isDateTime, `${label}应为有效的日期和时间，格式 YYYY-MM-DD HH:mm，如 2026-03-08 14:30`)

/** Inclusive bound of a date filter. */
export const dateBound = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .refine((value) => value === '' || isIsoDate(value), `${label}应为有效日期，格式 YYYY-MM-DD`)
    .transform((value) => value || null)
    .nullable()
    .optional()

/** Any of these dictionary items (empty = no filter). */
export const idList = (label: string) =>
  z
    .array(recordId(label), { error: `${label}应为列表` })
    .max(500, `${label}最多选 500 项`)
    .default([])

export const quickText = z
  .string({ error: '搜索内容必须是文字' })
  .trim()
  .max(100, '搜索内容不能超过 100 个字')
  .default('')

/** Rows [startRow, endRow) of a list (AG Grid's getRows params). */
export const pageShape = {
  startRow: z.number({ error: '起始行必须是数字' }).int().min(0, '起始行不能为负数').default(0),
  endRow: z.number({ error: '结束行必须是数字' }).int().min(1, '结束行无效').default(100),
}

export function pageIssue(value: { startRow: number; endRow: number }): string | null {
  if (value.endRow <= value.startRow) return '结束行必须大于起始行'
  if (value.endRow - value.startRow > maxActivityPageRows) return `每页最多 ${maxActivityPageRows} 行`
  return null
}

export const idInput = (what: string) =>
  z.strictObject({ id: recordId(`${what}编号`) }, { error: `${what}编号格式不正确` })

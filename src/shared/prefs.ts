import { z } from 'zod'
import { strictError } from './fieldSchemas'

/**
 * UI preferences (column layouts, last filters …) saved as JSON under a key
 * such as `customers.columns`. Keys: a lower-case letter, then letters, digits
 * and dots, 64 characters at most.
 */
export const prefKeyPattern = /^[a-z][A-Za-z0-9.]{0,63}$/
export const maxPrefJsonLength = 200_000

const key = z
  .string({ error: '设置项名称必须是文字' })
  .regex(prefKeyPattern, '设置项名称无效：须以小写字母开头，只含字母、数字和点，最多 64 个字符')

export const prefsGetInput = z.strictObject({ key }, { error: strictError('读取设置') })
export const prefsGetOutput = z.object({ value: z.unknown().nullable() })

export const prefsSetInput = z
  // `value` is optional here only so that leaving it out gets the Chinese message below.
  .strictObject({ key, value: z.unknown().optional() }, { error: strictError('保存设置') })
  .superRefine((input, ctx) => {
    const json = prefJson(input.value)
    if (json === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: '设置值无法保存：须为可转成 JSON 的数据' })
    } else if (json.length > maxPrefJsonLength) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `设置值过大：最多 ${maxPrefJsonLength} 个字符` })
    }
  })

/** The stored form of a value; undefined when it has none (undefined, a function, a cycle …). */
export function prefJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value) as string | undefined
  } catch {
    return undefined
  }
}

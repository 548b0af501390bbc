import type { z } from 'zod'
import { loneSurrogatePath } from './visibleText'

type Entries = Record<string, { input: z.ZodType; output: z.ZodType }>

export const loneSurrogateMessage = '文字中有无法识别的字符（不成对的代理项，常见于截断的表情符号），请删除后重新输入'

/**
 * The contract's entries with each input refusing a lone surrogate in any string it
 * holds, keys included: one check over the parsed value instead of one per text
 * field, so a field added later is covered too. (Why refuse: see hasLoneSurrogate.)
 */
export function wellFormedInputs<T extends Entries>(entries: T): T {
  return Object.fromEntries(
    Object.entries(entries).map(([channel, entry]) => [
      channel,
      {
        ...entry,
        input: entry.input.superRefine((value, ctx) => {
          const path = loneSurrogatePath(value)
          if (path) ctx.addIssue({ code: 'custom', path, message: loneSurrogateMessage })
        }),
      },
    ]),
  ) as T
}

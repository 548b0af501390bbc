import { z } from 'zod'

/**
 * A file's bytes as base64 text (the browser preview speaks JSON, so files travel
 * as text). Only the base64 alphabet with at most two `=` at the end: `====` or
 * text with spaces decodes to nothing or to garbage, and is refused here instead
 * of reaching a reader that waits for bytes that never come.
 */
export function base64Text(options: { maxLength: number; tooLarge: string }) {
  return z
    .string({ error: '文件内容缺失' })
    .min(1, '文件是空的')
    .max(options.maxLength, options.tooLarge)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容无效（不是正确的 base64 编码）')
}

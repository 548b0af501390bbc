import { z } from 'zod'
import type { AppErrorShape } from './result'

/**
 * The edit version a form loaded (customer, contact or record): every change of the
 * row counts it up, and an update that names an older one is refused with CONFLICT
 * instead of overwriting the other user's change. Left out = no check (older callers).
 */
export const editVersion = z
  .number({ error: '版本号必须是数字' })
  .int('版本号必须是整数')
  .min(0, '版本号无效')
  .optional()

/**
 * The field of a CONFLICT that marks a stale save (other CONFLICTs, such as a taken
 * 统一社会信用代码, are fixed by changing the input, not by reloading).
 */
export const staleEditField = 'version'

/** The refused save of a form that was loaded before someone else saved the same row. */
export function isStaleEdit(error: AppErrorShape): boolean {
  return error.code === 'CONFLICT' && error.fields?.[staleEditField] !== undefined
}

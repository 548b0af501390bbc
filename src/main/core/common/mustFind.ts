import { AppError } from '../appError'

/**
 * The row a handler was asked about, or NOT_FOUND in Chinese: another window (or,
 * later, another user) may have deleted it since the screen was loaded.
 */
export function mustFind<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined)
    throw new AppError('NOT_FOUND', `${what}不存在，可能已被删除，请刷新后重试`)
  return value
}

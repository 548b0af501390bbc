import type { z } from 'zod'
import { contract, isChannel, type Channel } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { AppError } from './appError'
import type { Handlers } from './handlerTypes'

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>

export interface DispatchOptions {
  /** Check every output against the contract too (tests); costs time on large lists. */
  checkOutput?: boolean
  /** Where unexpected errors are reported; the caller only sees a generic message. */
  onUnexpected?: (channel: string, error: unknown) => void
}

/**
 * Validates the input of a call against the contract, runs the handler and
 * returns a Result. Nothing thrown by a handler crosses this boundary.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的操作' } }
    }
    const parsed = contract[channel].input.safeParse(input ?? {})
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      const value = await handler(parsed.data)
      if (options.checkOutput) contract[channel].output.parse(value)
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() }
      options.onUnexpected?.(channel, error)
      return { ok: false, error: { code: 'INTERNAL', message: internalMessage(channel, error) } }
    }
  }
}

function validationError(error: z.ZodError): { code: 'VALIDATION'; message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    fields[path] ??= issue.message
  }
  const first = error.issues[0]?.message ?? '输入有误'
  return { code: 'VALIDATION', message: `输入有误：${first}`, fields }
}

function internalMessage(channel: Channel, error: unknown): string {
  const code = (error as { code?: string } | null)?.code
  if (code === 'SQLITE_BUSY') return '数据库正忙，请稍后重试'
  if (code === 'SQLITE_FULL') return '磁盘已满，数据未保存'
  if (code === 'SQLITE_READONLY') return '数据文件是只读的，数据未保存'
  return `操作失败（${channel}），数据未改变。请重试；如反复出现请联系技术支持`
}

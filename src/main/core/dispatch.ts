import type { z } from 'zod'
import { permissionLabels, roleLabels } from '../../shared/accounts'
import { channelPermissions } from '../../shared/channelPermissions'
import { contract, isChannel, type Channel } from '../../shared/contract'
import type { Result } from '../../shared/result'
import { anonymousCaller, localCaller, type Caller } from './accounts/caller'
import { AppError } from './appError'
import type { Handlers } from './handlerTypes'

/**
 * One call: the channel, its input and the caller's session token (accounts on;
 * ignored in single-PC mode). Every transport (Electron's IPC, the HTTP server)
 * passes the token it was given and nothing else about the caller.
 */
export type Dispatch = (channel: string, input: unknown, token?: string | null) => Promise<Result<unknown>>

/** Who holds a token: accounts off → the PC's one user; on → the session's user, or null (none, expired, disabled). */
export type Authenticate = (token: string | null) => Promise<{ enabled: boolean; caller: Caller | null }>

export interface DispatchOptions {
  /** Check every output against the contract too (tests); costs time on large lists. */
  checkOutput?: boolean
  /** Where unexpected errors are reported; the caller only sees a generic message. */
  onUnexpected?: (channel: string, error: unknown) => void
}

const singlePc: Authenticate = async () => ({ enabled: false, caller: localCaller })

/**
 * Checks the caller's permission for the channel (channelPermissions.ts), validates
 * the input against the contract, runs the handler with the caller and returns a
 * Result. Nothing thrown by a handler crosses this boundary.
 */
export function createDispatch(
  handlers: Handlers,
  options: DispatchOptions = {},
  authenticate: Authenticate = singlePc,
): Dispatch {
  return async (channel, input, token) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的操作' } }
    }
    try {
      const needs = channelPermissions[channel]
      const { enabled, caller: found } = await authenticate(typeof token === 'string' ? token : null)
      const caller = found ?? anonymousCaller
      if (needs !== 'public') {
        if (!found) {
          const message = token ? '登录已过期或账号已停用，请重新登录' : '请先登录'
          return { ok: false, error: { code: 'UNAUTHENTICATED', message } }
        }
        if (!caller.permissions.includes(needs)) {
          const who = enabled ? `当前角色：${roleLabels[caller.role]}` : '单机模式'
          const message = `没有「${permissionLabels[needs]}」的权限（${who}），请联系管理员`
          return { ok: false, error: { code: 'FORBIDDEN', message } }
        }
      }
      const parsed = contract[channel].input.safeParse(input ?? {})
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) }
      const handler = handlers[channel] as (input: unknown, caller: Caller) => Promise<unknown>
      const value = await handler(parsed.data, caller)
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

import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Dispatch } from '../dispatch'
import { bearerToken, fail, sendJson } from './httpAnswers'

/** What a PC that has not logged in yet may call on the host: whether a login is needed, the login, the logout. */
const sessionless = new Set(['auth.status', 'auth.login', 'auth.logout'])

/**
 * The recovery file lies in the host's data folder and opens a 管理员's password to
 * whoever asks first: only the host's own window may use it, never a PC on the LAN.
 */
const hostOnly = new Set(['auth.recover', 'auth.recoveryAdmins'])

/** Calls that guess a password: counted per client address. */
export const rateLimitedChannels: ReadonlySet<string> = new Set(['auth.login', 'auth.recover', 'auth.enable'])

export const accountsOffMessage = '主机未开启多用户，不能从其他电脑连接'

/** The channel a request to /api/<channel> names (the route's wildcard, already decoded). */
export function channelOf(request: FastifyRequest): string {
  return (request.params as { '*'?: string })['*'] ?? ''
}

/**
 * The office host's door, before any body is read: sharing needs 多用户, so with
 * accounts off every LAN call is refused; otherwise every call but the login's few
 * needs a live session. The dispatch checks permissions again; this only keeps what
 * the single-PC rules leave public (app.info names the data folder) off the LAN.
 */
export function lanGate(dispatch: Dispatch) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const channel = channelOf(request)
    const token = bearerToken(request.headers.authorization)
    const status = await dispatch('auth.status', {}, token)
    const value = status.ok ? (status.value as { enabled: boolean; user: unknown }) : null
    if (!value?.enabled) return fail(reply, 403, accountsOffMessage)
    if (hostOnly.has(channel)) return fail(reply, 403, '重设管理员密码只能在主机电脑上操作')
    if (sessionless.has(channel) || value.user !== null) return undefined
    const message = token ? '登录已过期或账号已停用，请重新登录' : '请先登录'
    // A Result, like the dispatch's own refusal, so a client handles both the same way.
    return sendJson(reply, { ok: false, error: { code: 'UNAUTHENTICATED', message } }, 401)
  }
}

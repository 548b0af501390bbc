import type { Agent } from 'node:https'
import { isChannel } from '../../../shared/contract'
import type { ConnectionState, OfficeConnection } from '../../../shared/office'
import { errorCodes, type AppErrorShape, type Result } from '../../../shared/result'
import type { Dispatch } from '../dispatch'
import { changesData, isLongCall } from './callKind'
import { HostCallError, pinnedRequest, readAgent, type HostAnswer } from './pinnedRequest'

export const certificateChangedMessage =
  '主机的证书已改变（可能是另一台电脑冒充主机），已拒绝连接。请管理员在「办公室共享」中核对指纹后接受新证书'
export const notPinnedMessage = '尚未核对主机的证书指纹，已拒绝连接。请在「办公室共享」中重新连接主机'

export interface RemoteTimeouts {
  /** Connection and TLS handshake. */
  connectMs: number
  /** A call's answer. */
  answerMs: number
  /** The answer of a call that works on a whole file or the whole database (callKind.ts). */
  longAnswerMs: number
}

export const defaultTimeouts: RemoteTimeouts = { connectMs: 5_000, answerMs: 60_000, longAnswerMs: 600_000 }

export interface RemoteDispatchOptions {
  host: string
  port: number
  /** The pinned SHA-256 of the host's certificate; null (never pinned) refuses every call. */
  fingerprint: string | null
  /** The host's name for 已连接到 and the messages; the address when unknown. */
  hostName?: string | null
  /** Every change of state: connected, reconnecting, certificate changed. */
  onStatus?: (status: OfficeConnection) => void
  timeouts?: Partial<RemoteTimeouts>
  /** The light probe's waits while the host is away: doubling from the first to the last. */
  backoff?: { firstMs: number; maxMs: number }
  maxAnswerBytes?: number
}

export type RemoteDispatch = Dispatch & {
  status(): OfficeConnection
  /** Stops reconnecting and closes pooled connections (the app quits). */
  close(): void
}

/**
 * The client PC's dispatch: every call goes to the host as `POST /api/<channel>`
 * with the session as a Bearer token, over HTTPS trusted by the pinned fingerprint.
 * A call that cannot reach the host answers UNREACHABLE and says whether anything
 * was saved; it is never sent again on its own (a write may have been applied
 * before the answer was lost), so an open form keeps what was typed. While the host
 * is away a light probe (auth.status) runs with backoff and reports its return.
 */
export function createRemoteDispatch(options: RemoteDispatchOptions): RemoteDispatch {
  const timeouts = { ...defaultTimeouts, ...options.timeouts }
  const backoff = options.backoff ?? { firstMs: 1_000, maxMs: 30_000 }
  const maxAnswerBytes = options.maxAnswerBytes ?? 400 * 1024 * 1024
  const name = options.hostName ?? options.host
  const agent: Agent = readAgent()
  let closed = false
  let status: OfficeConnection = {
    state: 'connecting',
    hostName: name,
    address: options.host,
    port: options.port,
    since: new Date().toISOString(),
    message: null,
    seenFingerprint: null,
  }
  let probeTimer: NodeJS.Timeout | undefined
  let nextWait = backoff.firstMs

  const setState = (state: ConnectionState, message: string | null, seenFingerprint: string | null = null) => {
    // A probe still in flight when the app closed reports nothing.
    if (closed) return
    if (state === 'connected') stopProbing()
    if (status.state === state && status.seenFingerprint === seenFingerprint) return
    status = { ...status, state, message, seenFingerprint, since: new Date().toISOString() }
    options.onStatus?.(status)
  }
  const stopProbing = () => {
    clearTimeout(probeTimer)
    probeTimer = undefined
    nextWait = backoff.firstMs
  }
  const keepProbing = () => {
    if (probeTimer || closed) return
    probeTimer = setTimeout(() => {
      void send('auth.status', '{}', null, false).then(
        () => setState('connected', null),
        (error: unknown) => {
          noteFailure(error)
          probeTimer = undefined
          nextWait = Math.min(nextWait * 2, backoff.maxMs)
          keepProbing()
        },
      )
    }, nextWait)
  }
  const noteFailure = (error: unknown) => {
    if (error instanceof HostCallError && error.kind === 'certificate') {
      const message = options.fingerprint === null ? notPinnedMessage : certificateChangedMessage
      setState('certificateChanged', message, error.seenFingerprint)
    } else {
      setState('reconnecting', `与主机 ${name} 的连接已断开，正在重新连接…`)
    }
    keepProbing()
  }

  const send = async (channel: string, body: string, token: string | null, write: boolean): Promise<HostAnswer> => {
    const request = {
      host: options.host,
      port: options.port,
      path: `/api/${channel}`,
      fingerprint: options.fingerprint ?? unpinnable,
      headers: token ? { Authorization: `Bearer ${token}` } : undefined,
      body,
      connectTimeoutMs: timeouts.connectMs,
      answerTimeoutMs: isLongCall(channel) ? timeouts.longAnswerMs : timeouts.answerMs,
      maxAnswerBytes,
    }
    if (write) return pinnedRequest(request)
    try {
      return await pinnedRequest({ ...request, agent })
    } catch (error) {
      // The host closed a kept-alive connection (it restarted): a read may go again, on a new one.
      if (error instanceof HostCallError && error.staleConnection) return pinnedRequest(request)
      throw error
    }
  }

  const dispatch: Dispatch = async (channel, input, token) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的操作' } }
    }
    let body: string
    try {
      body = JSON.stringify(input ?? {}) ?? '{}'
    } catch {
      return { ok: false, error: { code: 'VALIDATION', message: '输入有误：无法发送给主机' } }
    }
    const write = changesData(channel)
    if (closed) return { ok: false, error: unreachable(name, write, 'notSent') }
    let answer: HostAnswer
    try {
      answer = await send(channel, body, typeof token === 'string' && token !== '' ? token : null, write)
    } catch (error) {
      noteFailure(error)
      if (error instanceof HostCallError && error.kind === 'certificate') {
        const message = options.fingerprint === null ? notPinnedMessage : certificateChangedMessage
        return { ok: false, error: { code: 'FORBIDDEN', message } }
      }
      const kind = error instanceof HostCallError && error.kind === 'notSent' ? 'notSent' : 'lost'
      return { ok: false, error: unreachable(name, write, kind) }
    }
    setState('connected', null)
    return resultOf(answer, name, write)
  }

  // At once, so the window can say 已连接到 (or not) before the first call.
  probeTimer = setTimeout(() => {
    probeTimer = undefined
    void send('auth.status', '{}', null, false).then(
      () => setState('connected', null),
      (error: unknown) => noteFailure(error),
    )
  }, 0)

  return Object.assign(dispatch, {
    status: () => status,
    close: () => {
      closed = true
      stopProbing()
      agent.destroy()
    },
  })
}

/** Matches no certificate: with nothing pinned there is nothing to trust. */
const unpinnable = 'not pinned'

function unreachable(name: string, write: boolean, kind: 'notSent' | 'lost'): AppErrorShape {
  const message =
    kind === 'notSent'
      ? write
        ? `无法连接到主机 ${name}，数据未保存`
        : '无法连接到主机'
      : write
        ? `与主机 ${name} 的连接中断，无法确认是否已保存，请在主机恢复后刷新核对`
        : '与主机的连接中断，请稍后重试'
  return { code: 'UNREACHABLE', message }
}

/** The host's answer as the renderer expects it: its Result as is, a refusal in plain text mapped to one. */
function resultOf(answer: HostAnswer, name: string, write: boolean): Result<unknown> {
  if (answer.contentType.startsWith('application/json')) {
    const parsed = parseResult(answer.body)
    if (parsed) return parsed
    return { ok: false, error: { code: 'INTERNAL', message: `主机 ${name} 的答复无法识别，请刷新后核对` } }
  }
  const text = answer.body.slice(0, 300) || `主机答复 ${answer.status}`
  if (answer.status === 401) return { ok: false, error: { code: 'UNAUTHENTICATED', message: text } }
  if (answer.status === 403 || answer.status === 429) return { ok: false, error: { code: 'FORBIDDEN', message: text } }
  if (answer.status === 408) {
    return { ok: false, error: { code: 'UNREACHABLE', message: `${text}：上传未完成，数据未保存` } }
  }
  if (answer.status >= 400 && answer.status < 500) return { ok: false, error: { code: 'VALIDATION', message: text } }
  const message = write ? `主机 ${name} 处理时出错（${text}），请刷新后核对是否已保存` : `主机 ${name} 出错：${text}`
  return { ok: false, error: { code: 'INTERNAL', message } }
}

function parseResult(body: string): Result<unknown> | null {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const result = value as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } }
  if (result.ok === true) return { ok: true, value: result.value }
  const error = result.error
  if (
    result.ok === false &&
    typeof error?.message === 'string' &&
    (errorCodes as readonly unknown[]).includes(error.code)
  ) {
    return { ok: false, error: error as AppErrorShape }
  }
  return null
}

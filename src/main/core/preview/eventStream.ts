import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Dispatch } from '../dispatch'
import type { ChangeFeed } from '../live/changeFeed'
import { bearerToken, sendJson } from './httpAnswers'

/** A comment line this often keeps proxies, NATs and the client's own idle timers from closing a quiet stream. */
export const keepAliveMs = 25_000

export interface EventStreamOptions {
  changes: ChangeFeed
  dispatch: Dispatch
  /** Checks before the stream opens (the LAN's session gate, or the loopback's). */
  onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
  keepAliveMs?: number
}

/**
 * `GET /events`: the change feed as server-sent events (`event: change`, the
 * LiveChange as JSON). The session travels as `Authorization: Bearer`, like every
 * call; the browser's EventSource cannot send it, so /bridge.js reads the stream
 * with fetch(). While 多用户 is on, a session that ends (logout, expiry, disabled
 * user) ends its stream at the next keep-alive.
 */
export function registerEventStream(app: FastifyInstance, options: EventStreamOptions): void {
  const open = new Set<() => void>()
  // A stream never finishes by itself: without this, closing the server would wait for it forever.
  app.addHook('preClose', async () => {
    for (const close of [...open]) close()
  })
  app.get('/events', { onRequest: [options.onRequest] }, async (request, reply) => {
    const token = bearerToken(request.headers.authorization)
    reply.hijack()
    const raw = reply.raw
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    // Tells the client the stream is open (its first chunk), and how soon to come back after a drop.
    raw.write('retry: 3000\n: 已连接\n\n')
    const unsubscribe = options.changes.subscribe((change) => {
      raw.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`)
    })
    const keepAlive = setInterval(() => {
      void stillSignedIn(options.dispatch, token).then((signedIn) => {
        if (signedIn) raw.write(': keep-alive\n\n')
        else close()
      })
    }, options.keepAliveMs ?? keepAliveMs)
    const close = (): void => {
      if (!open.delete(close)) return
      clearInterval(keepAlive)
      unsubscribe()
      raw.end()
    }
    open.add(close)
    raw.on('close', close)
    raw.on('error', close)
  })
}

/** Accounts off: always (this PC's one user). On: while the token's session lasts. */
async function stillSignedIn(dispatch: Dispatch, token: string | null): Promise<boolean> {
  const status = await dispatch('auth.status', {}, token)
  if (!status.ok) return false
  const value = status.value as { enabled: boolean; user: unknown }
  return !value.enabled || value.user !== null
}

/**
 * The loopback's check before a stream opens: with 多用户 on, a session like any
 * call's (the LAN's lanGate does this and more).
 */
export function signedInOnly(dispatch: Dispatch) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const token = bearerToken(request.headers.authorization)
    if (await stillSignedIn(dispatch, token)) return undefined
    const message = token ? '登录已过期或账号已停用，请重新登录' : '请先登录'
    return sendJson(reply, { ok: false, error: { code: 'UNAUTHENTICATED', message } }, 401)
  }
}

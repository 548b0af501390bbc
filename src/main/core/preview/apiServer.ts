import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { STATUS_CODES, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Dispatch } from '../dispatch'
import type { ChangeFeed } from '../live/changeFeed'
import { registerEventStream, signedInOnly } from './eventStream'
import { bearerToken, fail, sendJson, textType } from './httpAnswers'
import { channelOf, lanGate, rateLimitedChannels } from './lanGate'

export { bearerToken, fail } from './httpAnswers'

/** Import and restore upload whole files as base64 in one call. */
export const maxBodyBytes = 64 * 1024 * 1024

/**
 * Time to receive one whole request, headers and body. It bounds a client that
 * trickles bytes (64 MB over a slow office Wi-Fi takes about a minute); the time
 * a handler then needs (an import may parse for minutes) is not counted.
 */
export const requestTimeoutMs = 120_000

/** Set on every answer, including those the framework writes before any hook runs (a bad URL). */
const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

/** Login attempts a client address may make per minute on the LAN. */
export const loginsPerMinute = 10

/** The office host's binding: HTTPS, a session for every call, guessing passwords slowed down. */
export interface LanOptions {
  /** PEM; see office/hostCertificate.ts. */
  key: string
  cert: string
  loginsPerMinute?: number
}

export interface ApiServerOptions {
  dispatch: Dispatch
  /** Served on `/events` as server-sent events (preview/eventStream.ts); without it, /events answers 501. */
  changes?: ChangeFeed
  /** Between keep-alive comments on /events; tests shorten it. */
  keepAliveMs?: number
  /** The preview binds 127.0.0.1; the office host binds the LAN (0.0.0.0). Port 0 picks a free one. */
  bind: { host: string; port: number }
  /**
   * Names the Host header may carry (with the port the request came in on), in any
   * case; an Origin, when present, must be one of them too. Defaults to the bound
   * host, plus `localhost` for 127.0.0.1. A function is asked on every request (a
   * host's LAN address may change while it runs).
   */
  hostNames?: readonly string[] | (() => readonly string[])
  /**
   * Serve the office LAN instead of this PC's own browser: HTTPS with this key,
   * only `/api/*` (and `/events`), every call but the login's needing a session,
   * the login rate-limited per client address.
   */
  lan?: LanOptions
  bodyLimit?: number
  requestTimeoutMs?: number
  /** Node checks request timeouts on this interval (its default: 30 s); tests shorten it. */
  timeoutCheckIntervalMs?: number
  /** Answers a request no route took; by default 404, or 405 for a method other than GET/HEAD. */
  fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
}

export interface ListeningServer {
  app: FastifyInstance
  server: Server
  url: string
  close(): Promise<void>
}

export interface ApiServer {
  /** Register further routes on it (the preview's page) before `listen`. */
  app: FastifyInstance
  listen(): Promise<ListeningServer>
}

/**
 * The core's handler map over HTTP: `POST /api/<channel>` with the JSON input
 * answers the same Result JSON as IPC. Requests naming another Host or Origin are
 * refused, so a web page in the user's browser cannot reach the data through DNS
 * rebinding or CSRF. One implementation for every way the app serves its core;
 * the caller chooses where it binds.
 */
export function createApiServer(options: ApiServerOptions): ApiServer {
  const bodyLimit = options.bodyLimit ?? maxBodyBytes
  const requestTimeout = options.requestTimeoutMs ?? requestTimeoutMs
  const lan = options.lan
  const serverOptions = {
    // Node (20) only enforces the request bound while the headers' bound is not longer.
    headersTimeout: Math.min(60_000, requestTimeout),
    connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? 30_000,
  }
  const app = Fastify({
    bodyLimit,
    requestTimeout,
    // No idle cut-off on the socket: a handler may legitimately work for minutes without a byte moving.
    connectionTimeout: 0,
    ...(lan ? { https: { ...serverOptions, key: lan.key, cert: lan.cert } } : { http: serverOptions }),
    logger: false,
    clientErrorHandler: answerClientError,
    // A percent-encoding that does not decode is the client's mistake, not the server's.
    frameworkErrors: (error, _request, reply) =>
      fail(reply, 400, error.code === 'FST_ERR_BAD_URL' ? '请求地址的编码无效' : '请求无效'),
  })
  const hostNames = options.hostNames ?? [
    options.bind.host,
    ...(options.bind.host === '127.0.0.1' ? ['localhost'] : []),
  ]
  const namesNow = typeof hostNames === 'function' ? hostNames : () => hostNames

  app.server.prependListener('request', (_request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value)
  })

  app.addHook('onRequest', async (request, reply) => {
    const allowed = namesNow().map((name) => `${name}:${request.socket.localPort ?? ''}`.toLowerCase())
    if (!allowed.includes((request.headers.host ?? '').toLowerCase())) {
      return fail(reply, 403, lan ? '请求的主机地址不是本机' : '只接受本机地址的请求')
    }
    const origin = request.headers.origin?.toLowerCase()
    if (origin !== undefined && !allowed.some((host) => origin === `${request.protocol}://${host}`)) {
      return fail(reply, 403, lan ? '不接受网页发来的请求' : '只接受本机页面的请求')
    }
    if (!decodes(request.url)) return fail(reply, 400, '请求地址的编码无效')
  })

  // The body stays a string here so that bad JSON answers a typed Result, as over IPC.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body))

  const postedJson = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method !== 'POST') return fail(reply, 405, '请使用 POST')
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return fail(reply, 415, '请求必须是 JSON')
    }
    return undefined
  }
  const apiRoute = (onRequest: ((request: FastifyRequest, reply: FastifyReply) => Promise<unknown>)[]) => ({
    method: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    url: '/api/*',
    // Before the body is read, so a refused call never uploads 64 MB first.
    onRequest,
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const channel = channelOf(request)
      const body = typeof request.body === 'string' ? request.body : ''
      let input: unknown
      try {
        input = body.length === 0 ? {} : JSON.parse(body)
      } catch {
        return sendJson(reply, { ok: false, error: { code: 'VALIDATION', message: '请求不是有效的 JSON' } })
      }
      return sendJson(reply, await options.dispatch(channel, input, bearerToken(request.headers.authorization)))
    },
  })

  const events = (
    scope: FastifyInstance,
    onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  ) => {
    if (options.changes) {
      registerEventStream(scope, {
        changes: options.changes,
        dispatch: options.dispatch,
        onRequest,
        keepAliveMs: options.keepAliveMs,
      })
    } else {
      scope.get('/events', { onRequest: [onRequest] }, async (_request, reply) => fail(reply, 501, '实时更新尚未提供'))
    }
  }

  if (!lan) {
    app.route(apiRoute([postedJson]))
    events(app, signedInOnly(options.dispatch))
  } else {
    const gate = lanGate(options.dispatch)
    // In its own scope: the rate limiter has to be loaded before the route it guards is declared.
    void app.register(async (scope) => {
      await scope.register(rateLimit, { global: false })
      const limitLogins = scope.rateLimit({
        max: lan.loginsPerMinute ?? loginsPerMinute,
        timeWindow: 60_000,
        // Counted per client address; the other channels pass without counting.
        allowList: (request) => !rateLimitedChannels.has(channelOf(request)),
        errorResponseBuilder: (_request, context) => ({
          statusCode: 429,
          message: `登录尝试过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`,
        }),
      })
      scope.route(apiRoute([postedJson, limitLogins, gate]))
      // Live updates, to signed-in users only.
      events(scope, gate)
    })
  }

  app.setNotFoundHandler(
    (lan ? undefined : options.fallback) ??
      (async (request, reply) =>
        request.method === 'GET' || request.method === 'HEAD'
          ? fail(reply, 404, '找不到该地址')
          : fail(reply, 405, '不支持的请求')),
  )

  app.setErrorHandler(async (error: { statusCode?: number; code?: string }, _request, reply) => {
    const status = error.statusCode ?? 500
    if (status === 413) return fail(reply, 413, `请求过大（上限 ${Math.round(bodyLimit / 1024 / 1024)} MB）`)
    if (status === 429) return fail(reply, 429, (error as { message?: string }).message ?? '请求过于频繁，请稍后再试')
    if (status === 415) return fail(reply, 415, '请求必须是 JSON')
    if (status === 403) return fail(reply, 403, '禁止访问')
    if (status === 404) return fail(reply, 404, '找不到该地址')
    if (status >= 400 && status < 500) return fail(reply, status, '请求无效')
    console.error(lan ? '[office host]' : '[preview server]', error)
    return fail(reply, 500, '服务器错误')
  })

  return {
    app,
    listen: async () => {
      await app.listen({ host: options.bind.host, port: options.bind.port })
      const { port } = app.server.address() as AddressInfo
      const scheme = lan ? 'https' : 'http'
      return { app, server: app.server, url: `${scheme}://${options.bind.host}:${port}/`, close: () => app.close() }
    },
  }
}

function decodes(url: string): boolean {
  const query = url.indexOf('?')
  try {
    decodeURIComponent(query === -1 ? url : url.slice(0, query))
    return true
  } catch {
    return false
  }
}

/**
 * Node's own answers to a request it could not read (too slow, malformed): the
 * same in Chinese, with the security headers, then the socket is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, '请求超时']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, '请求头过大']
        : [400, '请求无效']
  if (socket.writable) {
    const body = Buffer.from(message)
    const headers = { ...securityHeaders, 'Content-Type': textType, 'Content-Length': body.length, Connection: 'close' }
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head.join('')}\r\n`)
    socket.write(body)
  }
  socket.destroy(error)
}

import type { ClientRequest } from 'node:http'
import { request } from 'node:https'
import type { TLSSocket } from 'node:tls'
import { liveChangeSchema, liveTopicNames, type LiveChange } from '../../../shared/liveTopics'
import { localNow } from '../common/localTime'
import { createEventStreamParser } from './eventStreamParser'

export interface HostChangeRelay {
  subscribe(listener: (change: LiveChange) => void): () => void
  close(): void
}

export interface HostChangeRelayOptions {
  host: string
  port: number
  /** The pinned certificate's SHA-256; null (not pinned yet) never connects: the token would go to whoever answers. */
  fingerprint: string | null
  /** The window's session, as its latest call carried it (ipc.ts); null = nobody signed in, nothing to ask for. */
  token: () => string | null
  /** After a drop, a refusal or a wrong certificate. */
  retryMs?: number
  /** How often a new session (login, 切换用户) is looked for. */
  tokenCheckMs?: number
}

/**
 * A client PC's side of live updates: the host's /events, read in the main process
 * and passed on to the window as if the changes were local (ipc.ts's
 * forwardLiveChanges). The certificate is checked against the pinned fingerprint
 * before the request, and so the session token, leaves this PC. After the stream
 * comes back from a drop, one change naming every topic is passed on: what
 * happened meanwhile is not replayed, so open screens load afresh.
 */
export function createHostChangeRelay(options: HostChangeRelayOptions): HostChangeRelay {
  const listeners = new Set<(change: LiveChange) => void>()
  const retryMs = options.retryMs ?? 3_000
  let closed = false
  let current: { req: ClientRequest } | null = null
  let retry: NodeJS.Timeout | undefined
  let everConnected = false
  // The session the last attempt was for: a retry waits its turn unless the session changes.
  let attempted: string | null = null

  const emit = (change: LiveChange): void => {
    for (const listener of [...listeners]) listener(change)
  }
  const again = (ms = retryMs): void => {
    current?.req.destroy()
    current = null
    clearTimeout(retry)
    if (!closed) retry = setTimeout(connect, ms)
  }

  function connect(): void {
    const token = options.token()
    attempted = token
    if (closed || options.fingerprint === null || token === null) return again()
    const req = request({
      host: options.host,
      port: options.port,
      path: '/events',
      method: 'GET',
      headers: { Host: `${options.host}:${options.port}`, Authorization: `Bearer ${token}` },
      agent: false,
      // Self-signed: checked by its fingerprint before anything is sent.
      rejectUnauthorized: false,
    })
    const mine = { req }
    current = mine
    req.on('socket', (raw) => {
      const socket = raw as TLSSocket
      socket.once('secureConnect', () => {
        if (socket.getPeerCertificate()?.fingerprint256 !== options.fingerprint) return again()
        req.end()
      })
    })
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume()
        return again()
      }
      if (everConnected) emit({ topics: [...liveTopicNames], byUserId: null, at: localNow() })
      everConnected = true
      res.setEncoding('utf8')
      const parse = createEventStreamParser(({ event, data }) => {
        if (event !== 'change') return
        const change = liveChangeSchema.safeParse(safeJson(data))
        if (change.success) emit(change.data)
      })
      res.on('data', parse)
      res.on('end', () => current === mine && again())
      res.on('aborted', () => current === mine && again())
    })
    req.on('error', () => current === mine && again())
  }

  // A login, logout or 切换用户 in the window: the stream is the new session's.
  const watch = setInterval(() => {
    if (closed || options.token() === attempted) return
    clearTimeout(retry)
    current?.req.destroy()
    current = null
    connect()
  }, options.tokenCheckMs ?? 2_000)

  connect()
  return {
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    close: () => {
      closed = true
      clearInterval(watch)
      clearTimeout(retry)
      current?.req.destroy()
      current = null
    },
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

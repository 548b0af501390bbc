import { Agent, request } from 'node:https'
import type { TLSSocket } from 'node:tls'

/**
 * How a call to the host ended when it got no answer. `notSent`: nothing of the
 * request reached the host (refused, no route, certificate not the pinned one),
 * so nothing can have been saved. `lost`: the request went out and no whole
 * answer came back, so the host may or may not have applied it.
 */
export class HostCallError extends Error {
  constructor(
    readonly kind: 'notSent' | 'lost' | 'certificate',
    message: string,
    /** For 'certificate': the fingerprint the host presented (null when there was none to read). */
    readonly seenFingerprint: string | null = null,
    /** Lost on a kept-alive connection the host had closed meanwhile: a read may be sent again once. */
    readonly staleConnection = false,
  ) {
    super(message)
  }
}

export interface HostAnswer {
  status: number
  contentType: string
  body: string
  /** The certificate's SHA-256 the answer came over, as Node prints it (AB:CD:…). */
  fingerprint: string
  /** The certificate's common name: the host's computer name, as it says itself. */
  subjectName: string
}

export interface PinnedRequest {
  host: string
  port: number
  path: string
  /** The certificate must have this SHA-256; null = first contact, any certificate is read and reported. */
  fingerprint: string | null
  headers?: Record<string, string>
  body: string
  /** Connection and TLS handshake: a host that is off or unplugged is told apart from a slow call. */
  connectTimeoutMs: number
  /** From the body sent to the whole answer read. */
  answerTimeoutMs: number
  maxAnswerBytes: number
  /** A pool for reads; a write goes over a fresh connection (a pooled one may have been closed under it). */
  agent?: Agent
}

/** Sockets whose certificate was checked against the pin when they connected: a pooled one is not asked again. */
const verified = new WeakSet<TLSSocket>()

/**
 * One POST to the host over HTTPS, trusting the certificate by its pinned
 * fingerprint, not by any CA (the host's is self-signed). The body is written only
 * after the handshake showed the pinned certificate: a PC pretending to be the host
 * never receives it. Session resumption is off in the pool, so every new connection
 * shows its certificate.
 */
export function pinnedRequest(options: PinnedRequest): Promise<HostAnswer> {
  return new Promise((resolve, reject) => {
    let sent = false
    let settled = false
    const timers: NodeJS.Timeout[] = []
    const finish = (error: HostCallError | null, answer?: HostAnswer) => {
      if (settled) return
      settled = true
      for (const timer of timers) clearTimeout(timer)
      if (error) {
        req.destroy()
        reject(error)
      } else if (answer) resolve(answer)
    }
    const req = request({
      host: options.host,
      port: options.port,
      path: options.path,
      method: 'POST',
      headers: {
        Host: `${options.host}:${options.port}`,
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(options.body)),
        ...options.headers,
      },
      agent: options.agent ?? false,
      // No CA can vouch for a self-signed certificate: it is checked by its fingerprint below.
      rejectUnauthorized: false,
    })
    timers.push(setTimeout(() => finish(new HostCallError('notSent', '连接超时')), options.connectTimeoutMs))

    const sendBody = (socket: TLSSocket) => {
      if (settled || sent) return
      const certificate = socket.getPeerCertificate()
      const seen = certificate?.fingerprint256 ?? null
      const subjectName = typeof certificate?.subject?.CN === 'string' ? certificate.subject.CN : ''
      if (!verified.has(socket)) {
        if (options.fingerprint !== null && seen !== options.fingerprint) {
          socket.destroy()
          return finish(new HostCallError('certificate', '证书指纹不符', seen))
        }
        verified.add(socket)
      }
      clearTimeout(timers[0])
      sent = true
      timers.push(
        setTimeout(
          () => finish(new HostCallError('lost', `主机在 ${Math.round(options.answerTimeoutMs / 1000)} 秒内没有答复`)),
          options.answerTimeoutMs,
        ),
      )
      req.end(options.body)
      req.once('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > options.maxAnswerBytes) return finish(new HostCallError('lost', '主机的答复过大'))
          chunks.push(chunk)
        })
        res.on('end', () =>
          finish(null, {
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            fingerprint: seen ?? '',
            subjectName,
          }),
        )
        res.on('error', () => finish(new HostCallError('lost', '连接中断')))
        res.on('aborted', () => finish(new HostCallError('lost', '连接中断')))
      })
    }

    req.on('socket', (raw) => {
      const socket = raw as TLSSocket
      // A pooled socket is already past its handshake; a new one waits for it.
      if (verified.has(socket) && !socket.connecting) sendBody(socket)
      else socket.once('secureConnect', () => sendBody(socket))
    })
    req.on('error', (error: Error & { code?: string }) => {
      const stale = sent && req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
      finish(new HostCallError(sent ? 'lost' : 'notSent', error.code ?? error.message, null, stale))
    })
  })
}

/** The pool for reads: kept-alive connections, no TLS session reuse. */
export function readAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 8, maxCachedSessions: 0, rejectUnauthorized: false })
}

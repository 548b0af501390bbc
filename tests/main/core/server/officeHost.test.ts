import { spawn, type ChildProcess } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { readFileSync, rmSync, statSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { request } from 'node:https'
import { checkServerIdentity, type TLSSocket } from 'node:tls'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEventStreamParser } from '../../../../src/main/core/live/eventStreamParser'
import { openCore } from '../../../../src/main/core/openCore'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'

const child = resolve(__dirname, 'officeHostChild.ts')

interface Host {
  proc: ChildProcess
  port: number
  fingerprint: string
  addresses: string[]
}

/** Starts the host in its own process and waits for the line it prints once listening. */
function startHost(dataDir: string): Promise<Host> {
  return new Promise((done, fail) => {
    // Node itself with tsx as a loader, so that SIGTERM reaches the host and not a launcher.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = stdout.split('\n')[0]
      if (stdout.includes('\n') && line) done({ proc, ...(JSON.parse(line) as Omit<Host, 'proc'>) })
    })
    proc.on('error', fail)
    proc.on('exit', (code) => fail(new Error(`host exited (${code}): ${stderr}`)))
  })
}

function stopHost(host: Host | undefined): Promise<void> {
  if (!host || host.proc.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    host.proc.once('exit', () => done())
    host.proc.kill('SIGTERM')
  })
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
  /** The certificate the host presented, as a client sees it before trusting anything. */
  peerFingerprint: string
}

/**
 * One HTTPS request to 127.0.0.1. With `ca` the host's certificate is verified as a
 * pinned root (chain, and 127.0.0.1 among its names); without, it is only looked at.
 */
function send(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string; ca?: string },
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'POST',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
        ca: options.ca,
        rejectUnauthorized: options.ca !== undefined,
        // Checked against the address connected to, whatever name the Host header carries.
        checkServerIdentity: (_name, cert) => checkServerIdentity('127.0.0.1', cert),
      },
      (res) => {
        const peerFingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
            peerFingerprint,
          }),
        )
      },
    )
    req.on('error', fail)
    req.end(options.body)
  })
}

/** A call as a client PC's main process makes it: JSON, the session as a Bearer header. */
function api(
  port: number,
  ca: string,
  channel: string,
  input: unknown,
  token?: string,
  headers: Record<string, string> = {},
) {
  return send(port, {
    path: `/api/${channel}`,
    ca,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(input),
  })
}

interface EventsStream {
  status: number
  contentType: string
  /** The next change event's data, or a rejection after `ms`. */
  next(ms: number): Promise<unknown>
  close(): void
}

/** GET /events as a client PC reads it: the response stays open and events arrive as they happen. */
function openEvents(port: number, ca: string, token: string): Promise<EventsStream> {
  return new Promise((done, fail) => {
    const queue: unknown[] = []
    let waiting: ((value: unknown) => void) | null = null
    const parse = createEventStreamParser(({ event, data }) => {
      if (event !== 'change') return
      const change: unknown = JSON.parse(data)
      if (waiting) waiting(change)
      else queue.push(change)
      waiting = null
    })
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/events',
        method: 'GET',
        headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` },
        agent: false,
        ca,
        checkServerIdentity: (_name, cert) => checkServerIdentity('127.0.0.1', cert),
      },
      (res) => {
        res.setEncoding('utf8')
        let opened = false
        res.on('data', (chunk: string) => {
          parse(chunk)
          // The first chunk (a comment) says the server has subscribed: a write after it is seen.
          if (!opened) {
            opened = true
            done({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type']),
              next: (ms) =>
                queue.length > 0
                  ? Promise.resolve(queue.shift())
                  : new Promise((resolve, reject) => {
                      const timer = setTimeout(() => ((waiting = null), reject(new Error('no event'))), ms)
                      waiting = (value) => (clearTimeout(timer), resolve(value))
                    }),
              close: () => req.destroy(),
            })
          }
        })
      },
    )
    req.on('error', fail)
    req.end()
  })
}

const certFile = (dataDir: string) => join(dataDir, 'office', 'host-cert.pem')
const admin = { login: 'admin', password: 'office-secret-1' }

describe('the office host, in its own process, over HTTPS', () => {
  let dataDir: string
  let host: Host
  let ca: string
  let token: string

  beforeAll(async () => {
    dataDir = tempDir('office-host')
    // The 管理员 turns 多用户 on at the host PC before sharing.
    const core = await openCore(dataDir)
    await call(core, 'customers.create', { name: '主机上的客户有限公司' })
    await call(core, 'auth.enable', { login: admin.login, name: '管理员', password: admin.password, staffId: null })
    await core.close()
    host = await startHost(dataDir)
    ca = readFileSync(certFile(dataDir), 'utf8')
  }, 60_000)
  afterAll(() => stopHost(host))

  it('presents the certificate whose fingerprint it reports, kept in the data folder with a private key file', async () => {
    expect(host.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(host.addresses).toEqual(['192.168.31.20'])
    const seen = await send(host.port, {
      path: '/api/auth.status',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(seen.peerFingerprint).toBe(host.fingerprint)
    const x509 = new X509Certificate(ca)
    expect(x509.fingerprint256).toBe(host.fingerprint)
    expect(x509.subject).toContain('CN=office-host')
    expect(x509.subjectAltName).toBe(
      'DNS:office-host, DNS:office-host.local, DNS:localhost, IP Address:192.168.31.20, IP Address:127.0.0.1',
    )
    const years = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / (365.25 * 86_400_000)
    expect(years).toBeGreaterThan(9.9)
    expect(years).toBeLessThan(10.1)
    if (process.platform !== 'win32') {
      expect(statSync(join(dataDir, 'office', 'host-key.pem')).mode & 0o777).toBe(0o600)
    }
    // Pinned as the only root, the certificate verifies (chain and the 127.0.0.1 name).
    expect((await api(host.port, ca, 'auth.status', {})).status).toBe(200)
  })

  it('refuses every call without a session but the login’s few, even the channels public on a single PC', async () => {
    for (const channel of ['customers.list', 'app.info', 'app.startupNotice', 'office.status']) {
      const answer = await api(host.port, ca, channel, {})
      expect(answer.status, channel).toBe(401)
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    }
    const forged = await api(host.port, ca, 'customers.list', {}, 'A'.repeat(43))
    expect(forged.status).toBe(401)
    expect(JSON.parse(forged.body).error.message).toBe('登录已过期或账号已停用，请重新登录')
    const status = await api(host.port, ca, 'auth.status', {})
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { enabled: true, user: null, recoveryOpen: false } })
    // The recovery file opens a 管理员's password to whoever asks first: only at the host PC.
    const recover = await api(host.port, ca, 'auth.recover', { userId: 1, password: 'taken-over-1' })
    expect(recover.status).toBe(403)
    expect(recover.body).toBe('重设管理员密码只能在主机电脑上操作')
  })

  it('after a login the same calls answer with the host’s data', async () => {
    const login = JSON.parse((await api(host.port, ca, 'auth.login', { ...admin, remember: false })).body)
    expect(login).toMatchObject({ ok: true, value: { user: { login: 'admin' } } })
    token = login.value.token
    const list = JSON.parse((await api(host.port, ca, 'customers.list', {}, token)).body)
    expect(list.ok).toBe(true)
    expect(JSON.stringify(list.value)).toContain('主机上的客户有限公司')
    const office = JSON.parse((await api(host.port, ca, 'office.status', {}, token)).body)
    expect(office).toMatchObject({ ok: true, value: { hosting: true, port: host.port, fingerprint: host.fingerprint } })
    // Live updates need a session like every call.
    expect((await send(host.port, { path: '/events', method: 'GET', ca })).status).toBe(401)
    const forgedEvents = await send(host.port, {
      path: '/events',
      method: 'GET',
      ca,
      headers: { Authorization: `Bearer ${'B'.repeat(43)}` },
    })
    expect(forgedEvents.status).toBe(401)
  })

  it('tells a signed-in client within a second that another client wrote: topics and ids, no customer data', async () => {
    const other = JSON.parse((await api(host.port, ca, 'auth.login', { ...admin, remember: false })).body)
    const stream = await openEvents(host.port, ca, token)
    try {
      expect(stream.status).toBe(200)
      expect(stream.contentType).toBe('text/event-stream; charset=utf-8')
      const wrote = Date.now()
      const created = JSON.parse(
        (await api(host.port, ca, 'customers.create', { name: '另一台电脑新建的客户' }, other.value.token)).body,
      )
      expect(created.ok).toBe(true)
      const change = await stream.next(1_000)
      expect(Date.now() - wrote).toBeLessThan(1_000)
      expect(change).toEqual({
        topics: ['customers'],
        customerIds: [created.value.id],
        byUserId: other.value.user.id,
        at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      })
      expect(JSON.stringify(change)).not.toContain('另一台电脑')
      // A read publishes nothing.
      await api(host.port, ca, 'customers.list', {}, other.value.token)
      await expect(stream.next(300)).rejects.toThrow('no event')
    } finally {
      stream.close()
    }
  })

  it('serves no page to the LAN: the renderer’s files and the preview’s bridge are not there', async () => {
    for (const path of ['/', '/index.html', '/bridge.js', '/assets/index.js', '/customers', '/../kqgj.sqlite']) {
      const answer = await send(host.port, { path, method: 'GET', ca })
      expect(answer.status, path).toBe(404)
      expect(answer.body, path).toBe('找不到该地址')
    }
    expect((await api(host.port, ca, 'auth.status', {}, undefined, {})).status).toBe(200)
  })

  it('accepts the names a client may type for the host, refuses other names and any web page', async () => {
    for (const name of ['office-host', 'OFFICE-HOST', 'office-host.local', '192.168.31.20', 'localhost']) {
      const answer = await api(host.port, ca, 'auth.status', {}, undefined, { Host: `${name}:${host.port}` })
      expect(answer.status, name).toBe(200)
    }
    const rebound = await api(host.port, ca, 'customers.list', {}, token, { Host: `evil.example:${host.port}` })
    expect(rebound.status).toBe(403)
    const wrongPort = await api(host.port, ca, 'customers.list', {}, token, { Host: `office-host:${host.port + 1}` })
    expect(wrongPort.status).toBe(403)
    const page = await api(host.port, ca, 'customers.list', {}, token, { Origin: 'https://evil.example' })
    expect(page.status).toBe(403)
    expect(page.body).toBe('不接受网页发来的请求')
  })

  it('bounds the body at 64 MB and refuses it before reading it', async () => {
    const answer = await send(host.port, {
      path: '/api/customers.create',
      ca,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        'Content-Length': String(65 * 1024 * 1024),
      },
      body: '{"name":"',
    })
    expect(answer.status).toBe(413)
    expect(answer.body).toBe('请求过大（上限 64 MB）')
  })
})

describe('the host across restarts', () => {
  let dataDir: string
  let host: Host | undefined

  beforeAll(async () => {
    dataDir = tempDir('office-restart')
    const core = await openCore(dataDir)
    await call(core, 'auth.enable', { login: admin.login, name: '管理员', password: admin.password, staffId: null })
    await core.close()
  })
  afterAll(() => stopHost(host))

  it('keeps its certificate across restarts, makes a new one when it was deleted, and counts logins per minute', async () => {
    host = await startHost(dataDir)
    const first = host.fingerprint
    await stopHost(host)
    host = await startHost(dataDir)
    expect(host.fingerprint).toBe(first)

    // Logins are counted per client address: ten a minute, then a Chinese 429 even for the right password.
    const ca = readFileSync(certFile(dataDir), 'utf8')
    const good = JSON.parse((await api(host.port, ca, 'auth.login', { ...admin, remember: false })).body)
    expect(good.ok).toBe(true)
    for (let i = 0; i < 9; i++) {
      const wrong = await api(host.port, ca, 'auth.login', { login: 'nobody', password: 'guess', remember: false })
      expect(wrong.status).toBe(200)
      expect(JSON.parse(wrong.body).error.message).toBe('登录名或密码不正确')
    }
    const limited = await api(host.port, ca, 'auth.login', { ...admin, remember: false })
    expect(limited.status).toBe(429)
    expect(limited.body).toMatch(/^登录尝试过于频繁，请 \d+ 秒后再试$/)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // Only guessing is slowed down: the signed-in user keeps working.
    expect((await api(host.port, ca, 'customers.list', {}, good.value.token)).status).toBe(200)

    await stopHost(host)
    rmSync(certFile(dataDir))
    host = await startHost(dataDir)
    expect(host.fingerprint).not.toBe(first)
    expect(new X509Certificate(readFileSync(certFile(dataDir))).fingerprint256).toBe(host.fingerprint)
  }, 120_000)
})

describe('a host whose 多用户 is off', () => {
  let host: Host | undefined
  afterAll(() => stopHost(host))

  it('refuses every call from another PC: sharing needs accounts', async () => {
    const dataDir = tempDir('office-single')
    host = await startHost(dataDir)
    const ca = readFileSync(certFile(dataDir), 'utf8')
    for (const channel of ['auth.status', 'auth.login', 'customers.list', 'app.info']) {
      const answer = await api(host.port, ca, channel, channel === 'auth.login' ? { ...admin, remember: false } : {})
      expect(answer.status, channel).toBe(403)
      expect(answer.body, channel).toBe('主机未开启多用户，不能从其他电脑连接')
    }
  }, 60_000)
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type Server, type TLSSocket } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeRaw, openRaw, rawAll } from '../../../../src/main/core/db/rawSqlite'
import { databaseFileName, openCore } from '../../../../src/main/core/openCore'
import { probeHost } from '../../../../src/main/core/remote/probeHost'
import {
  certificateChangedMessage,
  createRemoteDispatch,
  type RemoteDispatch,
} from '../../../../src/main/core/remote/remoteDispatch'
import type { OfficeConnection } from '../../../../src/shared/office'
import type { Result } from '../../../../src/shared/result'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'
import { startHost, stopHost, type HostProcess } from './hostProcess'

const admin = { login: 'admin', password: 'office-secret-1' }
const wrongFingerprint = Array.from({ length: 32 }, () => 'AB').join(':')

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 20))
  }
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`)
  return result.value as T
}

async function customerNames(dataDir: string): Promise<string[]> {
  const db = await openRaw(join(dataDir, databaseFileName), 'readonly')
  try {
    return (await rawAll(db, 'SELECT name FROM customer ORDER BY id')).map((row) => String(row.name))
  } finally {
    await closeRaw(db)
  }
}

/** A data folder with one customer and 多用户 on, as a host PC has it. */
async function hostData(prefix: string): Promise<string> {
  const dataDir = tempDir(prefix)
  const core = await openCore(dataDir)
  await call(core, 'customers.create', { name: '主机上的客户有限公司' })
  await call(core, 'auth.enable', { login: admin.login, name: '管理员', password: admin.password, staffId: null })
  await core.close()
  return dataDir
}

describe('a client PC’s dispatch against a host in its own process', () => {
  let dataDir: string
  let host: HostProcess | undefined
  let remote: RemoteDispatch
  const statuses: OfficeConnection[] = []
  let token: string

  beforeAll(async () => {
    dataDir = await hostData('remote-host')
    host = await startHost(dataDir)
    remote = createRemoteDispatch({
      host: '127.0.0.1',
      port: host.port,
      fingerprint: host.fingerprint,
      hostName: 'office-host',
      onStatus: (status) => statuses.push(status),
      backoff: { firstMs: 100, maxMs: 400 },
    })
  }, 60_000)
  afterAll(async () => {
    remote.close()
    await stopHost(host)
  })

  it('first contact reads the certificate’s fingerprint and the host’s name, and sends nothing but auth.status', async () => {
    const before = host?.calls.length ?? 0
    expect(await probeHost('127.0.0.1', host?.port ?? 0)).toEqual({
      hostname: 'office-host',
      fingerprint: host?.fingerprint,
      accountsEnabled: true,
    })
    // The host's door asks auth.status itself before any call, so one call shows as two.
    await until('the probe’s call', () => (host?.calls.length ?? 0) >= before + 2)
    expect(host?.calls.slice(before)).toEqual(['auth.status', 'auth.status'])
  })

  it('reports connected, logs in and works on the host’s data', async () => {
    await until('connected', () => remote.status().state === 'connected')
    expect(statuses.map((status) => status.state)).toEqual(['connected'])
    expect(remote.status()).toMatchObject({ hostName: 'office-host', address: '127.0.0.1', port: host?.port })

    const refused = await remote('customers.list', {})
    expect(refused).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    token = value<{ token: string }>(await remote('auth.login', { ...admin, remember: false })).token
    const created = value<{ id: number }>(await remote('customers.create', { name: '客户端新建的客户' }, token))
    expect(created.id).toBeGreaterThan(0)
    const list = value<{ rows: { name: string }[] }>(await remote('customers.list', {}, token))
    expect(list.rows.map((row) => row.name).sort()).toEqual(['主机上的客户有限公司', '客户端新建的客户'].sort())
    // A refusal of the host's own dispatch comes back as it is.
    const invalid = await remote('customers.create', { name: '' }, token)
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await remote('no.such.channel', {}, token)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('refuses a host whose certificate is not the pinned one before sending anything, and says why', async () => {
    const seen: OfficeConnection[] = []
    const impostor = createRemoteDispatch({
      host: '127.0.0.1',
      port: host?.port ?? 0,
      fingerprint: wrongFingerprint,
      hostName: 'office-host',
      onStatus: (status) => seen.push(status),
      backoff: { firstMs: 60_000, maxMs: 60_000 },
    })
    try {
      await until('the first probe', () => seen.length > 0)
      const before = host?.calls.length ?? 0
      const result = await impostor('customers.create', { name: '不该到达主机的客户' }, token)
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: certificateChangedMessage } })
      expect(impostor.status()).toMatchObject({
        state: 'certificateChanged',
        message: certificateChangedMessage,
        seenFingerprint: host?.fingerprint,
      })
      expect(seen.map((status) => status.state)).toEqual(['certificateChanged'])
      // A call that does reach the host shows up within milliseconds; this one never did.
      await remote('auth.status', {})
      await until('the control call', () => (host?.calls.length ?? 0) >= before + 2)
      expect(host?.calls.slice(before)).toEqual(['auth.status', 'auth.status'])
      expect(await customerNames(dataDir)).not.toContain('不该到达主机的客户')
    } finally {
      impostor.close()
    }
  })

  it('answers UNREACHABLE while the host is down, saves nothing, reconnects when it is back on its port', async () => {
    const port = host?.port ?? 0
    await stopHost(host, 'SIGKILL')
    statuses.length = 0

    const read = await remote('customers.list', {}, token)
    expect(read).toEqual({ ok: false, error: { code: 'UNREACHABLE', message: '无法连接到主机' } })
    expect(remote.status()).toMatchObject({ state: 'reconnecting', hostName: 'office-host' })
    const write = await remote('customers.create', { name: '停机时填写的客户' }, token)
    expect(write).toEqual({
      ok: false,
      error: { code: 'UNREACHABLE', message: '无法连接到主机 office-host，数据未保存' },
    })
    // The light probe keeps trying with backoff; the state is reported once, not on every failure.
    await new Promise((done) => setTimeout(done, 700))
    expect(statuses.map((status) => status.state)).toEqual(['reconnecting'])

    host = await startHost(dataDir, port)
    await until('connected again', () => remote.status().state === 'connected')
    expect(statuses.map((status) => status.state)).toEqual(['reconnecting', 'connected'])
    // The session lives in the host's database: the same login works on.
    const list = value<{ rows: { name: string }[] }>(await remote('customers.list', {}, token))
    expect(list.rows.map((row) => row.name)).not.toContain('停机时填写的客户')
    expect(value<{ id: number }>(await remote('customers.create', { name: '恢复后保存的客户' }, token)).id).toBe(
      list.rows.length + 1,
    )
    // The write refused during the outage was never sent again on its own.
    await new Promise((done) => setTimeout(done, 300))
    await stopHost(host)
    const names = await customerNames(dataDir)
    expect(names).not.toContain('停机时填写的客户')
    expect(names.filter((name) => name === '恢复后保存的客户')).toHaveLength(1)
    host = await startHost(dataDir, port)
  }, 60_000)
})

describe('a host that takes the call and then fails to answer', () => {
  let dataDir: string
  let server: Server
  let port: number
  let fingerprint: string
  /** What the server does with a connection once the handshake is done. */
  let behave: (socket: TLSSocket) => void = () => {}
  let received = 0
  let connections = 0

  beforeAll(async () => {
    dataDir = tempDir('remote-fake')
    // The certificate a real host made for itself, served by a stand-in that misbehaves.
    const host = await startHost(dataDir)
    fingerprint = host.fingerprint
    await stopHost(host)
    const key = readFileSync(join(dataDir, 'office', 'host-key.pem'), 'utf8')
    const cert = readFileSync(join(dataDir, 'office', 'host-cert.pem'), 'utf8')
    server = createServer({ key, cert }, (socket) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.length))
      socket.on('error', () => undefined)
      behave(socket)
    })
    server.on('connection', () => connections++)
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    port = (server.address() as { port: number }).port
  }, 60_000)
  afterAll(() => new Promise<void>((done) => server.close(() => done())))

  const client = (pin: string, answerMs = 5_000) =>
    createRemoteDispatch({
      host: '127.0.0.1',
      port,
      fingerprint: pin,
      hostName: 'office-host',
      timeouts: { answerMs },
      backoff: { firstMs: 60_000, maxMs: 60_000 },
    })

  it('a pinned fingerprint that does not match: not one byte of the request goes out', async () => {
    received = 0
    connections = 0
    behave = () => undefined
    const remote = client(wrongFingerprint)
    try {
      const result = await remote('customers.create', { name: '机密客户' }, 'A'.repeat(43))
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      await new Promise((done) => setTimeout(done, 200))
      expect(connections).toBeGreaterThan(0)
      expect(received).toBe(0)
      // The same stand-in does receive a request when the pin matches: the count above could have failed.
      const right = client(fingerprint, 300)
      await right('customers.create', { name: '机密客户' }, 'A'.repeat(43))
      right.close()
      expect(received).toBeGreaterThan(0)
    } finally {
      remote.close()
    }
  })

  it('a connection cut after the request went out: a write says it may or may not have been saved', async () => {
    behave = (socket) => socket.once('data', () => socket.destroy())
    const remote = client(fingerprint)
    try {
      expect(await remote('customers.create', { name: '甲' }, 'A'.repeat(43))).toEqual({
        ok: false,
        error: {
          code: 'UNREACHABLE',
          message: '与主机 office-host 的连接中断，无法确认是否已保存，请在主机恢复后刷新核对',
        },
      })
      expect(await remote('customers.list', {}, 'A'.repeat(43))).toEqual({
        ok: false,
        error: { code: 'UNREACHABLE', message: '与主机的连接中断，请稍后重试' },
      })
      expect(remote.status().state).toBe('reconnecting')
    } finally {
      remote.close()
    }
  })

  it('no answer within the bound: the call ends, the same way', async () => {
    behave = () => undefined
    const remote = client(fingerprint, 300)
    try {
      const started = Date.now()
      const result = await remote('customers.update', { id: 1, name: '乙' }, 'A'.repeat(43))
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(result).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } })
      expect(!result.ok && result.error.message).toContain('无法确认是否已保存')
    } finally {
      remote.close()
    }
  })
})

import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { join } from 'node:path'
import { checkServerIdentity } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeRaw, openRaw, rawAll } from '../../../../src/main/core/db/rawSqlite'
import { generateDemoData } from '../../../../src/main/core/demo/generateDemoData'
import { createHostChangeRelay, type HostChangeRelay } from '../../../../src/main/core/live/hostChangeRelay'
import { databaseFileName, openCore } from '../../../../src/main/core/openCore'
import { createRemoteDispatch, type RemoteDispatch } from '../../../../src/main/core/remote/remoteDispatch'
import type { Channel, ChannelInput, ChannelOutput } from '../../../../src/shared/contract'
import { isStaleEdit } from '../../../../src/shared/editVersion'
import type { LiveChange } from '../../../../src/shared/liveTopics'
import type { AppErrorShape, Result } from '../../../../src/shared/result'
import {
  startOfficeHostProcess,
  stopOfficeHostProcess,
  type OfficeHostProcess,
} from '../../../helpers/officeHostProcess'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'

/*
 * Two staff PCs against one office host, each side its own process on 127.0.0.1:
 * the host a child process over a real data folder, the two PCs the client's own
 * remote dispatch (pinned by fingerprint), one session each. What the host's
 * database holds is read with a separate read-only connection to its file.
 * officeHost.test.ts already covers the host's certificate, the Host/Origin checks,
 * calls without a session or with a forged token over raw HTTPS, the login rate
 * limit and a body declared over 64 MB; this file covers what two PCs and their
 * users add, and the refusals it leaves out.
 */

const password = 'office-secret-1'
const admin = { login: 'admin', name: '管理员' }
const salesA = { login: 'sales-a', name: '业务员甲' }
const salesB = { login: 'sales-b', name: '业务员乙' }
const hours = 3_600_000

let dataDir: string
let host: OfficeHostProcess | undefined
let pcA: RemoteDispatch
let pcB: RemoteDispatch
let staffA: number
let staffB: number
let userA: number
let userB: number
let tokenA: string
let tokenB: string
let adminToken: string

/** A call from a client PC, typed from the contract; an error Result is returned as is. */
async function send<C extends Channel>(
  pc: RemoteDispatch,
  token: string | null,
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  return (await pc(channel, input, token)) as Result<ChannelOutput<C>>
}

async function ok<C extends Channel>(
  pc: RemoteDispatch,
  token: string | null,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await send(pc, token, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function refused<C extends Channel>(
  pc: RemoteDispatch,
  token: string | null,
  channel: C,
  input: ChannelInput<C>,
): Promise<AppErrorShape> {
  const result = await send(pc, token, channel, input)
  if (result.ok) throw new Error(`${channel} was not refused`)
  return result.error
}

/** The host's database as it is on disk, through a connection of its own. */
async function hostRows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const db = await openRaw(join(dataDir, databaseFileName), 'readonly')
  try {
    return await rawAll(db, sql, params)
  } finally {
    await closeRaw(db)
  }
}

/** The ids a 业务员 may see: their own customers and the 公海, not in the 回收站. */
async function idsInScope(staffId: number): Promise<number[]> {
  const rows = await hostRows(
    `SELECT id FROM customer WHERE deleted_at IS NULL AND (owner_staff_id = ? OR owner_staff_id IS NULL) ORDER BY id`,
    [staffId],
  )
  return rows.map((row) => Number(row.id))
}

function login(pc: RemoteDispatch, who: { login: string }, remember = true) {
  return ok(pc, null, 'auth.login', { login: who.login, password, remember })
}

function clientOf(port: number, fingerprint: string): RemoteDispatch {
  return createRemoteDispatch({ host: '127.0.0.1', port, fingerprint, hostName: 'office-host' })
}

beforeAll(async () => {
  dataDir = tempDir('two-clients')
  // The host PC before sharing: an office's customers, 多用户 on, one user per 业务员.
  const core = await openCore(dataDir)
  await generateDemoData(core.store, { customers: 500, transactions: 1_500, interactions: 1_000, seed: 18 })
  const owners = await core.store.read((db) =>
    db.all<{ staffId: number }>(
      `SELECT owner_staff_id AS staffId FROM customer WHERE deleted_at IS NULL AND owner_staff_id IS NOT NULL
       GROUP BY owner_staff_id ORDER BY count(*) DESC, owner_staff_id LIMIT 2`,
    ),
  )
  ;[staffA, staffB] = owners.map((row) => row.staffId) as [number, number]
  const on = await call(core, 'auth.enable', { ...admin, password, staffId: null })
  for (const [who, staffId] of [
    [salesA, staffA],
    [salesB, staffB],
  ] as const) {
    const result = await core.dispatch(
      'users.create',
      { ...who, role: 'sales', password, staffId, customerLimit: null },
      on.token,
    )
    if (!result.ok) throw new Error(result.error.message)
    if (who === salesA) userA = (result.value as { id: number }).id
    else userB = (result.value as { id: number }).id
  }
  await core.close()

  // Every login here comes from 127.0.0.1: more than the ten a minute an office PC gets.
  host = await startOfficeHostProcess(dataDir, { loginsPerMinute: 100 })
  pcA = clientOf(host.port, host.fingerprint)
  pcB = clientOf(host.port, host.fingerprint)
  tokenA = (await login(pcA, salesA)).token
  tokenB = (await login(pcB, salesB)).token
  adminToken = (await login(pcA, admin)).token
}, 120_000)

afterAll(async () => {
  pcA?.close()
  pcB?.close()
  await stopOfficeHostProcess(host)
})

describe('two 业务员 on two PCs against one host process', () => {
  it('each sees exactly their own customers and the 公海, whichever PC they sign in on', async () => {
    const inScopeA = await idsInScope(staffA)
    const inScopeB = await idsInScope(staffB)
    // Enough on each side that a scope left out or doubled would show.
    expect(inScopeA.length).toBeGreaterThan(20)
    expect(inScopeB.length).toBeGreaterThan(20)
    const publicSea = await hostRows(`SELECT id FROM customer WHERE deleted_at IS NULL AND owner_staff_id IS NULL`)
    expect(publicSea.length).toBeGreaterThan(0)

    const listed = async (pc: RemoteDispatch, token: string) => {
      const page = await ok(pc, token, 'customers.list', { startRow: 0, endRow: 500 })
      return { total: page.total, ids: page.rows.map((row) => row.id).sort((x, y) => x - y) }
    }
    expect(await listed(pcA, tokenA)).toEqual({ total: inScopeA.length, ids: inScopeA })
    expect(await listed(pcB, tokenB)).toEqual({ total: inScopeB.length, ids: inScopeB })
    // The scope is the user's, not the PC's: A signed in on B's PC sees A's customers there.
    const aOnB = (await login(pcB, salesA)).token
    expect(await listed(pcB, aOnB)).toEqual({ total: inScopeA.length, ids: inScopeA })
    await ok(pcB, aOnB, 'auth.logout', {})
    // The 管理员 sees every customer.
    const all = await hostRows(`SELECT count(*) AS n FROM customer WHERE deleted_at IS NULL`)
    expect((await ok(pcA, adminToken, 'customers.list', { startRow: 0, endRow: 1 })).total).toBe(all[0]?.n)
  })

  it('refuses A the customers of B, to read and to write, and the host’s file is unchanged', async () => {
    const [ofB] = await hostRows(`SELECT id, name, version FROM customer WHERE owner_staff_id = ? LIMIT 1`, [staffB])
    const id = Number(ofB?.id)
    const denied = await refused(pcA, tokenA, 'customers.get', { id })
    expect(denied).toEqual({
      code: 'FORBIDDEN',
      message: '没有权限：该客户不属于您（只能查看和处理自己负责的客户与公海客户）',
    })
    expect((await refused(pcA, tokenA, 'customers.update', { id, name: '甲改的名字' })).code).toBe('FORBIDDEN')
    const record = { customerId: id, occurredAt: '2026-12-06 10:00', typeId: await interactionType() }
    expect((await refused(pcA, tokenA, 'interactions.create', record)).code).toBe('FORBIDDEN')
    expect(await hostRows(`SELECT id, name, version FROM customer WHERE id = ?`, [id])).toEqual([ofB])
    expect(await hostRows(`SELECT id FROM interaction WHERE created_by = ?`, [userA])).toEqual([])
    // B, on the other PC, has it.
    expect((await ok(pcB, tokenB, 'customers.get', { id })).name).toBe(ofB?.name)
  })

  it('refuses the later of two saves of one 公海 customer, naming who saved first; nothing is lost', async () => {
    const [sea] = await hostRows(`SELECT id FROM customer WHERE deleted_at IS NULL AND owner_staff_id IS NULL LIMIT 1`)
    const id = Number(sea?.id)
    // Both PCs open the same card.
    const loadedA = await ok(pcA, tokenA, 'customers.get', { id })
    const loadedB = await ok(pcB, tokenB, 'customers.get', { id })
    expect(loadedB.version).toBe(loadedA.version)

    const savedA = await ok(pcA, tokenA, 'customers.update', {
      id,
      version: loadedA.version,
      mainBusiness: '甲填写的主营业务',
    })
    expect(savedA.version).toBe(loadedA.version + 1)
    const stale = await refused(pcB, tokenB, 'customers.update', {
      id,
      version: loadedB.version,
      mainBusiness: '乙填写的主营业务',
    })
    expect(stale.code).toBe('CONFLICT')
    expect(isStaleEdit(stale)).toBe(true)
    expect(stale.message).toMatch(/^该客户已被 业务员甲 于 (\d+年)?(\d+月\d+日 )?\d\d:\d\d 修改，请重新载入后再改$/)
    const [afterConflict] = await hostRows(`SELECT main_business, version, updated_by FROM customer WHERE id = ?`, [id])
    expect(afterConflict).toEqual({ main_business: '甲填写的主营业务', version: savedA.version, updated_by: userA })

    // B reloads, sees A's text, and saves on top of it.
    const reloaded = await ok(pcB, tokenB, 'customers.get', { id })
    expect(reloaded).toMatchObject({ mainBusiness: '甲填写的主营业务', version: savedA.version })
    await ok(pcB, tokenB, 'customers.update', {
      id,
      version: reloaded.version,
      mainBusiness: `${reloaded.mainBusiness}；乙补充：年底有采购计划`,
    })
    expect(await hostRows(`SELECT main_business, version, updated_by FROM customer WHERE id = ?`, [id])).toEqual([
      { main_business: '甲填写的主营业务；乙补充：年底有采购计划', version: savedA.version + 1, updated_by: userB },
    ])
  })

  it('tells B’s PC within 2 s that A wrote a 交往记录 for a 公海 customer', async () => {
    const [sea] = await hostRows(`SELECT id FROM customer WHERE deleted_at IS NULL AND owner_staff_id IS NULL LIMIT 1`)
    const customerId = Number(sea?.id)
    const heard: LiveChange[] = []
    const relay: HostChangeRelay = createHostChangeRelay({
      host: '127.0.0.1',
      port: host?.port ?? 0,
      fingerprint: host?.fingerprint ?? null,
      token: () => tokenB,
      retryMs: 200,
    })
    relay.subscribe((change) => heard.push(change))
    try {
      const typeId = await interactionType()
      // The relay says nothing when its stream opens: a first write heard shows it is open.
      const end = Date.now() + 15_000
      while (heard.length === 0) {
        if (Date.now() > end) throw new Error('B never heard the host')
        await ok(pcA, tokenA, 'customers.update', { id: customerId, phone: '010-12345678' })
        await new Promise((done) => setTimeout(done, 300))
      }
      await new Promise((done) => setTimeout(done, 300))
      heard.length = 0

      const wrote = Date.now()
      const created = await ok(pcA, tokenA, 'interactions.create', {
        customerId,
        occurredAt: '2026-12-06 10:30',
        typeId,
        subject: '甲回访',
      })
      while (!heard.some((change) => change.customerIds?.includes(customerId))) {
        if (Date.now() - wrote > 2_000) throw new Error(`not heard within 2 s: ${JSON.stringify(heard)}`)
        await new Promise((done) => setTimeout(done, 10))
      }
      expect(heard).toContainEqual({
        topics: expect.arrayContaining(['records']),
        customerIds: [customerId],
        byUserId: userA,
        at: expect.any(String),
      })
      // What B then loads from the host is A's record.
      const records = await ok(pcB, tokenB, 'interactions.list', { customerId })
      expect(records.rows.map((row) => row.id)).toContain(created.id)
    } finally {
      relay.close()
    }
  })
})

describe('refusals on the host’s LAN binding', () => {
  it('a call without a session or with a made-up token, sent through the client’s own dispatch', async () => {
    expect(await refused(pcA, null, 'customers.list', {})).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' })
    expect(await refused(pcA, 'x'.repeat(43), 'customers.get', { id: 1 })).toEqual({
      code: 'UNAUTHENTICATED',
      message: '登录已过期或账号已停用，请重新登录',
    })
  })

  it('a session past its idle time, by the host’s own clock; a remembered one still works', async () => {
    const brief = (await login(pcB, salesA, false)).token
    expect((await ok(pcB, brief, 'customers.list', { startRow: 0, endRow: 1 })).total).toBeGreaterThan(0)
    try {
      // Thirteen hours later on the host: past the twelve a session without 记住我 lasts unused.
      await host?.setClockOffset(13 * hours)
      expect(await refused(pcB, brief, 'customers.list', { startRow: 0, endRow: 1 })).toEqual({
        code: 'UNAUTHENTICATED',
        message: '登录已过期或账号已停用，请重新登录',
      })
      expect((await ok(pcA, tokenA, 'customers.list', { startRow: 0, endRow: 1 })).total).toBeGreaterThan(0)
    } finally {
      await host?.setClockOffset(0)
    }
    // Gone, not merely out of date: turning the clock back does not revive it.
    expect((await refused(pcB, brief, 'customers.list', {})).code).toBe('UNAUTHENTICATED')
  })

  it('a user the 管理员 disabled: the open session ends at once and a new login is refused', async () => {
    const before = (await ok(pcB, tokenB, 'customers.list', { startRow: 0, endRow: 1 })).total
    expect(before).toBeGreaterThan(0)
    await ok(pcA, adminToken, 'users.update', { id: userB, enabled: false })
    try {
      expect(await refused(pcB, tokenB, 'customers.list', { startRow: 0, endRow: 1 })).toEqual({
        code: 'UNAUTHENTICATED',
        message: '登录已过期或账号已停用，请重新登录',
      })
      expect(await refused(pcB, null, 'auth.login', { login: salesB.login, password, remember: true })).toEqual({
        code: 'FORBIDDEN',
        message: '该账号已停用，请联系管理员',
      })
      expect(await hostRows(`SELECT count(*) AS n FROM user_session WHERE user_id = ?`, [userB])).toEqual([{ n: 0 }])
    } finally {
      await ok(pcA, adminToken, 'users.update', { id: userB, enabled: true })
    }
    tokenB = (await login(pcB, salesB)).token
    expect((await ok(pcB, tokenB, 'customers.list', { startRow: 0, endRow: 1 })).total).toBe(before)
  })

  it('paths that climb out of /api reach neither the database file nor the system’s files', async () => {
    const ca = readFileSync(join(dataDir, 'office', 'host-cert.pem'), 'utf8')
    const paths = [
      '/api/../../etc/passwd',
      '/api/../kqgj.sqlite',
      '/api/%2e%2e/%2e%2e/etc/passwd',
      '/api/..%2f..%2fkqgj.sqlite',
      '/api/%2E%2E%2Fkqgj.sqlite',
      '/api/..%5c..%5ckqgj.sqlite',
      '/api/customers.list/../../kqgj.sqlite',
      '/%2e%2e/kqgj.sqlite',
      '/..%2fkqgj.sqlite',
      '/kqgj.sqlite',
      '/office/host-key.pem',
      '/api/%c0%ae%c0%ae/etc/passwd',
    ]
    for (const path of paths) {
      for (const method of ['GET', 'POST']) {
        const answer = await raw(ca, { path, method, token: tokenA, body: method === 'POST' ? '{}' : undefined })
        // No bytes of the SQLite file, the key or /etc/passwd; a refusal or an unknown channel.
        expect(answer.body, path).not.toMatch(/SQLite format|BEGIN .*PRIVATE KEY|root:/)
        if (answer.status === 200) {
          expect(JSON.parse(answer.body), `${method} ${path}`).toEqual({
            ok: false,
            error: { code: 'UNKNOWN_CHANNEL', message: '未知的操作' },
          })
        } else expect([400, 404, 405], `${method} ${path}`).toContain(answer.status)
      }
    }
  })

  it('a body streamed without a declared length is cut off at 64 MB, saves nothing, and the host serves on', async () => {
    const ca = readFileSync(join(dataDir, 'office', 'host-cert.pem'), 'utf8')
    const [before] = await hostRows(`SELECT count(*) AS n FROM customer`)
    const answer = await streamed(ca, tokenA, 256 * 1024 * 1024)
    expect(answer.status).toBe(413)
    expect(answer.body).toBe('请求过大（上限 64 MB）')
    // Answered once the bound was passed, not after reading all that was offered.
    expect(answer.sentBytes).toBeGreaterThan(64 * 1024 * 1024)
    expect(answer.sentBytes).toBeLessThan(128 * 1024 * 1024)
    expect(await hostRows(`SELECT count(*) AS n FROM customer`)).toEqual([before])
    expect((await ok(pcA, tokenA, 'customers.list', { startRow: 0, endRow: 1 })).total).toBeGreaterThan(0)
  }, 60_000)
})

async function interactionType(): Promise<number> {
  const [row] = await hostRows(`SELECT id FROM dict_item WHERE category = 'interactionType' ORDER BY id LIMIT 1`)
  if (!row) throw new Error('no 交往方式 in the demo data')
  return Number(row.id)
}

/** One HTTPS request with the path exactly as given (Node sends it unnormalised), trusting only the host's certificate. */
function raw(
  ca: string,
  options: { path: string; method: string; token: string; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host?.port,
        path: options.path,
        method: options.method,
        headers: {
          Host: `127.0.0.1:${host?.port}`,
          Authorization: `Bearer ${options.token}`,
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        agent: false,
        ca,
        checkServerIdentity: (_name, cert) => checkServerIdentity('127.0.0.1', cert),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', fail)
    req.end(options.body)
  })
}

/**
 * customers.create with a name of `bytes` sent in chunks (Transfer-Encoding: chunked,
 * so the host cannot refuse it from a header): stops sending once the host answers.
 */
function streamed(
  ca: string,
  token: string,
  bytes: number,
): Promise<{ status: number; body: string; sentBytes: number }> {
  return new Promise((done, fail) => {
    let answered = false
    let sentBytes = 0
    const req = request({
      host: '127.0.0.1',
      port: host?.port,
      path: '/api/customers.create',
      method: 'POST',
      headers: {
        Host: `127.0.0.1:${host?.port}`,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Transfer-Encoding': 'chunked',
      },
      agent: false,
      ca,
      checkServerIdentity: (_name, cert) => checkServerIdentity('127.0.0.1', cert),
    })
    req.on('response', (res) => {
      answered = true
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), sentBytes }))
      res.on('error', fail)
    })
    // The host may close the socket while the rest is still on its way: the answer already came.
    req.on('error', (error) => {
      if (!answered) fail(error)
    })
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    const write = () => {
      while (!answered && sentBytes < bytes) {
        const piece = sentBytes === 0 ? Buffer.concat([Buffer.from('{"name":"'), chunk]) : chunk
        sentBytes += piece.length
        if (!req.write(piece)) return void req.once('drain', write)
      }
      if (!answered) req.end('"}')
    }
    write()
  })
}

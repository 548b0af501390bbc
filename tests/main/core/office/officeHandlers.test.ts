import { createServer, type Server } from 'node:net'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startChosenOfficeHost } from '../../../../src/main/core/office/startChosenOfficeHost'
import { officeConfigPath } from '../../../../src/main/core/office/officeConfig'
import { startOfficeHost } from '../../../../src/main/core/office/startOfficeHost'
import { call, callAs, testCore } from '../../../helpers/testCore'

const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':')

describe('office.status and office.setMode', () => {
  let core: Awaited<ReturnType<typeof testCore>>
  beforeAll(async () => {
    core = await testCore('office-handlers')
  })
  afterAll(() => core.close())

  it('shows a new PC as 单机 with its name and the default port, and no certificate yet', async () => {
    expect(await call(core, 'office.status', {})).toEqual({
      mode: 'single',
      hostname: hostname(),
      addresses: expect.any(Array) as unknown,
      port: 17890,
      fingerprint: null,
      hosting: false,
      accountsEnabled: false,
      client: null,
      problem: null,
    })
  })

  it('will not make a PC without 多用户 the host, and stores nothing then', async () => {
    const refused = await core.dispatch('office.setMode', { mode: 'host' })
    expect(refused).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '请先在「用户与权限」中开启多用户：其他电脑要凭各自的账号登录主机' },
    })
    expect(() => readFileSync(officeConfigPath(core.dataDir))).toThrow()
  })

  it('refuses an address that is neither a PC name nor an IPv4 address, in Chinese', async () => {
    const result = await core.dispatch('office.setMode', {
      mode: 'client',
      address: 'http://x/',
      port: 18001,
      fingerprint: null,
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('主机地址应为') },
    })
  })

  it('lets a 管理员 choose 主机, keeps the client settings across a switch back to 单机, and refuses a 业务员', async () => {
    const { token } = await call(core, 'auth.enable', {
      login: 'admin',
      name: '管理员',
      password: 'secret-1',
      staffId: null,
    })
    await callAs(core, token, 'users.create', {
      login: 'sales1',
      name: '业务员一',
      role: 'sales',
      password: 'secret-2',
      staffId: null,
      customerLimit: null,
    })
    const sales = await call(core, 'auth.login', { login: 'sales1', password: 'secret-2', remember: false })

    const host = await callAs(core, token, 'office.setMode', { mode: 'host', port: 18001 })
    expect(host).toMatchObject({ mode: 'host', port: 18001, accountsEnabled: true, hosting: false })
    expect(JSON.parse(readFileSync(officeConfigPath(core.dataDir), 'utf8'))).toEqual({
      mode: 'host',
      hostPort: 18001,
      client: null,
    })

    const client = await callAs(core, token, 'office.setMode', {
      mode: 'client',
      address: '192.168.1.20',
      port: 18001,
      fingerprint,
    })
    expect(client).toMatchObject({ mode: 'client', client: { address: '192.168.1.20', port: 18001, fingerprint } })
    const single = await callAs(core, token, 'office.setMode', { mode: 'single' })
    expect(single).toMatchObject({ mode: 'single', client: { address: '192.168.1.20' } })

    const forbidden = await core.dispatch('office.setMode', { mode: 'host' }, sales.token)
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await callAs(core, sales.token, 'office.status', {})).mode).toBe('single')
  })
})

describe('the host as the shell starts it', () => {
  let core: Awaited<ReturnType<typeof testCore>>
  let token: string
  let blocker: Server | undefined
  beforeAll(async () => {
    core = await testCore('office-start')
    token = (await call(core, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null }))
      .token
  })
  afterAll(async () => {
    blocker?.close()
    await core.close()
  })

  it('starts nothing on a 单机 PC', async () => {
    expect(await startChosenOfficeHost(core, core.dataDir, '127.0.0.1')).toBeNull()
  })

  it('shows the running host’s port and fingerprint, and why it could not start when its port is taken', async () => {
    const running = await startOfficeHost({ core, dataDir: core.dataDir, port: 0, bind: '127.0.0.1' })
    const status = await callAs(core, token, 'office.status', {})
    expect(status).toMatchObject({ hosting: true, port: running.port, fingerprint: running.fingerprint })
    await running.close()
    expect(await callAs(core, token, 'office.status', {})).toMatchObject({
      hosting: false,
      fingerprint: running.fingerprint,
    })

    blocker = createServer()
    await new Promise<void>((done) => blocker?.listen(0, '127.0.0.1', done))
    const taken = (blocker.address() as { port: number }).port
    await callAs(core, token, 'office.setMode', { mode: 'host', port: taken })
    expect(await startChosenOfficeHost(core, core.dataDir, '127.0.0.1')).toBeNull()
    expect((await callAs(core, token, 'office.status', {})).problem).toBe(
      `主机服务未能启动：端口 ${taken} 已被其他程序占用，请换一个端口后重新启动`,
    )
  })
})

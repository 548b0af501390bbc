import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHostChangeRelay, type HostChangeRelay } from '../../../../src/main/core/live/hostChangeRelay'
import { startOfficeHost, type OfficeHost } from '../../../../src/main/core/office/startOfficeHost'
import type { LiveChange } from '../../../../src/shared/liveTopics'
import { call, callAs, testCore } from '../../../helpers/testCore'

let core: Awaited<ReturnType<typeof testCore>>
let host: OfficeHost
let adminToken: string
let otherToken: string

beforeAll(async () => {
  core = await testCore('host-relay')
  const admin = await call(core, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
  adminToken = admin.token
  otherToken = (await call(core, 'auth.login', { login: 'admin', password: 'secret-1', remember: false })).token
  host = await startOfficeHost({
    core,
    dataDir: core.dataDir,
    port: 0,
    bind: '127.0.0.1',
    hostname: 'office-host',
    addresses: () => [],
  })
}, 60_000)
afterAll(async () => {
  await host.close()
  await core.close()
})

async function until(check: () => boolean, ms: number): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function relayWith(token: () => string | null, fingerprint = host.fingerprint) {
  const heard: LiveChange[] = []
  const relay = createHostChangeRelay({
    host: '127.0.0.1',
    port: host.port,
    fingerprint,
    token,
    retryMs: 100,
    tokenCheckMs: 50,
  })
  relay.subscribe((change) => heard.push(change))
  return { relay, heard }
}

describe('a client PC relaying the host’s live updates to its window', () => {
  let relay: HostChangeRelay | undefined
  afterAll(() => relay?.close())

  it('passes on another user’s write within a second, once its window has a session', async () => {
    let token: string | null = null
    const made = relayWith(() => token)
    relay = made.relay
    await callAs(core, otherToken, 'customers.create', { name: '登录前新建的客户' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(made.heard).toEqual([])

    token = adminToken
    // Connected: the host has a subscriber besides none before (the stream is open once a write reaches it).
    await new Promise((resolve) => setTimeout(resolve, 300))
    const created = await callAs(core, otherToken, 'customers.create', { name: '另一台电脑新建的客户' })
    const wrote = Date.now()
    await until(() => made.heard.length > 0, 1_000)
    expect(Date.now() - wrote).toBeLessThan(1_000)
    expect(made.heard).toEqual([
      expect.objectContaining({ topics: ['customers'], customerIds: [created.id], byUserId: 1 }),
    ])
  })

  it('sends nothing to a host whose certificate is not the pinned one, and hears nothing from it', async () => {
    const wrong = Array.from({ length: 32 }, () => 'AB').join(':')
    const made = relayWith(() => adminToken, wrong)
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await callAs(core, otherToken, 'customers.create', { name: '证书不符时新建的客户' })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(made.heard).toEqual([])
    } finally {
      made.relay.close()
    }
  })

  it('after the host comes back, tells the window to load everything afresh, then relays as before', async () => {
    const made = relayWith(() => adminToken)
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      const port = host.port
      await host.close()
      host = await startOfficeHost({
        core,
        dataDir: core.dataDir,
        port,
        bind: '127.0.0.1',
        hostname: 'office-host',
        addresses: () => [],
      })
      await until(() => made.heard.length > 0, 2_000)
      expect(made.heard[0]?.topics).toEqual(['customers', 'records', 'reminders', 'dictionary', 'settings', 'users'])
      await callAs(core, otherToken, 'groups.create', { name: '重启后的分组' })
      await until(() => made.heard.length > 1, 1_000)
      expect(made.heard[1]?.topics).toEqual(['dictionary'])
    } finally {
      made.relay.close()
    }
  })
})

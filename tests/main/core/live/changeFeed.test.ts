import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contract } from '../../../../src/shared/contract'
import { channelPermissions } from '../../../../src/shared/channelPermissions'
import { liveTopicNames, liveTopics, type LiveChange } from '../../../../src/shared/liveTopics'
import { call, callAs, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let seen: LiveChange[]

beforeEach(async () => {
  core = await testCore('change-feed')
  seen = []
  core.changes.subscribe((change) => seen.push(change))
})
afterEach(async () => {
  await core.close()
  vi.useRealTimers()
})

describe('the change feed', () => {
  it('publishes a write through the dispatch with its topics and the customers it names, once, after it committed', async () => {
    const customer = await call(core, 'customers.create', { name: '广州人易科技有限公司' })
    expect(seen).toEqual([
      { topics: ['customers'], customerIds: [customer.id], byUserId: null, at: expect.stringMatching(/^\d{4}-/) },
    ])
    // The subscriber runs after the commit: what it is told is already there for anyone who reads.
    expect((await call(core, 'customers.list', {})).total).toBe(1)

    seen = []
    await call(core, 'customers.update', { id: customer.id, phone: '020-12345678' })
    const visit = await dictId(core, 'interactionType', '拜访')
    const record = await call(core, 'interactions.create', {
      customerId: customer.id,
      occurredAt: '2026-03-08 14:30',
      typeId: visit,
    })
    await call(core, 'interactions.delete', { id: record.id })
    await call(core, 'customers.delete', { ids: [customer.id] })
    expect(seen.map(({ topics, customerIds }) => ({ topics, customerIds }))).toEqual([
      { topics: ['customers'], customerIds: [customer.id] },
      { topics: ['records', 'customers'], customerIds: [customer.id] },
      // The delete names only the record: any open customer page may be showing it.
      { topics: ['records', 'customers'] },
      { topics: ['customers', 'reminders'], customerIds: [customer.id] },
    ])
  })

  it('publishes nothing for reads, refused calls and failed calls', async () => {
    const customer = await createCustomer(core, { name: '深圳乙方贸易有限公司' })
    seen = []
    await call(core, 'customers.list', {})
    await call(core, 'customers.get', { id: customer.id })
    await call(core, 'reminders.list', { view: 'open' })
    // Invalid input, an unknown channel, a customer that does not exist.
    expect((await core.dispatch('customers.create', { name: '' })).ok).toBe(false)
    expect((await core.dispatch('customers.nonsense', {})).ok).toBe(false)
    expect((await core.dispatch('customers.update', { id: 999_999, phone: '1' })).ok).toBe(false)
    expect(seen).toEqual([])

    // 多用户: no session, and a 业务员 asking for a 管理员's channel.
    const admin = await call(core, 'auth.enable', {
      login: 'admin',
      name: '管理员',
      password: 'secret-1',
      staffId: null,
    })
    seen = []
    expect((await core.dispatch('customers.create', { name: '无人登录' })).ok).toBe(false)
    await callAs(core, admin.token, 'users.create', {
      login: 'li',
      name: '李四',
      role: 'sales',
      password: 'secret-2',
      staffId: null,
      customerLimit: null,
    })
    const sales = await call(core, 'auth.login', { login: 'li', password: 'secret-2', remember: false })
    seen = []
    const refused = await core.dispatch('dictionary.create', { category: 'industry', label: '新行业' }, sales.token)
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN')
    expect(seen).toEqual([])

    // The same call by someone allowed is published, with who made it.
    await callAs(core, admin.token, 'dictionary.create', { category: 'industry', label: '新行业' })
    expect(seen).toEqual([{ topics: ['dictionary'], byUserId: admin.user.id, at: expect.stringMatching(/^\d{4}-/) }])
  })

  it('the reminder scan publishes what it made, and nothing when it made nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 3, 15, 10, 0))
    const monthly = await dictId(core, 'contactStrategy', '每月')
    await createCustomer(core, { name: '甲公司', contactStrategyId: monthly, registeredAt: '2026-03-01' })
    seen = []
    expect((await call(core, 'reminders.scan', {})).created).toBe(1)
    expect(seen).toEqual([{ topics: ['reminders'], byUserId: null, at: '2026-04-15 10:00:00' }])
    seen = []
    expect((await call(core, 'reminders.scan', {})).created).toBe(0)
    expect(seen).toEqual([])
  })

  it('a subscriber that throws keeps neither the others from the change nor the write from succeeding', async () => {
    core.changes.subscribe(() => {
      throw new Error('a closed socket')
    })
    const late: LiveChange[] = []
    core.changes.subscribe((change) => late.push(change))
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await call(core, 'groups.create', { name: '重点客户' })
    } finally {
      error.mockRestore()
    }
    expect(late.map((change) => change.topics)).toEqual([['dictionary']])
    expect(seen).toHaveLength(1)
  })
})

describe('the table of what each channel changes', () => {
  it('classifies every channel of the contract, and only those', () => {
    expect(Object.keys(liveTopics).sort()).toEqual(Object.keys(contract).sort())
  })

  it('names known topics only, and every channel that needs a writing permission writes', () => {
    for (const [channel, entry] of Object.entries(liveTopics)) {
      if (typeof entry === 'string') continue
      expect(entry.topics.length, channel).toBeGreaterThan(0)
      for (const topic of entry.topics) expect(liveTopicNames, channel).toContain(topic)
    }
    // Permissions that exist only to guard a change: a channel needing one is not a read (backups.create and
    // users.resetPassword write nothing another screen shows; export and import permissions guard files).
    const writing = new Set(['dictionary', 'users', 'purge'])
    const quiet = new Set(['users.resetPassword'])
    for (const [channel, needs] of Object.entries(channelPermissions)) {
      if (!writing.has(needs) || quiet.has(channel) || channel.endsWith('.list')) continue
      expect(liveTopics[channel as keyof typeof liveTopics], channel).not.toBe('reads')
    }
  })
})

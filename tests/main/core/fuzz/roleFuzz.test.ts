import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { rolePermissions, roles, type Role } from '../../../../src/shared/accounts'
import { channelPermissions } from '../../../../src/shared/channelPermissions'
import { channels, contract, type Channel } from '../../../../src/shared/contract'
import type { Result } from '../../../../src/shared/result'
import { databaseDigest } from '../../../helpers/databaseDigest'
import { tempDir } from '../../../helpers/tempDir'
import { fieldsOf, setAt, validSample } from './schemaWalk'

/**
 * The dispatch with accounts on, as each role: every channel answers a Result,
 * refuses exactly what the role lacks (before reading the input), and a 业务员
 * naming another 业务员's customer — or a record of one — is refused with the
 * database unchanged.
 */

let core: Core
const tokens = {} as Record<Role, string>
let other: {
  customer: number
  interaction: number
  sale: number
  project: number
  competitor: number
  feedback: number
  reminder: number
  name: string
}

/** Channels that end the test's own session or swap the database: they have tests of their own. */
const disruptive = new Set<Channel>([
  'auth.disable',
  'auth.logout',
  'auth.enable',
  'backups.restore',
  'backups.undoRestore',
  'users.update',
  'users.resetPassword',
  'ownership.handOverAll',
  'demo.load',
])

async function ok(channel: Channel, input: unknown, token?: string): Promise<unknown> {
  const result = await core.dispatch(channel, input, token)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

async function first(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await core.store.read((db) => db.all<{ id: number }>(sql, params))
  if (!rows[0]) throw new Error(`no row for ${sql}`)
  return rows[0].id
}

beforeAll(async () => {
  core = await openCore(tempDir('role-fuzz'), { checkOutput: true })
  await ok('demo.load', { customers: 60 })
  const owners = await core.store.read((db) =>
    db.all<{ staff: number; n: number }>(
      `SELECT owner_staff_id AS staff, count(*) AS n FROM customer WHERE owner_staff_id IS NOT NULL
        GROUP BY owner_staff_id ORDER BY n DESC`,
    ),
  )
  const [mine, theirs] = owners
  if (!mine || !theirs) throw new Error('the demo data needs two 业务员 with customers')
  const admin = (await ok('auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })) as {
    token: string
  }
  tokens.admin = admin.token
  const user = async (login: string, role: Role, staffId: number | null) => {
    await ok(
      'users.create',
      { login, name: login, role, password: 'secret-1', staffId, customerLimit: null },
      admin.token,
    )
    return ((await ok('auth.login', { login, password: 'secret-1', remember: false })) as { token: string }).token
  }
  tokens.manager = await user('manager', 'manager', null)
  tokens.sales = await user('sales', 'sales', mine.staff)
  await user('sales2', 'sales', theirs.staff)

  // A customer of the other 业务员 that has one record of every kind, made here so that it surely has them.
  const customer = await first(`SELECT id FROM customer WHERE owner_staff_id = ? AND deleted_at IS NULL ORDER BY id`, [
    theirs.staff,
  ])
  const name = ((await ok('customers.get', { id: customer }, admin.token)) as { name: string }).name
  const add = async (channel: Channel, input: Record<string, unknown>) =>
    ((await ok(channel, input, admin.token)) as { id: number }).id
  const typeId = await first(`SELECT id FROM dict_item WHERE category = 'interactionType' ORDER BY id`)
  other = {
    customer,
    name,
    interaction: await add('interactions.create', {
      customerId: customer,
      occurredAt: '2026-01-05 10:00',
      typeId,
      subject: '拜访',
      nextFollowUp: '2026-02-01',
    }),
    sale: await add('sales.create', { customerId: customer, date: '2026-01-06', amount: 100 }),
    project: await add('projects.create', { name: '他人的项目', ownerCustomerId: customer, stage: '信息收集' }),
    competitor: await add('competitors.create', { customerId: customer, name: '某对手', kind: '竞争对手' }),
    feedback: await add('feedback.create', {
      customerId: customer,
      type: '建议',
      receivedAt: '2026-01-07',
      content: '意见',
    }),
    reminder: await first(`SELECT id FROM reminder WHERE customer_id = ? ORDER BY id`, [customer]).catch(() => 0),
  }
}, 300_000)

afterAll(async () => {
  await core.close()
})

describe('every channel as each role', () => {
  it('answers a Result, refuses exactly what the role lacks, in Chinese, before looking at the input', async () => {
    const failures: string[] = []
    for (const role of roles) {
      for (const channel of channels) {
        const needs = channelPermissions[channel]
        const allowed = rolePermissions[role].includes(needs)
        if (allowed && disruptive.has(channel)) continue
        const input = allowed ? validSample(contract[channel].input) : { nonsense: true }
        const before = allowed ? null : await databaseDigest(core.store.databasePath)
        const result: Result<unknown> = await core.dispatch(channel, input, tokens[role])
        if (!allowed) {
          if (result.ok || result.error.code !== 'FORBIDDEN') failures.push(`${role} ${channel}: not refused`)
          else if (!result.error.message.includes('没有「'))
            failures.push(`${role} ${channel}: ${result.error.message}`)
          if (JSON.stringify(await databaseDigest(core.store.databasePath)) !== JSON.stringify(before)) {
            failures.push(`${role} ${channel}: changed the database although refused`)
          }
        } else if (!result.ok && result.error.code === 'INTERNAL') {
          failures.push(`${role} ${channel}: INTERNAL ${result.error.message}`)
        } else if (!result.ok && !/[\u4e00-\u9fff]/.test(result.error.message)) {
          failures.push(`${role} ${channel}: not Chinese: ${result.error.message}`)
        }
      }
    }
    expect(failures).toEqual([])
  }, 600_000)
})

describe("a 业务员 naming another's customer", () => {
  /** The other 业务员's id for a field of a channel's input, by what the field names. */
  function idFor(channel: Channel, key: string): number | null {
    const prefix = channel.split('.')[0]
    if (/^(customerId|customerIds|ownerCustomerId|installerCustomerId|survivorId|mergedIds)$/.test(key))
      return other.customer
    if (key !== 'id' && key !== 'ids') return null
    const byPrefix: Record<string, number> = {
      customers: other.customer,
      interactions: other.interaction,
      sales: other.sale,
      projects: other.project,
      competitors: other.competitor,
      feedback: other.feedback,
      reminders: other.reminder,
      relationship: other.customer,
      ownership: other.customer,
    }
    return byPrefix[prefix ?? ''] ?? null
  }

  it('is refused wherever an id goes in, and nothing changes', async () => {
    const failures: string[] = []
    let probes = 0
    for (const channel of channels) {
      if (!rolePermissions.sales.includes(channelPermissions[channel])) continue
      const schema = contract[channel].input
      const base = validSample(schema)
      for (const field of fieldsOf(schema)) {
        const key = field.path[field.path.length - 1]
        if (typeof key !== 'string') continue
        const id = idFor(channel, key)
        if (!id) continue
        const isArray = field.path.length >= 1 && /s$/.test(key)
        const input = setAt(base, field.path, isArray ? [id] : id)
        if (!schema.safeParse(input).success) continue
        probes++
        const before = await databaseDigest(core.store.databasePath)
        const result = await core.dispatch(channel, input, tokens.sales)
        const after = await databaseDigest(core.store.databasePath)
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${channel}.${key}: changed the database`)
        if (result.ok) {
          // A list filtered by that customer may answer, but with nothing of theirs in it.
          if (JSON.stringify(result.value).includes(other.name))
            failures.push(`${channel}.${key}: answered with their data`)
          else if (!/\.(list|history|duplicates)$/.test(channel)) failures.push(`${channel}.${key}: accepted`)
        } else if (channel === 'ownership.claim' && result.error.code === 'CONFLICT') {
          // 领取 answers for the 公海 as a whole: a customer that is not in it is simply not to be had.
        } else if (!['FORBIDDEN', 'NOT_FOUND'].includes(result.error.code)) {
          failures.push(`${channel}.${key}: ${result.error.code} ${result.error.message}`)
        }
      }
    }
    expect(probes).toBeGreaterThan(30)
    expect(failures).toEqual([])
  }, 600_000)

  it('the same calls as 主管 reach that customer', async () => {
    const got = (await ok('customers.get', { id: other.customer }, tokens.manager)) as { name: string }
    expect(got.name).toBe(other.name)
    const mine = (await ok('customers.get', { id: other.customer }, tokens.admin)) as { name: string }
    expect(mine.name).toBe(other.name)
  })
})

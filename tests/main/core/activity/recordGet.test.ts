import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../../src/main/core/accounts/caller'
import { isStaleEdit } from '../../../../src/shared/editVersion'
import type { AppErrorShape } from '../../../../src/shared/result'
import { asCaller, testCaller } from '../../../helpers/callers'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { addDictItem } from './activityTestKit'

/**
 * `<record>.get`: what a dialog reloads after its save was refused as stale. It answers
 * the record as stored now (with its version) to whoever may see it, and refuses the rest.
 */

let core: Awaited<ReturnType<typeof testCore>>
let sellerA: Caller
let boss: Caller
let visit: number
const customers = { a1: 0, b1: 0, pool: 0 }

type Prefix = 'interactions' | 'sales' | 'projects' | 'competitors' | 'feedback'
const prefixes: Prefix[] = ['interactions', 'sales', 'projects', 'competitors', 'feedback']

/** One record of each kind on `customerId`; the ids by prefix. */
async function recordsOn(customerId: number): Promise<Record<Prefix, number>> {
  return {
    interactions: (
      await call(core, 'interactions.create', { customerId, occurredAt: '2026-03-01 10:00', typeId: visit })
    ).id,
    sales: (await call(core, 'sales.create', { customerId, date: '2026-03-01', amount: 100 })).id,
    projects: (await call(core, 'projects.create', { name: `项目${customerId}`, ownerCustomerId: customerId })).id,
    competitors: (await call(core, 'competitors.create', { customerId, name: `对手${customerId}` })).id,
    feedback: (await call(core, 'feedback.create', { customerId, type: '投诉', receivedAt: '2026-03-01' })).id,
  }
}

/** `<prefix>.get` as `caller`, typed loosely: the five outputs share id, version and updatedAt. */
function get(caller: Caller, prefix: Prefix, id: number): Promise<{ id: number; version: number }> {
  return asCaller(core, caller, `${prefix}.get`, { id })
}

/** An update of one text field each record has, at `version`. */
function touch(caller: Caller, prefix: Prefix, id: number, version: number, text: string) {
  switch (prefix) {
    case 'interactions':
      return asCaller(core, caller, 'interactions.update', { id, version, subject: text })
    case 'sales':
      return asCaller(core, caller, 'sales.update', { id, version, remarks: text })
    case 'projects':
      return asCaller(core, caller, 'projects.update', { id, version, note: text })
    case 'competitors':
      return asCaller(core, caller, 'competitors.update', { id, version, note: text })
    case 'feedback':
      return asCaller(core, caller, 'feedback.update', { id, version, content: text })
  }
}

async function addUser(login: string, name: string, role: string, staffId: number | null): Promise<number> {
  const { lastId } = await core.store.write((db) =>
    db.run(
      `INSERT INTO app_user (login, login_key, name, role, staff_id, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'x', 'n', 'n')`,
      [login, login, name, role, staffId],
    ),
  )
  return lastId
}

beforeEach(async () => {
  core = await testCore('recordGet')
  const staffA = await addDictItem(core, 'staff', '甲业务')
  const staffB = await addDictItem(core, 'staff', '乙业务')
  visit = await dictId(core, 'interactionType', '拜访')
  // Real users: a refused save names who saved first from the user table.
  sellerA = testCaller('sales', staffA, await addUser('jia', '甲', 'sales', staffA), '甲')
  boss = testCaller('manager', null, await addUser('boss', '王主管', 'manager', null), '王主管')
  customers.a1 = (await createCustomer(core, { name: '甲一公司', ownerStaffId: staffA })).id
  customers.b1 = (await createCustomer(core, { name: '乙一公司', ownerStaffId: staffB })).id
  customers.pool = (await createCustomer(core, { name: '公海公司' })).id
})
afterEach(async () => {
  await core.close()
})

describe('<record>.get', () => {
  it('answers the record as the list shows it, to a 业务员 on their own and the 公海’s customers', async () => {
    const own = await recordsOn(customers.a1)
    const pool = await recordsOn(customers.pool)
    for (const prefix of prefixes) {
      const listed = (await asCaller(core, sellerA, `${prefix}.list`, { customerId: customers.a1 })).rows
      expect(await get(sellerA, prefix, own[prefix]), prefix).toEqual(listed.find((r) => r.id === own[prefix]))
      expect((await get(sellerA, prefix, pool[prefix])).id, prefix).toBe(pool[prefix])
    }
  })

  it('refuses a 业务员 the record of another 业务员’s customer, in Chinese, but not the 主管', async () => {
    const other = await recordsOn(customers.b1)
    for (const prefix of prefixes) {
      await expect(get(sellerA, prefix, other[prefix]), prefix).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('该客户不属于您'),
      })
      expect((await get(boss, prefix, other[prefix])).id, prefix).toBe(other[prefix])
    }
    // A project of B's 甲方 with A's 乙方 is A's to see.
    const shared = await call(core, 'projects.create', {
      name: '合作项目',
      ownerCustomerId: customers.b1,
      contractorCustomerId: customers.a1,
    })
    expect((await get(sellerA, 'projects', shared.id)).id).toBe(shared.id)
  })

  it('says a deleted record (and one that never was) is gone', async () => {
    const own = await recordsOn(customers.a1)
    const gone: Record<Prefix, string> = {
      interactions: '交往记录不存在',
      sales: '交易记录不存在',
      projects: '项目不存在',
      competitors: '竞争对手记录不存在',
      feedback: '客户意见不存在',
    }
    for (const prefix of prefixes) {
      await asCaller(core, sellerA, `${prefix}.delete`, { id: own[prefix] })
      await expect(get(sellerA, prefix, own[prefix]), prefix).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining(gone[prefix]),
      })
      await expect(get(boss, prefix, 99_999), prefix).rejects.toMatchObject({ code: 'NOT_FOUND' })
    }
  })

  it('gives the version another user’s save moved to, so the refused save goes through once reloaded', async () => {
    const own = await recordsOn(customers.a1)
    for (const prefix of prefixes) {
      const opened = await get(sellerA, prefix, own[prefix])
      // The 主管 saves first; the 业务员's save, at the version their dialog opened with, is refused.
      const saved = await touch(boss, prefix, own[prefix], opened.version, '主管改的')
      const refused = await touch(sellerA, prefix, own[prefix], opened.version, '业务员改的').then(
        () => null,
        (error: unknown) => error as AppErrorShape,
      )
      expect(refused && isStaleEdit(refused), prefix).toBe(true)
      expect(refused?.message, prefix).toContain('王主管')

      const reloaded = await get(sellerA, prefix, own[prefix])
      expect(reloaded.version, prefix).toBe(opened.version + 1)
      expect(reloaded, prefix).toEqual(saved)
      await touch(sellerA, prefix, own[prefix], reloaded.version, '业务员改的')
      expect((await get(sellerA, prefix, own[prefix])).version, prefix).toBe(opened.version + 2)
    }
  })

  it('is reached through the dispatch, with its input checked by the contract', async () => {
    const own = await recordsOn(customers.pool)
    expect((await call(core, 'interactions.get', { id: own.interactions })).id).toBe(own.interactions)
    const refused = await core.dispatch('sales.get', { id: 'x' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await core.dispatch('feedback.get', { id: own.feedback, extra: 1 })).toMatchObject({ ok: false })
  })
})

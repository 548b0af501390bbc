import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCaller } from '../../../helpers/callers'
import { call } from '../../../helpers/testCore'
import { digest, refusal, scopeFixture, type ScopeFixture } from './scopeKit'

/**
 * Customers as a 业务员: the sheet, its ids, the card, history, duplicates, groups and merge
 * see only their own customers and the 公海 (each count checked against a query of its own);
 * naming another 业务员's customer is refused with the database unchanged; who changed what
 * is recorded. A 主管 and the single-PC user see everything as before.
 */
let f: ScopeFixture
let allLive: number

beforeAll(async () => {
  f = await scopeFixture('customerScope')
  const [row] = await f.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM customer WHERE deleted_at IS NULL`)
  allLive = row.n
}, 60_000)
afterAll(async () => {
  await f.core.close()
})

const list = (caller: ScopeFixture['sales'], input: Parameters<typeof asCaller<'customers.list'>>[3] = {}) =>
  asCaller(f.core, caller, 'customers.list', { startRow: 0, endRow: 500, ...input })

describe('customers.list / ids as a 业务员', () => {
  it('the sheet, its total and its ids are their own customers and the 公海', async () => {
    const scope = await f.scopeIds()
    expect(scope.length).toBeLessThan(allLive)
    const page = await list(f.sales)
    expect(page.total).toBe(scope.length)
    expect(page.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(scope)
    // A small page: the total is counted by its own statement.
    expect((await list(f.sales, { endRow: 10, sort: [{ colId: 'dealGrade', sort: 'desc' }] })).total).toBe(scope.length)
    const { ids } = await asCaller(f.core, f.sales, 'customers.ids', {})
    expect(ids).toEqual(scope)
    expect(page.rows.every((r) => r.ownerStaffId === f.mine || r.ownerStaffId === null)).toBe(true)
  })

  it('a quick search and a filter stay within the scope', async () => {
    const [{ n }] = await f.rows<{ n: number }>(
      `SELECT COUNT(*) AS n FROM customer WHERE deleted_at IS NULL AND search_text LIKE '%有限%'
       AND (owner_staff_id = ? OR owner_staff_id IS NULL)`,
      [f.mine],
    )
    const [{ n: everyone }] = await f.rows<{ n: number }>(
      `SELECT COUNT(*) AS n FROM customer WHERE deleted_at IS NULL AND search_text LIKE '%有限%'`,
    )
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan(everyone)
    expect((await list(f.sales, { quick: '有限' })).total).toBe(n)
    expect((await asCaller(f.core, f.sales, 'customers.ids', { quick: '有限' })).ids).toHaveLength(n)
    expect((await list(f.manager, { quick: '有限' })).total).toBe(everyone)
    // Filtering on another 业务员 finds nothing of theirs.
    expect((await list(f.sales, { filters: { ownerStaffId: [f.other] } })).total).toBe(0)
  })

  it('a 主管 and the single-PC user see every customer', async () => {
    expect((await list(f.manager)).total).toBe(allLive)
    const local = await call(f.core, 'customers.list', { startRow: 0, endRow: 500 })
    expect(local.total).toBe(allLive)
    expect((await asCaller(f.core, f.manager, 'customers.ids', {})).ids).toHaveLength(allLive)
  })

  it('the owner filter: mine, pool, one 业务员, all', async () => {
    const count = async (where: string, params: unknown[] = []) =>
      (
        await f.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM customer WHERE deleted_at IS NULL AND ${where}`, params)
      )[0].n
    const mineCount = await count('owner_staff_id = ?', [f.mine])
    const pool = await count('owner_staff_id IS NULL')
    const others = await count('owner_staff_id = ?', [f.other])
    expect(mineCount * pool * others).toBeGreaterThan(0)
    expect((await list(f.sales, { filters: { owner: 'mine' } })).total).toBe(mineCount)
    expect((await list(f.sales, { filters: { owner: 'pool' } })).total).toBe(pool)
    expect((await list(f.sales, { filters: { owner: 'all' } })).total).toBe(mineCount + pool)
    expect((await list(f.sales, { filters: { owner: f.other } })).total).toBe(0)
    expect((await list(f.manager, { filters: { owner: f.other } })).total).toBe(others)
    expect((await list(f.manager, { filters: { owner: 'pool' } })).total).toBe(pool)
    // A 主管 standing for no 业务员 owns nothing.
    expect((await list(f.manager, { filters: { owner: 'mine' } })).total).toBe(0)
    const poolIds = await asCaller(f.core, f.sales, 'customers.ids', { filters: { owner: 'pool' } })
    expect(poolIds.ids).toHaveLength(pool)
  })
})

describe('another 业务员’s customer is refused, the database unchanged', () => {
  it('get, update, history, delete, restore, batchUpdate, purge, merge', async () => {
    const theirs = await f.othersCustomer()
    const own = await f.ownCustomer()
    const before = await digest(f)
    const attempts = [
      refusal(f, f.sales, 'customers.get', { id: theirs }),
      refusal(f, f.sales, 'customers.update', { id: theirs, remarks: '改一下' }),
      refusal(f, f.sales, 'customers.history', { id: theirs }),
      refusal(f, f.sales, 'customers.delete', { ids: [own, theirs] }),
      refusal(f, f.sales, 'customers.restore', { ids: [theirs] }),
      refusal(f, f.sales, 'customers.batchUpdate', { ids: [own, theirs], set: { categoryId: null } }),
      refusal(f, f.sales, 'customers.purge', { ids: [theirs] }),
      refusal(f, f.sales, 'customers.merge', { survivorId: own, mergedIds: [theirs] }),
      refusal(f, f.sales, 'customers.merge', { survivorId: theirs, mergedIds: [own] }),
    ]
    for (const error of await Promise.all(attempts)) {
      expect(error.code).toBe('FORBIDDEN')
      expect(error.message).toContain('没有权限')
    }
    expect(await digest(f)).toEqual(before)
    // The same calls are the 主管's to make.
    expect((await asCaller(f.core, f.manager, 'customers.get', { id: theirs })).id).toBe(theirs)
    expect(await asCaller(f.core, f.manager, 'customers.history', { id: theirs })).toBeInstanceOf(Array)
  })

  it('a 业务员 cannot hand a customer to another 业务员 (create, update, batch)', async () => {
    const own = await f.ownCustomer()
    const before = await digest(f)
    for (const error of [
      await refusal(f, f.sales, 'customers.create', { name: '转给别人的客户', ownerStaffId: f.other }),
      await refusal(f, f.sales, 'customers.update', { id: own, ownerStaffId: f.other }),
      await refusal(f, f.sales, 'customers.batchUpdate', { ids: [own], set: { ownerStaffId: f.other } }),
    ]) {
      expect(error).toEqual({ code: 'FORBIDDEN', message: '转交客户需要主管或管理员' })
    }
    expect(await digest(f)).toEqual(before)
  })
})

describe('create and update rules for a 业务员', () => {
  it('a new customer is the 业务员’s own unless left to the 公海', async () => {
    const created = await asCaller(f.core, f.sales, 'customers.create', { name: '张业务的新客户' })
    expect(created.ownerStaffId).toBe(f.mine)
    expect(created.updatedByName).toBe('张业务')
    const pooled = await asCaller(f.core, f.sales, 'customers.create', { name: '公海新客户', ownerStaffId: null })
    expect(pooled.ownerStaffId).toBeNull()
    // A 主管's new customer keeps what was given (none = 公海), as before accounts.
    const managers = await asCaller(f.core, f.manager, 'customers.create', { name: '主管登记的客户' })
    expect(managers.ownerStaffId).toBeNull()
    const handed = await asCaller(f.core, f.manager, 'customers.create', { name: '给李的客户', ownerStaffId: f.other })
    expect(handed.ownerStaffId).toBe(f.other)
  })

  it('放回公海 and 领取 through update; a 主管 hands over, the change logged', async () => {
    const own = await asCaller(f.core, f.sales, 'customers.create', { name: '放回公海测试' })
    const released = await asCaller(f.core, f.sales, 'customers.update', { id: own.id, ownerStaffId: null })
    expect(released.ownerStaffId).toBeNull()
    const taken = await asCaller(f.core, f.sales, 'customers.update', { id: own.id, ownerStaffId: f.mine })
    expect(taken.ownerStaffId).toBe(f.mine)
    const handed = await asCaller(f.core, f.manager, 'customers.update', { id: own.id, ownerStaffId: f.other })
    expect(handed.ownerStaffId).toBe(f.other)
    expect(handed.updatedByName).toBe('王主管')
    const history = await asCaller(f.core, f.manager, 'customers.history', { id: own.id })
    const ownerChanges = history.filter((h) => h.field === 'ownerStaffId')
    expect(ownerChanges.map((h) => h.userName)).toEqual(['王主管', '张业务', '张业务'])
    // Now it is 李's: out of 张's sight.
    expect((await refusal(f, f.sales, 'customers.get', { id: own.id })).code).toBe('FORBIDDEN')
  })

  it('a duplicate 统一社会信用代码 of another’s customer is named without its data', async () => {
    const theirs = await f.othersCustomer()
    await asCaller(f.core, f.manager, 'customers.update', { id: theirs, creditCode: '91440300708461136T' })
    const error = await refusal(f, f.sales, 'customers.create', { name: '抢注', creditCode: '91440300708461136T' })
    expect(error).toEqual({ code: 'CONFLICT', message: '统一社会信用代码已被其他业务员的客户使用' })
  })
})

describe('who did what', () => {
  it('update, batch, delete and restore write the user into the 变更记录 and 最后修改人', async () => {
    const id = await f.poolCustomer()
    await asCaller(f.core, f.sales, 'customers.update', { id, remarks: '张业务改的备注' })
    const got = await asCaller(f.core, f.sales, 'customers.get', { id })
    expect(got.updatedByName).toBe('张业务')
    await asCaller(f.core, f.sales, 'customers.batchUpdate', { ids: [id], set: { ownerStaffId: f.mine } })
    await asCaller(f.core, f.manager, 'customers.delete', { ids: [id] })
    expect((await asCaller(f.core, f.manager, 'customers.get', { id, includeDeleted: true })).updatedByName).toBe(
      '王主管',
    )
    await asCaller(f.core, f.sales, 'customers.restore', { ids: [id] })
    const history = await asCaller(f.core, f.sales, 'customers.history', { id })
    expect(history.slice(0, 4).map((h) => [h.field, h.userName])).toEqual([
      ['deleted', '张业务'],
      ['deleted', '王主管'],
      ['ownerStaffId', '张业务'],
      ['remarks', '张业务'],
    ])
    const [stored] = await f.rows<{ updated_by: number }>(`SELECT updated_by FROM customer WHERE id = ?`, [id])
    expect(stored.updated_by).toBe(f.sales.userId)
    // The single-PC user is nobody in particular.
    await call(f.core, 'customers.update', { id, remarks: '本机修改' })
    expect((await call(f.core, 'customers.get', { id })).updatedByName).toBeNull()
    expect((await call(f.core, 'customers.history', { id }))[0].userName).toBeNull()
  })

  it('group changes through the batch carry the user', async () => {
    const group = await asCaller(f.core, f.sales, 'groups.create', { name: '张的分组' })
    const own = await f.ownCustomer()
    await asCaller(f.core, f.sales, 'customers.batchUpdate', { ids: [own], set: { addGroupIds: [group.id] } })
    const [row] = await f.rows<{ user_id: number }>(
      `SELECT user_id FROM customer_change WHERE customer_id = ? AND field = 'groups' ORDER BY id DESC LIMIT 1`,
      [own],
    )
    expect(row.user_id).toBe(f.sales.userId)
  })
})

describe('duplicates, groups and merge as a 业务员', () => {
  it('a duplicate owned by another 业务员 is told, not shown', async () => {
    const theirs = await asCaller(f.core, f.manager, 'customers.create', {
      name: '深圳重名贸易有限公司',
      phone: '0755-8888 1234',
      ownerStaffId: f.other,
    })
    const found = await asCaller(f.core, f.sales, 'customers.duplicates', {
      name: '深圳重名贸易',
      phone: '075588881234',
    })
    expect(found).toEqual([
      {
        id: 0,
        code: '',
        name: '与其他业务员的客户重名',
        reason: '名称相同',
        reasons: ['名称相同', '电话相同'],
        deleted: false,
        otherOwner: true,
      },
    ])
    expect(JSON.stringify(found)).not.toContain(theirs.code)
    const managerSees = await asCaller(f.core, f.manager, 'customers.duplicates', { name: '深圳重名贸易' })
    expect(managerSees).toMatchObject([{ id: theirs.id, code: theirs.code, otherOwner: false }])
    // Their own duplicate is shown in full beside the hidden one.
    const own = await asCaller(f.core, f.sales, 'customers.create', { name: '深圳重名贸易有限公司' })
    const both = await asCaller(f.core, f.sales, 'customers.duplicates', { name: '深圳重名贸易' })
    expect(both.map((d) => [d.id, d.otherOwner])).toEqual([
      [own.id, false],
      [0, true],
    ])
  })

  it('duplicate groups hold only customers in scope', async () => {
    for (const ownerStaffId of [f.mine, f.other, null, f.other]) {
      await asCaller(f.core, f.manager, 'customers.create', { name: '佛山查重五金厂', ownerStaffId })
    }
    const scope = new Set(await f.scopeIds())
    const own = await asCaller(f.core, f.sales, 'customers.duplicateGroups', { limit: 1000 })
    const everyone = await asCaller(f.core, f.manager, 'customers.duplicateGroups', { limit: 1000 })
    const members = own.groups.flatMap((g) => g.members.map((m) => m.id))
    expect(members.every((id) => scope.has(id))).toBe(true)
    const hardware = (r: typeof own) => r.groups.find((g) => g.members.some((m) => m.name === '佛山查重五金厂'))
    expect(hardware(own)?.members).toHaveLength(2)
    expect(hardware(everyone)?.members).toHaveLength(4)
    expect(everyone.total).toBeGreaterThanOrEqual(own.total)
    // Their count is that of a query of their own.
    const [{ n }] = await f.rows<{ n: number }>(
      `SELECT COUNT(*) AS n FROM (SELECT name_norm FROM customer WHERE deleted_at IS NULL AND name_norm <> ''
       AND (owner_staff_id = ? OR owner_staff_id IS NULL) GROUP BY name_norm HAVING COUNT(*) > 1)`,
      [f.mine],
    )
    expect(own.groups.filter((g) => g.kind === 'name')).toHaveLength(n)
  })

  it('group counts are of the customers the caller sees', async () => {
    const group = await asCaller(f.core, f.manager, 'groups.create', { name: '混合分组' })
    const ids = (
      await f.rows<{ id: number }>(`SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id LIMIT 60`)
    ).map((r) => r.id)
    await asCaller(f.core, f.manager, 'customers.batchUpdate', { ids, set: { addGroupIds: [group.id] } })
    const [{ n }] = await f.rows<{ n: number }>(
      `SELECT COUNT(*) AS n FROM customer_group_member gm JOIN customer c ON c.id = gm.customer_id
       WHERE gm.group_id = ? AND c.deleted_at IS NULL AND (c.owner_staff_id = ? OR c.owner_staff_id IS NULL)`,
      [group.id, f.mine],
    )
    const own = (await asCaller(f.core, f.sales, 'groups.list', {})).find((g) => g.id === group.id)
    const everyone = (await asCaller(f.core, f.manager, 'groups.list', {})).find((g) => g.id === group.id)
    expect(own?.count).toBe(n)
    expect(everyone?.count).toBe(60)
    expect(n).toBeLessThan(60)
  })

  it('a merge within the scope records the user and an audit line', async () => {
    const a = await asCaller(f.core, f.sales, 'customers.create', { name: '合并测试甲' })
    const b = await asCaller(f.core, f.sales, 'customers.create', { name: '合并测试乙', ownerStaffId: null })
    const result = await asCaller(f.core, f.sales, 'customers.merge', { survivorId: a.id, mergedIds: [b.id] })
    expect(result.merged).toBe(1)
    const changes = await f.rows<{ customer_id: number; user_id: number | null }>(
      `SELECT customer_id, user_id FROM customer_change WHERE customer_id IN (?, ?) AND field IN ('merged', 'deleted')`,
      [a.id, b.id],
    )
    expect(changes.length).toBe(3)
    expect(changes.every((c) => c.user_id === f.sales.userId)).toBe(true)
    const [audit] = await f.rows<{ user_id: number; user_name: string; detail: string }>(
      `SELECT user_id, user_name, detail FROM audit_event WHERE action = 'merge' ORDER BY id DESC LIMIT 1`,
    )
    expect(audit).toMatchObject({ user_id: f.sales.userId, user_name: '张业务' })
    expect(audit.detail).toContain('合并测试乙')
    expect((await asCaller(f.core, f.sales, 'customers.get', { id: a.id })).updatedByName).toBe('张业务')
  })
})

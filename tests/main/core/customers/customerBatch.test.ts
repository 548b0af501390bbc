import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError, tableCounts } from './customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('customer-batch')
})
afterEach(async () => {
  await core.close()
})

async function several(n: number): Promise<Customer[]> {
  const created: Customer[] = []
  for (let i = 0; i < n; i++)
    created.push(await createCustomer(core, { name: `客户${i}`, contacts: [{ name: `联系人${i}` }] }))
  return created
}

const history = (id: number) => call(core, 'customers.history', { id })

describe('customers.delete / restore / purge', () => {
  it('delete moves to the 回收站, get refuses it unless includeDeleted, restore brings it back', async () => {
    const [a, b] = await several(2)
    expect(await call(core, 'customers.delete', { ids: [a.id, a.id] })).toEqual({ count: 1 })
    expect((await expectError(core, 'customers.get', { id: a.id })).code).toBe('NOT_FOUND')
    expect((await expectError(core, 'customers.update', { id: a.id, name: '改名' })).message).toContain('回收站')
    const deleted = await call(core, 'customers.get', { id: a.id, includeDeleted: true })
    expect(deleted.deletedAt).not.toBeNull()
    expect(deleted.contacts).toHaveLength(1)
    // Deleting again is harmless; restoring a customer not in the bin does nothing.
    expect(await call(core, 'customers.delete', { ids: [a.id] })).toEqual({ count: 0 })
    expect(await call(core, 'customers.restore', { ids: [a.id, b.id] })).toEqual({ count: 1 })
    expect((await call(core, 'customers.get', { id: a.id })).deletedAt).toBeNull()
    const [restored, moved] = await history(a.id)
    expect(restored).toMatchObject({ label: '状态', oldValue: '回收站', newValue: '正常' })
    expect(moved).toMatchObject({ label: '状态', oldValue: '正常', newValue: '回收站' })
  })

  it('purge removes only customers already in the bin, with their contacts, dates, groups and history', async () => {
    const [a, b] = await several(2)
    await call(core, 'customers.update', {
      id: a.id,
      groups: ['甲组'],
      contacts: [{ id: a.contacts[0].id, name: '联系人0', importantDates: [{ label: '生日', date: '01-01' }] }],
    })
    await call(core, 'customers.delete', { ids: [a.id] })
    const before = await tableCounts(core)
    const refused = await expectError(core, 'customers.purge', { ids: [a.id, b.id] })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toContain('回收站')
    expect(await tableCounts(core)).toEqual(before)

    expect(await call(core, 'customers.purge', { ids: [a.id] })).toEqual({ count: 1 })
    const after = await tableCounts(core)
    expect(after).toMatchObject({
      customer: 1,
      contact: 1,
      contact_date: 0,
      customer_group_member: 0,
      customer_group: 1,
    })
    expect((await expectError(core, 'customers.get', { id: a.id, includeDeleted: true })).code).toBe('NOT_FOUND')
    expect((await expectError(core, 'customers.restore', { ids: [a.id] })).code).toBe('NOT_FOUND')
  })

  it('an unknown id among many → NOT_FOUND and nothing deleted', async () => {
    const created = await several(3)
    const before = await tableCounts(core)
    const error = await expectError(core, 'customers.delete', { ids: [...created.map((c) => c.id), 9999] })
    expect(error.code).toBe('NOT_FOUND')
    expect(await tableCounts(core)).toEqual(before)
  })
})

describe('customers.batchUpdate', () => {
  it('sets 类别, 联系策略, 业务员 and groups on all, with history and new completeness', async () => {
    const created = await several(3)
    const category = await dictId(core, 'category', '现有代理')
    const strategy = await dictId(core, 'contactStrategy', '每周联系')
    const staff = await call(core, 'dictionary.create', { category: 'staff', label: '小王' })
    const vip = await call(core, 'groups.create', { name: 'VIP' })
    const old = await call(core, 'groups.create', { name: '旧组' })
    await call(core, 'customers.update', { id: created[0].id, groups: ['旧组', 'VIP'] })
    const ids = created.map((c) => c.id)
    const result = await call(core, 'customers.batchUpdate', {
      ids,
      set: {
        categoryId: category,
        contactStrategyId: strategy,
        ownerStaffId: staff.id,
        addGroupIds: [vip.id],
        removeGroupIds: [old.id],
      },
    })
    expect(result).toEqual({ count: 3 })
    for (const id of ids) {
      const customer = await call(core, 'customers.get', { id })
      expect(customer).toMatchObject({ categoryId: category, contactStrategyId: strategy, ownerStaffId: staff.id })
      expect(customer.groups.map((g) => g.name)).toEqual(['VIP'])
      const rows = await history(id)
      expect(rows.find((r) => r.field === 'categoryId')).toMatchObject({
        label: '客户类别',
        oldValue: null,
        newValue: '现有代理',
      })
      expect(rows.find((r) => r.field === 'ownerStaffId')).toMatchObject({ newValue: '小王' })
    }
    const first = await history(ids[0])
    expect(first.find((r) => r.field === 'groups')).toMatchObject({ oldValue: 'VIP、旧组', newValue: 'VIP' })
    const second = await history(ids[1])
    expect(second.find((r) => r.field === 'groups')).toMatchObject({ oldValue: null, newValue: 'VIP' })

    const page = await call(core, 'customers.list', {
      startRow: 0,
      endRow: 10,
    })
    const stored = page.rows.find((r) => r.id === ids[1])?.completeness
    const card = await call(core, 'customers.get', { id: ids[1] })
    expect(stored).toBe(card.completeness.percent)
    expect(stored).toBeGreaterThan(created[1].completeness.percent)

    // Setting the same values again changes nothing and writes no history.
    const before = await tableCounts(core)
    await call(core, 'customers.batchUpdate', { ids, set: { categoryId: category, addGroupIds: [vip.id] } })
    expect(await tableCounts(core)).toEqual(before)
  })

  it('is all-or-nothing: one unknown id among many, a deleted one or a bad item → nothing changed', async () => {
    const created = await several(5)
    const ids = created.map((c) => c.id)
    const category = await dictId(core, 'category', '现有代理')
    const region = await dictId(core, 'region', '华南')
    const before = await tableCounts(core)
    const unknown = await expectError(core, 'customers.batchUpdate', {
      ids: [...ids, 424242],
      set: { categoryId: category },
    })
    expect(unknown.code).toBe('NOT_FOUND')
    const wrongItem = await expectError(core, 'customers.batchUpdate', { ids, set: { categoryId: region } })
    expect(wrongItem.code).toBe('VALIDATION')
    const noGroup = await expectError(core, 'customers.batchUpdate', {
      ids,
      set: { categoryId: category, addGroupIds: [77] },
    })
    expect(noGroup.code).toBe('NOT_FOUND')
    const empty = await expectError(core, 'customers.batchUpdate', { ids, set: {} })
    expect(empty.code).toBe('VALIDATION')
    const other = await expectError(core, 'customers.batchUpdate', { ids, set: { name: 'x' } })
    expect(other.code).toBe('VALIDATION')
    expect(await tableCounts(core)).toEqual(before)
    await call(core, 'customers.delete', { ids: [ids[0]] })
    const afterDelete = await tableCounts(core)
    expect((await expectError(core, 'customers.batchUpdate', { ids, set: { categoryId: category } })).code).toBe(
      'NOT_FOUND',
    )
    expect(await tableCounts(core)).toEqual(afterDelete)
  })

  it('handles 5000 ids in one call', async () => {
    await core.store.manager.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
       INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at)
       SELECT 'T-' || i, 'enterprise', '客户' || i, '客户' || i, 'kehu' || i, 'kh' || i, '2026-01-01', '2026-01-01', '2026-01-01' FROM n`,
    )
    const { ids } = await call(core, 'customers.ids', {})
    expect(ids).toHaveLength(5000)
    const owner = await call(core, 'dictionary.create', { category: 'staff', label: '小李' })
    await call(core, 'customers.batchUpdate', { ids, set: { ownerStaffId: owner.id } })
    const [{ n }] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM customer WHERE owner_staff_id = ?`, [
      owner.id,
    ])
    expect(n).toBe(5000)
    const [{ h }] = await core.store.manager.query(
      `SELECT COUNT(*) AS h FROM customer_change WHERE field = 'ownerStaffId'`,
    )
    expect(h).toBe(5000)
  })
})

describe('groups', () => {
  it('create, rename, list with counts, delete (customers leave the group, recorded)', async () => {
    const [a, b] = await several(2)
    const group = await call(core, 'groups.create', { name: ' 集团客户 ' })
    expect(group).toMatchObject({ name: '集团客户', count: 0 })
    expect((await expectError(core, 'groups.create', { name: '集团客户' })).code).toBe('CONFLICT')
    await call(core, 'customers.batchUpdate', { ids: [a.id, b.id], set: { addGroupIds: [group.id] } })
    await call(core, 'customers.delete', { ids: [b.id] })
    expect(await call(core, 'groups.list', {})).toEqual([{ id: group.id, name: '集团客户', count: 1 }])
    const other = await call(core, 'groups.create', { name: '其他' })
    expect((await expectError(core, 'groups.rename', { id: other.id, name: '集团客户' })).code).toBe('CONFLICT')
    expect(await call(core, 'groups.rename', { id: group.id, name: '大客户' })).toMatchObject({
      name: '大客户',
      count: 1,
    })
    expect((await call(core, 'customers.get', { id: a.id })).groups).toEqual([{ id: group.id, name: '大客户' }])
    expect(await call(core, 'groups.delete', { id: group.id })).toEqual({ id: group.id })
    expect((await call(core, 'customers.get', { id: a.id })).groups).toEqual([])
    const [latest] = await history(a.id)
    expect(latest).toMatchObject({ field: 'groups', oldValue: '大客户', newValue: null })
    expect((await expectError(core, 'groups.delete', { id: group.id })).code).toBe('NOT_FOUND')
    expect((await expectError(core, 'groups.create', { name: '' })).fields?.name).toBe('分组名称不能为空')
  })
})

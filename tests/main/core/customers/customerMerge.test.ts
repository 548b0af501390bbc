import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { customerReferences } from '../../../../src/main/core/customers/customerReferences'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { freshStats, storedStats } from '../activity/activityTestKit'
import { createCustomer, dictId, expectError } from './customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let a: Customer
let b: Customer
let c: Customer

const q = (sql: string, params: unknown[] = []) => core.store.manager.query(sql, params)

beforeEach(async () => {
  core = await testCore('merge')
  a = await createCustomer(core, {
    name: '广州人易科技有限公司',
    email: 'info@renyi.com',
    contacts: [{ name: '张三' }],
    groups: ['重要客户'],
  })
  b = await createCustomer(core, {
    name: '广州人易科技',
    phone: '020-12345678',
    contacts: [{ name: '李四', mobile: '13800138000' }, { name: '王五' }],
    groups: ['重要客户', '集团客户'],
  })
  c = await createCustomer(core, { name: '人易（广州）', email: 'INFO@renyi.com', contacts: [{ name: '赵六' }] })
  await createCustomer(core, { name: '无关客户' })
  await call(core, 'sales.create', { customerId: a.id, date: '2024-01-05', amount: 100 })
  await call(core, 'sales.create', { customerId: b.id, date: '2024-02-01', amount: 200 })
  await call(core, 'sales.create', { customerId: b.id, date: '2023-12-01', amount: 50 })
  const visit = await dictId(core, 'interactionType', '拜访')
  await call(core, 'interactions.create', { customerId: c.id, occurredAt: '2024-03-01 10:00', typeId: visit })
  await call(core, 'relationship.assess', { customerId: b.id, role: 'other', ticked: [], chosenLevel: 'II' })
  const now = '2024-01-01 00:00:00'
  await q(
    `INSERT INTO competitor (customer_id, name, kind, created_at, updated_at) VALUES (?, '某对手', '竞争对手', ?, ?)`,
    [b.id, now, now],
  )
  await q(
    `INSERT INTO feedback (customer_id, type, received_at, status, created_at, updated_at) VALUES (?, '建议', ?, '待处理', ?, ?)`,
    [c.id, now, now, now],
  )
  // 乙方 B of 甲方 A's project: after the merge both are A, so the 乙方 is emptied.
  await q(
    `INSERT INTO project (name, owner_customer_id, contractor_customer_id, stage, created_at, updated_at) VALUES ('甲项目', ?, ?, '投标', ?, ?)`,
    [a.id, b.id, now, now],
  )
  await q(
    `INSERT INTO project (name, owner_customer_id, stage, created_at, updated_at) VALUES ('乙项目', ?, '签约', ?, ?)`,
    [c.id, now, now],
  )
})
afterEach(async () => {
  await core.close()
})

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  // The history (kept per customer) grows by design; every other child table must not change size.
  for (const table of new Set(customerReferences.filter((r) => r.onMerge !== 'keep').map((r) => r.table))) {
    counts[table] = Number((await q(`SELECT COUNT(*) AS n FROM ${table}`))[0].n)
  }
  return counts
}

describe('duplicate scan and merge', () => {
  it('groups customers sharing a normalised name or e-mail, in SQL', async () => {
    const { groups, total } = await call(core, 'customers.duplicateGroups', {})
    expect(total).toBe(2)
    expect(groups.map((g) => [g.kind, g.members.map((m) => m.id)])).toEqual([
      ['name', [a.id, b.id]],
      ['email', [a.id, c.id]],
    ])
    expect(groups[0]?.members[1]).toMatchObject({ contactCount: 2, saleCount: 2, interactionCount: 0 })
  })

  it('moves every child row to the survivor, bins the others, keeps history and statistics', async () => {
    const before = await rowCounts()
    const result = await call(core, 'customers.merge', {
      survivorId: a.id,
      mergedIds: [b.id, c.id],
      fields: { phone: b.id, name: a.id },
    })
    // Nothing is deleted: every row still exists.
    expect(await rowCounts()).toEqual(before)
    for (const ref of customerReferences.filter((r) => r.onMerge === 'move')) {
      const [left] = await q(`SELECT COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} IN (?, ?)`, [b.id, c.id])
      expect(Number(left.n), `${ref.table}.${ref.column}`).toBe(0)
    }
    expect(result.moved).toMatchObject({
      'contact.customer_id': 3,
      'sale.customer_id': 2,
      'interaction.customer_id': 1,
      'relationship_assessment.customer_id': 1,
      'competitor.customer_id': 1,
      'feedback.customer_id': 1,
      'project.owner_customer_id': 1,
      'customer_group_member.customer_id': 1,
    })
    const survivor = await call(core, 'customers.get', { id: a.id })
    expect(survivor.contacts.map((x) => x.name)).toEqual(['张三', '李四', '王五', '赵六'])
    expect(survivor.groups.map((g) => g.name).sort()).toEqual(['重要客户', '集团客户'].sort())
    expect(survivor).toMatchObject({
      phone: '020-12345678',
      transactionCount: 3,
      transactionAmount: 350,
      firstTransactionAt: '2023-12-01',
      lastTransactionAt: '2024-02-01',
      lastContactAt: '2024-03-01',
    })
    expect(await storedStats(core, a.id)).toEqual(await freshStats(core, a.id))
    // Quick search now finds the survivor by a moved contact's mobile.
    const found = await call(core, 'customers.list', { quick: '13800138000' })
    expect(found.rows.map((r) => r.id)).toEqual([a.id])
    const projects = await q(
      `SELECT name, owner_customer_id AS o, contractor_customer_id AS k FROM project ORDER BY id`,
    )
    expect(projects).toEqual([
      { name: '甲项目', o: a.id, k: null },
      { name: '乙项目', o: a.id, k: null },
    ])
    for (const id of [b.id, c.id]) {
      const gone = await call(core, 'customers.get', { id, includeDeleted: true })
      expect(gone.deletedAt).not.toBeNull()
      expect(gone.transactionCount).toBe(0)
      const history = await call(core, 'customers.history', { id })
      expect(history.map((h) => h.label)).toEqual(expect.arrayContaining(['合并到', '状态']))
    }
    const history = await call(core, 'customers.history', { id: a.id })
    expect(history.find((h) => h.label === '合并客户')?.newValue).toBe(
      `广州人易科技（${b.code}）、人易（广州）（${c.code}）`,
    )
    expect(history.find((h) => h.label === '电话')).toMatchObject({ oldValue: null, newValue: '020-12345678' })
    const { groups } = await call(core, 'customers.duplicateGroups', {})
    expect(groups).toEqual([])
  })

  it('refuses bad merges in Chinese and changes nothing', async () => {
    const self = await expectError(core, 'customers.merge', { survivorId: a.id, mergedIds: [a.id] })
    expect(self.message).toContain('保留的客户不能同时是被合并的客户')
    const foreign = await expectError(core, 'customers.merge', {
      survivorId: a.id,
      mergedIds: [b.id],
      fields: { phone: c.id },
    })
    expect(foreign.message).toContain('字段的来源必须是参与合并的客户')
    await call(core, 'customers.delete', { ids: [c.id] })
    const before = await rowCounts()
    const binned = await expectError(core, 'customers.merge', { survivorId: a.id, mergedIds: [b.id, c.id] })
    expect(binned.code).toBe('CONFLICT')
    expect(await rowCounts()).toEqual(before)
    expect((await call(core, 'customers.get', { id: b.id })).deletedAt).toBeNull()
  })
})

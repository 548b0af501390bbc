import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCaller } from '../../../helpers/callers'
import { call } from '../../../helpers/testCore'
import { scopeFixture, type ScopeFixture } from '../customers/scopeKit'

/** 全局搜索 as a 业务员: customers and contacts of their own customers and the 公海 only. */
let f: ScopeFixture
let names: { mine: number; theirs: number; pool: number }

beforeAll(async () => {
  f = await scopeFixture('searchScope')
  const make = async (name: string, ownerStaffId: number | null) =>
    (
      await asCaller(f.core, f.manager, 'customers.create', {
        name,
        ownerStaffId,
        contacts: [{ name: `${name.slice(-1)}范测联系人`, mobile: '13912345678' }],
      })
    ).id
  names = {
    mine: await make('搜索范围测试甲', f.mine),
    theirs: await make('搜索范围测试乙', f.other),
    pool: await make('搜索范围测试丙', null),
  }
}, 60_000)
afterAll(async () => {
  await f.core.close()
})

describe('search.global as a 业务员', () => {
  it('finds their own customer and the 公海’s, not another 业务员’s, nor its contacts', async () => {
    const own = await asCaller(f.core, f.sales, 'search.global', { q: '搜索范围测试', limit: 20 })
    expect(own.customers.map((c) => c.id).sort((a, b) => a - b)).toEqual([names.mine, names.pool])
    const contacts = await asCaller(f.core, f.sales, 'search.global', { q: '范测联系人', limit: 20 })
    expect(contacts.contacts.map((c) => c.customerId).sort((a, b) => a - b)).toEqual([names.mine, names.pool])
    const byPhone = await asCaller(f.core, f.sales, 'search.global', { q: '139 1234 5678', limit: 20 })
    expect(byPhone.contacts.map((c) => c.customerId)).not.toContain(names.theirs)
    const everyone = await asCaller(f.core, f.manager, 'search.global', { q: '搜索范围测试', limit: 20 })
    expect(everyone.customers).toHaveLength(3)
    expect((await call(f.core, 'search.global', { q: '范测联系人', limit: 20 })).contacts).toHaveLength(3)
  })

  it('a common word: as many hits as a query of the scope finds, all in scope', async () => {
    const scope = new Set(await f.scopeIds())
    for (const q of ['公司', 'zh', '1']) {
      const [{ n }] = await f.rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM (SELECT 1 FROM customer WHERE deleted_at IS NULL AND search_text LIKE ?
         AND (owner_staff_id = ? OR owner_staff_id IS NULL) LIMIT 20)`,
        [`%${q}%`, f.mine],
      )
      const { customers, contacts } = await asCaller(f.core, f.sales, 'search.global', { q, limit: 20 })
      expect(customers).toHaveLength(n)
      expect(customers.every((c) => scope.has(c.id))).toBe(true)
      expect(contacts.every((c) => scope.has(c.customerId))).toBe(true)
    }
  })
})

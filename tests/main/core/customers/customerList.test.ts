import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CustomerListRow } from '../../../../src/shared/customerList'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError, tableCounts } from './customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('customer-list')
})
afterEach(async () => {
  await core.close()
})

type Page = { rows: CustomerListRow[]; total: number }
const list = (input: Record<string, unknown>) => call(core, 'customers.list', { startRow: 0, endRow: 100, ...input })
const names = (page: Page) => page.rows.map((r) => r.name)

async function seed() {
  const south = await dictId(core, 'region', '华南')
  const east = await dictId(core, 'region', '华东')
  const it = await dictId(core, 'industry', '信息技术')
  await call(core, 'groups.create', { name: '重要客户' })
  const a = await createCustomer(core, {
    name: '广州人易科技有限公司',
    shortName: '人易',
    regionId: south,
    industryId: it,
    provinceCode: '440000',
    phone: '020-8888 6666',
    email: 'info@renyi.cn',
    registeredAt: '2025-03-01',
    groups: ['重要客户'],
    contacts: [{ name: '张三', mobile: '13800138000' }, { name: '李四' }],
    demandStatus: '明确需求',
    expectedCloseDate: '2000-01-01',
  })
  const b = await createCustomer(core, {
    name: '上海百货商店',
    regionId: east,
    provinceCode: '310000',
    registeredAt: '2025-06-01',
    demandStatus: '无需求',
  })
  const c = await createCustomer(core, {
    name: 'Acme Trading Co., Ltd.',
    registeredAt: '2026-01-15',
    kind: 'enterprise',
  })
  const d = await createCustomer(core, {
    name: '张先生',
    kind: 'individual',
    registeredAt: '2026-02-01',
    phone: '13912345678',
  })
  return { a, b, c, d, south, east, it }
}

describe('customers.list', () => {
  it('returns rows sorted by pinyin by default, with labels, groups, contacts and the total', async () => {
    await seed()
    const page = await list({})
    expect(page.total).toBe(4)
    expect(names(page)).toEqual(['Acme Trading Co., Ltd.', '广州人易科技有限公司', '上海百货商店', '张先生'])
    const renyi = page.rows[1]
    expect(renyi).toMatchObject({
      regionLabel: '华南',
      industryLabel: '信息技术',
      provinceName: '广东省',
      groups: '重要客户',
      contactNames: '张三、李四',
      dealGrade: 'A',
      natureLabel: null,
    })
    expect(renyi.completeness).toBeGreaterThan(0)
    expect(page.rows[2]?.dealGrade).toBe('E')
    expect(page.rows[0]?.dealGrade).toBeNull()
  })

  it('quick search: 拼音首字母, full pinyin, phone digits, contacts, e-mail, several words', async () => {
    await seed()
    expect(names(await list({ quick: 'gzry' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: 'GZRY' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: 'guangzhou' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: 'renyi' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: '8888-6666' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: '138 0013' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: '李四' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: 'INFO@renyi' }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: 'ａｃｍｅ' }))).toEqual(['Acme Trading Co., Ltd.'])
    expect(names(await list({ quick: 'shanghai bh' }))).toEqual(['上海百货商店'])
    expect(names(await list({ quick: 'zxs' }))).toEqual(['张先生'])
    expect((await list({ quick: 'gzry', startRow: 0, endRow: 100 })).total).toBe(1)
    expect(names(await list({ quick: '不存在的客户' }))).toEqual([])
  })

  it('treats SQL and LIKE wildcards in the quick search as plain text, changing nothing', async () => {
    await seed()
    const before = await tableCounts(core)
    for (const quick of ["'; DROP TABLE customer; --", '%', '_', '\\', "' OR 1=1 --", 'a|b']) {
      const page = await list({ quick })
      expect(page.rows).toEqual([])
    }
    expect(await tableCounts(core)).toEqual(before)
  })

  it('refuses an unknown sort key, a SQL fragment as sort key and an unknown filter', async () => {
    await seed()
    const before = await tableCounts(core)
    for (const colId of ['nope', 'name; DROP TABLE customer', 'c.name', '(SELECT 1)']) {
      const error = await expectError(core, 'customers.list', {
        startRow: 0,
        endRow: 10,
        sort: [{ colId, sort: 'asc' }],
      })
      expect(error.code).toBe('VALIDATION')
      expect(error.message).toContain('不支持按')
    }
    const direction = await expectError(core, 'customers.list', {
      startRow: 0,
      endRow: 10,
      sort: [{ colId: 'name', sort: 'asc; DROP TABLE customer' }],
    })
    expect(direction.code).toBe('VALIDATION')
    const filter = await expectError(core, 'customers.list', {
      startRow: 0,
      endRow: 10,
      filters: { 'name = 1 OR 1': [1] },
    })
    expect(filter).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不支持字段') })
    const tooMany = await expectError(core, 'customers.list', { startRow: 0, endRow: 501 })
    expect(tooMany.message).toContain('每页最多 500 行')
    expect(await tableCounts(core)).toEqual(before)
  })

  it('sorts by any column, dictionary columns in the dictionary order, blanks last', async () => {
    await seed()
    expect(names(await list({ sort: [{ colId: 'registeredAt', sort: 'desc' }] }))).toEqual([
      '张先生',
      'Acme Trading Co., Ltd.',
      '上海百货商店',
      '广州人易科技有限公司',
    ])
    // 华东 comes before 华南 in the seeded order; customers without a region last either way.
    expect(names(await list({ sort: [{ colId: 'regionLabel', sort: 'asc' }] })).slice(0, 2)).toEqual([
      '上海百货商店',
      '广州人易科技有限公司',
    ])
    expect(names(await list({ sort: [{ colId: 'regionId', sort: 'desc' }] })).slice(0, 2)).toEqual([
      '广州人易科技有限公司',
      '上海百货商店',
    ])
    const byGrade = await list({ sort: [{ colId: 'dealGrade', sort: 'asc' }] })
    expect(byGrade.rows.map((r) => r.dealGrade)).toEqual(['A', 'E', null, null])
    expect((await list({ sort: [{ colId: 'completeness', sort: 'desc' }] })).rows[0]?.name).toBe('广州人易科技有限公司')
  })

  it('filters by dictionary items (null = empty), groups, kind, province, grade and dates', async () => {
    const { south, it: itIndustry } = await seed()
    const [group] = await call(core, 'groups.list', {})
    expect(names(await list({ filters: { regionId: [south] } }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ filters: { regionId: [null] } }))).toEqual(['Acme Trading Co., Ltd.', '张先生'])
    expect(names(await list({ filters: { regionId: [south, null], industryId: [itIndustry] } }))).toEqual([
      '广州人易科技有限公司',
    ])
    expect(names(await list({ filters: { groupIds: [group.id] } }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ filters: { kind: ['individual'] } }))).toEqual(['张先生'])
    expect(names(await list({ filters: { provinceCode: ['310000'] } }))).toEqual(['上海百货商店'])
    expect(names(await list({ filters: { dealGrade: ['E', 'A'] } }))).toEqual(['广州人易科技有限公司', '上海百货商店'])
    expect(names(await list({ filters: { demandStatus: [null] } }))).toEqual(['Acme Trading Co., Ltd.', '张先生'])
    expect(names(await list({ filters: { registeredFrom: '2025-06-01', registeredTo: '2026-01-15' } }))).toEqual([
      'Acme Trading Co., Ltd.',
      '上海百货商店',
    ])
    expect(names(await list({ filters: { lastContactFrom: '2025-01-01' } }))).toEqual([])
    expect(names(await list({ quick: 'gzry', filters: { regionId: [null] } }))).toEqual([])
  })

  it('pages with startRow/endRow and reports the total of all pages', async () => {
    for (let i = 0; i < 25; i++) await createCustomer(core, { name: `客户${String(i).padStart(2, '0')}` })
    const first = await list({ startRow: 0, endRow: 10, sort: [{ colId: 'name', sort: 'asc' }] })
    const third = await list({ startRow: 20, endRow: 30, sort: [{ colId: 'name', sort: 'asc' }] })
    expect(first.total).toBe(25)
    expect(third.total).toBe(25)
    expect(names(first)).toEqual(Array.from({ length: 10 }, (_, i) => `客户${String(i).padStart(2, '0')}`))
    expect(names(third)).toEqual(['客户20', '客户21', '客户22', '客户23', '客户24'])
  })

  it('the 回收站 view shows only deleted customers; customers.ids matches the same filters', async () => {
    const { a, b } = await seed()
    await call(core, 'customers.delete', { ids: [a.id] })
    expect(names(await list({}))).not.toContain('广州人易科技有限公司')
    expect(names(await list({ filters: { deleted: true } }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: 'gzry', filters: { deleted: true } }))).toEqual(['广州人易科技有限公司'])
    expect(names(await list({ quick: 'gzry' }))).toEqual([])
    const { ids } = await call(core, 'customers.ids', { quick: 'shanghai' })
    expect(ids).toEqual([b.id])
    const all = await call(core, 'customers.ids', {})
    expect(all.ids).toHaveLength(3)
  })
})

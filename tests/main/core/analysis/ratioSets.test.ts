import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analysisDimensions } from '../../../../src/shared/analysis/dimensions'
import type { RatioRow } from '../../../../src/shared/analysis/analysisOutputs'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError } from '../customers/customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
const y2026 = { from: '2026-01-01', to: '2027-01-01' }
const y2025 = { from: '2025-01-01', to: '2026-01-01' }

/**
 * Customers whose 大区 and 性质 cut across each other, so that one pass grouping by both and then
 * by each would show a customer counted in the wrong group:
 *   P 华北 国有企业, 2025: 40, 2026: 100
 *   Q 华北 私营或个体户, registered 2026 — 2026: 300
 *   R 华东 国有企业 — 2025: 60
 *   S 华东, no 性质, registered 2027 (after the period) — 2026: 20
 *   T 华北 国有企业, in the 回收站 — 2026: 999 (never counted)
 */
beforeAll(async () => {
  core = await testCore('ratio-sets')
  const north = await dictId(core, 'region', '华北')
  const east = await dictId(core, 'region', '华东')
  const state = await dictId(core, 'nature', '国有企业')
  const privately = await dictId(core, 'nature', '私营或个体户')
  const customer = async (name: string, input: Record<string, unknown>, sales: [string, number][]) => {
    const { id } = await createCustomer(core, { name, ...input })
    for (const [date, amount] of sales) await call(core, 'sales.create', { customerId: id, date, amount })
    return id
  }
  await customer('平安贸易', { regionId: north, natureId: state, registeredAt: '2024-01-01' }, [
    ['2025-05-01', 40],
    ['2026-05-01', 100],
  ])
  await customer('启明科技', { regionId: north, natureId: privately, registeredAt: '2026-03-01' }, [
    ['2026-06-01', 300],
  ])
  await customer('瑞丰建材', { regionId: east, natureId: state, registeredAt: '2024-01-01' }, [['2025-07-01', 60]])
  await customer('顺达物流', { regionId: east, registeredAt: '2027-02-01' }, [['2026-08-01', 20]])
  const deleted = await customer('停业公司', { regionId: north, natureId: state, registeredAt: '2024-01-01' }, [
    ['2026-01-05', 999],
  ])
  await call(core, 'customers.delete', { ids: [deleted] })
})
afterAll(async () => {
  await core.close()
})

const brief = (rows: RatioRow[] | undefined) =>
  rows?.map((r) => [r.label, r.customers, r.buyers, r.amount, r.previousAmount, r.change])

describe('比率分析 for several dimensions in one call', () => {
  it('groups the same pass by each dimension, in the order asked', async () => {
    const sets = await call(core, 'analysis.ratioSets', {
      period: y2026,
      previous: y2025,
      dimensions: ['nature', 'region'],
    })
    expect(sets.map((s) => s.dimension)).toEqual(['nature', 'region'])
    // 国有企业: P and R registered, only P bought (100, before 40 + R's 60); S counts as a buyer, not a customer.
    expect(brief(sets[0]?.rows)).toEqual([
      ['国有企业', 2, 1, 100, 100, 0],
      ['私营或个体户', 1, 1, 300, 0, null],
      ['未填性质', 0, 1, 20, 0, null],
    ])
    expect(brief(sets[1]?.rows)).toEqual([
      ['华北', 2, 2, 400, 40, 9],
      ['华东', 1, 1, 20, 60, -2 / 3],
    ])
    expect(sets[1]?.rows.map((r) => [r.share, r.customerShare])).toEqual([
      [400 / 420, 2 / 3],
      [20 / 420, 1 / 3],
    ])
  })

  it('gives each dimension the rows analysis.ratios gives for it alone', async () => {
    const sets = await call(core, 'analysis.ratioSets', {
      period: y2026,
      previous: y2025,
      dimensions: [...analysisDimensions],
    })
    for (const dimension of analysisDimensions) {
      const alone = await call(core, 'analysis.ratios', { period: y2026, previous: y2025, dimension })
      expect(sets.find((s) => s.dimension === dimension)?.rows).toEqual(alone)
    }
  })

  it('refuses no dimension and a dimension asked twice', async () => {
    const none = await expectError(core, 'analysis.ratioSets', { period: y2026, previous: y2025, dimensions: [] })
    expect(none.code).toBe('VALIDATION')
    expect(none.message).toContain('至少要一个统计维度')
    const twice = await expectError(core, 'analysis.ratioSets', {
      period: y2026,
      previous: y2025,
      dimensions: ['region', 'nature', 'region'],
    })
    expect(twice.message).toContain('统计维度不能重复')
  })
})

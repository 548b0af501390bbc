import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExtremesOutput, GradesOutput } from '../../../../src/shared/analysis/analysisOutputs'
import { call, testCore } from '../../../helpers/testCore'
import { expectError } from '../customers/customerTestKit'
import { buildFixture, type Fixture } from './analysisFixture'

let core: Awaited<ReturnType<typeof testCore>>
let fx: Fixture
const y2026 = { from: '2026-01-01', to: '2027-01-01' }
const y2025 = { from: '2025-01-01', to: '2026-01-01' }
const empty = { from: '2030-01-01', to: '2031-01-01' }

beforeAll(async () => {
  core = await testCore('analysis')
  fx = await buildFixture(core)
})
afterAll(async () => {
  await core.close()
})

describe('客户来源分布 and 比率分析', () => {
  it('counts new and all customers per 大区, with a group for customers without a region', async () => {
    const rows = await call(core, 'analysis.sources', { period: y2026, dimension: 'region' })
    // New in 2026: 北辰 (华北) and 东方 (no region); by the end of 2026: 华北 A B, 华东 C F, none D. E is deleted.
    expect(rows).toEqual([
      { key: expect.any(String), label: '华北', newCustomers: 1, newShare: 0.5, customers: 2, customerShare: 0.4 },
      { key: expect.any(String), label: '华东', newCustomers: 0, newShare: 0, customers: 2, customerShare: 0.4 },
      { key: 'none', label: '未分区域', newCustomers: 1, newShare: 0.5, customers: 1, customerShare: 0.2 },
    ])
  })

  it('gives 区域销售额比率 with the change against the previous period, negative and from nothing', async () => {
    const rows = await call(core, 'analysis.ratios', {
      period: y2026,
      previous: y2025,
      dimension: 'region',
    })
    expect(rows.map((r) => [r.label, r.customers, r.buyers, r.amount, r.share, r.previousAmount, r.change])).toEqual([
      // 华北: A 200 + B 500 = 700 of 1000; 2025 only A 300 → +133 %.
      ['华北', 2, 2, 700, 0.7, 300, 4 / 3],
      // 华东: C 200 both years (its 2027-01-01 sale is outside); F bought nothing; E is deleted.
      ['华东', 2, 1, 200, 0.2, 200, 0],
      // No region: D 100, nothing before → no ratio.
      ['未分区域', 1, 1, 100, 0.1, 0, null],
    ])
    const declining = await call(core, 'analysis.ratios', {
      period: y2025,
      previous: { from: '2024-01-01', to: '2025-01-01' },
      dimension: 'region',
    })
    // 华东 2024: C 800 + F 50 = 850 → 2025: 200.
    expect(declining.find((r) => r.label === '华东')?.change).toBeCloseTo((200 - 850) / 850, 10)
  })

  it('returns zeros and no ratios for an empty period', async () => {
    const rows = await call(core, 'analysis.ratios', {
      period: empty,
      previous: { from: '2029-01-01', to: '2030-01-01' },
      dimension: 'source',
    })
    expect(rows).toEqual([
      {
        key: 'none',
        label: '未填来源',
        customers: 5,
        customerShare: 1,
        buyers: 0,
        amount: 0,
        share: 0,
        previousAmount: 0,
        change: null,
      },
    ])
  })
})

describe('销售业绩', () => {
  it('ranks customers of a year with ties, products, quantity, share and change', async () => {
    const out = await call(core, 'analysis.salesPerformance', { year: 2026 })
    expect(out.total).toBe(4)
    expect(out.totalAmount).toBe(1000)
    expect(out.rows.map((r) => [r.name, r.rank, r.amount, r.share, r.previousAmount, r.change])).toEqual([
      ['北辰科技', 1, 500, 0.5, 0, null],
      ['安达贸易', 2, 200, 0.2, 300, -1 / 3],
      ['长城建材', 2, 200, 0.2, 200, 0],
      ['东方商行', 4, 100, 0.1, 0, null],
    ])
    expect(out.rows[1]).toMatchObject({ products: '甲产品、乙产品', productCount: 2, quantity: 3 })
  })
})

describe('极端情况', () => {
  it('lists top N by total, growth and decline with rank changes and the 应对措施 note', async () => {
    await call(core, 'analysis.setNote', { customerId: fx.ids.A, note: '  安排经理回访  ' })
    const out = await call(core, 'analysis.extremes', { period: y2026, previous: y2025, topN: 2 })
    const brief = (rows: ExtremesOutput['byTotal']) =>
      rows.map((r) => [r.name, r.amount, r.difference, r.rank, r.previousRank, r.rankChange])
    // 2026: B 500 (1), A 200 (2), C 200 (2, tie; A first by pinyin), D 100 (4). 2025: A 300 (1), C 200 (2).
    expect(brief(out.byTotal)).toEqual([
      ['北辰科技', 500, 500, 1, null, null],
      ['安达贸易', 200, -100, 2, 1, -1],
    ])
    expect(brief(out.byGrowth)).toEqual([
      ['北辰科技', 500, 500, 1, null, null],
      ['东方商行', 100, 100, 4, null, null],
    ])
    // C is unchanged (0): neither growth nor decline.
    expect(brief(out.byDecline)).toEqual([['安达贸易', 200, -100, 2, 1, -1]])
    expect(out.byDecline[0]?.change).toBeCloseTo(-1 / 3, 10)
    expect(out.byDecline[0]?.note).toBe('安排经理回访')

    await call(core, 'analysis.setNote', { customerId: fx.ids.A, note: '' })
    const cleared = await call(core, 'analysis.extremes', { period: y2026, previous: y2025, topN: 2 })
    expect(cleared.byDecline[0]?.note).toBeNull()
  })

  it('refuses a note for a customer in the 回收站 and a note that is too long', async () => {
    const deleted = await expectError(core, 'analysis.setNote', { customerId: fx.ids.E, note: '跟进' })
    expect(deleted.message).toContain('回收站')
    const long = await expectError(core, 'analysis.setNote', { customerId: fx.ids.A, note: '很'.repeat(501) })
    expect(long.code).toBe('VALIDATION')
    expect(long.message).toContain('应对措施不能超过 500 个字')
  })
})

describe('保持与流失', () => {
  it('counts retained, churned and new customers per period, and those past their purchase cycle', async () => {
    const out = await call(core, 'analysis.retention', {
      periods: [y2025, { from: '2026-01-01', to: '2026-07-01' }, { from: '2026-07-01', to: '2027-01-01' }],
      asOf: '2026-12-31',
    })
    expect(out.periods.map((p) => [p.buyers, p.previousBuyers, p.retained, p.churned, p.newCustomers])).toEqual([
      // H1 2026: A B bought; of 2025's A C, A stayed and C did not; B is new.
      [2, 2, 1, 1, 1],
      // H2 2026: C D bought; neither A nor B bought again; D is new (C bought before).
      [2, 2, 0, 2, 1],
    ])
    expect(out.periods.map((p) => [p.retentionRate, p.churnRate, p.newGrowth])).toEqual([
      [0.5, 0.5, 0.5],
      [0, 1, 0.5],
    ])
    // B: 月度 (30), last 2026-02-10 → 324 days; A: 季度 (90), last 2026-04-01 → 274 days.
    // C's last sale is after the day asked about, D has no 购买策略, E is deleted.
    expect(out.pastCycle.total).toBe(2)
    expect(out.pastCycle.rows.map((r) => [r.name, r.cycleDays, r.daysSince, r.overdueDays])).toEqual([
      ['北辰科技', 30, 324, 294],
      ['安达贸易', 90, 274, 184],
    ])
  })

  it('has no rates for periods without buyers', async () => {
    const out = await call(core, 'analysis.retention', {
      periods: [empty, { from: '2031-01-01', to: '2032-01-01' }],
      asOf: '2020-01-01',
    })
    expect(out.periods).toEqual([
      {
        from: '2031-01-01',
        to: '2032-01-01',
        buyers: 0,
        previousBuyers: 0,
        retained: 0,
        churned: 0,
        retentionRate: null,
        churnRate: null,
        newCustomers: 0,
        newGrowth: null,
      },
    ])
    expect(out.pastCycle).toEqual({ total: 0, rows: [] })
  })
})

describe('RFM', () => {
  it('scores by quintile with ties sharing a score, and assigns the eight segments against the mean', async () => {
    const out = await call(core, 'analysis.rfm', { asOf: '2026-12-31', windowMonths: 12 })
    expect([out.from, out.to, out.scored]).toEqual(['2026-01-01', '2027-01-01', 4])
    const byName = Object.fromEntries(
      out.customers.map((c) => [c.name, [c.recencyDays, c.frequency, c.monetary, c.r, c.f, c.m, c.segment]]),
    )
    // R: B 324 d, A 274, C 183, D 0 → ranks 1–4 → 1 + ⌊(rank−1)×5/4⌋ = 1, 2, 3, 4.
    // F: B C D = 1 (tie, rank 1 → 1), A = 2 (rank 4 → 4). M: D 100 → 1, A C 200 (tie, rank 2 → 2), B 500 → 4.
    // Means: R 2.5, F 1.75, M 2.25.
    expect(byName).toEqual({
      安达贸易: [274, 2, 200, 2, 4, 2, '一般保持客户'],
      北辰科技: [324, 1, 500, 1, 1, 4, '重要挽留客户'],
      长城建材: [183, 1, 200, 3, 1, 2, '一般发展客户'],
      东方商行: [0, 1, 100, 4, 1, 1, '一般发展客户'],
    })
    expect(out.mean).toEqual({ r: 2.5, f: 1.75, m: 2.25 })
    expect(out.segments.filter((s) => s.customers > 0)).toEqual([
      { segment: '重要挽留客户', customers: 1, amount: 500, share: 0.5 },
      { segment: '一般发展客户', customers: 2, amount: 300, share: 0.3 },
      { segment: '一般保持客户', customers: 1, amount: 200, share: 0.2 },
    ])
    expect(out.segments).toHaveLength(8)
  })

  it('scores nobody in a window without sales', async () => {
    const out = await call(core, 'analysis.rfm', { asOf: '2020-06-30', windowMonths: 3 })
    expect(out.scored).toBe(0)
    expect(out.customers).toEqual([])
    expect(out.segments.every((s) => s.customers === 0)).toBe(true)
  })
})

describe('二八分析', () => {
  it('gives the curve, the top-20 % share and ABC classes', async () => {
    const out = await call(core, 'analysis.pareto', { period: y2026 })
    // B 500 (50 %), A 200 (70 %), C 200 (90 %), D 100 (100 %); A before C on equal amounts (lower id).
    expect(out.customers).toBe(4)
    expect(out.topFifthCount).toBe(1)
    expect(out.topFifthShare).toBe(0.5)
    expect(out.curve).toEqual([
      { customerShare: 0, salesShare: 0 },
      { customerShare: 0.25, salesShare: 0.5 },
      { customerShare: 0.5, salesShare: 0.7 },
      { customerShare: 0.75, salesShare: 0.9 },
      { customerShare: 1, salesShare: 1 },
    ])
    expect(out.top.map((t) => [t.name, t.abcClass])).toEqual([
      ['北辰科技', 'A'],
      ['安达贸易', 'A'],
      ['长城建材', 'B'],
      ['东方商行', 'C'],
    ])
  })

  it('keeps a customer that brings the total exactly to 80 % (or 95 %) in the higher class', async () => {
    // 2024: C 800 (exactly 80 %), A 150 (exactly 95 %), F 50.
    const out = await call(core, 'analysis.pareto', { period: { from: '2024-01-01', to: '2025-01-01' } })
    expect(out.top.map((t) => [t.name, t.cumulativeShare, t.abcClass])).toEqual([
      ['长城建材', 0.8, 'A'],
      ['安达贸易', 0.95, 'B'],
      ['丰收农业', 1, 'C'],
    ])
    expect(out.classes).toEqual([
      { abcClass: 'A', customers: 1, amount: 800, share: 0.8 },
      { abcClass: 'B', customers: 1, amount: 150, share: 0.15 },
      { abcClass: 'C', customers: 1, amount: 50, share: 0.05 },
    ])
  })

  it('is empty for a period without sales', async () => {
    const out = await call(core, 'analysis.pareto', { period: empty })
    expect(out).toMatchObject({ customers: 0, topFifthShare: 0, curve: [], classes: [], top: [] })
  })
})

describe('分级分布', () => {
  it('counts 成交级别, 客情 and 价值 of the customers not in the 回收站', async () => {
    const out = await call(core, 'analysis.grades', {})
    const brief = (rows: GradesOutput['dealGrade']) => rows.map((r) => [r.label, r.count])
    expect(brief(out.dealGrade)).toEqual([
      ['A级', 1],
      ['B级', 0],
      ['C级', 0],
      ['D级', 1],
      ['E级', 1],
      ['未分级', 2],
    ])
    expect(out.dealGrade[0]).toMatchObject({ share: 0.2, amount: 650 })
    expect(brief(out.relationshipLevel)).toEqual([
      ['I级', 0],
      ['II级', 1],
      ['III级', 0],
      ['IV级', 0],
      ['未评级', 4],
    ])
    expect(brief(out.valueClass)).toEqual([
      ['重要客户', 0],
      ['核心客户', 1],
      ['潜力客户', 0],
      ['一般客户', 0],
      ['未分类', 4],
    ])
  })
})

describe('意见分析', () => {
  it('counts feedback by type, product and month, the resolved share and the most and least satisfied', async () => {
    const out = await call(core, 'analysis.feedback', { period: y2026 })
    expect([out.total, out.resolved, out.resolvedShare, out.averageDaysToResolve]).toEqual([4, 2, 0.5, 6])
    expect(out.byType.map((r) => [r.label, r.count])).toEqual([
      ['投诉', 2],
      ['建议', 1],
      ['咨询', 0],
      ['表扬', 1],
    ])
    expect(out.byProduct.map((r) => [r.label, r.count])).toEqual([
      ['甲产品', 2],
      ['乙产品', 1],
      ['未指定产品', 1],
    ])
    expect(out.byMonth.map((r) => [r.label, r.count])).toEqual([
      ['2026-03', 1],
      ['2026-04', 1],
      ['2026-05', 2],
    ])
    // Rated: A 2, B 5, C 3 → ⌈3 / 5⌉ = 1 each way.
    expect(out.mostSatisfied.map((r) => [r.name, r.average])).toEqual([['北辰科技', 5]])
    expect(out.leastSatisfied.map((r) => [r.name, r.average])).toEqual([['安达贸易', 2]])
  })
})

describe('客户接触评价', () => {
  it('counts interactions per 业务员 and 交往方式 in the period', async () => {
    const out = await call(core, 'analysis.contacts', { period: y2026 })
    expect(out.rows.map((r) => [r.label, r.interactions, r.customers, r.share, r.byType])).toEqual([
      ['张三', 3, 2, 0.6, { 拜访: 1, 电话: 2 }],
      ['李四', 1, 1, 0.2, { 拜访: 1 }],
      ['未指定业务员', 1, 1, 0.2, { 电话: 1 }],
    ])
    expect(out.types).toEqual(['拜访', '电话'])
  })
})

describe('input checks', () => {
  it('refuses a reversed period and an unknown dimension in Chinese', async () => {
    const reversed = await expectError(core, 'analysis.pareto', { period: { from: '2026-02-01', to: '2026-01-01' } })
    expect(reversed.code).toBe('VALIDATION')
    expect(reversed.message).toContain('结束日期必须晚于开始日期')
    const dimension = await expectError(core, 'analysis.ratios', {
      period: y2026,
      previous: y2025,
      dimension: 'name; DROP TABLE sale',
    })
    expect(dimension.message).toContain('统计维度只能是')
    const badDate = await expectError(core, 'analysis.rfm', { asOf: '2026-13-01' })
    expect(badDate.message).toContain('截止日期应为有效日期')
  })

  it('refuses retention periods that overlap or run backwards, since each sale counts in one period', async () => {
    for (const periods of [
      [y2025, { from: '2025-12-01', to: '2026-06-01' }],
      [y2026, y2025],
    ]) {
      const error = await expectError(core, 'analysis.retention', { periods, asOf: '2026-12-31' })
      expect(error.code).toBe('VALIDATION')
      expect(error.message).toContain('统计期间应按时间先后排列且互不重叠')
    }
  })
})

describe('analysis.exportXlsx', () => {
  it('writes a workbook that reads back with numbers and percents', async () => {
    const ExcelJS = (await import('exceljs')).default
    const out = await call(core, 'analysis.exportXlsx', {
      title: '区域销售额比率',
      columns: [
        { key: 'label', header: '大区' },
        { key: 'amount', header: '销售额', format: 'number' },
        { key: 'share', header: '占比', format: 'percent' },
      ],
      rows: [
        { label: '华北', amount: 700, share: 0.7 },
        { label: '未分区域', amount: 100, share: null },
      ],
    })
    expect(out.fileName).toBe('区域销售额比率.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('区域销售额比率')
    expect(sheet?.getRow(1).values).toEqual([undefined, '大区', '销售额', '占比'])
    expect(sheet?.getRow(2).values).toEqual([undefined, '华北', 700, 0.7])
    expect(sheet?.getCell('C2').numFmt).toBe('0.0%')
    expect(sheet?.getRow(3).getCell(3).value).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { formatAmount, formatPercent } from '../../../src/renderer/src/analysis/formatNumbers'
import {
  agingHasAmounts,
  agingTable,
  monthLabel,
  monthlyTable,
  monthSpan,
  recentMonths,
  shiftMonth,
} from '../../../src/renderer/src/analysis/receivableRows'
import type { ReceivablesAgingOutput } from '../../../src/shared/salesContract'

const zero = { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 }

const aging: ReceivablesAgingOutput = {
  asOf: '2026-12-06',
  rows: [
    { key: 7, label: '甲公司', ...zero, notDue: 100, over90: 200, total: 300 },
    { key: null, label: '未指定区域', ...zero, days1to30: 0.1, days31to60: 0.2, total: 0.3 },
  ],
  // Three groups in all: the totals cover one the rows leave out.
  groups: 3,
  totals: { notDue: 100, days1to30: 0.1, days31to60: 0.2, days61to90: 99.7, over90: 200, total: 400 },
}

describe('应收账款账龄 table', () => {
  it('gives each group its share of all 应收 and keys the 未指定 group', () => {
    const { rows } = agingTable(aging)
    expect(rows.map((r) => [r.rowKey, r.label, r.share])).toEqual([
      ['7', '甲公司', 0.75],
      ['none', '未指定区域', 0.3 / 400],
    ])
    expect(formatPercent(rows[1]?.share ?? null)).toBe('0.1%')
  })

  it('takes the 合计 row from the channel’s totals of every group, not the sum of the listed rows', () => {
    const { totals } = agingTable(aging)
    expect(totals).toMatchObject({ label: '合计', rowKey: 'total', total: 400, days61to90: 99.7, share: 1 })
    expect(formatAmount(totals.total)).toBe('400.00')
  })

  it('has no share when nothing is owed, and nothing to draw', () => {
    const none: ReceivablesAgingOutput = { asOf: '2026-12-06', rows: [], groups: 0, totals: zero }
    expect(agingTable(none).totals.share).toBeNull()
    expect(agingHasAmounts(none)).toBe(false)
    expect(agingHasAmounts(undefined)).toBe(false)
    expect(agingHasAmounts(aging)).toBe(true)
  })
})

describe('回款 table', () => {
  const output = {
    rows: [
      { month: '2026-01', planned: 0.3, received: 0.1 },
      { month: '2026-02', planned: 0, received: 50 },
      { month: '2026-03', planned: 1000, received: 1000.2 },
    ],
    planned: 1000.3,
    received: 1050.3,
  }

  it('prints 差额 (实收 − 计划) counted in fen and 完成率, — where nothing was planned', () => {
    const { rows } = monthlyTable(output)
    expect(rows.map((r) => [r.label, r.difference, r.rate === null ? null : formatPercent(r.rate)])).toEqual([
      ['2026年1月', -0.2, '33.3%'],
      ['2026年2月', 50, null],
      ['2026年3月', 0.2, '100.0%'],
    ])
    // 0.1 − 0.3 in floating point is −0.19999999999999998; in fen it is exactly −0.2.
    expect(formatAmount(rows[0]?.difference ?? 0)).toBe('-0.20')
  })

  it('adds the 合计 row from the channel’s own sums', () => {
    const { totals } = monthlyTable(output)
    expect(totals).toEqual({
      month: '合计',
      label: '合计',
      planned: 1000.3,
      received: 1050.3,
      difference: 50,
      rate: 1050.3 / 1000.3,
    })
    expect(monthlyTable({ rows: [], planned: 0, received: 0 }).totals.rate).toBeNull()
  })
})

describe('months', () => {
  it('counts months across years', () => {
    expect(shiftMonth('2026-12-06', 0)).toBe('2026-12')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-01-31', -1)).toBe('2025-12')
    expect(shiftMonth('2026-03', -26)).toBe('2024-01')
    expect(monthSpan('2025-01', '2026-12')).toBe(24)
    expect(monthSpan('2026-05', '2026-05')).toBe(1)
    expect(monthLabel('2026-03')).toBe('2026年3月')
  })

  it('starts the 回款 page on the last twelve months, this one included', () => {
    expect(recentMonths('2026-12-06')).toEqual({ from: '2026-01', to: '2026-12' })
    expect(recentMonths('2026-03-01')).toEqual({ from: '2025-04', to: '2026-03' })
    expect(monthSpan(recentMonths('2026-03-01').from, '2026-03')).toBe(12)
  })
})

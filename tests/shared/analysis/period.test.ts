import { describe, expect, it } from 'vitest'
import { calendarPeriod, periodLabel, previousPeriod, recentPeriods } from '../../../src/shared/analysis/period'

describe('analysis periods [from, to)', () => {
  it('builds calendar periods', () => {
    expect(calendarPeriod('year', 2026)).toEqual({ from: '2026-01-01', to: '2027-01-01' })
    expect(calendarPeriod('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2027-01-01' })
    expect(calendarPeriod('month', 2024, 2)).toEqual({ from: '2024-02-01', to: '2024-03-01' })
  })

  it('steps back a calendar unit, across a year end', () => {
    expect(previousPeriod(calendarPeriod('month', 2026, 1), 'month')).toEqual({ from: '2025-12-01', to: '2026-01-01' })
    expect(previousPeriod(calendarPeriod('quarter', 2026, 1), 'quarter')).toEqual({
      from: '2025-10-01',
      to: '2026-01-01',
    })
    expect(previousPeriod(calendarPeriod('year', 2026), 'year')).toEqual({ from: '2025-01-01', to: '2026-01-01' })
  })

  it('takes the same number of days before a custom range', () => {
    // 2024-03-01 … 2024-03-10 (10 days) → 2024-02-20 … 2024-02-29 (leap year).
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-11' }, 'custom')).toEqual({
      from: '2024-02-20',
      to: '2024-03-01',
    })
  })

  it('lists consecutive periods oldest first, and names them in Chinese', () => {
    const months = recentPeriods(calendarPeriod('month', 2026, 2), 'month', 3)
    expect(months.map((p) => periodLabel(p, 'month'))).toEqual(['2025年12月', '2026年1月', '2026年2月'])
    expect(periodLabel(calendarPeriod('quarter', 2026, 3), 'quarter')).toBe('2026年第3季度')
    expect(periodLabel({ from: '2026-01-05', to: '2026-02-05' }, 'custom')).toBe('2026-01-05 至 2026-02-04')
  })
})

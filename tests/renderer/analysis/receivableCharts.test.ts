import { describe, expect, it } from 'vitest'
import {
  agingBucketColors,
  agingChartGroups,
  agingChartOption,
  monthlyChartOption,
  monthTick,
} from '../../../src/renderer/src/analysis/receivableCharts'
import { monthlyTable } from '../../../src/renderer/src/analysis/receivableRows'
import type { AgingRow } from '../../../src/shared/salesContract'

type Series = {
  type: string
  name: string
  stack?: string
  data: unknown[]
  yAxisIndex?: number
  itemStyle?: { color: string }
  tooltip?: { valueFormatter: (v: unknown) => string }
}
const seriesOf = (option: unknown) => (option as { series: Series[] }).series

const row = (key: number, label: string, over90: number): AgingRow => ({
  key,
  label,
  notDue: 1000.005,
  days1to30: 0,
  days31to60: 0,
  days61to90: 0,
  over90,
  total: 1000.005 + over90,
})

describe('应收账款账龄 chart', () => {
  it('stacks the five buckets in order, warmer the older, for the largest groups only', () => {
    const rows = Array.from({ length: 14 }, (_, i) => row(i + 1, `客户${i + 1}`, 100 - i))
    const option = agingChartOption(rows)
    const series = seriesOf(option)
    expect(series.map((s) => s.name)).toEqual(['未到期', '1–30 天', '31–60 天', '61–90 天', '90 天以上'])
    expect(series.every((s) => s.type === 'bar' && s.stack === 'aging')).toBe(true)
    expect(series.map((s) => s.itemStyle?.color)).toEqual(Object.values(agingBucketColors))
    expect(series[4]?.data).toHaveLength(agingChartGroups)
    expect(series[4]?.data.slice(0, 2)).toEqual([100, 99])
    const yAxis = (option as { yAxis: { data: string[]; inverse: boolean } }).yAxis
    expect(yAxis.data[0]).toBe('客户1')
    expect(yAxis.inverse).toBe(true)
  })

  it('prints the tooltip amounts as the table does, with the group’s 应收合计, its name escaped', () => {
    const option = agingChartOption([row(1, '<b>甲</b>', 0.5)])
    const formatter = (option as { tooltip: { formatter: (p: unknown) => string } }).tooltip.formatter
    const text = formatter([
      { seriesName: '未到期', value: 1000.005, dataIndex: 0, marker: '' },
      { seriesName: '90 天以上', value: 0.5, dataIndex: 0, marker: '' },
    ])
    expect(text).toBe('&#60;b&#62;甲&#60;/b&#62;<br/>未到期：1,000.01<br/>90 天以上：0.50<br/>应收合计：1,000.51')
  })
})

describe('回款 chart', () => {
  const { rows } = monthlyTable({
    rows: [
      { month: '2026-01', planned: 2000, received: 1500 },
      { month: '2026-02', planned: 0, received: 300 },
    ],
    planned: 2000,
    received: 1800,
  })

  it('draws 计划 and 实收 as bars and 完成率 as a line on its own axis, a gap where nothing was planned', () => {
    const series = seriesOf(monthlyChartOption(rows))
    expect(series.map((s) => [s.type, s.name, s.yAxisIndex ?? 0])).toEqual([
      ['bar', '计划回款', 0],
      ['bar', '实收回款', 0],
      ['line', '完成率', 1],
    ])
    expect(series[0]?.data).toEqual([2000, 0])
    expect(series[1]?.data).toEqual([1500, 300])
    expect(series[2]?.data).toEqual([0.75, null])
    expect((monthlyChartOption(rows) as { xAxis: { data: string[] } }).xAxis.data).toEqual(['2026年1月', '2026年2月'])
  })

  it('ticks the months short, the year under the first month and under each 1月', () => {
    const span = monthlyTable({
      rows: ['2025-11', '2025-12', '2026-01', '2026-02'].map((month) => ({ month, planned: 1, received: 1 })),
      planned: 4,
      received: 4,
    }).rows
    expect(span.map((_, i) => monthTick(span, i))).toEqual(['11月\n2025年', '12月', '1月\n2026年', '2月'])
  })

  it('formats the tooltip values with the table’s formatters', () => {
    const series = seriesOf(monthlyChartOption(rows))
    expect(series[0]?.tooltip?.valueFormatter(1234.5)).toBe('1,234.50')
    // 0.0015 is 0.2 % in the table (halves away from zero), and in the tooltip.
    expect(series[2]?.tooltip?.valueFormatter(0.0015)).toBe('0.2%')
    expect(series[2]?.tooltip?.valueFormatter(null)).toBe('—')
  })
})

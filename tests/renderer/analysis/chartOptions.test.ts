import { describe, expect, it } from 'vitest'
import {
  foldSmallGroups,
  paretoChartOption,
  periodChartOption,
  shareChartOption,
} from '../../../src/renderer/src/analysis/chartOptions'
import { chartTheme, restColor } from '../../../src/renderer/src/analysis/chartTheme'
import { formatAmount, formatChange, formatPercent } from '../../../src/renderer/src/analysis/formatNumbers'

const rows = [
  { label: '华北', value: 700, previous: 300 },
  { label: '华东', value: 200, previous: 200 },
  { label: '未分区域', value: 100, previous: 0 },
]

type Series = { type: string; name?: string; data: unknown[]; yAxisIndex?: number }
const seriesOf = (option: unknown) => (option as { series: Series[] }).series

describe('analysis chart options', () => {
  it('draws a pie of the values with Chinese labels and shares', () => {
    const option = shareChartOption({ rows, kind: 'pie', valueName: '销售额（元）' })
    const [pie] = seriesOf(option)
    expect(pie?.type).toBe('pie')
    expect(pie?.data).toEqual([
      { name: '华北', value: 700 },
      { name: '华东', value: 200 },
      { name: '未分区域', value: 100 },
    ])
    // The labels and the tooltip print the share with the tables' formatter, not ECharts' {d}.
    const label = (pie as unknown as { label: { formatter: (p: { name: string; value: number }) => string } }).label
    expect(label.formatter({ name: '华北', value: 700 })).toBe('华北\n70.0%')
    expect(JSON.stringify(option)).not.toContain('{d}')
  })

  it('labels a pie share as the table beside it does, where ECharts would nudge it to add up to 100 %', () => {
    // 3 / 2000 = 0.15 %: the table says 0.2 %; ECharts' largest-remainder {d} said 0.1 %.
    const shares = [
      { label: '甲', value: 1000 },
      { label: '乙', value: 997 },
      { label: '丙', value: 3 },
    ]
    const option = shareChartOption({ rows: shares, kind: 'pie', valueName: '客户数' })
    const [pie] = seriesOf(option)
    const label = (pie as unknown as { label: { formatter: (p: { name: string; value: number }) => string } }).label
    for (const row of shares) {
      expect(label.formatter({ name: row.label, value: row.value })).toBe(
        `${row.label}\n${formatPercent(row.value / 2000)}`,
      )
    }
    expect(label.formatter({ name: '丙', value: 3 })).toBe('丙\n0.2%')
    const tooltip = (option as { tooltip: { formatter: (p: unknown) => string } }).tooltip
    expect(tooltip.formatter({ name: '丙', value: 3 })).toBe('丙<br/>3（0.2%）')
    // The pie keeps above the legend's band.
    expect((pie as unknown as { bottom: number }).bottom).toBeGreaterThan(0)
  })

  it('draws bars with each share on top and the previous period beside', () => {
    const option = shareChartOption({ rows, kind: 'bar', valueName: '销售额（元）' })
    const series = seriesOf(option)
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', '本期'],
      ['bar', '上期'],
    ])
    expect(series[0]?.data).toEqual([
      { value: 700, label: { formatter: '70.0%' } },
      { value: 200, label: { formatter: '20.0%' } },
      { value: 100, label: { formatter: '10.0%' } },
    ])
    expect(series[1]?.data).toEqual([300, 200, 0])
    expect((option as { xAxis: { data: string[] } }).xAxis.data).toEqual(['华北', '华东', '未分区域'])
  })

  it('has a single bar series without previous values, and zero shares when all is zero', () => {
    const option = shareChartOption({ rows: [{ label: 'A级', value: 0 }], kind: 'bar', valueName: '客户数' })
    expect(seriesOf(option).map((s) => s.name)).toEqual(['客户数'])
    expect(seriesOf(option)[0]?.data).toEqual([{ value: 0, label: { formatter: '0.0%' } }])
  })

  it('plots the Pareto curve in percent with the 20 % / 80 % guides', () => {
    const option = paretoChartOption([
      { customerShare: 0, salesShare: 0 },
      { customerShare: 0.25, salesShare: 0.5 },
      { customerShare: 1, salesShare: 1 },
    ])
    const [line] = seriesOf(option)
    expect(line?.data).toEqual([
      [0, 0],
      [25, 50],
      [100, 100],
    ])
    expect(JSON.stringify(option)).toContain('"xAxis":20')
  })

  it('puts counts in bars and rates as percent lines on the second axis', () => {
    const option = periodChartOption(
      ['2026年1月', '2026年2月'],
      [
        { name: '购买客户', values: [2, 3] },
        { name: '保持率', values: [0.5, null], rate: true },
      ],
    )
    expect(seriesOf(option)).toEqual([
      { type: 'bar', name: '购买客户', barMaxWidth: 28, data: [2, 3] },
      { type: 'line', name: '保持率', yAxisIndex: 1, data: [50, null] },
    ])
  })

  it('formats amounts, shares and changes the Chinese way', () => {
    expect(formatAmount(1234567.5)).toBe('1,234,567.50')
    expect(formatPercent(0.1234)).toBe('12.3%')
    expect(formatChange(-1 / 3)).toBe('−33.3%')
    expect(formatChange(4 / 3)).toBe('+133.3%')
    expect(formatChange(null)).toBe('—')
  })

  it('rounds a share half away from zero in decimal, as a person would, whatever the binary says', () => {
    // toFixed(1) on the binary products gives 0.1 %, 1.1 %, 100.0 % for these.
    expect(formatPercent(0.0015)).toBe('0.2%')
    expect(formatPercent(0.0115)).toBe('1.2%')
    expect(formatPercent(1.0005)).toBe('100.1%')
    expect(formatPercent(0.00049)).toBe('0.0%')
    expect(formatPercent(0)).toBe('0.0%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatPercent(-0.0015)).toBe('-0.2%')
    expect(formatPercent(-0.0004)).toBe('0.0%')
    expect(formatPercent(null)).toBe('—')
    expect(formatPercent(Number.NaN)).toBe('—')
  })
})

describe('many groups', () => {
  it('folds all but the 15 largest into 其他 in the chart, keeping the total', () => {
    const cities = Array.from({ length: 20 }, (_, i) => ({ label: `城市${i + 1}`, value: i + 1, previous: 1 }))
    const folded = foldSmallGroups(cities)
    expect(folded).toHaveLength(16)
    // The five smallest (1…5) are folded; the rest keep their order.
    expect(folded.slice(0, 2).map((r) => r.label)).toEqual(['城市6', '城市7'])
    expect(folded.at(-1)).toEqual({ label: '其他（5 项）', rest: true, value: 15, previous: 5 })
    const [pie] = seriesOf(shareChartOption({ rows: cities, kind: 'pie', valueName: '销售额（元）' }))
    expect(pie?.data).toHaveLength(16)
    expect(foldSmallGroups(rows)).toBe(rows)
  })
})

describe('the rest as one slice', () => {
  type Item = { name?: string; itemStyle?: { color?: string } }
  // Ten customers and 其他: the 11th item would take the palette's first colour again, 第1名's blue.
  const top = Array.from({ length: 10 }, (_, i) => ({ label: `客户${i + 1}`, value: 100 - i }))
  const withRest = [...top, { label: '其他 40 个客户', value: 500, rest: true }]

  it('draws 其他 in a neutral grey no palette colour has, in the pie and the bars', () => {
    const [pie] = seriesOf(shareChartOption({ rows: withRest, kind: 'pie', valueName: '销售额（元）' }))
    const items = pie?.data as Item[]
    expect(items.at(-1)).toEqual({ name: '其他 40 个客户', value: 500, itemStyle: { color: restColor } })
    // The customers keep the theme's colours (no own colour set).
    expect(items.slice(0, 10).every((item) => item.itemStyle === undefined)).toBe(true)
    expect(chartTheme.color).not.toContain(restColor)
    expect(new Set(chartTheme.color).size).toBe(chartTheme.color.length)

    const [bars] = seriesOf(shareChartOption({ rows: withRest, kind: 'bar', valueName: '销售额（元）' }))
    expect((bars?.data as Item[]).at(-1)?.itemStyle).toEqual({ color: restColor })
    expect((bars?.data as Item[])[0]?.itemStyle).toBeUndefined()
  })

  it('gives the folded 其他 of many groups the same grey', () => {
    const cities = Array.from({ length: 20 }, (_, i) => ({ label: `城市${i + 1}`, value: i + 1 }))
    const [pie] = seriesOf(shareChartOption({ rows: cities, kind: 'pie', valueName: '客户数' }))
    expect((pie?.data as Item[]).at(-1)?.itemStyle?.color).toBe(restColor)
  })
})

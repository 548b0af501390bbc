import type { EChartsOption } from 'echarts'
import { restColor } from './chartTheme'
import { formatPercent } from './formatNumbers'

/**
 * ECharts options of the analysis pages, as pure functions of the numbers (tested
 * without a browser). Colours come from the theme the chart wrapper registers.
 */

export const chartKinds = ['pie', 'bar'] as const
export type ChartKind = (typeof chartKinds)[number]
export const chartKindLabels: Record<ChartKind, string> = { pie: '饼图', bar: '柱状图' }

export interface ShareDatum {
  label: string
  value: number
  /** The previous period's value: the bar chart shows it beside; the pie has no room for it. */
  previous?: number
  /** The rest folded into one (其他…): drawn in a neutral grey, not the next palette colour. */
  rest?: boolean
}

export interface ShareChartInput {
  rows: readonly ShareDatum[]
  kind: ChartKind
  /** What the values are, e.g. 销售额（元） or 客户数. */
  valueName: string
  /** Legend names of the two bar series, e.g. 2026年 and 2025年. */
  currentName?: string
  previousName?: string
}

/** Axis numbers the Chinese way: 25,000,000 → 2500万. */
export function wanLabel(value: number): string {
  return Math.abs(value) >= 10000 ? `${value / 10000}万` : String(value)
}

/** A value's share of the total, 0 when the total is 0. */
function shareText(value: number, total: number): string {
  return formatPercent(total === 0 ? 0 : value / total)
}

/** The height kept for the legend under a pie, in pixels. */
const legendBand = 36

/** More groups than this (e.g. 300 cities) are unreadable in a chart: the smallest become 其他. */
export const maxChartGroups = 16

/**
 * The largest `maxChartGroups − 1` groups and one 其他 with the rest, in their
 * original order; the table beside the chart keeps every group.
 */
export function foldSmallGroups(rows: readonly ShareDatum[]): readonly ShareDatum[] {
  if (rows.length <= maxChartGroups) return rows
  const kept = new Set([...rows].sort((a, b) => b.value - a.value).slice(0, maxChartGroups - 1))
  const rest = rows.filter((r) => !kept.has(r))
  const hasPrevious = rows.some((r) => r.previous !== undefined)
  return [
    ...rows.filter((r) => kept.has(r)),
    {
      label: `其他（${rest.length} 项）`,
      rest: true,
      value: rest.reduce((sum, r) => sum + r.value, 0),
      ...(hasPrevious ? { previous: rest.reduce((sum, r) => sum + (r.previous ?? 0), 0) } : {}),
    },
  ]
}

/** A distribution as a pie (with shares) or bars (with each bar's share on top). */
export function shareChartOption({
  rows: allRows,
  kind,
  valueName,
  currentName = '本期',
  previousName = '上期',
}: ShareChartInput): EChartsOption {
  const rows = foldSmallGroups(allRows)
  const total = rows.reduce((sum, r) => sum + r.value, 0)
  if (kind === 'pie') {
    // ECharts' own {d} makes the shares add up to 100 % by nudging some of them (0.1 % where the
    // table says 0.2 %) and drops a trailing .0: the labels use the table's formatter instead.
    const share = (value: unknown): string => shareText(Number(value), total)
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p
          return item ? `${item.name}<br/>${String(item.value)}（${share(item.value)}）` : ''
        },
      },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          name: valueName,
          // The pie and its labels keep to the box above the legend's band, so no label lands on the legend.
          top: 0,
          bottom: legendBand,
          radius: ['28%', '58%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { formatter: (p) => `${p.name}\n${share(p.value)}` },
          labelLayout: { hideOverlap: true },
          data: rows.map((r) => ({
            name: r.label,
            value: r.value,
            ...(r.rest ? { itemStyle: { color: restColor } } : {}),
          })),
        },
      ],
    }
  }
  const hasPrevious = rows.some((r) => r.previous !== undefined)
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: hasPrevious ? { top: 0 } : { show: false },
    grid: { left: 16, right: 16, top: hasPrevious ? 36 : 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: valueName, axisLabel: { formatter: wanLabel } },
    series: [
      {
        type: 'bar',
        name: hasPrevious ? currentName : valueName,
        barMaxWidth: 36,
        label: { show: rows.length <= 16, position: 'top' },
        data: rows.map((r) => ({
          value: r.value,
          label: { formatter: shareText(r.value, total) },
          ...(r.rest ? { itemStyle: { color: restColor } } : {}),
        })),
      },
      ...(hasPrevious
        ? [
            {
              type: 'bar' as const,
              name: previousName,
              barMaxWidth: 36,
              data: rows.map((r) => r.previous ?? 0),
            },
          ]
        : []),
    ],
  }
}

/** The 二八 curve: cumulative share of sales against the share of customers, with the 20 % and 80 % guides. */
export function paretoChartOption(curve: readonly { customerShare: number; salesShare: number }[]): EChartsOption {
  const percent = (v: number) => Math.round(v * 10000) / 100
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) => `${String(value)}%`,
    },
    grid: { left: 16, right: 32, top: 32, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      name: '客户占比（按销售额从高到低）',
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      max: 100,
      axisLabel: { formatter: '{value}%' },
    },
    yAxis: { type: 'value', name: '累计销售额占比', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'line',
        name: '累计销售额占比',
        showSymbol: false,
        smooth: false,
        areaStyle: { opacity: 0.12 },
        data: curve.map((p) => [percent(p.customerShare), percent(p.salesShare)]),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: [
            { xAxis: 20, name: '前 20% 客户' },
            { yAxis: 80, name: '80% 销售额' },
          ],
          label: { formatter: '{b}', position: 'insideEndTop' },
        },
      },
    ],
  }
}

export interface PeriodSeries {
  name: string
  values: readonly (number | null)[]
  /** Rates go on a right-hand percent axis as lines; counts are bars. */
  rate?: boolean
}

/** Counts per period as bars, rates as lines on a percent axis (保持与流失). */
export function periodChartOption(categories: readonly string[], series: readonly PeriodSeries[]): EChartsOption {
  const hasRates = series.some((s) => s.rate)
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...categories] },
    yAxis: [
      { type: 'value', name: '客户数' },
      ...(hasRates
        ? [{ type: 'value' as const, name: '比率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }]
        : []),
    ],
    series: series.map((s) =>
      s.rate
        ? {
            type: 'line' as const,
            name: s.name,
            yAxisIndex: 1,
            data: s.values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
          }
        : { type: 'bar' as const, name: s.name, barMaxWidth: 28, data: [...s.values] },
    ),
  }
}

import type { EChartsOption } from 'echarts'
import { agingBucketLabels, agingBuckets, type AgingBucket, type AgingRow } from '../../../shared/salesContract'
import { wanLabel } from './chartOptions'
import { formatAmount, formatPercent } from './formatNumbers'
import type { MonthlyTableRow } from './receivableRows'

/** The groups the 账龄 chart draws; the table lists them all. */
export const agingChartGroups = 10

/** From green (not due yet) to dark red (over 90 days): the older the debt, the warmer. */
export const agingBucketColors: Record<AgingBucket, string> = {
  notDue: '#52a35a',
  days1to30: '#e3b92f',
  days31to60: '#f0902a',
  days61to90: '#dd5a32',
  over90: '#a8271f',
}

interface TooltipItem {
  seriesName?: string
  marker?: unknown
  value?: unknown
  name?: string
  dataIndex?: number
}

/** Names go into the tooltip's HTML: a customer called <b>… is shown as written. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const asItems = (params: unknown): TooltipItem[] => (Array.isArray(params) ? params : [params]) as TooltipItem[]

/**
 * 应收账款账龄 of the largest groups as stacked bars, one colour per bucket; amounts in the
 * tooltip are printed by the table's formatter, so both say the same 12,345.60.
 */
export function agingChartOption(rows: readonly AgingRow[]): EChartsOption {
  const top = rows.slice(0, agingChartGroups)
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const items = asItems(params)
        // By index, not name: two customers may share a name.
        const row = top[items[0]?.dataIndex ?? -1]
        if (!row) return ''
        const lines = items.map(
          (p) => `${String(p.marker ?? '')}${p.seriesName ?? ''}：${formatAmount(Number(p.value))}`,
        )
        return [escapeHtml(row.label), ...lines, `应收合计：${formatAmount(row.total)}`].join('<br/>')
      },
    },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '元', axisLabel: { formatter: wanLabel } },
    yAxis: {
      type: 'category',
      // The largest at the top, as the table beside it.
      inverse: true,
      data: top.map((r) => r.label),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: agingBuckets.map((bucket) => ({
      type: 'bar' as const,
      name: agingBucketLabels[bucket],
      stack: 'aging',
      barMaxWidth: 28,
      itemStyle: { color: agingBucketColors[bucket] },
      data: top.map((r) => r[bucket]),
    })),
  }
}

/** Axis ticks of a rate: 0.5 → 50%. */
function rateTick(value: number): string {
  return `${Math.round(value * 100)}%`
}

/**
 * An axis tick short enough for 24 months side by side: 3月, with the year under the first month
 * and under each 1月, so a range across years still reads.
 */
export function monthTick(rows: readonly MonthlyTableRow[], index: number): string {
  const month = rows[index]?.month ?? ''
  const number = Number(month.slice(5, 7))
  return index === 0 || number === 1 ? `${number}月\n${month.slice(0, 4)}年` : `${number}月`
}

/** 回款 per month: 计划 and 实收 as bars side by side, 完成率 as a line on a percent axis. */
export function monthlyChartOption(rows: readonly MonthlyTableRow[]): EChartsOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 16, right: 16, top: 52, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: {
        interval: rows.length > 24 ? 'auto' : 0,
        formatter: (_: string, index: number) => monthTick(rows, index),
      },
    },
    yAxis: [
      { type: 'value', name: '金额（元）', axisLabel: { formatter: wanLabel } },
      { type: 'value', name: '完成率', min: 0, axisLabel: { formatter: rateTick }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: '计划回款',
        barMaxWidth: 24,
        itemStyle: { color: '#9db8d6' },
        tooltip: { valueFormatter: (v) => formatAmount(Number(v)) },
        data: rows.map((r) => r.planned),
      },
      {
        type: 'bar',
        name: '实收回款',
        barMaxWidth: 24,
        itemStyle: { color: '#1f6fb2' },
        tooltip: { valueFormatter: (v) => formatAmount(Number(v)) },
        data: rows.map((r) => r.received),
      },
      {
        type: 'line',
        name: '完成率',
        yAxisIndex: 1,
        connectNulls: false,
        itemStyle: { color: '#f0a020' },
        tooltip: {
          valueFormatter: (v) => (v === null || v === undefined || v === '-' ? '—' : formatPercent(Number(v))),
        },
        data: rows.map((r) => r.rate),
      },
    ],
  }
}

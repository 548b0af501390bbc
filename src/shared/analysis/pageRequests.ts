/**
 * What the heavy 统计分析 pages ask the core for, written once: the page builds its
 * request with these functions and starts from these defaults, and whoever asks ahead
 * of the page (the renderer when the route changes, the core warming its cache) uses
 * the same ones, so both send the same JSON, key order included, and the page can take
 * the earlier answer as its own. Pure and without dayjs or the DOM: it runs in the core too.
 */
import type { Channel, ChannelInput } from '../contract'
import type { AnalysisDimension } from './dimensions'
import { calendarPeriod, previousPeriod, recentPeriods, type Period, type PeriodKind } from './period'

export interface PeriodChoice {
  kind: PeriodKind
  period: Period
}

/** Where a period page starts: the calendar year holding `today` (`YYYY-MM-DD`). */
export function defaultPeriodChoice(today: string): PeriodChoice {
  return { kind: 'year', period: calendarPeriod('year', Number(today.slice(0, 4))) }
}

export function previousOf(choice: PeriodChoice): Period {
  return previousPeriod(choice.period, choice.kind)
}

/** 保持与流失 shows this many periods to start with (each compared with the one before it). */
export function defaultRetentionCount(kind: PeriodKind): number {
  return kind === 'year' ? 3 : 6
}

export function retentionInput(choice: PeriodChoice, count: number, today: string): ChannelInput<'analysis.retention'> {
  return { periods: recentPeriods(choice.period, choice.kind, count + 1), asOf: today, limit: 200 }
}

export type RatioArea = Extract<AnalysisDimension, 'region' | 'province' | 'city'>

/** 比率分析's panels after the area ones: 客户规模, 性质, 行业. */
export const ratioGroupDimensions = ['salesScale', 'nature', 'industry'] as const satisfies AnalysisDimension[]

export function ratioSetsInput(choice: PeriodChoice, area: RatioArea): ChannelInput<'analysis.ratioSets'> {
  return { period: choice.period, previous: previousOf(choice), dimensions: [area, ...ratioGroupDimensions] }
}

export const defaultExtremesTopN = 10

export function extremesInput(choice: PeriodChoice, topN: number): ChannelInput<'analysis.extremes'> {
  return { period: choice.period, previous: previousOf(choice), topN }
}

export const defaultRfmWindowMonths = 12

export function rfmInput(asOf: string, windowMonths: number): ChannelInput<'analysis.rfm'> {
  return { asOf, windowMonths, perSegment: 50 }
}

export function paretoInput(choice: PeriodChoice): ChannelInput<'analysis.pareto'> {
  return { period: choice.period }
}

/** 销售业绩's sheet lists this many customers of the year. */
export const salesPerformanceSheetRows = 1000

export function defaultSalesPerformanceYear(today: string): number {
  return Number(today.slice(0, 4))
}

export function salesPerformanceInput(year: number): ChannelInput<'analysis.salesPerformance'> {
  return { year, limit: salesPerformanceSheetRows }
}

export interface AnalysisPageRequest<C extends Channel = Channel> {
  /** The hash route of the page (#/analysis/<key>). */
  route: string
  channel: C
  input: ChannelInput<C>
}

type AnyPageRequest = {
  [C in Channel]: AnalysisPageRequest<C>
}[Channel]

/** The request each heavy page sends on opening, on `today` (`YYYY-MM-DD`, the office's local date). */
export function defaultAnalysisRequests(today: string): AnyPageRequest[] {
  const choice = defaultPeriodChoice(today)
  return [
    {
      route: '/analysis/retention',
      channel: 'analysis.retention',
      input: retentionInput(choice, defaultRetentionCount(choice.kind), today),
    },
    { route: '/analysis/ratios', channel: 'analysis.ratioSets', input: ratioSetsInput(choice, 'region') },
    { route: '/analysis/extremes', channel: 'analysis.extremes', input: extremesInput(choice, defaultExtremesTopN) },
    { route: '/analysis/rfm', channel: 'analysis.rfm', input: rfmInput(today, defaultRfmWindowMonths) },
    { route: '/analysis/pareto', channel: 'analysis.pareto', input: paretoInput(choice) },
    {
      route: '/analysis/sales',
      channel: 'analysis.salesPerformance',
      input: salesPerformanceInput(defaultSalesPerformanceYear(today)),
    },
  ]
}

/** The default request of the page at `route`, if it is one of the heavy ones. */
export function defaultAnalysisRequest(route: string, today: string): AnyPageRequest | undefined {
  return defaultAnalysisRequests(today).find((request) => request.route === route)
}

import dayjs from 'dayjs'
import { calendarPeriod, recentPeriods } from '../../../src/shared/analysis/period'
import type { BenchCase } from '../benchCase'

/**
 * 统计分析 over 1,000,000 交易记录: each dashboard aggregate through its channel
 * (validation, SQL, shaping), against the same statements replayed raw (the
 * runner captures them). The periods are the current year and the one before,
 * since the demo data runs up to today.
 */
const year = dayjs().year()
const period = calendarPeriod('year', year)
const previous = calendarPeriod('year', year - 1)
const today = dayjs().format('YYYY-MM-DD')
const months = recentPeriods(calendarPeriod('month', year, dayjs().month() + 1), 'month', 13)
const years = recentPeriods(period, 'year', 4)

const analysisCase = (name: string, channel: string, input: unknown): BenchCase => ({
  name: `统计分析 ${name}`,
  app: (ctx) => ctx.call(channel, input),
  target: { ratio: 1.3 },
  runs: 5,
})

export const analysisCases: BenchCase[] = [
  analysisCase('客户来源分布（大区）', 'analysis.sources', { period, dimension: 'region' }),
  analysisCase('区域销售额比率（大区）', 'analysis.ratios', { period, previous, dimension: 'region' }),
  analysisCase('区域销售额比率（城市）', 'analysis.ratios', { period, previous, dimension: 'city' }),
  analysisCase('客户行业比率', 'analysis.ratios', { period, previous, dimension: 'industry' }),
  // What the 比率分析 page asks for: its five panels in one call.
  analysisCase('比率分析整页（大区、规模、性质、行业）', 'analysis.ratioSets', {
    period,
    previous,
    dimensions: ['region', 'salesScale', 'nature', 'industry'],
  }),
  analysisCase('销售业绩（前 1000 名）', 'analysis.salesPerformance', { year, limit: 1000 }),
  analysisCase('极端情况（前 10 名）', 'analysis.extremes', { period, previous, topN: 10 }),
  analysisCase('保持与流失（12 个月）', 'analysis.retention', { periods: months, asOf: today, limit: 200 }),
  // What the page asks for when it opens: this year and the three before.
  analysisCase('保持与流失（页面默认：4 年）', 'analysis.retention', { periods: years, asOf: today, limit: 200 }),
  analysisCase('RFM（12 个月）', 'analysis.rfm', { asOf: today, windowMonths: 12, perSegment: 50 }),
  analysisCase('二八分析', 'analysis.pareto', { period }),
  analysisCase('分级分布', 'analysis.grades', {}),
  analysisCase('意见分析', 'analysis.feedback', { period }),
  analysisCase('客户接触评价', 'analysis.contacts', { period }),
]

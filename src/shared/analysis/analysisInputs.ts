import { z } from 'zod'
import { requiredDate } from '../activityFields'
import { recordId, requiredName, strictError } from '../fieldSchemas'
import { analysisDimensions } from './dimensions'

/** Inputs of the analysis.* channels. Periods are [from, to): `to` is the first day after the period. */

const maxPeriodDays = 366 * 30

export const periodSchema = z
  .strictObject(
    { from: requiredDate('开始日期'), to: requiredDate('结束日期') },
    { error: strictError('统计期间', '请选择统计期间') },
  )
  .refine((p) => p.from < p.to, { message: '结束日期必须晚于开始日期', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= maxPeriodDays * 86_400_000, {
    message: '统计期间不能超过 30 年',
    path: ['to'],
  })

const dimension = z.enum(analysisDimensions, { error: '统计维度只能是：大区、省份、城市、来源、规模、性质、行业' })

const count = (label: string, max: number, fallback: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(1, `${label}不能小于 1`)
    .max(max, `${label}不能大于 ${max}`)
    .default(fallback)

export const analysisPeriodInput = z.strictObject(
  { period: periodSchema },
  { error: strictError('统计条件', '请选择统计期间') },
)

export const analysisDimensionInput = z.strictObject(
  { period: periodSchema, dimension },
  { error: strictError('统计条件', '请选择统计期间和维度') },
)

/** 比率分析 also compares with the period before (the caller knows whether that is last year, quarter or month). */
export const analysisRatiosInput = z.strictObject(
  { period: periodSchema, previous: periodSchema, dimension },
  { error: strictError('统计条件', '请选择统计期间和维度') },
)

/** 比率分析's page at once: one pass over the sales serves every dimension it shows. */
export const analysisRatioSetsInput = z.strictObject(
  {
    period: periodSchema,
    previous: periodSchema,
    dimensions: z
      .array(dimension, { error: '统计维度应为列表' })
      .min(1, '至少要一个统计维度')
      .refine((dimensions) => new Set(dimensions).size === dimensions.length, { message: '统计维度不能重复' }),
  },
  { error: strictError('统计条件', '请选择统计期间和维度') },
)

export const analysisSalesPerformanceInput = z.strictObject(
  {
    year: z
      .number({ error: '年份必须是数字' })
      .int('年份必须是整数')
      .min(1900, '年份不能早于 1900')
      .max(2200, '年份不能晚于 2200'),
    limit: count('行数', 5000, 1000),
  },
  { error: strictError('统计条件', '请选择年份') },
)

export const analysisExtremesInput = z.strictObject(
  { period: periodSchema, previous: periodSchema, topN: count('名次数', 100, 10) },
  { error: strictError('统计条件', '请选择统计期间') },
)

export const analysisSetNoteInput = z.strictObject(
  {
    customerId: recordId('客户'),
    note: z.string({ error: '应对措施必须是文字' }).trim().max(500, '应对措施不能超过 500 个字'),
  },
  { error: strictError('应对措施', '请填写应对措施') },
)

export const analysisRetentionInput = z.strictObject(
  {
    /** Consecutive periods, oldest first; each is compared with the one before it. */
    periods: z
      .array(periodSchema, { error: '统计期间应为列表' })
      .min(2, '至少要两个期间')
      .max(37, '最多 37 个期间')
      // The SQL puts each sale in at most one period (retention.ts), so periods may not overlap.
      .refine((periods) => periods.every((p, i) => p.from >= (periods[i - 1]?.to ?? p.from)), {
        message: '统计期间应按时间先后排列且互不重叠',
      }),
    asOf: requiredDate('截止日期'),
    limit: count('行数', 1000, 200),
  },
  { error: strictError('统计条件', '请选择统计期间') },
)

export const analysisRfmInput = z.strictObject(
  {
    asOf: requiredDate('截止日期'),
    windowMonths: count('统计月数', 60, 12),
    perSegment: count('每类行数', 500, 50),
  },
  { error: strictError('统计条件', '请选择截止日期') },
)

export const analysisFeedbackInput = analysisPeriodInput

export const exportColumnSchema = z.strictObject(
  {
    key: z.string().min(1).max(60),
    header: requiredName('列名', 60, { empty: '列名不能为空' }),
    format: z.enum(['text', 'integer', 'number', 'percent']).default('text'),
  },
  { error: strictError('导出列') },
)

export const analysisExportInput = z.strictObject(
  {
    title: requiredName('标题', 60, { empty: '标题不能为空' }),
    columns: z.array(exportColumnSchema).min(1, '至少要一列').max(40, '最多 40 列'),
    rows: z
      .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
      .max(20000, '一次最多导出 20000 行'),
  },
  { error: strictError('导出内容', '导出内容无效') },
)
export type AnalysisExportInput = z.output<typeof analysisExportInput>

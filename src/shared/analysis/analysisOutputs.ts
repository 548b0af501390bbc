import { z } from 'zod'
import { abcClasses } from './abcClass'
import { analysisDimensions } from './dimensions'
import { rfmSegments } from './rfmSegments'

/** Outputs of the analysis.* channels. Shares are fractions (0.25 = 25 %); a change is null when the base is 0. */

const share = z.number()
const change = z.number().nullable()

/** One group of a distribution: customers registered in the period, and all customers by its end. */
export const sourceRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  newCustomers: z.number().int(),
  newShare: share,
  customers: z.number().int(),
  customerShare: share,
})
export type SourceRow = z.infer<typeof sourceRowSchema>

export const ratioRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  customers: z.number().int(),
  customerShare: share,
  buyers: z.number().int(),
  amount: z.number(),
  share,
  previousAmount: z.number(),
  change,
})
export type RatioRow = z.infer<typeof ratioRowSchema>

/** The ratios per dimension, in the order the dimensions were asked for. */
export const ratioSetsOutput = z.array(
  z.object({ dimension: z.enum(analysisDimensions), rows: z.array(ratioRowSchema) }),
)
export type RatioSets = z.infer<typeof ratioSetsOutput>

export const salesPerformanceRowSchema = z.object({
  customerId: z.number().int(),
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  products: z.string(),
  productCount: z.number().int(),
  quantity: z.number(),
  amount: z.number(),
  share,
  previousAmount: z.number(),
  change,
  rank: z.number().int(),
})
export type SalesPerformanceRow = z.infer<typeof salesPerformanceRowSchema>

export const salesPerformanceOutput = z.object({
  rows: z.array(salesPerformanceRowSchema),
  /** Customers with sales in the year, of which `rows` are the best ranked. */
  total: z.number().int(),
  totalAmount: z.number(),
})

export const extremeRowSchema = z.object({
  customerId: z.number().int(),
  name: z.string(),
  amount: z.number(),
  previousAmount: z.number(),
  difference: z.number(),
  change,
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  /** Places moved up (negative: down); null when not ranked in one of the periods. */
  rankChange: z.number().int().nullable(),
  note: z.string().nullable(),
})
export type ExtremeRow = z.infer<typeof extremeRowSchema>

export const extremesOutput = z.object({
  byTotal: z.array(extremeRowSchema),
  byGrowth: z.array(extremeRowSchema),
  byDecline: z.array(extremeRowSchema),
})
export type ExtremesOutput = z.infer<typeof extremesOutput>

export const noteOutput = z.object({
  customerId: z.number().int(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
})

export const retentionPeriodSchema = z.object({
  from: z.string(),
  to: z.string(),
  buyers: z.number().int(),
  previousBuyers: z.number().int(),
  retained: z.number().int(),
  churned: z.number().int(),
  retentionRate: z.number().nullable(),
  churnRate: z.number().nullable(),
  newCustomers: z.number().int(),
  /** 新客户数 ÷ 上期购买客户数. */
  newGrowth: z.number().nullable(),
})
export type RetentionPeriod = z.infer<typeof retentionPeriodSchema>

export const pastCycleRowSchema = z.object({
  customerId: z.number().int(),
  name: z.string(),
  purchaseStrategy: z.string(),
  cycleDays: z.number().int(),
  lastTransactionAt: z.string(),
  daysSince: z.number().int(),
  overdueDays: z.number().int(),
  transactionAmount: z.number(),
})
export type PastCycleRow = z.infer<typeof pastCycleRowSchema>

export const retentionOutput = z.object({
  /** One per input period after the first. */
  periods: z.array(retentionPeriodSchema),
  pastCycle: z.object({ total: z.number().int(), rows: z.array(pastCycleRowSchema) }),
})
export type RetentionOutput = z.infer<typeof retentionOutput>

const segment = z.enum(rfmSegments)

export const rfmCustomerSchema = z.object({
  customerId: z.number().int(),
  name: z.string(),
  recencyDays: z.number().int(),
  frequency: z.number().int(),
  monetary: z.number(),
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segment,
})
export type RfmCustomer = z.infer<typeof rfmCustomerSchema>

export const rfmOutput = z.object({
  from: z.string(),
  to: z.string(),
  scored: z.number().int(),
  mean: z.object({ r: z.number(), f: z.number(), m: z.number() }),
  segments: z.array(z.object({ segment, customers: z.number().int(), amount: z.number(), share })),
  /** The largest customers (by M) of each segment. */
  customers: z.array(rfmCustomerSchema),
})
export type RfmOutput = z.infer<typeof rfmOutput>

const abcClass = z.enum(abcClasses)

export const paretoOutput = z.object({
  customers: z.number().int(),
  totalAmount: z.number(),
  topFifthCount: z.number().int(),
  topFifthShare: share,
  /** The curve, at most one point per percent of customers (plus the origin). */
  curve: z.array(z.object({ customerShare: share, salesShare: share })),
  classes: z.array(z.object({ abcClass, customers: z.number().int(), amount: z.number(), share })),
  top: z.array(
    z.object({
      customerId: z.number().int(),
      name: z.string(),
      rank: z.number().int(),
      amount: z.number(),
      cumulativeShare: share,
      abcClass,
    }),
  ),
})
export type ParetoOutput = z.infer<typeof paretoOutput>

export const countRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  share,
  amount: z.number().optional(),
})
export type CountRow = z.infer<typeof countRowSchema>

export const gradesOutput = z.object({
  dealGrade: z.array(countRowSchema),
  relationshipLevel: z.array(countRowSchema),
  valueClass: z.array(countRowSchema),
})
export type GradesOutput = z.infer<typeof gradesOutput>

const satisfactionRow = z.object({
  customerId: z.number().int(),
  name: z.string(),
  average: z.number(),
  ratings: z.number().int(),
})

export const feedbackOutput = z.object({
  total: z.number().int(),
  resolved: z.number().int(),
  resolvedShare: share.nullable(),
  averageDaysToResolve: z.number().nullable(),
  byType: z.array(countRowSchema),
  byProduct: z.array(countRowSchema),
  byMonth: z.array(countRowSchema),
  /** Customers ranked by mean satisfaction: the top and the bottom ⌈n / 5⌉. */
  mostSatisfied: z.array(satisfactionRow),
  leastSatisfied: z.array(satisfactionRow),
})
export type FeedbackOutput = z.infer<typeof feedbackOutput>

export const contactRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  interactions: z.number().int(),
  share,
  customers: z.number().int(),
  /** 交往次数 by 交往方式 label. */
  byType: z.record(z.string(), z.number().int()),
})
export type ContactRow = z.infer<typeof contactRowSchema>

export const contactsOutput = z.object({ types: z.array(z.string()), rows: z.array(contactRowSchema) })
export type ContactsOutput = z.infer<typeof contactsOutput>

export const exportOutput = z.object({ fileName: z.string(), base64: z.string() })

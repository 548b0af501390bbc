import type { RatioRow, RatioSets } from '../../../../../src/shared/analysis/analysisOutputs'
import type { AnalysisDimension } from '../../../../../src/shared/analysis/dimensions'
import type { Period } from '../../../../../src/shared/analysis/period'
import type { Caller } from '../../../../../src/main/core/accounts/caller'
import type { SqlReader } from '../../../../../src/main/core/db/sqlHandles'
import { cents, changeOf, shareOf } from '../../../../../src/main/core/analysis/analysisMath'
import { andScopeSql, parameters, periodPairSql } from './customerSalesSql'
import { dimensionColumn, groupKey, groupLabels } from '../../../../../src/main/core/analysis/dimensionSql'

interface RawRatio {
  /** The index of the dimension this row groups by. */
  d: number
  /** The group's key as the column holds it: a dictionary id or a division code; NULL when unset. */
  k: string | number | null
  customers: number
  buyers: number
  amount: number
  previous: number
}

/** 比率分析 over one dimension (see ratioSets). */
export async function ratios(
  db: SqlReader,
  caller: Caller,
  period: Period,
  previous: Period,
  dimension: AnalysisDimension,
): Promise<RatioRow[]> {
  const [set] = await ratioSets(db, caller, period, previous, [dimension])
  return set?.rows ?? []
}

/**
 * 比率分析 (区域销售额比率, 区域客户比率, 客户规模/性质/行业比率): per group of each dimension, the
 * customers registered by the period's end, those who bought in it, its sales and their share, and
 * the change against the previous period's sales; of the customers the caller sees.
 */
export async function ratioSets(
  db: SqlReader,
  caller: Caller,
  period: Period,
  previous: Period,
  dimensions: readonly AnalysisDimension[],
): Promise<RatioSets> {
  // The pass over the sales is most of the cost (~0.4 s a year pair at 1,000,000 sales), so it runs
  // once for all dimensions: sales are summed per customer (periodPairSql), then per combination of
  // the dimensions' columns (`cells`, a few thousand rows), which each dimension regroups.
  const { values, param } = parameters()
  const pair = periodPairSql(param, caller, period, previous)
  const registeredBy = param(period.to)
  const inScope = andScopeSql(param, caller)
  const cellKeys = dimensions.map((_, i) => `d${i}`)
  const perDimension = cellKeys.map(
    (key, i) =>
      `SELECT ${i} AS d, ${key} AS k, SUM(customers) AS customers, SUM(buyers) AS buyers,
         TOTAL(amount) AS amount, TOTAL(previous) AS previous
       FROM cells GROUP BY ${key}`,
  )
  const raws = await db.all<RawRatio>(
    `WITH pair AS (${pair}),
     cells AS MATERIALIZED (
       SELECT ${dimensions.map((dimension, i) => `${dimensionColumn(dimension)} AS ${cellKeys[i]}`).join(', ')},
         SUM(c.registered_at < ${registeredBy}) AS customers,
         COUNT(pair.amount) AS buyers,
         TOTAL(pair.amount) AS amount,
         TOTAL(pair.previous) AS previous
       FROM customer c
       LEFT JOIN pair ON pair.customer_id = c.id
       WHERE c.deleted_at IS NULL AND (c.registered_at < ${registeredBy} OR pair.customer_id IS NOT NULL)${inScope}
       GROUP BY ${cellKeys.join(', ')})
     ${perDimension.join('\nUNION ALL\n')}`,
    values,
  )
  return Promise.all(
    dimensions.map(async (dimension, i) => ({
      dimension,
      rows: await ratioRows(
        db,
        dimension,
        raws.filter((r) => r.d === i),
      ),
    })),
  )
}

async function ratioRows(db: SqlReader, dimension: AnalysisDimension, raws: RawRatio[]): Promise<RatioRow[]> {
  const labels = await groupLabels(
    db,
    dimension,
    raws.map((r) => r.k),
  )
  const totalAmount = raws.reduce((sum, r) => sum + r.amount, 0)
  const totalCustomers = raws.reduce((sum, r) => sum + r.customers, 0)
  return raws
    .map((r) => {
      const key = groupKey(r.k)
      const amount = cents(r.amount)
      const previousAmount = cents(r.previous)
      return {
        key,
        label: labels.get(key)?.label ?? key,
        order: labels.get(key)?.order ?? 0,
        customers: r.customers,
        customerShare: shareOf(r.customers, totalCustomers),
        buyers: r.buyers,
        amount,
        share: shareOf(r.amount, totalAmount),
        previousAmount,
        change: changeOf(amount, previousAmount),
      }
    })
    .sort((a, b) => a.order - b.order || b.amount - a.amount || b.customers - a.customers)
    .map(({ order: _order, ...row }) => row)
}

import type { RatioRow, RatioSets } from '../../../shared/analysis/analysisOutputs'
import type { AnalysisDimension } from '../../../shared/analysis/dimensions'
import type { Period } from '../../../shared/analysis/period'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import { cents, changeOf, shareOf } from './analysisMath'
import { andScopeSql, parameters } from './customerSalesSql'
import { dimensionColumn, groupKey, groupLabels } from './dimensionSql'

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
  // Per live customer in the caller's scope, its sums of the period and of the previous one, each a
  // range of sale_customer_cover read by a correlated subquery: no CASE per sale (which was a third
  // of the pass), no list of ids, no per-customer rows materialized and joined by an automatic index.
  // The customers are read as the LEFT JOIN of the SQL this replaced read them (the same WHERE, so the
  // same index and order), and each subquery sums its sales in the index's order, so every TOTAL adds
  // the same numbers in the same order and the shares come out the same to the last bit. `LIMIT -1`
  // keeps SQLite from flattening the subquery into the grouping: flattened, each use of `sold` and
  // `sold_before` (WHERE, COUNT, TOTAL) runs its subquery again. The rows are then summed per
  // combination of the dimensions' columns (`cells`, a few thousand rows), which each dimension regroups.
  const { values, param } = parameters()
  const registeredBy = param(period.to)
  const sumOf = (p: Period) =>
    `(SELECT SUM(s.amount) FROM sale s INDEXED BY sale_customer_cover
       WHERE s.customer_id = c.id AND s.date >= ${param(p.from)} AND s.date < ${param(p.to)})`
  const cellKeys = dimensions.map((_, i) => `d${i}`)
  const perCustomer = `SELECT ${dimensions.map((dimension, i) => `${dimensionColumn(dimension)} AS ${cellKeys[i]}`).join(', ')},
       c.registered_at < ${registeredBy} AS registered, ${sumOf(period)} AS sold, ${sumOf(previous)} AS sold_before
     FROM customer c
     WHERE c.deleted_at IS NULL${andScopeSql(param, caller)}
     LIMIT -1`
  const perDimension = cellKeys.map(
    (key, i) =>
      `SELECT ${i} AS d, ${key} AS k, SUM(customers) AS customers, SUM(buyers) AS buyers,
         TOTAL(amount) AS amount, TOTAL(previous) AS previous
       FROM cells GROUP BY ${key}`,
  )
  const raws = await db.all<RawRatio>(
    `WITH cells AS MATERIALIZED (
       SELECT ${cellKeys.join(', ')}, SUM(registered) AS customers, COUNT(sold) AS buyers,
         TOTAL(sold) AS amount, TOTAL(sold_before) AS previous
       FROM (${perCustomer})
       WHERE registered OR sold IS NOT NULL OR sold_before IS NOT NULL
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

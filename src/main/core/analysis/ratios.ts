import type { EntityManager } from 'typeorm'
import type { RatioRow } from '../../../shared/analysis/analysisOutputs'
import type { AnalysisDimension } from '../../../shared/analysis/dimensions'
import type { Period } from '../../../shared/analysis/period'
import { cents, changeOf, shareOf } from './analysisMath'
import { parameters, periodPairSql } from './customerSalesSql'
import { dimensionColumn, groupKey, groupLabels } from './dimensionSql'

/**
 * 比率分析 (区域销售额比率, 区域客户比率, 客户规模/性质/行业比率): per group, the customers
 * registered by the period's end, those who bought in it, its sales and their
 * share, and the change against the previous period's sales.
 */
export async function ratios(
  manager: EntityManager,
  period: Period,
  previous: Period,
  dimension: AnalysisDimension,
): Promise<RatioRow[]> {
  // Sales are summed per customer first (both periods in one pass, see periodPairSql), then per group.
  const { values, param } = parameters()
  const pair = periodPairSql(param, period, previous)
  const registeredBy = param(period.to)
  const raws: { k: string | number | null; customers: number; buyers: number; amount: number; previous: number }[] =
    await manager.query(
      `WITH pair AS (${pair})
       SELECT ${dimensionColumn(dimension)} AS k,
         SUM(c.registered_at < ${registeredBy}) AS customers,
         COUNT(pair.amount) AS buyers,
         TOTAL(pair.amount) AS amount,
         TOTAL(pair.previous) AS previous
       FROM customer c
       LEFT JOIN pair ON pair.customer_id = c.id
       WHERE c.deleted_at IS NULL AND (c.registered_at < ${registeredBy} OR pair.customer_id IS NOT NULL)
       GROUP BY k`,
      values,
    )
  const labels = await groupLabels(
    manager,
    dimension,
    raws.map((r) => r.k),
  )
  const totalAmount = raws.reduce((sum, r) => sum + Number(r.amount), 0)
  const totalCustomers = raws.reduce((sum, r) => sum + Number(r.customers), 0)
  return raws
    .map((r) => {
      const key = groupKey(r.k)
      const amount = cents(r.amount)
      const previousAmount = cents(r.previous)
      return {
        key,
        label: labels.get(key)?.label ?? key,
        order: labels.get(key)?.order ?? 0,
        customers: Number(r.customers),
        customerShare: shareOf(Number(r.customers), totalCustomers),
        buyers: Number(r.buyers),
        amount,
        share: shareOf(Number(r.amount), totalAmount),
        previousAmount,
        change: changeOf(amount, previousAmount),
      }
    })
    .sort((a, b) => a.order - b.order || b.amount - a.amount || b.customers - a.customers)
    .map(({ order: _order, ...row }) => row)
}

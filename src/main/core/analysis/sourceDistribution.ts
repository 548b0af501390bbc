import type { Period } from '../../../shared/analysis/period'
import type { AnalysisDimension } from '../../../shared/analysis/dimensions'
import type { SourceRow } from '../../../shared/analysis/analysisOutputs'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'
import { shareOf } from './analysisMath'
import { dimensionColumn, groupKey, groupLabels } from './dimensionSql'

/**
 * 客户来源分布: per group, the customers registered in the period (登记日期) and all
 * customers registered by its end, of the customers the caller sees. Customers in the 回收站 are left out.
 */
export async function sourceDistribution(
  db: SqlReader,
  caller: Caller,
  period: Period,
  dimension: AnalysisDimension,
): Promise<SourceRow[]> {
  const scope = andCustomerScope(caller)
  const raws = await db.all<{ k: string | number | null; fresh: number; customers: number }>(
    `SELECT ${dimensionColumn(dimension)} AS k,
       SUM(c.registered_at >= ?) AS fresh,
       COUNT(*) AS customers
     FROM customer c
     WHERE c.deleted_at IS NULL AND c.registered_at < ?${scope.sql}
     GROUP BY k`,
    [period.from, period.to, ...scope.params],
  )
  const labels = await groupLabels(
    db,
    dimension,
    raws.map((r) => r.k),
  )
  const totalNew = raws.reduce((sum, r) => sum + r.fresh, 0)
  const total = raws.reduce((sum, r) => sum + r.customers, 0)
  return raws
    .map((r) => {
      const key = groupKey(r.k)
      return {
        key,
        label: labels.get(key)?.label ?? key,
        order: labels.get(key)?.order ?? 0,
        newCustomers: r.fresh,
        newShare: shareOf(r.fresh, totalNew),
        customers: r.customers,
        customerShare: shareOf(r.customers, total),
      }
    })
    .sort((a, b) => a.order - b.order || b.newCustomers - a.newCustomers || b.customers - a.customers)
    .map(({ order: _order, ...row }) => row)
}

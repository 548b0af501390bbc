import type { CountRow, GradesOutput } from '../../../shared/analysis/analysisOutputs'
import { dealGrades, relationshipLevels, valueClasses } from '../../../shared/customer'
import { dealGradeSql, gradeBounds, Params } from '../customers/customerListQuery'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import { cents, shareOf } from './analysisMath'
import { andScopeSql } from './customerSalesSql'

/**
 * 分级分布 of today's customers (not a period: grades are current): 成交级别 A–E
 * (the same SQL as the customer sheet, override included), 客情关系等级 I–IV and
 * 价值分类, each with the customers' 交易金额; of the customers the caller sees.
 */
export async function gradeDistribution(db: SqlReader, caller: Caller, today: string): Promise<GradesOutput> {
  const params = new Params()
  const dealSql = dealGradeSql(gradeBounds(params, today))
  const inScope = andScopeSql((value) => params.add(value), caller)
  // One pass over the customers grouped by all three at once (at most 6 × 5 × 5 groups), then each
  // distribution from those few rows: the wide customer rows are read once instead of three times.
  const raws = await db.all<{ dim: 'deal' | 'relationship' | 'value'; k: string | null; n: number; amount: number }>(
    `WITH g AS MATERIALIZED (
           SELECT ${dealSql} AS deal, c.relationship_level AS relationship, c.value_class AS value, COUNT(*) AS n,
             TOTAL(c.transaction_amount) AS amount
           FROM customer c WHERE c.deleted_at IS NULL${inScope} GROUP BY deal, relationship, value)
       SELECT 'deal' AS dim, deal AS k, SUM(n) AS n, TOTAL(amount) AS amount FROM g GROUP BY deal
       UNION ALL SELECT 'relationship', relationship, SUM(n), TOTAL(amount) FROM g GROUP BY relationship
       UNION ALL SELECT 'value', value, SUM(n), TOTAL(amount) FROM g GROUP BY value`,
    params.values,
  )
  const of = (dim: string) => raws.filter((r) => r.dim === dim)
  return {
    dealGrade: rowsOf(of('deal'), dealGrades, (g) => `${g}级`, '未分级'),
    relationshipLevel: rowsOf(of('relationship'), relationshipLevels, (l) => `${l}级`, '未评级'),
    valueClass: rowsOf(of('value'), valueClasses, (v) => v, '未分类'),
  }
}

/** Every value in its fixed order (zero counts included, so the chart keeps its categories), then the unset ones. */
function rowsOf(
  raws: { k: string | null; n: number; amount: number }[],
  values: readonly string[],
  label: (value: string) => string,
  unsetLabel: string,
): CountRow[] {
  const total = raws.reduce((sum, r) => sum + r.n, 0)
  const found = new Map(raws.map((r) => [r.k ?? '', r]))
  const row = (key: string, text: string): CountRow => {
    const raw = found.get(key)
    const n = raw?.n ?? 0
    return { key: key || 'none', label: text, count: n, share: shareOf(n, total), amount: cents(raw?.amount ?? 0) }
  }
  const rows = values.map((v) => row(v, label(v)))
  if (found.has('')) rows.push(row('', unsetLabel))
  return rows
}

import type { CountRow, FeedbackOutput } from '../../../shared/analysis/analysisOutputs'
import type { Period } from '../../../shared/analysis/period'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'
import { shareOf } from './analysisMath'

const feedbackTypes = ['投诉', '建议', '咨询', '表扬'] as const
/** 已关闭 counts as dealt with: the office closed it, whether or not it needed a fix. */
const doneStatuses = `('已解决', '已关闭')`
const satisfactionRows = 50

/** done is a TOTAL (REAL); days is NULL when nothing in the period was resolved. */
interface FeedbackSummaryRow {
  n: number
  done: number
  days: number | null
}

/** A rated customer with its places from the top (best) and the bottom (worst), and the size of a fifth. */
interface SatisfactionDbRow {
  id: number
  name: string
  average: number
  ratings: number
  best: number
  worst: number
  fifth: number
}

/**
 * 意见分析 of the feedback received in the period: by type, product and month;
 * the resolved share and average days to resolve; and the customers ranked by
 * mean satisfaction, the top and the bottom ⌈n / 5⌉ (at most 50 shown each). Only the feedback of
 * customers the caller sees.
 */
export async function feedbackAnalysis(db: SqlReader, caller: Caller, period: Period): Promise<FeedbackOutput> {
  const scope = andCustomerScope(caller)
  const from = `FROM feedback f JOIN customer c ON c.id = f.customer_id AND c.deleted_at IS NULL
    WHERE f.received_at >= ? AND f.received_at < ?${scope.sql}`
  const range = [period.from, period.to, ...scope.params]
  const summary = await db.first<FeedbackSummaryRow>(
    `SELECT COUNT(*) AS n, TOTAL(f.status IN ${doneStatuses}) AS done,
       AVG(CASE WHEN f.resolved_at IS NOT NULL THEN julianday(f.resolved_at) - julianday(f.received_at) END) AS days
     ${from}`,
    range,
  )
  const byType = await db.all<{ k: string; n: number }>(`SELECT f.type AS k, COUNT(*) AS n ${from} GROUP BY k`, range)
  const byProduct = await db.all<{ k: string | null; n: number }>(
    `SELECT d.label AS k, COUNT(*) AS n ${from.replace('WHERE', 'LEFT JOIN dict_item d ON d.id = f.product_id WHERE')}
     GROUP BY f.product_id ORDER BY n DESC, f.product_id IS NULL, MIN(d.sort_order)`,
    range,
  )
  const byMonth = await db.all<{ k: string; n: number }>(
    `SELECT substr(f.received_at, 1, 7) AS k, COUNT(*) AS n ${from} GROUP BY k ORDER BY k`,
    range,
  )
  const ranked = await db.all<SatisfactionDbRow>(
    `WITH s AS (
         SELECT f.customer_id AS id, c.name, c.pinyin, AVG(f.satisfaction) AS average, COUNT(*) AS ratings
         ${from} AND f.satisfaction IS NOT NULL GROUP BY f.customer_id),
       r AS (
         SELECT s.*, ROW_NUMBER() OVER (ORDER BY average DESC, ratings DESC, pinyin, id) AS best,
           ROW_NUMBER() OVER (ORDER BY average ASC, ratings DESC, pinyin, id) AS worst, (COUNT(*) OVER () + 4) / 5 AS fifth
         FROM s)
     SELECT * FROM r WHERE (best <= fifth AND best <= ?) OR (worst <= fifth AND worst <= ?)`,
    [...range, satisfactionRows, satisfactionRows],
  )
  // An aggregate without GROUP BY always answers one row.
  const { n: total, done, days } = summary ?? { n: 0, done: 0, days: null }
  const countRows = (raws: { k: string | null; n: number }[], unset: string): CountRow[] =>
    raws.map((r) => ({
      key: r.k ?? 'none',
      label: r.k ?? unset,
      count: r.n,
      share: shareOf(r.n, total),
    }))
  const typeCounts = new Map(byType.map((r) => [r.k, r.n]))
  const satisfaction = (key: 'best' | 'worst') =>
    ranked
      .filter((r) => r[key] <= r.fifth)
      .sort((a, b) => a[key] - b[key])
      .map((r) => ({
        customerId: r.id,
        name: r.name,
        average: Math.round(r.average * 100) / 100,
        ratings: r.ratings,
      }))
  return {
    total,
    resolved: done,
    resolvedShare: total === 0 ? null : shareOf(done, total),
    averageDaysToResolve: days === null ? null : Math.round(days * 10) / 10,
    byType: feedbackTypes.map((type) => {
      const n = typeCounts.get(type) ?? 0
      return { key: type, label: type, count: n, share: shareOf(n, total) }
    }),
    byProduct: countRows(byProduct, '未指定产品'),
    byMonth: countRows(byMonth, ''),
    mostSatisfied: satisfaction('best'),
    leastSatisfied: satisfaction('worst'),
  }
}

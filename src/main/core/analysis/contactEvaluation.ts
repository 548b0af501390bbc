import type { ContactsOutput } from '../../../shared/analysis/analysisOutputs'
import type { Period } from '../../../shared/analysis/period'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'
import { shareOf } from './analysisMath'

const unsetStaff = '未指定业务员'

/**
 * 客户接触评价: the period's 交往记录 per 业务员 — how many, with how many distinct
 * customers, and by 交往方式. occurred_at is `YYYY-MM-DD HH:mm`, so `< to` (a date)
 * excludes the first day after the period. Only the 交往记录 of customers the caller sees, whoever
 * recorded them.
 */
export async function contactEvaluation(db: SqlReader, caller: Caller, period: Period): Promise<ContactsOutput> {
  const scope = andCustomerScope(caller)
  const from = `FROM interaction i JOIN customer c ON c.id = i.customer_id AND c.deleted_at IS NULL
    WHERE i.occurred_at >= ? AND i.occurred_at < ?${scope.sql}`
  const range = [period.from, period.to, ...scope.params]
  const perStaff = await db.all<{ staff: number | null; n: number; customers: number }>(
    `SELECT i.staff_id AS staff, COUNT(*) AS n, COUNT(DISTINCT i.customer_id) AS customers ${from} GROUP BY i.staff_id`,
    range,
  )
  const perType = await db.all<{ staff: number | null; type: string; n: number }>(
    `SELECT i.staff_id AS staff, t.label AS type, COUNT(*) AS n
     ${from.replace('WHERE', 'JOIN dict_item t ON t.id = i.type_id WHERE')}
     GROUP BY i.staff_id, i.type_id ORDER BY MIN(t.sort_order)`,
    range,
  )
  const staffItems = await db.all<{ id: number; label: string; sort_order: number }>(
    `SELECT id, label, sort_order FROM dict_item WHERE category = 'staff'`,
  )
  const staff = new Map(staffItems.map((s) => [s.id, s]))
  const total = perStaff.reduce((sum, r) => sum + r.n, 0)
  const types = [...new Set(perType.map((r) => r.type))]
  const rows = perStaff.map((r) => {
    const item = r.staff === null ? undefined : staff.get(r.staff)
    const byType: Record<string, number> = {}
    for (const t of perType) if (t.staff === r.staff) byType[t.type] = t.n
    return {
      key: r.staff === null ? 'none' : String(r.staff),
      label: item?.label ?? unsetStaff,
      order: item?.sort_order ?? Number.MAX_SAFE_INTEGER,
      interactions: r.n,
      share: shareOf(r.n, total),
      customers: r.customers,
      byType,
    }
  })
  rows.sort((a, b) => b.interactions - a.interactions || a.order - b.order)
  return { types, rows: rows.map(({ order: _order, ...row }) => row) }
}

import { addDays } from '../../../shared/dateMath'
import {
  fromFen,
  owedStatuses,
  type AgingDimension,
  type AgingRow,
  type ReceivablesAgingOutput,
  type ReceivablesMonthlyOutput,
} from '../../../shared/salesContract'
import type { Caller } from '../accounts/caller'
import { andCustomerScope } from '../common/customerScope'
import type { SqlReader } from '../db/sqlHandles'

/**
 * The statuses whose contracts are owed (owedStatuses) as a SQL list. Written out the same way
 * everywhere, so SQLite matches it with the partial index contract_open's WHERE.
 */
export const owedStatusSql = `(${owedStatuses.map((s) => `'${s}'`).join(', ')})`

/**
 * 应收账款 in SQL (docs/product-rules.md#contracts). A contract is owed while it is 执行中
 * or 已完成 and 金额 − 已收 > 0. Its 应收 is split over its instalments in date order, the
 * payments settling the earliest first; what the plan leaves out of 金额 is due on the
 * contract's 结束日期 (else 签订日期, 开始日期; none: not due). Each open part is aged by
 * whole days from its planned date to the day asked: 0 or less is 未到期.
 */
function openPartsSql(where: string): string {
  return `WITH owed AS (
      SELECT k.id, k.customer_id, c.name AS customer_name, c.region_id, COALESCE(k.staff_id, c.owner_staff_id) AS staff_id,
        k.amount, k.received_amount AS received, COALESCE(k.end_on, k.signed_on, k.start_on) AS rest_due
      FROM contract k INDEXED BY contract_open
      CROSS JOIN customer c ON c.id = k.customer_id
      WHERE k.deleted_at IS NULL AND k.status IN ${owedStatusSql} AND c.deleted_at IS NULL
        AND round(k.amount - k.received_amount, 2) > 0 ${where}
    ), parts AS (
      SELECT o.id, i.due_on, i.seq, i.amount FROM owed o CROSS JOIN contract_instalment i ON i.contract_id = o.id
      UNION ALL
      SELECT o.id, o.rest_due, 1000000000,
        round(o.amount - (SELECT TOTAL(j.amount) FROM contract_instalment j WHERE j.contract_id = o.id), 2)
      FROM owed o
    ), open AS (
      SELECT p.id, p.due_on, CAST(round(max(0, min(p.amount,
          SUM(p.amount) OVER (PARTITION BY p.id ORDER BY p.seq ROWS UNBOUNDED PRECEDING) - o.received)) * 100) AS INTEGER) AS fen
      FROM parts p JOIN owed o ON o.id = p.id
      WHERE p.amount > 0
    ), aged AS (
      SELECT open.id, open.fen,
        CASE WHEN open.due_on IS NULL THEN 0 ELSE CAST(julianday(?) - julianday(open.due_on) AS INTEGER) END AS age
      FROM open WHERE open.fen > 0
    )`
}

const bucketSums = `SUM(CASE WHEN a.age <= 0 THEN a.fen ELSE 0 END) AS not_due,
  SUM(CASE WHEN a.age BETWEEN 1 AND 30 THEN a.fen ELSE 0 END) AS d30,
  SUM(CASE WHEN a.age BETWEEN 31 AND 60 THEN a.fen ELSE 0 END) AS d60,
  SUM(CASE WHEN a.age BETWEEN 61 AND 90 THEN a.fen ELSE 0 END) AS d90,
  SUM(CASE WHEN a.age > 90 THEN a.fen ELSE 0 END) AS over90,
  SUM(a.fen) AS total`

interface BucketFen {
  not_due: number
  d30: number
  d60: number
  d90: number
  over90: number
  total: number
}

function amounts(row: BucketFen | undefined): Omit<AgingRow, 'key' | 'label'> {
  return {
    notDue: fromFen(row?.not_due ?? 0),
    days1to30: fromFen(row?.d30 ?? 0),
    days31to60: fromFen(row?.d60 ?? 0),
    days61to90: fromFen(row?.d90 ?? 0),
    over90: fromFen(row?.over90 ?? 0),
    total: fromFen(row?.total ?? 0),
  }
}

/** [key, label] of each dimension over the owed contracts `o` and the customer `c`. */
const groupings: Record<AgingDimension, { key: string; label: string; join: string }> = {
  customer: { key: 'o.customer_id', label: 'o.customer_name', join: '' },
  region: {
    key: 'o.region_id',
    label: `COALESCE(d.label, '未指定区域')`,
    join: 'LEFT JOIN dict_item d ON d.id = o.region_id',
  },
  staff: {
    key: 'o.staff_id',
    label: `COALESCE(d.label, '未指定业务员')`,
    join: 'LEFT JOIN dict_item d ON d.id = o.staff_id',
  },
}

/** 应收账款账龄 per customer, 区域 or 业务员 as of a day: the largest `limit` groups, and the totals of all. */
export async function receivablesAging(
  db: SqlReader,
  caller: Caller,
  by: AgingDimension,
  asOf: string,
  limit: number,
): Promise<ReceivablesAgingOutput> {
  const scope = andCustomerScope(caller)
  const g = groupings[by]
  const rows = await db.all<BucketFen & { key: number | null; label: string; groups: number } & Record<string, number>>(
    `${openPartsSql(scope.sql)}, grouped AS (
       SELECT ${g.key} AS key, ${g.label} AS label, ${bucketSums}
       FROM aged a JOIN owed o ON o.id = a.id ${g.join}
       GROUP BY ${g.key}
     )
     SELECT key, label, not_due, d30, d60, d90, over90, total, COUNT(*) OVER () AS groups,
       SUM(not_due) OVER () AS t_not_due, SUM(d30) OVER () AS t_d30, SUM(d60) OVER () AS t_d60,
       SUM(d90) OVER () AS t_d90, SUM(over90) OVER () AS t_over90, SUM(total) OVER () AS t_total
     FROM grouped ORDER BY total DESC, key LIMIT ?`,
    [...scope.params, asOf, limit],
  )
  const first = rows[0]
  const totals = first
    ? amounts({
        not_due: first.t_not_due ?? 0,
        d30: first.t_d30 ?? 0,
        d60: first.t_d60 ?? 0,
        d90: first.t_d90 ?? 0,
        over90: first.t_over90 ?? 0,
        total: first.t_total ?? 0,
      })
    : amounts(undefined)
  return {
    asOf,
    rows: rows.map((r) => ({ key: r.key, label: r.label, ...amounts(r) })),
    groups: first?.groups ?? 0,
    totals,
  }
}

/** One customer's 应收 and what of it is overdue on `asOf` (any caller: the handler checks the scope). */
export async function customerReceivable(
  db: SqlReader,
  customerId: number,
  asOf: string,
): Promise<{ receivable: number; overdue: number }> {
  const row = await db.first<{ total: number | null; overdue: number | null }>(
    `${openPartsSql('AND k.customer_id = ?')}
     SELECT SUM(a.fen) AS total, SUM(CASE WHEN a.age > 0 THEN a.fen ELSE 0 END) AS overdue FROM aged a`,
    [customerId, asOf],
  )
  return { receivable: fromFen(row?.total ?? 0), overdue: fromFen(row?.overdue ?? 0) }
}

/**
 * A customer's 应收 in whole fen as one SQL expression: 金额 − 已收 (never below 0) summed over its owed
 * contracts, 0 when none. The one definition the 信用额度 check, the customer sheet's 应收/超额度 and
 * the card use; `customer` is the SQL of the customer id, `andWhere` narrows the contracts.
 */
export function owedFenSql(customer: string, andWhere = ''): string {
  return `(SELECT ${owedSum} ${owedContracts} AND k.customer_id = ${customer}${andWhere})`
}

/** The same 应收 in fen of many customers at once, as rows (customer_id, fen) of those that have owed contracts. */
export function owedFenByCustomerSql(customerIds: string): string {
  return `SELECT k.customer_id, ${owedSum} AS fen ${owedContracts} AND k.customer_id IN (${customerIds})
    GROUP BY k.customer_id`
}

const owedSum = `COALESCE(SUM(CAST(round(max(0, k.amount - k.received_amount) * 100) AS INTEGER)), 0)`
const owedContracts = `FROM contract k INDEXED BY contract_open
  WHERE k.deleted_at IS NULL AND k.status IN ${owedStatusSql}`

/** What of `owedFen` passes the customer `c`'s 信用额度, in fen; 0 under it or with no limit set (empty or 0). */
export function creditExcessFenSql(owedFen: string): string {
  return `(CASE WHEN c.credit_limit > 0 THEN max(0, ${owedFen} - CAST(round(c.credit_limit * 100) AS INTEGER)) ELSE 0 END)`
}

/** A customer's 应收 in fen over its owed contracts, leaving one out (the contract being saved). */
export async function owedFen(db: SqlReader, customerId: number, exceptContractId: number | null): Promise<number> {
  const row = await db.first<{ fen: number }>(`SELECT ${owedFenSql('?', ' AND k.id IS NOT ?')} AS fen`, [
    customerId,
    exceptContractId,
  ])
  return row?.fen ?? 0
}

/** The first day of the month after `month` (YYYY-MM). */
function monthAfter(month: string): string {
  return addDays(`${month}-28`, 7).slice(0, 7) + '-01'
}

/** 回款 per month against the plan: instalments planned in each month and payments received in it. */
export async function receivablesMonthly(
  db: SqlReader,
  caller: Caller,
  from: string,
  to: string,
): Promise<ReceivablesMonthlyOutput> {
  const scope = andCustomerScope(caller)
  const start = `${from}-01`
  const end = monthAfter(to)
  const planned = await db.all<{ month: string; fen: number }>(
    `SELECT substr(i.due_on, 1, 7) AS month, SUM(CAST(round(i.amount * 100) AS INTEGER)) AS fen
     FROM contract_instalment i INDEXED BY contract_instalment_due
     CROSS JOIN contract k ON k.id = i.contract_id
     CROSS JOIN customer c ON c.id = k.customer_id
     WHERE i.due_on >= ? AND i.due_on < ? AND k.deleted_at IS NULL AND k.status IN ${owedStatusSql}
       AND c.deleted_at IS NULL${scope.sql}
     GROUP BY month`,
    [start, end, ...scope.params],
  )
  const received = await db.all<{ month: string; fen: number }>(
    `SELECT substr(y.paid_on, 1, 7) AS month, SUM(CAST(round(y.amount * 100) AS INTEGER)) AS fen
     FROM contract_payment y INDEXED BY contract_payment_paid
     CROSS JOIN contract k ON k.id = y.contract_id
     CROSS JOIN customer c ON c.id = k.customer_id
     WHERE y.paid_on >= ? AND y.paid_on < ? AND k.deleted_at IS NULL AND c.deleted_at IS NULL${scope.sql}
     GROUP BY month`,
    [start, end, ...scope.params],
  )
  const plannedBy = new Map(planned.map((r) => [r.month, r.fen]))
  const receivedBy = new Map(received.map((r) => [r.month, r.fen]))
  const rows: ReceivablesMonthlyOutput['rows'] = []
  for (let month = from; month <= to; month = monthAfter(month).slice(0, 7)) {
    rows.push({ month, planned: fromFen(plannedBy.get(month) ?? 0), received: fromFen(receivedBy.get(month) ?? 0) })
  }
  const sum = (values: Map<string, number>) => fromFen([...values.values()].reduce((a, b) => a + b, 0))
  return { rows, planned: sum(plannedBy), received: sum(receivedBy) }
}

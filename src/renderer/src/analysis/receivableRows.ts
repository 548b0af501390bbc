import {
  agingBuckets,
  fromFen,
  toFen,
  type AgingDimension,
  type AgingRow,
  type ReceivablesAgingOutput,
  type ReceivablesMonthlyOutput,
} from '../../../shared/salesContract'

/**
 * The tables of 应收账款账龄 and 回款 from the channels' answers. Differences are taken in
 * fen, so 0.1 + 0.2 − 0.3 prints 0.00 in the table and the chart alike.
 */

export const agingDimensionLabels: Record<AgingDimension, string> = {
  customer: '客户',
  region: '区域',
  staff: '业务员',
}

export type AgingTableRow = AgingRow & {
  /** A stable row key: the group's id, or 未指定. */
  rowKey: string
  /** 应收合计 of the group over 应收 of every group; null when nothing is owed. */
  share: number | null
}

function shareOf(value: number, total: number): number | null {
  return total > 0 ? value / total : null
}

/** Each group with its share of all 应收, and the 合计 row of every group (not only those listed). */
export function agingTable(output: ReceivablesAgingOutput): { rows: AgingTableRow[]; totals: AgingTableRow } {
  const all = output.totals.total
  return {
    rows: output.rows.map((row) => ({
      ...row,
      rowKey: row.key === null ? 'none' : String(row.key),
      share: shareOf(row.total, all),
    })),
    totals: {
      key: null,
      label: '合计',
      rowKey: 'total',
      ...output.totals,
      share: all > 0 ? 1 : null,
    },
  }
}

/** Whether any bucket holds money (the chart has something to draw). */
export function agingHasAmounts(output: ReceivablesAgingOutput | undefined): boolean {
  return output !== undefined && agingBuckets.some((bucket) => output.totals[bucket] > 0)
}

export interface MonthlyTableRow {
  /** YYYY-MM, or 合计. */
  month: string
  /** 2026年3月, or 合计. */
  label: string
  planned: number
  received: number
  /** 实收 − 计划: below zero is what the month fell short. */
  difference: number
  /** 实收 ÷ 计划; null (—) in a month with nothing planned. */
  rate: number | null
}

/** 2026-03 → 2026年3月. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`
}

function monthlyRow(month: string, label: string, planned: number, received: number): MonthlyTableRow {
  return {
    month,
    label,
    planned,
    received,
    difference: fromFen(toFen(received) - toFen(planned)),
    rate: planned > 0 ? received / planned : null,
  }
}

/** Each month of the range with 差额 and 完成率, and the 合计 row from the channel's own sums. */
export function monthlyTable(output: ReceivablesMonthlyOutput): { rows: MonthlyTableRow[]; totals: MonthlyTableRow } {
  return {
    rows: output.rows.map((r) => monthlyRow(r.month, monthLabel(r.month), r.planned, r.received)),
    totals: monthlyRow('合计', '合计', output.planned, output.received),
  }
}

/** YYYY-MM of the month `offset` months from the month of `day` (YYYY-MM-DD or YYYY-MM). */
export function shiftMonth(day: string, offset: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + offset
  const year = Math.floor(index / 12)
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`
}

/** The last `count` months up to and including the month of `today`: the 回款 page's starting range. */
export function recentMonths(today: string, count = 12): { from: string; to: string } {
  return { from: shiftMonth(today, 1 - count), to: shiftMonth(today, 0) }
}

/** Months from `from` to `to`, both included. */
export function monthSpan(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1
  )
}

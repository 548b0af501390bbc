import { Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { CSSProperties } from 'react'
import { formatAmount, formatChange, formatCount, formatPercent } from './formatNumbers'

/** A column of the numbers beside a chart; `format` drives both the table cell and the Excel cell. */
export interface AnalysisColumn<R> {
  key: keyof R & string
  title: string
  format: 'text' | 'integer' | 'decimal' | 'amount' | 'percent' | 'change'
  width?: number
  /** A text cell that opens something (a customer's page): the route, or undefined for a row without one. */
  href?: (row: R) => string | undefined
}

function cell(format: AnalysisColumn<unknown>['format'], value: unknown): string {
  if (value === null || value === undefined) return '—'
  switch (format) {
    case 'integer':
      return formatCount(Number(value))
    case 'amount':
    case 'decimal':
      return formatAmount(Number(value))
    case 'percent':
      return formatPercent(Number(value))
    case 'change':
      return formatChange(Number(value))
    default:
      return String(value)
  }
}

/** The numbers as a compact antd table, numbers right-aligned, with a total row when given. */
export function AnalysisTable<R extends object>({
  columns,
  rows,
  rowKey,
  emptyText = '本期没有数据',
  maxHeight = 400,
  totals,
}: {
  columns: readonly AnalysisColumn<R>[]
  rows: readonly R[]
  rowKey: (row: R) => string
  emptyText?: string
  /** The table's height at most, header and 合计 row included; the rows scroll within it. */
  maxHeight?: number
  /** The 合计 row, kept in view under the scrolling rows; formatted by the same columns. */
  totals?: R
}) {
  const antColumns: ColumnsType<R> = columns.map((c) => ({
    key: c.key,
    dataIndex: c.key,
    title: c.title,
    width: c.width,
    align: c.format === 'text' ? 'left' : 'right',
    render: (value: unknown, row: R) => {
      const text = cell(c.format, value)
      const href = c.href?.(row)
      if (href) return <a href={href}>{text}</a>
      if (c.format === 'change' && typeof value === 'number' && value !== 0) {
        return <span className={value > 0 ? 'kq-up' : 'kq-down'}>{text}</span>
      }
      return text
    },
  }))
  // The rows scroll under a sticky header and above a sticky 合计 row in one table (analysis.css),
  // not in antd's scroll mode: that draws header and body as two tables and measures and re-aligns
  // their columns on each render: a quarter of the main thread's work for a page of five tables.
  const height = { '--kq-analysis-table-height': `${maxHeight}px` } as CSSProperties
  return (
    <Table<R>
      className="kq-analysis-table"
      style={height}
      size="small"
      columns={antColumns}
      dataSource={rows as R[]}
      rowKey={rowKey}
      pagination={false}
      locale={{ emptyText }}
      summary={
        totals && rows.length > 0
          ? () => (
              <Table.Summary>
                <Table.Summary.Row className="kq-analysis-total">
                  {columns.map((c, index) => (
                    <Table.Summary.Cell key={c.key} index={index} align={c.format === 'text' ? 'left' : 'right'}>
                      {cell(c.format, (totals as Record<string, unknown>)[c.key])}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            )
          : undefined
      }
    />
  )
}

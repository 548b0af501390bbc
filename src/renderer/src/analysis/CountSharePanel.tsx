import { useCallback } from 'react'
import type { CountRow } from '../../../shared/analysis/analysisOutputs'
import { shareChartOption, type ChartKind } from './chartOptions'
import type { AnalysisColumn } from './analysisTable'
import { ChartPanel } from './ChartPanel'

/** Counts per group with their share (意见 by type, customers by grade …): a pie or bar beside the table. */
export function CountSharePanel(props: {
  title: string
  /** The group column's title. */
  group: string
  /** What is counted: 意见数, 客户数 … */
  valueName: string
  rows: CountRow[]
  loading: boolean
  emptyText: string
  /** Further columns after 占比. */
  more?: AnalysisColumn<CountRow>[]
}) {
  const { rows, valueName } = props
  const option = useCallback(
    (kind: ChartKind) =>
      shareChartOption({ kind, valueName, rows: rows.map((r) => ({ label: r.label, value: r.count })) }),
    [rows, valueName],
  )
  const columns: AnalysisColumn<CountRow>[] = [
    { key: 'label', title: props.group, format: 'text' },
    { key: 'count', title: valueName, format: 'integer' },
    { key: 'share', title: '占比', format: 'percent' },
    ...(props.more ?? []),
  ]
  return (
    <ChartPanel
      title={props.title}
      option={option}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      loading={props.loading}
      empty={rows.every((r) => r.count === 0)}
      emptyText={props.emptyText}
      chartHeight={300}
    />
  )
}

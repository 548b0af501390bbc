import { useCallback } from 'react'
import type { CountRow } from '../../../../shared/analysis/analysisOutputs'
import { shareChartOption, type ChartKind } from '../../../../shared/analysis/chartOptions'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { AnalysisToolbar } from './AnalysisToolbar'

function GradePanel({
  title,
  rows,
  loading,
  group,
}: {
  title: string
  rows: CountRow[]
  loading: boolean
  group: string
}) {
  const option = useCallback(
    (kind: ChartKind) =>
      shareChartOption({ kind, valueName: '客户数', rows: rows.map((r) => ({ label: r.label, value: r.count })) }),
    [rows],
  )
  const columns: AnalysisColumn<CountRow>[] = [
    { key: 'label', title: group, format: 'text' },
    { key: 'count', title: '客户数', format: 'integer' },
    { key: 'share', title: '占比', format: 'percent' },
    { key: 'amount', title: '累计交易金额', format: 'amount' },
  ]
  return (
    <ChartPanel
      title={title}
      option={option}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      loading={loading}
      empty={rows.every((r) => r.count === 0)}
      emptyText="还没有客户"
      chartHeight={300}
    />
  )
}

/** 分级分布: today's customers by 成交级别 A–E, 客情关系等级 I–IV and 价值分类. */
export function GradesPage() {
  const { data, loading } = useQuery('analysis.grades', {})
  return (
    <>
      <AnalysisToolbar note="按客户当前的分级统计（不含回收站）；成交级别按今天计算，含手动指定的级别">
        <span>当前全部客户</span>
      </AnalysisToolbar>
      <GradePanel title="成交级别分布（A–E）" group="成交级别" rows={data?.dealGrade ?? []} loading={loading} />
      <GradePanel
        title="客情关系等级分布（I–IV）"
        group="客情关系等级"
        rows={data?.relationshipLevel ?? []}
        loading={loading}
      />
      <GradePanel title="价值分类分布" group="价值分类" rows={data?.valueClass ?? []} loading={loading} />
    </>
  )
}

import { useCallback, useMemo, useState } from 'react'
import type { SourceRow } from '../../../../shared/analysis/analysisOutputs'
import { shareChartOption, type ChartKind } from '../chartOptions'
import { dimensionLabels, type AnalysisDimension } from '../../../../shared/analysis/dimensions'
import type { Period } from '../../../../shared/analysis/period'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { DimensionPicker, type AreaDimension } from '../DimensionPicker'
import { choiceLabel, PeriodPicker, usePeriodChoice } from '../PeriodPicker'
import { AnalysisToolbar } from './AnalysisToolbar'

const columnsFor = (dimension: AnalysisDimension): AnalysisColumn<SourceRow>[] => [
  { key: 'label', title: dimensionLabels[dimension], format: 'text' },
  { key: 'newCustomers', title: '新增客户', format: 'integer' },
  { key: 'newShare', title: '新增占比', format: 'percent' },
  { key: 'customers', title: '客户总数', format: 'integer' },
  { key: 'customerShare', title: '总数占比', format: 'percent' },
]

/** One distribution: the customers registered in the period by the dimension. */
function SourcePanel({ period, dimension, title }: { period: Period; dimension: AnalysisDimension; title: string }) {
  // A query per panel, so each shows its own failure (and 重试) in its card.
  const query = useQuery('analysis.sources', { period, dimension })
  const { data } = query
  const rows = useMemo(() => data ?? [], [data])
  const option = useCallback(
    (kind: ChartKind) =>
      shareChartOption({
        kind,
        valueName: '新增客户',
        rows: rows.map((r) => ({ label: r.label, value: r.newCustomers })),
      }),
    [rows],
  )
  return (
    <ChartPanel
      title={title}
      option={option}
      columns={columnsFor(dimension)}
      rows={rows}
      rowKey={(r) => r.key}
      query={query}
      empty={rows.every((r) => r.newCustomers === 0)}
      emptyText="本期没有新登记的客户"
    />
  )
}

/** 客户来源分布: new customers of the period by 区域, 来源, 规模, 行业 and 性质. */
export function SourcesPage() {
  const [choice, setChoice] = usePeriodChoice()
  const [area, setArea] = useState<AreaDimension>('region')
  const label = choiceLabel(choice)
  const others: AnalysisDimension[] = ['source', 'salesScale', 'industry', 'nature']
  return (
    <>
      <AnalysisToolbar note="按登记日期统计新增客户；客户总数为期末已登记的客户（不含回收站）">
        <PeriodPicker value={choice} onChange={setChoice} />
        <DimensionPicker value={area} onChange={setArea} />
      </AnalysisToolbar>
      <SourcePanel period={choice.period} dimension={area} title={`${label}客户${dimensionLabels[area]}分布`} />
      {others.map((dimension) => (
        <SourcePanel
          key={dimension}
          period={choice.period}
          dimension={dimension}
          title={`${label}${dimensionLabels[dimension]}分布`}
        />
      ))}
    </>
  )
}

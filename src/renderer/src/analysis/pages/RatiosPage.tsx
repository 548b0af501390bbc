import { useCallback, useState } from 'react'
import type { RatioRow } from '../../../../shared/analysis/analysisOutputs'
import { shareChartOption, type ChartKind } from '../chartOptions'
import { dimensionLabels, type AnalysisDimension } from '../../../../shared/analysis/dimensions'
import { periodLabel } from '../../../../shared/analysis/period'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { DimensionPicker, type AreaDimension } from '../DimensionPicker'
import { ratioGroupDimensions, ratioSetsInput } from '../../../../shared/analysis/pageRequests'
import { choiceLabel, PeriodPicker, previousOf, usePeriodChoice, type PeriodChoice } from '../PeriodPicker'
import { AnalysisToolbar } from './AnalysisToolbar'

type Measure = 'amount' | 'customers'

const noRows: RatioRow[] = []

/** One ratio: sales (with the previous period beside) or customers per group. */
function RatioPanel({
  choice,
  dimension,
  measure,
  title,
  rows,
  loading,
}: {
  choice: PeriodChoice
  dimension: AnalysisDimension
  measure: Measure
  title: string
  rows: RatioRow[]
  loading: boolean
}) {
  const previousName = periodLabel(previousOf(choice), choice.kind)
  const option = useCallback(
    (kind: ChartKind) =>
      measure === 'amount'
        ? shareChartOption({
            kind,
            valueName: '销售额（元）',
            currentName: choiceLabel(choice),
            previousName,
            rows: rows.map((r) => ({ label: r.label, value: r.amount, previous: r.previousAmount })),
          })
        : shareChartOption({
            kind,
            valueName: '客户数',
            rows: rows.map((r) => ({ label: r.label, value: r.customers })),
          }),
    [rows, measure, previousName, choice],
  )
  const group = dimensionLabels[dimension]
  const columns: AnalysisColumn<RatioRow>[] =
    measure === 'amount'
      ? [
          { key: 'label', title: group, format: 'text' },
          { key: 'amount', title: '销售额', format: 'amount' },
          { key: 'share', title: '占比', format: 'percent' },
          { key: 'previousAmount', title: `上期（${previousName}）`, format: 'amount' },
          { key: 'change', title: '增减', format: 'change' },
        ]
      : [
          { key: 'label', title: group, format: 'text' },
          { key: 'customers', title: '客户数', format: 'integer' },
          { key: 'customerShare', title: '客户占比', format: 'percent' },
          { key: 'buyers', title: '成交客户', format: 'integer' },
          { key: 'amount', title: '销售额', format: 'amount' },
          { key: 'share', title: '销售额占比', format: 'percent' },
        ]
  return (
    <ChartPanel
      title={title}
      option={option}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      loading={loading}
      empty={rows.every((r) => (measure === 'amount' ? r.amount === 0 && r.previousAmount === 0 : r.customers === 0))}
      emptyText={measure === 'amount' ? '本期和上期都没有销售额' : '没有客户'}
    />
  )
}

const groupTitles: Record<(typeof ratioGroupDimensions)[number], string> = {
  salesScale: '客户规模比率',
  nature: '客户性质比率',
  industry: '客户行业比率',
}

/** 比率分析 (seed 000): 区域销售额比率 with its change, 区域客户比率, 客户规模/性质/行业比率. */
export function RatiosPage() {
  const [choice, setChoice] = usePeriodChoice()
  const [area, setArea] = useState<AreaDimension>('region')
  const label = choiceLabel(choice)
  // One call for every panel: the pass over the sales is the cost, and calls run one after another on SQLite.
  const query = useQuery('analysis.ratioSets', ratioSetsInput(choice, area))
  const { data, loading } = query
  // By position, as asked: while another 区域 loads, its panels keep the rows they show, as the other panels do.
  const rowsAt = (index: number) => data?.[index]?.rows ?? noRows
  const panel = { choice, loading }
  return (
    <>
      <AnalysisToolbar note="销售额按交易日期统计，与上一期间比较；客户数为期末已登记的客户（不含回收站）">
        <PeriodPicker value={choice} onChange={setChoice} />
        <DimensionPicker value={area} onChange={setArea} />
      </AnalysisToolbar>
      <Loaded query={query}>
        <RatioPanel {...panel} dimension={area} measure="amount" title={`${label}区域销售额比率`} rows={rowsAt(0)} />
        <RatioPanel {...panel} dimension={area} measure="customers" title={`${label}区域客户比率`} rows={rowsAt(0)} />
        {ratioGroupDimensions.map((dimension, i) => (
          <RatioPanel
            {...panel}
            key={dimension}
            dimension={dimension}
            measure="customers"
            title={`${label}${groupTitles[dimension]}`}
            rows={rowsAt(i + 1)}
          />
        ))}
      </Loaded>
    </>
  )
}

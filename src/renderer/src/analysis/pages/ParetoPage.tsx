import { Card, Statistic } from 'antd'
import { useCallback, useMemo } from 'react'
import { abcLabels } from '../../../../shared/analysis/abcClass'
import type { ParetoOutput } from '../../../../shared/analysis/analysisOutputs'
import { paretoChartOption, shareChartOption, type ChartKind } from '../chartOptions'
import { formatAmount, formatCount, formatPercent } from '../formatNumbers'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { paretoInput } from '../../../../shared/analysis/pageRequests'
import { choiceLabel, PeriodPicker, usePeriodChoice } from '../PeriodPicker'
import { AnalysisToolbar } from './AnalysisToolbar'

type TopRow = ParetoOutput['top'][number]
type ClassRow = ParetoOutput['classes'][number] & { label: string }

const topColumns: AnalysisColumn<TopRow>[] = [
  { key: 'rank', title: '排名', format: 'integer' },
  { key: 'name', title: '客户名称', format: 'text' },
  { key: 'amount', title: '销售额', format: 'amount' },
  { key: 'cumulativeShare', title: '累计占比', format: 'percent' },
  { key: 'abcClass', title: '分类', format: 'text' },
]

const classColumns: AnalysisColumn<ClassRow>[] = [
  { key: 'label', title: '分类', format: 'text' },
  { key: 'customers', title: '客户数', format: 'integer' },
  { key: 'amount', title: '销售额', format: 'amount' },
  { key: 'share', title: '销售额占比', format: 'percent' },
]

/** 二八分析 (docs/product-rules.md#pareto): the Pareto curve, the share of the top 20 % and the ABC classes. */
export function ParetoPage() {
  const [choice, setChoice] = usePeriodChoice()
  const query = useQuery('analysis.pareto', paretoInput(choice))
  const { data, loading } = query
  const classes = useMemo<ClassRow[]>(
    () => (data?.classes ?? []).map((c) => ({ ...c, label: abcLabels[c.abcClass] })),
    [data],
  )
  const curve = useCallback(() => paretoChartOption(data?.curve ?? []), [data])
  const abc = useCallback(
    (kind: ChartKind) =>
      shareChartOption({
        kind,
        valueName: '销售额（元）',
        rows: classes.map((c) => ({ label: c.label, value: c.amount })),
      }),
    [classes],
  )
  const label = choiceLabel(choice)
  const empty = !data || data.customers === 0
  return (
    <>
      <AnalysisToolbar note="客户按本期销售额从高到低排列；A 类为累计占比不超过 80% 的客户，B 类不超过 95%，其余为 C 类">
        <PeriodPicker value={choice} onChange={setChoice} />
      </AnalysisToolbar>
      <Loaded query={query}>
        <div className="kq-stat-row">
          <Card size="small">
            <Statistic title="有交易的客户" value={data ? formatCount(data.customers) : '—'} suffix="个" />
          </Card>
          <Card size="small">
            <Statistic title="本期销售额" value={data ? formatAmount(data.totalAmount) : '—'} suffix="元" />
          </Card>
          <Card size="small">
            <Statistic
              title={`前 20% 客户（${data ? formatCount(data.topFifthCount) : '—'} 个）的销售额占比`}
              value={data && !empty ? formatPercent(data.topFifthShare) : '—'}
            />
          </Card>
        </div>
        <ChartPanel
          title={`${label}二八分析（帕累托曲线）`}
          option={curve}
          switchable={false}
          columns={topColumns}
          rows={data?.top ?? []}
          rowKey={(r) => String(r.customerId)}
          loading={loading}
          empty={empty}
          emptyText="本期没有交易记录"
        />
        <ChartPanel
          title={`${label}ABC 分类`}
          option={abc}
          columns={classColumns}
          rows={empty ? [] : classes}
          rowKey={(r) => r.abcClass}
          loading={loading}
          empty={empty}
          emptyText="本期没有交易记录"
          chartHeight={300}
        />
      </Loaded>
    </>
  )
}

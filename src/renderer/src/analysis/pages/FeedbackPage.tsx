import { Card, Statistic, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { CountRow, FeedbackOutput } from '../../../../shared/analysis/analysisOutputs'
import { formatCount, formatPercent } from '../formatNumbers'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import { CountSharePanel } from '../CountSharePanel'
import { choiceLabel, PeriodPicker, usePeriodChoice } from '../PeriodPicker'
import { AnalysisToolbar } from './AnalysisToolbar'

type SatisfactionRow = FeedbackOutput['mostSatisfied'][number]

const satisfactionColumns: ColumnsType<SatisfactionRow> = [
  {
    title: '客户名称',
    dataIndex: 'name',
    render: (name: string, row) => <a href={`#/customers/${row.customerId}`}>{name}</a>,
  },
  { title: '平均满意度', dataIndex: 'average', align: 'right', width: 110, render: (v: number) => v.toFixed(2) },
  { title: '评价次数', dataIndex: 'ratings', align: 'right', width: 90 },
]

function FeedbackPanel(props: { title: string; group: string; rows: CountRow[]; loading: boolean }) {
  return <CountSharePanel {...props} valueName="意见数" emptyText="本期没有收到客户意见" />
}

/** 意见分析: feedback by type, product and month; how much is resolved and how fast; who is most and least satisfied. */
export function FeedbackPage() {
  const [choice, setChoice] = usePeriodChoice()
  const query = useQuery('analysis.feedback', { period: choice.period })
  const { data, loading } = query
  const label = choiceLabel(choice)
  return (
    <>
      <AnalysisToolbar note="按收到日期统计；已解决和已关闭都算已处理">
        <PeriodPicker value={choice} onChange={setChoice} />
      </AnalysisToolbar>
      <Loaded query={query}>
        <div className="kq-stat-row">
          <Card size="small">
            <Statistic title="收到意见" value={data ? formatCount(data.total) : '—'} suffix="条" />
          </Card>
          <Card size="small">
            <Statistic title="已处理占比" value={data ? formatPercent(data.resolvedShare) : '—'} />
          </Card>
          <Card size="small">
            <Statistic
              title="平均处理天数"
              value={data?.averageDaysToResolve === null || !data ? '—' : data.averageDaysToResolve.toFixed(1)}
              suffix={data?.averageDaysToResolve === null ? undefined : '天'}
            />
          </Card>
        </div>
        <FeedbackPanel title={`${label}意见类型`} group="类型" rows={data?.byType ?? []} loading={loading} />
        <FeedbackPanel title={`${label}意见涉及产品`} group="产品" rows={data?.byProduct ?? []} loading={loading} />
        <FeedbackPanel title={`${label}各月意见数`} group="月份" rows={data?.byMonth ?? []} loading={loading} />
        <div className="kq-chart-panel-body">
          <Card size="small" title="最满意的 20% 客户" className="kq-chart-panel-table">
            <Table<SatisfactionRow>
              size="small"
              rowKey="customerId"
              columns={satisfactionColumns}
              dataSource={data?.mostSatisfied ?? []}
              pagination={false}
              locale={{ emptyText: loading ? '' : '本期没有满意度评价' }}
            />
          </Card>
          <Card size="small" title="最不满意的 20% 客户" className="kq-chart-panel-table">
            <Table<SatisfactionRow>
              size="small"
              rowKey="customerId"
              columns={satisfactionColumns}
              dataSource={data?.leastSatisfied ?? []}
              pagination={false}
              locale={{ emptyText: loading ? '' : '本期没有满意度评价' }}
            />
          </Card>
        </div>
      </Loaded>
    </>
  )
}

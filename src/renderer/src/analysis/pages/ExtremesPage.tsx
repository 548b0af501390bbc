import { Card, InputNumber, Space, Table, Tabs } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useCallback, useMemo, useState } from 'react'
import type { ExtremeRow } from '../../../../shared/analysis/analysisOutputs'
import { shareChartOption, type ChartKind } from '../chartOptions'
import { formatAmount, formatChange } from '../formatNumbers'
import { periodLabel } from '../../../../shared/analysis/period'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { choiceLabel, PeriodPicker, previousOf, usePeriodChoice } from '../PeriodPicker'
import { AnalysisToolbar } from './AnalysisToolbar'
import { ResponseNote } from './ResponseNote'
import { defaultExtremesTopN, extremesInput } from '../../../../shared/analysis/pageRequests'

const chartColumns: AnalysisColumn<ExtremeRow>[] = [
  { key: 'rank', title: '排名', format: 'integer' },
  { key: 'name', title: '客户名称', format: 'text' },
  { key: 'amount', title: '本期销售额', format: 'amount' },
  { key: 'previousAmount', title: '上期销售额', format: 'amount' },
  { key: 'change', title: '增减', format: 'change' },
  { key: 'rankChange', title: '名次变化', format: 'integer' },
]

function rankChangeText(row: ExtremeRow): string {
  if (row.rankChange === null) return row.previousRank === null ? '新上榜' : '—'
  if (row.rankChange > 0) return `↑${row.rankChange}`
  if (row.rankChange < 0) return `↓${-row.rankChange}`
  return '持平'
}

/*
 * The table takes the card's width (no sideways scroll) and the names and 应对措施 wrap, so all nine
 * columns stay on a 1280 px window instead of the last ones running past its edge; numbers stay on one line.
 */
const number = 'kq-analysis-nowrap'
const listColumns: ColumnsType<ExtremeRow> = [
  { title: '排名', dataIndex: 'rank', align: 'right', className: number, render: (v: number | null) => v ?? '—' },
  {
    title: '客户名称',
    dataIndex: 'name',
    width: 190,
    render: (name: string, row) => <a href={`#/customers/${row.customerId}`}>{name}</a>,
  },
  { title: '本期销售额', dataIndex: 'amount', align: 'right', className: number, render: formatAmount },
  { title: '上期销售额', dataIndex: 'previousAmount', align: 'right', className: number, render: formatAmount },
  {
    title: '增减额',
    dataIndex: 'difference',
    align: 'right',
    className: number,
    render: (v: number) => <span className={v > 0 ? 'kq-up' : v < 0 ? 'kq-down' : ''}>{formatAmount(v)}</span>,
  },
  {
    title: '增减',
    dataIndex: 'change',
    align: 'right',
    className: number,
    render: (v: number | null) => formatChange(v),
  },
  {
    title: '上期排名',
    dataIndex: 'previousRank',
    align: 'right',
    className: number,
    render: (v: number | null) => v ?? '—',
  },
  { title: '名次变化', key: 'rankChange', align: 'right', className: number, render: (_, row) => rankChangeText(row) },
  {
    title: '应对措施',
    key: 'note',
    render: (_, row) => (
      <ResponseNote key={`${row.customerId}:${row.note ?? ''}`} customerId={row.customerId} note={row.note} />
    ),
  },
]

/** 极端情况 (seed 000): the customers at the top by amount, growth and decline, with what to do about each. */
export function ExtremesPage() {
  const [choice, setChoice] = usePeriodChoice()
  const [topN, setTopN] = useState(defaultExtremesTopN)
  const previous = previousOf(choice)
  const query = useQuery('analysis.extremes', extremesInput(choice, topN))
  const { data, loading } = query
  const byTotal = useMemo(() => data?.byTotal ?? [], [data])
  const previousName = periodLabel(previous, choice.kind)
  const option = useCallback(
    (kind: ChartKind) =>
      shareChartOption({
        kind,
        valueName: '销售额（元）',
        currentName: choiceLabel(choice),
        previousName,
        rows: byTotal.map((r) => ({ label: r.name, value: r.amount, previous: r.previousAmount })),
      }),
    [byTotal, previousName, choice],
  )
  const list = (rows: ExtremeRow[], empty: string) => (
    <Table<ExtremeRow>
      size="small"
      rowKey="customerId"
      columns={listColumns}
      dataSource={rows}
      pagination={false}
      loading={loading}
      locale={{ emptyText: loading ? '' : empty }}
    />
  )
  const label = choiceLabel(choice)
  return (
    <>
      <AnalysisToolbar note={`与上一期间（${previousName}）比较；增长和下滑按销售额增减额排列`}>
        <PeriodPicker value={choice} onChange={setChoice} />
        <Space size={8}>
          <span>前</span>
          <InputNumber aria-label="名次数" min={1} max={100} value={topN} onChange={(v) => v && setTopN(v)} />
          <span>名</span>
        </Space>
      </AnalysisToolbar>
      <Loaded query={query}>
        <ChartPanel
          title={`${label}业绩总量前 ${topN} 名`}
          option={option}
          columns={chartColumns}
          rows={byTotal}
          rowKey={(r) => String(r.customerId)}
          loading={loading}
          empty={byTotal.length === 0}
          emptyText="本期没有交易记录"
        />
        <Card size="small" title="排名与应对措施" className="kq-extremes-lists">
          <Tabs
            items={[
              { key: 'total', label: `业绩总量前 ${topN} 名`, children: list(byTotal, '本期没有交易记录') },
              {
                key: 'growth',
                label: `销售增长前 ${topN} 名`,
                children: list(data?.byGrowth ?? [], '本期没有销售增长的客户'),
              },
              {
                key: 'decline',
                label: `业绩下滑前 ${topN} 名`,
                children: list(data?.byDecline ?? [], '本期没有业绩下滑的客户'),
              },
            ]}
          />
        </Card>
      </Loaded>
    </>
  )
}

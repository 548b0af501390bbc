import { Card, InputNumber, Space, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useCallback, useMemo, useState } from 'react'
import type { PastCycleRow, RetentionPeriod } from '../../../../shared/analysis/analysisOutputs'
import { periodChartOption } from '../chartOptions'
import { formatAmount, formatCount } from '../formatNumbers'
import { periodLabel } from '../../../../shared/analysis/period'
import { defaultRetentionCount, retentionInput } from '../../../../shared/analysis/pageRequests'
import { localToday } from '../../app/localToday'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { PeriodPicker, usePeriodChoice } from '../PeriodPicker'
import { AnalysisToolbar } from './AnalysisToolbar'

type Row = RetentionPeriod & { label: string }

const columns: AnalysisColumn<Row>[] = [
  { key: 'label', title: '期间', format: 'text' },
  { key: 'buyers', title: '购买客户', format: 'integer' },
  { key: 'retained', title: '保持', format: 'integer' },
  { key: 'churned', title: '流失', format: 'integer' },
  { key: 'retentionRate', title: '保持率', format: 'percent' },
  { key: 'churnRate', title: '流失率', format: 'percent' },
  { key: 'newCustomers', title: '新客户', format: 'integer' },
  { key: 'newGrowth', title: '新客户增长率', format: 'percent' },
]

const pastColumns: ColumnsType<PastCycleRow> = [
  {
    title: '客户名称',
    dataIndex: 'name',
    render: (name: string, row) => <a href={`#/customers/${row.customerId}`}>{name}</a>,
  },
  { title: '购买策略', dataIndex: 'purchaseStrategy', width: 110 },
  { title: '最近交易', dataIndex: 'lastTransactionAt', width: 120 },
  { title: '距今天数', dataIndex: 'daysSince', width: 100, align: 'right' },
  { title: '超出周期天数', dataIndex: 'overdueDays', width: 120, align: 'right' },
  { title: '累计交易金额', dataIndex: 'transactionAmount', width: 140, align: 'right', render: formatAmount },
]

/** 保持与流失: per period, who bought again, who stopped, who is new; and who is past the purchase cycle. */
export function RetentionPage() {
  const [choice, setChoice] = usePeriodChoice()
  const [count, setCount] = useState(() => defaultRetentionCount(choice.kind))
  const today = localToday()
  const query = useQuery('analysis.retention', retentionInput(choice, count, today))
  const { data, loading } = query
  const rows = useMemo<Row[]>(
    () => (data?.periods ?? []).map((p) => ({ ...p, label: periodLabel(p, choice.kind) })),
    [data, choice.kind],
  )
  const option = useCallback(
    () =>
      periodChartOption(
        rows.map((r) => r.label),
        [
          { name: '购买客户', values: rows.map((r) => r.buyers) },
          { name: '保持', values: rows.map((r) => r.retained) },
          { name: '新客户', values: rows.map((r) => r.newCustomers) },
          { name: '保持率', values: rows.map((r) => r.retentionRate), rate: true },
          { name: '流失率', values: rows.map((r) => r.churnRate), rate: true },
        ],
      ),
    [rows],
  )
  return (
    <>
      <AnalysisToolbar note="保持：上期购买、本期又购买；流失：上期购买、本期未购买；新客户：首次交易在本期；新客户增长率 = 新客户 ÷ 上期购买客户">
        <PeriodPicker value={choice} onChange={setChoice} />
        <Space size={8}>
          <span>共</span>
          <InputNumber aria-label="期间数" min={1} max={36} value={count} onChange={(v) => v && setCount(v)} />
          <span>期</span>
        </Space>
      </AnalysisToolbar>
      <Loaded query={query}>
        <ChartPanel
          title="客户保持与流失"
          option={option}
          switchable={false}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.from}
          loading={loading}
          empty={rows.every((r) => r.buyers === 0 && r.previousBuyers === 0)}
          emptyText="这些期间都没有交易记录"
        />
        <Card
          size="small"
          title={`已超过采购周期的客户${data ? `（共 ${formatCount(data.pastCycle.total)} 个）` : ''}`}
          extra={<span className="kq-analysis-toolbar-note">距最近交易的天数已达到购买策略的周期，截至 {today}</span>}
        >
          <Table<PastCycleRow>
            size="small"
            rowKey="customerId"
            columns={pastColumns}
            dataSource={data?.pastCycle.rows ?? []}
            loading={loading}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            locale={{ emptyText: loading ? '' : '没有超过采购周期的客户' }}
          />
        </Card>
      </Loaded>
    </>
  )
}

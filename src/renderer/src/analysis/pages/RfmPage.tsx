import { Card, DatePicker, InputNumber, Select, Space, Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useCallback, useMemo, useState } from 'react'
import type { RfmCustomer, RfmOutput } from '../../../../shared/analysis/analysisOutputs'
import { shareChartOption, type ChartKind } from '../chartOptions'
import { formatAmount, formatCount } from '../formatNumbers'
import { addDays } from '../../../../shared/dateMath'
import { rfmSegments, suggestedValueClass, type RfmSegment } from '../../../../shared/analysis/rfmSegments'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { AnalysisToolbar } from './AnalysisToolbar'
import { defaultRfmWindowMonths, rfmInput } from '../../../../shared/analysis/pageRequests'
import { localToday } from '../../app/localToday'

type SegmentRow = RfmOutput['segments'][number] & { customerShare: number; valueClass: string }

const segmentColumns: AnalysisColumn<SegmentRow>[] = [
  { key: 'segment', title: '客户类型', format: 'text' },
  { key: 'customers', title: '客户数', format: 'integer' },
  { key: 'customerShare', title: '客户占比', format: 'percent' },
  { key: 'amount', title: '消费金额', format: 'amount' },
  { key: 'share', title: '金额占比', format: 'percent' },
  { key: 'valueClass', title: '建议价值分类', format: 'text' },
]

const customerColumns: ColumnsType<RfmCustomer> = [
  {
    title: '客户名称',
    dataIndex: 'name',
    render: (name: string, row) => <a href={`#/customers/${row.customerId}`}>{name}</a>,
  },
  { title: '距最近购买（天）', dataIndex: 'recencyDays', align: 'right', width: 140 },
  { title: '购买次数', dataIndex: 'frequency', align: 'right', width: 90 },
  { title: '消费金额', dataIndex: 'monetary', align: 'right', width: 130, render: formatAmount },
  { title: 'R', dataIndex: 'r', align: 'center', width: 48 },
  { title: 'F', dataIndex: 'f', align: 'center', width: 48 },
  { title: 'M', dataIndex: 'm', align: 'center', width: 48 },
  { title: '客户类型', dataIndex: 'segment', width: 120 },
]

/** RFM (docs/product-rules.md#rfm): quintile scores, the eight segments, over an adjustable window. */
export function RfmPage() {
  const [asOf, setAsOf] = useState(localToday)
  const [windowMonths, setWindowMonths] = useState(defaultRfmWindowMonths)
  const [segment, setSegment] = useState<RfmSegment>('重要价值客户')
  const query = useQuery('analysis.rfm', rfmInput(asOf, windowMonths))
  const { data, loading } = query
  const segments = useMemo<SegmentRow[]>(
    () =>
      (data?.segments ?? []).map((s) => ({
        ...s,
        customerShare: data && data.scored > 0 ? s.customers / data.scored : 0,
        valueClass: suggestedValueClass(s.segment),
      })),
    [data],
  )
  const option = useCallback(
    (kind: ChartKind) =>
      shareChartOption({
        kind,
        valueName: '客户数',
        rows: segments.map((s) => ({ label: s.segment, value: s.customers })),
      }),
    [segments],
  )
  const mean = data?.mean
  return (
    <>
      <AnalysisToolbar
        note={
          data && mean
            ? `统计 ${data.from} 至 ${addDays(data.to, -1)}，${formatCount(data.scored)} 个客户有交易；` +
              `平均分 R ${mean.r.toFixed(2)}、F ${mean.f.toFixed(2)}、M ${mean.m.toFixed(2)}，高于平均为“高”`
            : undefined
        }
      >
        <Space size={8}>
          <span>截止日期</span>
          <DatePicker
            aria-label="截止日期"
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
          />
        </Space>
        <Space size={8}>
          <span>统计最近</span>
          <InputNumber
            aria-label="统计月数"
            min={1}
            max={60}
            value={windowMonths}
            onChange={(v) => v && setWindowMonths(v)}
          />
          <span>个月</span>
        </Space>
      </AnalysisToolbar>
      <Loaded query={query}>
        <ChartPanel
          title="RFM 客户分类"
          option={option}
          columns={segmentColumns}
          rows={segments}
          rowKey={(r) => r.segment}
          loading={loading}
          empty={!data || data.scored === 0}
          emptyText="统计期间内没有交易记录"
        />
        <Card
          size="small"
          title="各类客户（按消费金额前 50 名）"
          extra={
            <Select<RfmSegment>
              aria-label="客户类型"
              size="small"
              style={{ width: 150 }}
              value={segment}
              onChange={setSegment}
              options={rfmSegments.map((s) => ({ value: s, label: s }))}
            />
          }
        >
          <Table<RfmCustomer>
            size="small"
            rowKey="customerId"
            columns={customerColumns}
            dataSource={(data?.customers ?? []).filter((c) => c.segment === segment)}
            loading={loading}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            locale={{ emptyText: loading ? '' : '这一类没有客户' }}
          />
        </Card>
      </Loaded>
    </>
  )
}

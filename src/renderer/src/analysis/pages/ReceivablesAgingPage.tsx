import { DatePicker, Segmented, Space } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useMemo, useState } from 'react'
import { agingBucketLabels, agingBuckets, agingDimensions, type AgingDimension } from '../../../../shared/salesContract'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { formatAmount, formatCount } from '../formatNumbers'
import { agingChartGroups, agingChartOption } from '../receivableCharts'
import { agingDimensionLabels, agingHasAmounts, agingTable, type AgingTableRow } from '../receivableRows'
import { AnalysisToolbar } from './AnalysisToolbar'
import { useHasContracts } from './useHasContracts'

/** The table lists this many groups at most (the channel's limit); 合计 covers them all. */
const tableGroups = 1000

function columnsFor(by: AgingDimension): AnalysisColumn<AgingTableRow>[] {
  return [
    {
      key: 'label',
      title: agingDimensionLabels[by],
      format: 'text',
      href: by === 'customer' ? (row) => (row.key === null ? undefined : `#/customers/${row.key}`) : undefined,
    },
    ...agingBuckets.map((bucket) => ({ key: bucket, title: agingBucketLabels[bucket], format: 'amount' as const })),
    { key: 'total', title: '应收合计', format: 'amount' },
    { key: 'share', title: '占比', format: 'percent' },
  ]
}

/**
 * 应收账款账龄 (docs/product-rules.md#contracts): what is owed per customer, 区域 or 业务员 on a
 * day, split by how long past its planned date, the largest groups drawn as stacked bars.
 */
export function ReceivablesAgingPage() {
  const [by, setBy] = useState<AgingDimension>('customer')
  const [asOf, setAsOf] = useState(() => dayjs().format('YYYY-MM-DD'))
  const query = useQuery('receivables.aging', { by, asOf, limit: tableGroups })
  const { data, loading } = query
  const hasContracts = useHasContracts()
  const table = useMemo(() => (data ? agingTable(data) : undefined), [data])
  const option = useCallback(() => agingChartOption(data?.rows ?? []), [data])
  const columns = useMemo(() => columnsFor(by), [by])
  const empty = !agingHasAmounts(data)
  const emptyText =
    hasContracts === false
      ? '还没有合同。登记合同及其回款计划后，这里按账龄列出应收账款'
      : `${asOf} 没有应收账款（执行中和已完成的合同都已收齐）`
  const groups = data?.groups ?? 0
  const what = agingDimensionLabels[by]
  return (
    <>
      <AnalysisToolbar
        note={
          data && !empty
            ? `应收合计 ${formatAmount(data.totals.total)} 元，共 ${formatCount(groups)} 个${what}` +
              (groups > data.rows.length ? `；表中列出应收最多的 ${formatCount(data.rows.length)} 个` : '') +
              '；账龄按回款计划的日期计算，未列入计划的部分按合同结束日期'
            : '账龄按回款计划的日期计算，未列入计划的部分按合同结束日期'
        }
      >
        <Space size={8}>
          <span>汇总方式</span>
          <Segmented<AgingDimension>
            aria-label="汇总方式"
            value={by}
            onChange={setBy}
            options={agingDimensions.map((d) => ({ value: d, label: `按${agingDimensionLabels[d]}` }))}
          />
        </Space>
        <Space size={8}>
          <span>统计日期</span>
          <DatePicker
            aria-label="统计日期"
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(day) => day && setAsOf(day.format('YYYY-MM-DD'))}
          />
        </Space>
      </AnalysisToolbar>
      <Loaded query={query}>
        <ChartPanel
          title={`应收账款账龄（按${what}，截至 ${asOf}）`}
          option={option}
          switchable={false}
          columns={columns}
          rows={empty ? [] : (table?.rows ?? [])}
          totals={empty ? undefined : table?.totals}
          rowKey={(r) => r.rowKey}
          loading={loading}
          empty={empty}
          emptyText={emptyText}
          extra={
            groups > agingChartGroups ? (
              <span className="kq-chart-note">图中为应收最多的 {agingChartGroups} 个</span>
            ) : undefined
          }
          chartHeight={380}
        />
      </Loaded>
    </>
  )
}

import { DatePicker, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useMemo, useState } from 'react'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { formatAmount, formatPercent } from '../formatNumbers'
import { monthlyChartOption } from '../receivableCharts'
import { monthLabel, monthlyTable, monthSpan, recentMonths, shiftMonth, type MonthlyTableRow } from '../receivableRows'
import { AnalysisToolbar } from './AnalysisToolbar'
import { useHasContracts } from './useHasContracts'

/** receivables.monthly answers at most this many months. */
const maxMonths = 60

const columns: AnalysisColumn<MonthlyTableRow>[] = [
  { key: 'label', title: '月份', format: 'text' },
  { key: 'planned', title: '计划回款', format: 'amount' },
  { key: 'received', title: '实收回款', format: 'amount' },
  { key: 'difference', title: '差额', format: 'amount' },
  { key: 'rate', title: '完成率', format: 'percent' },
]

/**
 * 回款 (docs/product-rules.md#contracts): per month, the instalments planned in it against the
 * payments received in it, with 差额 (实收 − 计划) and 完成率.
 */
export function ReceivablesMonthlyPage() {
  const [range, setRange] = useState(() => recentMonths(dayjs().format('YYYY-MM-DD')))
  const query = useQuery('receivables.monthly', range)
  const { data, loading } = query
  const hasContracts = useHasContracts()
  const table = useMemo(() => (data ? monthlyTable(data) : undefined), [data])
  const option = useCallback(() => monthlyChartOption(table?.rows ?? []), [table])
  const empty = !data || (data.planned === 0 && data.received === 0)
  const emptyText =
    hasContracts === false
      ? '还没有合同。登记合同、回款计划和回款记录后，这里按月比较计划与实收'
      : '所选月份没有回款计划，也没有回款记录'
  const title = `回款计划与实收（${monthLabel(range.from)}—${monthLabel(range.to)}）`
  // Never a range the channel refuses: the second month stays within 60 of the first.
  const disabledDate = (day: Dayjs, info?: { from?: Dayjs }) => {
    if (!info?.from) return false
    const from = info.from.format('YYYY-MM')
    const month = day.format('YYYY-MM')
    return month > shiftMonth(from, maxMonths - 1) || month < shiftMonth(from, 1 - maxMonths)
  }
  return (
    <>
      <AnalysisToolbar
        note={
          data && !empty
            ? `计划 ${formatAmount(data.planned)} 元，实收 ${formatAmount(data.received)} 元，完成率 ${formatPercent(
                data.planned > 0 ? data.received / data.planned : null,
              )}；计划为当月到期的回款计划，实收为当月登记的回款（含提前和逾期收回的），差额 = 实收 − 计划`
            : '计划为当月到期的回款计划，实收为当月登记的回款，差额 = 实收 − 计划'
        }
      >
        <Space size={8}>
          <span>月份</span>
          <DatePicker.RangePicker
            aria-label="月份范围"
            picker="month"
            allowClear={false}
            value={[dayjs(`${range.from}-01`), dayjs(`${range.to}-01`)]}
            disabledDate={disabledDate}
            onChange={(months) => {
              const [start, end] = months ?? []
              if (!start || !end) return
              const next = { from: start.format('YYYY-MM'), to: end.format('YYYY-MM') }
              if (monthSpan(next.from, next.to) <= maxMonths) setRange(next)
            }}
          />
        </Space>
      </AnalysisToolbar>
      <Loaded query={query}>
        <ChartPanel
          title={title}
          option={option}
          switchable={false}
          columns={columns}
          rows={empty ? [] : (table?.rows ?? [])}
          totals={empty ? undefined : table?.totals}
          rowKey={(r) => r.month}
          loading={loading}
          empty={empty}
          emptyText={emptyText}
          chartHeight={380}
        />
      </Loaded>
    </>
  )
}

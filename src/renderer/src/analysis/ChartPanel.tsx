import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons'
import type { EChartsOption } from 'echarts'
import { App, Button, Card, Empty, Segmented, Space, Spin } from 'antd'
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { chartKindLabels, chartKinds, type ChartKind } from './chartOptions'
import { errorMessage } from '../api/client'
import { LoadFailed } from '../api/LoadFailed'
import type { LoadState } from '../api/useQuery'
import { AnalysisTable, type AnalysisColumn } from './analysisTable'
import { EChart, type ChartInstance } from './EChart'
import { exportChartPng, exportTableXlsx } from './exportAnalysis'

interface ChartPanelProps<R extends object> {
  title: string
  /** The option for a chart kind; a panel whose chart is not a share (a curve, a time series) passes switchable=false. */
  option: (kind: ChartKind) => EChartsOption
  switchable?: boolean
  columns: readonly AnalysisColumn<R>[]
  rows: readonly R[]
  rowKey: (row: R) => string
  loading?: boolean
  /** A panel with a load of its own shows that load's failure in place of its chart and numbers. */
  query?: LoadState
  /** Nothing to draw (e.g. no sales in the period): the chart gives way to an explanation. */
  empty?: boolean
  emptyText?: string
  extra?: ReactNode
  chartHeight?: number
  /** The 合计 row under the numbers (and the last row of the Excel). */
  totals?: R
}

const blankChart: EChartsOption = {}

/** A chart with its numbers beside it, switchable 饼图/柱状图, exportable as a picture and as Excel. */
export function ChartPanel<R extends object>({
  title,
  option,
  switchable = true,
  columns,
  rows,
  rowKey,
  loading = false,
  query,
  empty = false,
  emptyText = '本期没有数据',
  extra,
  chartHeight = 360,
  totals,
}: ChartPanelProps<R>) {
  const { message } = App.useApp()
  const [kind, setKind] = useState<ChartKind>('pie')
  const chart = useRef<ChartInstance | null>(null)
  const chartOption = useMemo(() => option(kind), [option, kind])
  const failed = query?.error
  // Until the first answer the panel has no rows, which is not 没有数据: the spinner says it is coming, over a
  // blank chart (set up meanwhile, so the answer only has to be drawn) and a table without an empty text.
  const waiting = loading || (query?.loading ?? false)

  const exportExcel = async () => {
    try {
      await exportTableXlsx(title, columns, totals ? [...rows, totals] : rows)
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }

  return (
    <Card
      className="kq-chart-panel"
      size="small"
      title={title}
      extra={
        <Space size={8} wrap>
          {extra}
          {switchable && (
            <Segmented<ChartKind>
              size="small"
              value={kind}
              onChange={setKind}
              options={chartKinds.map((k) => ({ value: k, label: chartKindLabels[k] }))}
            />
          )}
          <Button
            size="small"
            icon={<PictureOutlined />}
            disabled={empty || failed !== undefined}
            onClick={() => chart.current && exportChartPng(chart.current, title)}
          >
            导出图片
          </Button>
          <Button
            size="small"
            icon={<FileExcelOutlined />}
            disabled={rows.length === 0 || failed !== undefined}
            onClick={exportExcel}
          >
            导出 Excel
          </Button>
        </Space>
      }
    >
      {failed !== undefined && query ? (
        <LoadFailed error={failed} retrying={query.loading} onRetry={() => void query.reload()} />
      ) : (
        <Spin spinning={waiting}>
          <div className="kq-chart-panel-body">
            <div className="kq-chart-panel-chart">
              {empty && !waiting ? (
                <Empty style={{ height: chartHeight, paddingTop: chartHeight / 3 }} description={emptyText} />
              ) : (
                <EChart option={empty ? blankChart : chartOption} height={chartHeight} chartRef={chart} />
              )}
            </div>
            <div className="kq-chart-panel-table">
              <AnalysisTable
                columns={columns}
                rows={rows}
                rowKey={rowKey}
                emptyText={waiting ? '' : emptyText}
                maxHeight={chartHeight}
                totals={totals}
              />
            </div>
          </div>
        </Spin>
      )}
    </Card>
  )
}

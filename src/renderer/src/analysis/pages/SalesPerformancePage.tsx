import { FileExcelOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import { App, Button, Card, DatePicker, Space } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useMemo, useState } from 'react'
import type { SalesPerformanceRow } from '../../../../shared/analysis/analysisOutputs'
import { shareChartOption, type ChartKind } from '../chartOptions'
import { formatAmount, formatChange, formatCount, formatPercent } from '../formatNumbers'
import { errorMessage } from '../../api/client'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import { gridLocale, gridTheme } from '../../grid/agGridSetup'
import type { AnalysisColumn } from '../analysisTable'
import { ChartPanel } from '../ChartPanel'
import { exportTableXlsx } from '../exportAnalysis'
import { AnalysisToolbar } from './AnalysisToolbar'
import {
  defaultSalesPerformanceYear,
  salesPerformanceInput,
  salesPerformanceSheetRows as sheetRows,
} from '../../../../shared/analysis/pageRequests'
import { localToday } from '../../app/localToday'

const chartRows = 10

const exportColumns: AnalysisColumn<SalesPerformanceRow>[] = [
  { key: 'rank', title: '排名', format: 'integer' },
  { key: 'code', title: '客户编号', format: 'text' },
  { key: 'name', title: '客户名称', format: 'text' },
  { key: 'year', title: '年份', format: 'integer' },
  { key: 'products', title: '购买产品', format: 'text' },
  { key: 'quantity', title: '数量', format: 'amount' },
  { key: 'amount', title: '销售额', format: 'amount' },
  { key: 'share', title: '占总销售额', format: 'percent' },
  { key: 'previousAmount', title: '上年销售额', format: 'amount' },
  { key: 'change', title: '同比增减', format: 'change' },
]

const number = (format: (v: number) => string) => (p: { value: unknown }) =>
  p.value === null || p.value === undefined ? '—' : format(Number(p.value))

/*
 * Sized to fit a 1400 px window whole (even beside a 17 px scroll bar): 购买产品 takes what is left and
 * shows the rest on hover. On a 1280 px window the grid scrolls sideways under 排名 and 客户名称, which
 * stay put, and its scroll bar is at the grid's foot, on screen with it. 年份 is the picked year on every
 * row, so only the Excel repeats it.
 */
const columnDefs: ColDef<SalesPerformanceRow>[] = [
  { field: 'rank', headerName: '排名', width: 56, type: 'numericColumn', pinned: 'left' },
  {
    field: 'name',
    headerName: '客户名称',
    width: 184,
    pinned: 'left',
    tooltipField: 'name',
    cellRenderer: (p: { data?: SalesPerformanceRow; value: string }) =>
      p.data ? <a href={`#/customers/${p.data.customerId}`}>{p.value}</a> : p.value,
  },
  { field: 'code', headerName: '客户编号', width: 124 },
  { field: 'products', headerName: '购买产品', flex: 1, minWidth: 100, tooltipField: 'products' },
  { field: 'quantity', headerName: '数量', width: 72, type: 'numericColumn', valueFormatter: number(formatCount) },
  { field: 'amount', headerName: '销售额', width: 112, type: 'numericColumn', valueFormatter: number(formatAmount) },
  {
    field: 'share',
    headerName: '占总销售额',
    width: 92,
    type: 'numericColumn',
    valueFormatter: number(formatPercent),
  },
  {
    field: 'previousAmount',
    headerName: '上年销售额',
    width: 112,
    type: 'numericColumn',
    valueFormatter: number(formatAmount),
  },
  {
    field: 'change',
    headerName: '同比增减',
    width: 88,
    type: 'numericColumn',
    valueFormatter: (p) => formatChange(p.value ?? null),
    cellClassRules: { 'kq-up': (p) => Number(p.value) > 0, 'kq-down': (p) => Number(p.value) < 0 },
  },
]

/** 销售业绩: every customer's year (products, quantity, amount, share, change, rank) in a sheet. */
export function SalesPerformancePage() {
  const { message } = App.useApp()
  const [year, setYear] = useState(() => defaultSalesPerformanceYear(localToday()))
  const query = useQuery('analysis.salesPerformance', salesPerformanceInput(year))
  const { data, loading } = query
  const rows = useMemo(() => data?.rows ?? [], [data])
  const top = useMemo(() => rows.slice(0, chartRows), [rows])
  // The rest of the year's customers as one slice: the chart's shares are then of the whole year's
  // sales, the same 占总销售额 the table gives (not of the top ten's sum).
  const rest = useMemo(() => {
    const shown = top.reduce((sum, r) => sum + r.amount, 0)
    const others = (data?.total ?? 0) - top.length
    const amount = (data?.totalAmount ?? 0) - shown
    return others > 0 && amount > 0 ? [{ label: `其他 ${formatCount(others)} 个客户`, value: amount, rest: true }] : []
  }, [top, data])
  const option = useCallback(
    (kind: ChartKind) =>
      shareChartOption({
        kind,
        valueName: '销售额（元）',
        rows: [...top.map((r) => ({ label: r.name, value: r.amount })), ...rest],
      }),
    [top, rest],
  )
  const total = data?.total ?? 0
  return (
    <>
      <AnalysisToolbar
        note={
          data
            ? `${year}年共 ${formatCount(total)} 个客户有交易，销售额 ${formatAmount(data.totalAmount)} 元` +
              (total > sheetRows ? `；表中列出前 ${sheetRows} 名` : '')
            : undefined
        }
      >
        <Space size={8}>
          <span>年份</span>
          <DatePicker
            aria-label="年份"
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && setYear(d.year())}
          />
        </Space>
      </AnalysisToolbar>
      <Loaded query={query}>
        <ChartPanel
          title={`${year}年销售额前 ${chartRows} 名客户`}
          option={option}
          columns={exportColumns.filter((c) => ['rank', 'name', 'amount', 'share', 'change'].includes(c.key))}
          rows={top}
          rowKey={(r) => String(r.customerId)}
          loading={loading}
          empty={top.length === 0}
          emptyText="这一年没有交易记录"
          chartHeight={320}
        />
        <Card
          size="small"
          title={`${year}年客户销售业绩`}
          extra={
            <Button
              size="small"
              icon={<FileExcelOutlined />}
              disabled={rows.length === 0}
              onClick={() =>
                exportTableXlsx(`${year}年客户销售业绩`, exportColumns, rows).catch((e: unknown) => {
                  void message.error(errorMessage(e))
                })
              }
            >
              导出 Excel
            </Button>
          }
        >
          <div style={{ height: 480 }} className="kq-sales-performance-grid">
            <AgGridReact<SalesPerformanceRow>
              theme={gridTheme}
              localeText={gridLocale}
              rowData={rows}
              columnDefs={columnDefs}
              defaultColDef={{ sortable: true, resizable: true }}
              getRowId={(p) => String(p.data.customerId)}
              loading={loading}
              overlayNoRowsTemplate="<span>这一年没有交易记录</span>"
            />
          </div>
        </Card>
      </Loaded>
    </>
  )
}

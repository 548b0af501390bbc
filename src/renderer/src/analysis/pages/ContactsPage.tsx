import { FileExcelOutlined } from '@ant-design/icons'
import { App, Button, Card } from 'antd'
import { useCallback, useMemo } from 'react'
import { shareChartOption, type ChartKind } from '../chartOptions'
import { Loaded } from '../../api/LoadFailed'
import { useQuery } from '../../api/useQuery'
import { errorMessage } from '../../api/client'
import { AnalysisTable, type AnalysisColumn } from '../analysisTable'
import { exportTableXlsx } from '../exportAnalysis'
import { ChartPanel } from '../ChartPanel'
import { choiceLabel, PeriodPicker, usePeriodChoice } from '../PeriodPicker'
import { AnalysisToolbar } from './AnalysisToolbar'

type Row = Record<string, string | number>

/** 客户接触评价: how often each 业务员 contacted customers in the period, and how. */
export function ContactsPage() {
  const { message } = App.useApp()
  const [choice, setChoice] = usePeriodChoice()
  const query = useQuery('analysis.contacts', { period: choice.period })
  const { data, loading } = query
  const rows = useMemo<Row[]>(
    () =>
      (data?.rows ?? []).map((r) => ({
        key: r.key,
        label: r.label,
        interactions: r.interactions,
        share: r.share,
        customers: r.customers,
        perCustomer: r.customers === 0 ? 0 : Math.round((r.interactions / r.customers) * 100) / 100,
        ...Object.fromEntries((data?.types ?? []).map((t) => [`type:${t}`, r.byType[t] ?? 0])),
      })),
    [data],
  )
  const columns: AnalysisColumn<Row>[] = [
    { key: 'label', title: '业务员', format: 'text' },
    { key: 'interactions', title: '交往次数', format: 'integer' },
    { key: 'share', title: '占比', format: 'percent' },
    { key: 'customers', title: '接触客户', format: 'integer' },
    { key: 'perCustomer', title: '每客户次数', format: 'decimal' },
  ]
  const typeColumns: AnalysisColumn<Row>[] = [
    { key: 'label', title: '业务员', format: 'text' },
    { key: 'interactions', title: '合计', format: 'integer' },
    ...(data?.types ?? []).map((t): AnalysisColumn<Row> => ({ key: `type:${t}`, title: t, format: 'integer' })),
  ]
  const option = useCallback(
    (kind: ChartKind) =>
      shareChartOption({
        kind,
        valueName: '交往次数',
        rows: rows.map((r) => ({ label: String(r.label), value: Number(r.interactions) })),
      }),
    [rows],
  )
  return (
    <>
      <AnalysisToolbar note="按交往时间统计本期的交往记录（不含回收站中的客户）">
        <PeriodPicker value={choice} onChange={setChoice} />
      </AnalysisToolbar>
      <Loaded query={query}>
        <ChartPanel
          title={`${choiceLabel(choice)}业务员客户接触`}
          option={option}
          columns={columns}
          rows={rows}
          rowKey={(r) => String(r.key)}
          loading={loading}
          empty={rows.length === 0}
          emptyText="本期没有交往记录"
        />
        <Card
          size="small"
          title="按交往方式"
          extra={
            <Button
              size="small"
              icon={<FileExcelOutlined />}
              disabled={rows.length === 0}
              onClick={() =>
                exportTableXlsx(`${choiceLabel(choice)}业务员交往方式`, typeColumns, rows).catch((e: unknown) => {
                  void message.error(errorMessage(e))
                })
              }
            >
              导出 Excel
            </Button>
          }
        >
          <AnalysisTable columns={typeColumns} rows={rows} rowKey={(r) => String(r.key)} emptyText="本期没有交往记录" />
        </Card>
      </Loaded>
    </>
  )
}

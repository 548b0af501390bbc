import { call } from '../api/client'
import { saveBytes } from '../files/saveFile'
import type { ChartInstance } from './EChart'
import type { AnalysisColumn } from './analysisTable'

/** The chart as a PNG at twice its size, on white (the page's grey would look odd in a document). */
export function exportChartPng(chart: ChartInstance, title: string): void {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })
  saveBytes(`${title}.png`, url.slice(url.indexOf(',') + 1))
}

const excelFormats = {
  text: 'text',
  integer: 'integer',
  decimal: 'number',
  amount: 'number',
  percent: 'percent',
  change: 'percent',
} as const satisfies Record<AnalysisColumn<object>['format'], string>

/** The numbers beside a chart as an .xlsx, built by the core (analysis.exportXlsx). */
export async function exportTableXlsx<R extends object>(
  title: string,
  columns: readonly AnalysisColumn<R>[],
  rows: readonly R[],
): Promise<void> {
  const out = await call('analysis.exportXlsx', {
    title,
    columns: columns.map((c) => ({
      key: c.key,
      header: c.title,
      format: excelFormats[c.format],
    })),
    rows: rows.map((row) =>
      Object.fromEntries(
        columns.map((c) => {
          const value = (row as Record<string, unknown>)[c.key]
          return [c.key, typeof value === 'number' || typeof value === 'string' ? value : null]
        }),
      ),
    ),
  })
  saveBytes(out.fileName, out.base64)
}

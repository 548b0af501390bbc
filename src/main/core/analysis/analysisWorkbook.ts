import ExcelJS from 'exceljs'
import type { AnalysisExportInput } from '../../../shared/analysis/analysisInputs'

const numberFormats = { integer: '0', number: '#,##0.00', percent: '0.0%' } as const

/** Excel forbids these in sheet names. */
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)

/**
 * The numbers beside an analysis chart as one worksheet: a bold, frozen header
 * row and real numbers (shares as fractions formatted as percent, so Excel can
 * sum them). The table is small (a chart's rows), so it is built in memory.
 */
export async function analysisWorkbook(input: AnalysisExportInput): Promise<{ fileName: string; base64: string }> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '客情管家'
  const sheet = workbook.addWorksheet(sheetName(input.title), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = input.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, Math.min(40, c.header.length * 2 + 4)),
    style: c.format === 'text' ? {} : { numFmt: numberFormats[c.format] },
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of input.rows) {
    sheet.addRow(
      Object.fromEntries(
        input.columns.map((c) => {
          const value = row[c.key] ?? null
          return [c.key, c.format === 'text' || value === null ? value : Number(value)]
        }),
      ),
    )
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return { fileName: `${input.title}.xlsx`, base64: Buffer.from(buffer).toString('base64') }
}

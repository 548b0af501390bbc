import ExcelJS from 'exceljs'
import type { ImportSession } from './importSessions'

/**
 * The rows with problems as they were in the file, with their row number and
 * every problem, to fix and import again: rows not imported, and rows imported
 * without a bad value (邮箱「liuyang@」), which say so.
 */
export async function importErrorReport(session: ImportSession): Promise<{ fileName: string; base64: string }> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('有问题的行')
  const headers = session.sheet.headers
  sheet.columns = [
    { header: '原行号', width: 8 },
    { header: '问题', width: 60 },
    ...headers.map((header) => ({ header, width: Math.max(10, Math.min(30, header.length * 2 + 4)) })),
  ]
  const byNumber = new Map(session.sheet.rows.map((row) => [row.rowNumber, row]))
  for (const problem of session.problemRows) {
    const cells = byNumber.get(problem.rowNumber)?.cells ?? []
    const imported = problem.action !== 'error'
    const message = [
      ...problem.problems.map((p) => `${p.column}：${p.message}`),
      ...(problem.dropped ?? []).map(
        (d) => `${imported ? '已导入，但未导入 ' : ''}${d.column}「${d.value}」：${d.message}`,
      ),
    ].join('；')
    const row = sheet.addRow([
      problem.rowNumber,
      imported ? message : `未导入：${message}`,
      ...headers.map((_, i) => cells[i] ?? null),
    ])
    row.getCell(2).font = { color: { argb: 'FFC00000' } }
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' }
  }
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = await workbook.xlsx.writeBuffer()
  const base = session.fileName.replace(/\.(xlsx|csv)$/i, '')
  return { fileName: `${base}-错误报告.xlsx`, base64: Buffer.from(buffer).toString('base64') }
}

import ExcelJS from 'exceljs'
import { importFieldsOf, importKindLabels, type ImportKind } from '../../../shared/excelImportFields'

/** The template: the header row of every importable field and one example row; required headers in red. */
export async function importTemplate(kind: ImportKind): Promise<{ fileName: string; base64: string }> {
  const fields = importFieldsOf[kind]
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(importKindLabels[kind])
  sheet.columns = fields.map((field) => ({
    header: field.label,
    key: field.key,
    width: Math.max(10, Math.min(30, String(field.example).length * 1.6 + 4, field.label.length * 2 + 4)),
  }))
  sheet.addRow(Object.fromEntries(fields.map((field) => [field.key, field.example === '' ? null : field.example])))
  const header = sheet.getRow(1)
  header.font = { bold: true, name: '宋体' }
  header.eachCell((cell, column) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
    if (fields[column - 1]?.required) cell.font = { bold: true, name: '宋体', color: { argb: 'FFC00000' } }
  })
  // Phone and code columns as text, so Excel keeps leading zeros and long digits as typed.
  fields.forEach((field, index) => {
    if (
      field.kind === 'phone' ||
      field.key === 'creditCode' ||
      field.key === 'bankAccount' ||
      field.key === 'postalCode'
    )
      sheet.getColumn(index + 1).numFmt = '@'
  })
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = await workbook.xlsx.writeBuffer()
  return { fileName: `${importKindLabels[kind]}导入模板.xlsx`, base64: Buffer.from(buffer).toString('base64') }
}

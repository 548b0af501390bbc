import ExcelJS from 'exceljs'
import { importFieldsOf, importKindLabels, type ImportKind } from '../../../shared/excelImportFields'

/**
 * The template: the header row of every importable field and one example row;
 * required headers in red, and a note on the headers whose column takes several
 * forms (省份 names, 农历 dates …) saying which.
 */
export async function importTemplate(kind: ImportKind): Promise<{ fileName: string; base64: string }> {
  const fields = importFieldsOf[kind].filter((field) => !field.notInTemplate)
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
    const field = fields[column - 1]
    if (field?.required) cell.font = { bold: true, name: '宋体', color: { argb: 'FFC00000' } }
    if (field?.hint) cell.note = field.hint
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

import { contactFieldLabels, contactInput, type ContactField } from '../../../shared/contact'
import type { LabelResolver } from './importColumns'
import { placeMorePhones } from './placeMorePhones'
import { addProblem, headerOf, readRow, type Mapped } from './readRow'
import { settleRowValues, type RowProblem } from './settleRowValues'
import type { SheetRow } from './sheetRow'

/**
 * The contacts of a customer's further rows (groupContactRows): each row's
 * contact columns read and checked as a contact of its own. A problem names the
 * column and the row (手机（第 5 行）); only contacts without one are returned,
 * and the customer's record checks them again with the first.
 */
export function readContactRows(
  rows: SheetRow[],
  mapped: Mapped[],
  labels: LabelResolver,
  problems: RowProblem[],
  notes: string[],
): Record<string, unknown>[] {
  const columns = mapped.filter((m) => m.field.key.startsWith('contact.'))
  const contacts: Record<string, unknown>[] = []
  for (const row of rows) {
    const at = (column: string) => `${column}（第 ${row.rowNumber} 行）`
    const header = (key: string) => {
      const field = key.slice('contact.'.length) as ContactField
      return at(columns.some((m) => m.field.key === key) ? headerOf(columns, key) : (contactFieldLabels[field] ?? key))
    }
    const read = readRow(row, columns, labels)
    const own = read.problems.map((p) => ({ column: at(p.column), message: p.message }))
    own.push(...settleRowValues(read.values, header))
    if (read.morePhones) {
      for (const note of placeMorePhones(read.values, read.morePhones)) notes.push(`第 ${row.rowNumber} 行${note}`)
    }
    const contact: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(read.values)) contact[key.slice('contact.'.length)] = value
    if (contact.name === undefined) {
      own.push({ column: header('contact.name'), message: '填写了联系人信息，但缺少联系人姓名' })
    } else {
      const parsed = contactInput.safeParse(contact)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          addProblem(own, header(`contact.${String(issue.path[0])}`), issue.message)
      }
    }
    if (own.length === 0) contacts.push(contact)
    problems.push(...own)
  }
  const numbers = rows.map((row) => row.rowNumber).join('、')
  notes.push(`第 ${numbers} 行是本客户的其他联系人（客户名称为合并单元格或留空），一并导入为本客户的联系人`)
  return contacts
}

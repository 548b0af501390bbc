import type { RawCell } from '../../../shared/importCleaning'
import type { Mapped } from './readRow'
import type { SheetRow } from './sheetRow'

/** A customer's first row with the rows under it that only add contacts (read by readContactRows). */
export type CustomerRows = SheetRow & { contactRows?: SheetRow[] }

const isContact = (m: Mapped) => m.field.key.startsWith('contact.')

/**
 * Sheets where one customer spans several rows, one contact each: a row
 * continues the customer above it when its 客户名称 is the same merged cell
 * (xlsx) or is empty right below it, at least one contact column is filled, and
 * every other customer column is empty, merged with the row above, or (under a
 * merged name) the same as the customer's. Anything else, as before, is a
 * customer of its own. Rows with a name of their own (nearly all) are passed
 * over at the first check.
 */
export function groupContactRows(rows: SheetRow[], mapped: Mapped[]): CustomerRows[] {
  const name = mapped.find((m) => m.field.key === 'name')?.column
  const contacts = mapped.filter(isContact).map((m) => m.column)
  if (name === undefined || contacts.length === 0) return rows
  const others = mapped.filter((m) => !isContact(m) && m.column !== name).map((m) => m.column)
  const columns = { name, contacts, others }
  const units: CustomerRows[] = []
  let head: CustomerRows | null = null
  let last: SheetRow | null = null
  for (const row of rows) {
    if (head && last && continues(row, head, last, columns)) {
      if (head.contactRows) head.contactRows.push(row)
      else {
        head = Object.assign({}, head as SheetRow, { contactRows: [row] })
        units[units.length - 1] = head
      }
    } else {
      units.push(row)
      head = isBlank(row.cells[name]) ? null : row
    }
    last = row
  }
  return units
}

function continues(
  row: SheetRow,
  head: SheetRow,
  last: SheetRow,
  columns: { name: number; contacts: number[]; others: number[] },
): boolean {
  const nameFrom = row.mergedFrom?.[columns.name]
  const mergedName = nameFrom !== undefined && nameFrom <= last.rowNumber
  if (!mergedName && !(isBlank(row.cells[columns.name]) && row.rowNumber === last.rowNumber + 1)) return false
  if (!columns.contacts.some((c) => row.mergedFrom?.[c] === undefined && !isBlank(row.cells[c]))) return false
  return columns.others.every((c) => {
    const cell = row.cells[c] ?? null
    if (isBlank(cell)) return true
    const from = row.mergedFrom?.[c]
    if (from !== undefined && from <= last.rowNumber) return true
    return mergedName && sameCell(cell, head.cells[c] ?? null)
  })
}

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

function sameCell(a: RawCell, b: RawCell): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime()
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b
}

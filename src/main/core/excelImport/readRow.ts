import type { DictionaryCategory } from '../../../shared/dictionary'
import type { ImportField } from '../../../shared/excelImportFields'
import { cleanText } from '../../../shared/importCleaning'
import { cleanCell, type LabelResolver } from './importColumns'
import type { SheetRow } from './sheetRow'
import type { RowProblem } from './settleRowValues'

/** A mapped column: the field it fills and its header as written in the file (problems name it). */
export interface Mapped {
  field: ImportField
  column: number
  header: string
}

/** A dictionary field whose item is created by the commit (the value holds a placeholder until then). */
export interface PendingLabel {
  field: string
  /** One per field and label, whatever its spelling (unknownKey). */
  key: string
  category: DictionaryCategory
  /** As first written in the file: the new item's label. */
  label: string
}

/** Stands in for an item the commit creates, so the record validates before it exists. */
export const placeholderId = 1

/** The numbers after the first of a phone cell that holds several (13800138000/13900139000). */
export interface MorePhones {
  key: string
  header: string
  /** The cell as written, for the preview's note. */
  cell: string
  numbers: string[]
}

/**
 * The row's cells cleaned into a record shape; problems per column. Also what the
 * preview should say about it (`notes`: values merged cells gave it) and the
 * further numbers of phone cells (`morePhones`), which the record's reader places.
 */
export function readRow(row: SheetRow, mapped: Mapped[], labels: LabelResolver) {
  const values: Record<string, unknown> = {}
  const problems: RowProblem[] = []
  const pending: PendingLabel[] = []
  let morePhones: MorePhones[] | undefined
  for (const { field, column, header } of mapped) {
    const cleaned = cleanCell(field, row.cells[column] ?? null)
    if (!cleaned.ok) {
      problems.push({ column: header, message: cleaned.error })
      continue
    }
    if (cleaned.value === null) continue
    if (field.kind === 'phone') {
      const numbers = cleaned.value as string[]
      values[field.key] = numbers[0]
      if (numbers.length > 1) {
        const cell = cleanText(row.cells[column] ?? null) ?? ''
        ;(morePhones ??= []).push({ key: field.key, header, cell, numbers: numbers.slice(1) })
      }
      continue
    }
    if (field.kind !== 'dict') {
      values[field.key] = cleaned.value
      continue
    }
    const resolved = labels.resolve(field, String(cleaned.value))
    if ('error' in resolved) problems.push({ column: header, message: resolved.error })
    else if ('id' in resolved) values[field.key] = resolved.id
    else {
      values[field.key] = placeholderId
      pending.push({ field: field.key, ...resolved.create })
    }
  }
  const notes = row.mergedFrom ? mergedNotes(row, mapped) : undefined
  return { values, problems, pending, notes, morePhones }
}

/** 区域「华南」取自合并单元格（第 3 行起）: what merged cells above gave the row, as the preview says it. */
function mergedNotes(row: SheetRow, mapped: Mapped[]): string[] | undefined {
  const notes: string[] = []
  for (const { column, header } of mapped) {
    const from = row.mergedFrom?.[column]
    if (from === undefined) continue
    notes.push(`${header}「${cleanText(row.cells[column] ?? null) ?? ''}」取自合并单元格（第 ${from} 行起）`)
  }
  return notes.length > 0 ? notes : undefined
}

/** One problem per column: a cell that could not be cleaned is not validated again. */
export function addProblem(problems: RowProblem[], column: string, message: string): void {
  if (!problems.some((p) => p.column === column)) problems.push({ column, message })
}

export function headerOf(mapped: Mapped[], key: string): string {
  return mapped.find((m) => m.field.key === key)?.header ?? key
}

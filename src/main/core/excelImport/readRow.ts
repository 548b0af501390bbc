import type { DictionaryCategory } from '../../../shared/dictionary'
import type { ImportField } from '../../../shared/excelImportFields'
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

/** The row's cells cleaned into a record shape; problems per column. */
export function readRow(row: SheetRow, mapped: Mapped[], labels: LabelResolver) {
  const values: Record<string, unknown> = {}
  const problems: RowProblem[] = []
  const pending: PendingLabel[] = []
  for (const { field, column, header } of mapped) {
    const cleaned = cleanCell(field, row.cells[column] ?? null)
    if (!cleaned.ok) {
      problems.push({ column: header, message: cleaned.error })
      continue
    }
    if (cleaned.value === null) continue
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
  return { values, problems, pending }
}

/** One problem per column: a cell that could not be cleaned is not validated again. */
export function addProblem(problems: RowProblem[], column: string, message: string): void {
  if (!problems.some((p) => p.column === column)) problems.push({ column, message })
}

export function headerOf(mapped: Mapped[], key: string): string {
  return mapped.find((m) => m.field.key === key)?.header ?? key
}

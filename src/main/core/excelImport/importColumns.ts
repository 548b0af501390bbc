import type { ImportDecisions } from '../../../shared/excelImport'
import { customerKindLabels } from '../../../shared/customer'
import type { ImportField } from '../../../shared/excelImportFields'
import {
  cleanCalendarDate,
  cleanCalendarKind,
  cleanChoice,
  cleanDate,
  cleanNumber,
  cleanPhones,
  cleanText,
  cleanYesNo,
  labelKey,
  matchLabel,
  type Cleaned,
  type LabelItem,
  type LabelMatch,
  type RawCell,
} from '../../../shared/importCleaning'
import type { DictionaryCategory } from '../../../shared/dictionary'
import type { ProvinceRegion } from '../../../shared/app'
import { AppError } from '../appError'
import { nearLabel } from './nearLabel'

/** The mapped columns of a file: field key → column index, checked against the field list. */
export function mappedColumns(mapping: (string | null)[], fields: ImportField[]): Map<string, number> {
  const known = new Map(fields.map((f) => [f.key, f]))
  const columns = new Map<string, number>()
  for (const [column, key] of mapping.entries()) {
    if (key === null) continue
    const field = known.get(key)
    if (!field) throw new AppError('VALIDATION', `第 ${column + 1} 列对应的字段「${key}」不存在`)
    if (columns.has(key)) throw new AppError('VALIDATION', `「${field.label}」对应了两列，请只保留一列`)
    columns.set(key, column)
  }
  for (const field of fields.filter((f) => f.required)) {
    if (!columns.has(field.key)) throw new AppError('VALIDATION', `请为「${field.label}」选择对应的列`)
  }
  return columns
}

const kindWords: Record<string, string> = { 企业: customerKindLabels.enterprise, 个人: customerKindLabels.individual }

/** A cell cleaned as its field's kind: dictionary labels and lists stay text here. */
export function cleanCell(field: ImportField, cell: RawCell): Cleaned<unknown> {
  switch (field.kind) {
    case 'text':
    case 'dict':
    case 'division':
      return { ok: true, value: cleanText(cell) }
    case 'calendarDate':
      return cleanCalendarDate(cell, field.label)
    case 'calendar':
      return cleanCalendarKind(cell, field.label)
    case 'phone':
      // Every number of the cell: the first is the field's, readRow hands on the rest.
      return { ok: true, value: cleanPhones(cell) }
    case 'date':
      return cleanDate(cell, field.label)
    case 'number':
    case 'integer':
      return cleanNumber(cell, field.label)
    case 'yesno':
      return cleanYesNo(cell, field.label)
    case 'choice': {
      const text = cleanText(cell)
      return cleanChoice(text === null ? null : (kindWords[text] ?? text), field.label, field.choices ?? [])
    }
    case 'list': {
      const text = cleanText(cell)
      return {
        ok: true,
        value:
          text === null
            ? null
            : text
                .split(/[、,;；]+/)
                .map((s) => s.trim())
                .filter(Boolean),
      }
    }
  }
}

export interface UnknownLabelTally {
  field: string
  fieldLabel: string
  label: string
  rows: number
  suggestions: LabelItem[]
  category: DictionaryCategory
  /** The item the label clearly means (nearLabel), used unless the user chose otherwise. */
  proposed: (LabelItem & { reason: string }) | null
}

/** Labels mapped to items in earlier imports (importMappingMemory): category → labelKey → item id. */
export type RememberedLabels = Partial<Record<DictionaryCategory, Record<string, number>>>

export type LabelResolution =
  { id: number } | { create: { key: string; category: DictionaryCategory; label: string } } | { error: string }

/** What labels are resolved against; plain data, so that a worker thread can be given it. */
export interface LabelSource {
  items: Map<DictionaryCategory, LabelItem[]>
  choices: ImportDecisions['labelChoices']
  provinceRegions: ProvinceRegion[]
  remembered?: RememberedLabels
}

/** What a label written a certain way resolves to, worked out once per field and spelling. */
type LabelOutcome = { id: number } | { id: null; suggestions: LabelItem[]; proposed: UnknownLabelTally['proposed'] }

/**
 * Dictionary labels of a file: an item whose label matches (after full-width,
 * case and spaces are ignored) is used, then the item an earlier import mapped
 * the label to; any other label is listed for the user and is what they chose
 * for it (an existing item, or a new one), by default the item it clearly
 * means (nearLabel: 华南区 → 华南), else a new one.
 * Also the 大区 a province defaults to, which the card pre-fills the same way.
 */
export class LabelResolver {
  readonly unknown = new Map<string, UnknownLabelTally>()
  private readonly items: Map<DictionaryCategory, LabelItem[]>
  private readonly choices = new Map<string, number | null>()
  private readonly provinceRegions: Map<string, number | null>

  private readonly remembered: RememberedLabels

  constructor({ items, choices, provinceRegions, remembered }: LabelSource) {
    this.items = items
    this.remembered = remembered ?? {}
    for (const choice of choices) this.choices.set(unknownKey(choice.field, choice.label), choice.itemId)
    this.provinceRegions = new Map(provinceRegions.map((p) => [p.provinceCode, p.regionId]))
  }

  /** 系统设置 → 省份与大区. */
  regionOfProvince(provinceCode: string): number | null {
    return this.provinceRegions.get(provinceCode) ?? null
  }

  /** Matches per field and label as written: a file repeats the same few labels thousands of times. */
  private readonly matches = new Map<string, LabelOutcome>()

  resolve(field: ImportField, label: string): LabelResolution {
    const category = field.dict as DictionaryCategory
    const items = this.items.get(category) ?? []
    const cacheKey = `${field.key}\u0000${label}`
    let match = this.matches.get(cacheKey)
    if (!match) {
      match = this.outcome(category, items, label)
      this.matches.set(cacheKey, match)
    }
    if (match.id !== null) return { id: match.id }
    const key = unknownKey(field.key, label)
    let tally = this.unknown.get(key)
    if (tally) tally.rows++
    else {
      const { suggestions, proposed } = match
      tally = { field: field.key, fieldLabel: field.label, label, rows: 1, suggestions, category, proposed }
      this.unknown.set(key, tally)
    }
    const chosen = this.choices.get(key)
    const itemId = chosen === undefined ? (tally.proposed?.id ?? null) : chosen
    if (itemId === null) return { create: { key, category, label: tally.label } }
    if (!items.some((item) => item.id === itemId)) {
      return { error: `为「${label}」选择的${field.label}不存在或已停用，请重新选择` }
    }
    return { id: itemId }
  }

  private outcome(category: DictionaryCategory, items: LabelItem[], label: string): LabelOutcome {
    const match: LabelMatch<LabelItem> = matchLabel(label, items)
    if (match.item) return { id: match.item.id }
    const remembered = this.remembered[category]?.[labelKey(label)]
    if (remembered !== undefined && items.some((item) => item.id === remembered)) return { id: remembered }
    const near = nearLabel(label, items, category)
    const suggestions = near
      ? [near.item, ...match.suggestions.filter((s) => s.id !== near.item.id)]
      : match.suggestions
    return {
      id: null,
      suggestions: suggestions.slice(0, 5).map(({ id, label }) => ({ id, label })),
      proposed: near ? { id: near.item.id, label: near.item.label, reason: near.reason } : null,
    }
  }
}

/** One unknown label of one field, whatever its spelling (labelKey). */
export function unknownKey(field: string, label: string): string {
  return `${field}\u0000${labelKey(label)}`
}

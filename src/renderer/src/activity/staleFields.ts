/** An option of a choice field, or a group of them (the 产品 picker groups by 产品类别). */
export type FieldChoice =
  { value: unknown; label: string } | { label: string; options: readonly { value: unknown; label: string }[] }

/** How the list of the user's changes names a field and shows a value typed into it. */
export interface FieldLabel {
  label: string
  /** The field stores an id or a key: show its option's label instead. */
  choices?: readonly FieldChoice[]
  /** Any other value that does not read as it is (the stars of 客户满意度). */
  format?: (value: unknown) => string
}

/** Every field of a record form, named: a field added to the form without a name does not compile. */
export type FieldLabels<V> = { [K in keyof V & string]-?: string | FieldLabel }

/** What a value "is" for comparison: an emptied input ('' or undefined) is the same as a field left null. */
function comparable(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'null'
  return JSON.stringify(value)
}

export function sameValue(a: unknown, b: unknown): boolean {
  return comparable(a) === comparable(b)
}

/** The keys whose value differs between two snapshots of a form's values (either side's keys). */
export function changedKeys(from: object, to: object): string[] {
  const a = from as Record<string, unknown>
  const b = to as Record<string, unknown>
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return keys.filter((key) => !sameValue(a[key], b[key]))
}

const longest = 60

/** A value as the user would recognise it in the list: the option's label, the text cut at 60 characters, （空）. */
export function valueText(value: unknown, field: string | FieldLabel): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return '（空）'
  }
  if (typeof field !== 'string') {
    if (field.format) return field.format(value)
    if (field.choices) {
      const options = field.choices.flatMap((choice) => ('options' in choice ? choice.options : [choice]))
      const labelOf = (one: unknown): string => options.find((o) => o.value === one)?.label ?? String(one)
      return Array.isArray(value) ? value.map(labelOf).join('、') : labelOf(value)
    }
  }
  const text = Array.isArray(value) ? value.join('、') : String(value)
  return text.length > longest ? `${text.slice(0, longest)}…` : text
}

/** 客户满意度 in stars; an unrated 0 reads as such. */
export function starsText(value: unknown): string {
  return typeof value === 'number' && value > 0 ? `${value} 星` : '未评'
}

export function fieldName(field: string | FieldLabel): string {
  return typeof field === 'string' ? field : field.label
}

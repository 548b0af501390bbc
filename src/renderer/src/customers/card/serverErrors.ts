import type { FormInstance } from 'antd'
import type { NamePath } from 'antd/es/form/interface'

/** 'contacts.0.mobile' → ['contacts', 0, 'mobile'], the Form.Item name of that field. */
export function errorPath(key: string): (string | number)[] {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/**
 * Puts the core's per-field messages on the Form.Items they belong to. A key
 * with no item of its own (e.g. `groups.3`) goes to its nearest registered
 * parent; what still has no place is returned to be shown above the card.
 */
export function applyServerErrors(form: FormInstance, fields: Record<string, string>): string[] {
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)))
  const placed: { name: NamePath; errors: string[] }[] = []
  const unplaced: string[] = []
  for (const [key, message] of Object.entries(fields)) {
    const path = errorPath(key)
    while (path.length > 0 && !registered.has(JSON.stringify(path))) path.pop()
    if (path.length > 0) placed.push({ name: path, errors: [message] })
    else unplaced.push(message)
  }
  form.setFields(placed)
  return unplaced
}

/** Indexes of the contacts that an error list mentions, so their folded part can be opened. */
export function contactIndexes(names: (string | number)[][]): number[] {
  return names.filter((n) => n[0] === 'contacts' && typeof n[1] === 'number').map((n) => n[1] as number)
}

type FieldPath = (string | number)[]

/** The name paths of the fields a change touched, from onValuesChange's nested `changed`. */
export function changedPaths(changed: unknown, prefix: FieldPath = []): FieldPath[] {
  const isLeaf =
    changed === null ||
    typeof changed !== 'object' ||
    (Array.isArray(changed) && changed.every((v) => v === null || typeof v !== 'object'))
  if (isLeaf) return [prefix]
  const entries: [string | number, unknown][] = Array.isArray(changed)
    ? changed.flatMap((v, i) => (v === undefined ? [] : [[i, v] as [number, unknown]]))
    : Object.entries(changed)
  return entries.flatMap(([key, value]) => changedPaths(value, [...prefix, key]))
}

/**
 * Takes the core's message off each field the user changes, and off the parents a message
 * may have been placed on: it was about the value as it was at the last save. A field's own
 * rules run after this and show their message again if the new value breaks them.
 */
export function clearChangedErrors(form: FormInstance, changed: unknown): void {
  const touched = new Map<string, FieldPath>()
  for (const path of changedPaths(changed)) {
    for (let n = 1; n <= path.length; n++) touched.set(JSON.stringify(path.slice(0, n)), path.slice(0, n))
  }
  const stale = [...touched.values()].filter((path) => form.getFieldError(path).length > 0)
  if (stale.length > 0) form.setFields(stale.map((name) => ({ name, errors: [] })))
}

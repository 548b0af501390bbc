/** A nullable column of a raw row, typed. */

export function nullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value)
}

export function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value)
}

/** A nullable text column of a row whose shape is only known at run time (the card's dynamic label columns). */
export function nullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value)
}

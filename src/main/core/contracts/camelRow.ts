/** A row as SQLite answers it (snake_case columns) under the field names of its schema (camelCase). */
export function camelRow<T>(raw: object): T {
  return Object.fromEntries(
    Object.entries(raw).map(([column, value]) => [
      column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      value,
    ]),
  ) as T
}

import type { Caller } from '../accounts/caller'
import { customerScope } from '../common/customerScope'

/**
 * Numbered SQL parameters (`?N`), so one value can be used twice. Values always
 * go in as parameters; only whitelisted names are ever put into the SQL text.
 */
export class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `?${this.values.length}`
  }
  list(values: readonly unknown[]): string {
    return values.map((v) => this.add(v)).join(', ')
  }
}

/**
 * The caller's data scope over the customer table under `alias`, its placeholders
 * renumbered into `params` (a bare `?` after `?N` would take N+1); null when the
 * caller sees every customer.
 */
export function scopeSql(caller: Caller, params: Params, alias = 'c'): string | null {
  const scope = customerScope(caller, alias)
  if (!scope) return null
  let next = 0
  return scope.sql.replace(/\?/g, () => params.add(scope.params[next++]))
}

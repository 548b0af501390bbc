import { AppError } from '../appError'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import type { Where } from './sqlWhere'

/**
 * The customers a caller sees, as SQL over the customer table under `alias`:
 * null when they see every customer; else their own (负责业务员 = the 业务员 they
 * stand for) and the 公海 (no 负责业务员). Every query that reads or writes
 * customers or their records adds it (docs/product-rules.md#scope).
 */
export function customerScope(caller: Caller, alias = 'c'): { sql: string; params: unknown[] } | null {
  if (caller.seesAll) return null
  if (caller.staffId === null) return { sql: `${alias}.owner_staff_id IS NULL`, params: [] }
  return { sql: `(${alias}.owner_staff_id = ? OR ${alias}.owner_staff_id IS NULL)`, params: [caller.staffId] }
}

/** Adds the caller's scope to a WHERE being built; unchanged for those who see all. */
export function addCustomerScope(where: Where, caller: Caller, alias = 'c'): Where {
  const scope = customerScope(caller, alias)
  return scope ? where.add(scope.sql, ...scope.params) : where
}

/** `AND <scope>` to append to a fixed WHERE clause, with its parameters ('' and [] when none). */
export function andCustomerScope(caller: Caller, alias = 'c'): { sql: string; params: unknown[] } {
  const scope = customerScope(caller, alias)
  return scope ? { sql: ` AND ${scope.sql}`, params: scope.params } : { sql: '', params: [] }
}

/**
 * Refuses a call naming any customer outside the caller's scope, before anything
 * is written. The message does not say whether the customer exists.
 */
export async function assertCustomersInScope(
  db: SqlReader,
  caller: Caller,
  customerIds: readonly number[],
): Promise<void> {
  const scope = customerScope(caller)
  if (!scope || customerIds.length === 0) return
  const row = await db.first<{ n: number }>(
    `SELECT count(*) AS n FROM customer c WHERE c.id IN (SELECT value FROM json_each(?)) AND NOT ${scope.sql}`,
    [JSON.stringify(customerIds), ...scope.params],
  )
  if ((row?.n ?? 0) > 0) throw outOfScope()
}

export function outOfScope(): AppError {
  return new AppError('FORBIDDEN', '没有权限：该客户不属于您（只能查看和处理自己负责的客户与公海客户）')
}

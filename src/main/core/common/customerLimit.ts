import type { Caller } from '../accounts/caller'
import { AppError } from '../appError'
import type { SqlReader } from '../db/sqlHandles'

/**
 * The per-user 客户上限 (app_user.customer_limit), checked whenever a user takes
 * customers from the 公海 for themselves — by 领取, or by choosing themselves as
 * 负责业务员 on the card or in a batch edit. A 主管's handover and a new customer
 * one registers are not taking from the 公海 and do not count against it.
 */
export async function assertWithinCustomerLimit(db: SqlReader, caller: Caller, taking: number): Promise<void> {
  if (caller.userId === null || caller.staffId === null || taking <= 0) return
  const row = await db.first<{ limit: number | null; owned: number }>(
    `SELECT customer_limit AS "limit",
            (SELECT count(*) FROM customer WHERE owner_staff_id = ? AND deleted_at IS NULL) AS owned
       FROM app_user WHERE id = ?`,
    [caller.staffId, caller.userId],
  )
  if (!row || row.limit === null || row.owned + taking <= row.limit) return
  throw new AppError(
    'VALIDATION',
    `超过客户上限：您最多可负责 ${row.limit} 个客户，现有 ${row.owned} 个，本次领取 ${taking} 个，未领取任何客户`,
  )
}

/** How many of these customers are in the 公海 now: what choosing oneself as their 负责业务员 takes. */
export async function countInPool(db: SqlReader, ids: readonly number[]): Promise<number> {
  const row = await db.first<{ n: number }>(
    `SELECT count(*) AS n FROM customer WHERE id IN (SELECT value FROM json_each(?)) AND owner_staff_id IS NULL`,
    [JSON.stringify(ids)],
  )
  return row?.n ?? 0
}

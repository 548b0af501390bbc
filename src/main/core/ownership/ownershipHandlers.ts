import { AppError } from '../appError'
import type { Caller } from '../accounts/caller'
import { recordAudit } from '../accounts/auditLog'
import { assertCustomersInScope } from '../common/customerScope'
import { localNow } from '../common/localTime'
import type { SqlWriter } from '../db/sqlHandles'
import { assertWithinCustomerLimit } from '../common/customerLimit'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import {
  countNotInPool,
  customerIdsOfStaff,
  moveCustomers,
  openReminderCountOfStaff,
  ownershipUser,
  poolCounts,
  type OwnershipUser,
} from './ownershipQueries'
import { loadReclaimRule, saveReclaimRule } from './reclaimRuleSetting'

/**
 * 领取, 放回公海, 转交 and 整体转交 (docs/product-rules.md#ownership). Each is one
 * transaction that checks everything before it moves anything: a refused call
 * leaves the database as it was. Every move writes the customers' 变更记录 and one
 * 'handover' line of the audit log.
 */
export function ownershipHandlers({ store, clock }: CoreContext): DomainHandlers<ChannelsOf<'ownership'>> {
  const now = () => (clock ?? (() => new Date()))()

  /** Moves and logs; `what` reads after the count, e.g. 「领取公海客户 3 个」. */
  const move = async (
    db: SqlWriter,
    caller: Caller,
    ids: number[],
    toStaffId: number | null,
    what: (count: number) => string,
  ): Promise<number> => {
    const at = now()
    const count = await moveCustomers(db, ids, toStaffId, { userId: caller.userId, now: localNow(at) })
    await recordAudit(db, caller, 'handover', what(count), at)
    return count
  }

  return {
    'ownership.claim': ({ customerIds }, caller) =>
      store.write(async (db) => {
        const staffId = caller.staffId
        if (staffId === null) {
          throw new AppError('FORBIDDEN', '您的账号没有对应的业务员，不能领取客户（请管理员在「用户与权限」中设置）')
        }
        const ids = unique(customerIds)
        const notInPool = await countNotInPool(db, ids)
        if (notInPool > 0) {
          throw new AppError('CONFLICT', `有 ${notInPool} 个客户不在公海（已被领取、在回收站或已删除），未领取任何客户`)
        }
        await assertWithinCustomerLimit(db, caller, ids.length)
        return { count: await move(db, caller, ids, staffId, (n) => `领取公海客户 ${n} 个`) }
      }),

    'ownership.release': ({ customerIds }, caller) =>
      store.write(async (db) => {
        const ids = unique(customerIds)
        // A 业务员 sees their own and the 公海: anyone else's customer is refused here.
        await assertCustomersInScope(db, caller, ids)
        await assertAllOwned(db, ids)
        return { count: await move(db, caller, ids, null, (n) => `放回公海 ${n} 个客户`) }
      }),

    'ownership.transfer': ({ customerIds, toUserId }, caller) =>
      store.write(async (db) => {
        const ids = unique(customerIds)
        await assertCustomersInScope(db, caller, ids)
        const target = receiving(await ownershipUser(db, toUserId))
        const { found } = await poolCounts(db, ids)
        if (found < ids.length) throw missing(ids.length - found)
        return { count: await move(db, caller, ids, target.staffId, (n) => `转交 ${n} 个客户给 ${target.name}`) }
      }),

    'ownership.handOverAll': ({ fromUserId, toUserId }, caller) =>
      store.write(async (db) => {
        const from = await ownershipUser(db, fromUserId)
        if (!from) throw new AppError('NOT_FOUND', '找不到要转出客户的用户')
        if (from.staffId === null) throw new AppError('VALIDATION', `${from.name} 没有对应的业务员，名下没有客户`)
        if (toUserId === fromUserId) throw new AppError('VALIDATION', '不能转交给同一个人')
        const target = toUserId === null ? null : receiving(await ownershipUser(db, toUserId))
        const ids = await customerIdsOfStaff(db, from.staffId)
        await assertCustomersInScope(db, caller, ids)
        // Reminders belong to the customer: they move with it; counted for the answer and the log.
        const reminders = await openReminderCountOfStaff(db, from.staffId)
        const customers = await move(
          db,
          caller,
          ids,
          target?.staffId ?? null,
          (n) =>
            `整体转交：${from.name} 的 ${n} 个客户（含回收站）及 ${reminders} 条待办提醒给 ${target?.name ?? '公海'}`,
        )
        return { customers, reminders }
      }),

    'ownership.getReclaimRule': () => store.read(loadReclaimRule),

    'ownership.setReclaimRule': (rule) =>
      store.write(async (db) => {
        await saveReclaimRule(db, rule)
        return rule
      }),
  }
}

function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)]
}

/** A user who can take customers: enabled and standing for a 业务员. */
function receiving(user: OwnershipUser | null): OwnershipUser & { staffId: number } {
  if (!user) throw new AppError('NOT_FOUND', '找不到接收客户的用户')
  if (!user.enabled) throw new AppError('VALIDATION', `${user.name} 已停用，不能接收客户`)
  const { staffId } = user
  if (staffId === null) {
    throw new AppError('VALIDATION', `${user.name} 没有对应的业务员，不能接收客户（请先在「用户与权限」中设置）`)
  }
  return { ...user, staffId }
}

async function assertAllOwned(db: SqlWriter, ids: number[]): Promise<void> {
  const { found, inPool } = await poolCounts(db, ids)
  if (found < ids.length) throw missing(ids.length - found)
  if (inPool > 0) throw new AppError('CONFLICT', `有 ${inPool} 个客户已在公海，未做任何修改`)
}

function missing(count: number): AppError {
  return new AppError('NOT_FOUND', `有 ${count} 个客户不存在（可能已被彻底删除），未做任何修改`)
}

import { permissionLabels, roleLabels } from '../../../shared/accounts'
import { fromFen, toFen, yuanText, type ContractStatus } from '../../../shared/salesContract'
import type { Caller } from '../accounts/caller'
import { AppError } from '../appError'
import type { SqlReader } from '../db/sqlHandles'
import { owedFen } from './receivableQueries'

/** What a contract adds to its customer's 应收: 金额 − 已收 unless it is 已终止 (a 草拟 counts: it is about to be signed). */
export function exposureFen(contract: { amount: number; receivedAmount: number; status: ContractStatus }): number {
  if (contract.status === '已终止') return 0
  return Math.max(0, toFen(contract.amount) - toFen(contract.receivedAmount))
}

/**
 * A 业务员 may not confirm an over-limit contract: refused before anything is looked at,
 * naming the permission they lack.
 */
export function assertMayConfirm(caller: Caller, confirm: boolean | undefined): void {
  if (!confirm || caller.permissions.includes('creditOverride')) return
  throw new AppError(
    'FORBIDDEN',
    `没有「${permissionLabels.creditOverride}」的权限（当前角色：${roleLabels[caller.role]}），请由主管或管理员确认`,
    { confirmOverLimit: '只有主管或管理员可以确认超出信用额度' },
  )
}

/**
 * 信用额度 (docs/product-rules.md#contracts): a contract whose save raises its customer's
 * 应收 (the other owed contracts plus this one) above the card's 信用额度 is refused with
 * CONFLICT unless a 主管/管理员 confirmed it. A save that does not raise what this contract
 * adds (a remark, a date) is never refused, even when the customer is over the limit already.
 * No limit set (empty or 0): nothing is checked.
 */
export async function assertWithinCredit(
  db: SqlReader,
  args: {
    customerId: number
    contractId: number | null
    /** What the contract adds after the save, and before it (0 for a new one or another customer's). */
    afterFen: number
    beforeFen: number
    confirmed: boolean
  },
): Promise<void> {
  if (args.afterFen <= args.beforeFen || args.confirmed) return
  const customer = await db.first<{ name: string; credit_limit: number | null }>(
    `SELECT name, credit_limit FROM customer WHERE id = ?`,
    [args.customerId],
  )
  if (!customer?.credit_limit || customer.credit_limit <= 0) return
  const limit = toFen(customer.credit_limit)
  const others = await owedFen(db, args.customerId, args.contractId)
  const total = others + args.afterFen
  if (total <= limit) return
  const message =
    `超出信用额度：客户「${customer.name}」信用额度 ${yuanText(customer.credit_limit)} 元，` +
    `现有应收 ${yuanText(fromFen(others))} 元，加上本合同 ${yuanText(fromFen(args.afterFen))} 元为 ` +
    `${yuanText(fromFen(total))} 元，超出 ${yuanText(fromFen(total - limit))} 元。需由主管或管理员确认后保存`
  throw new AppError('CONFLICT', message, { confirmOverLimit: message })
}

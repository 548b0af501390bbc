import { recordAudit } from '../accounts/auditLog'
import { AppError } from '../appError'
import { localNow, localToday } from '../common/localTime'
import { mustFind } from '../common/mustFind'
import { assertRecordInScope } from '../common/recordHandlers'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { settleContractReminders } from '../reminders/contractRules'
import { contractDetail } from './contractHandlers'
import type { Caller } from '../accounts/caller'
import type { SqlReader } from '../db/sqlHandles'
import {
  contractParts,
  findAnyContract,
  type BinContract,
  purgeContractRow,
  reopenDeletedReminders,
  restoreContractRow,
} from './contractBinQueries'

/** The contract asked about, in the caller's scope and in the 回收站. */
async function binContract(db: SqlReader, caller: Caller, id: number): Promise<BinContract & { deletedAt: string }> {
  const contract = mustFind(await findAnyContract(db, id), '合同')
  await assertRecordInScope(db, caller, [contract.customerId])
  const { deletedAt } = contract
  if (deletedAt === null) {
    throw new AppError('CONFLICT', `合同 ${contract.contractNo} 不在回收站中，可能已被他人恢复，请刷新后重试`)
  }
  return { ...contract, deletedAt }
}

/**
 * 回收站 for contracts (docs/product-rules.md#recycle-bin): contracts.delete only hides a
 * contract; these bring it back or, for a 管理员, delete it for good.
 */
export function contractBinHandlers({ store }: CoreContext): DomainHandlers<'contracts.restore' | 'contracts.purge'> {
  return {
    'contracts.restore': ({ id }, caller) =>
      store.write(async (db) => {
        const contract = await binContract(db, caller, id)
        if (contract.customerDeleted) {
          throw new AppError(
            'CONFLICT',
            `合同 ${contract.contractNo} 的客户「${contract.customerName}」在回收站中，请先恢复该客户，再恢复合同`,
          )
        }
        const time = localNow()
        await restoreContractRow(db, id, caller.userId, time)
        await reopenDeletedReminders(db, contract, localToday())
        await settleContractReminders(db, time, { customerIds: [contract.customerId] })
        await recordAudit(
          db,
          caller,
          'contracts',
          `从回收站恢复合同 ${contract.contractNo}「${contract.name}」（客户：${contract.customerName}）`,
        )
        return contractDetail(db, id)
      }),

    // The 'purge' permission is a 管理员's, who sees all; the scope still holds if a role ever gets both.
    'contracts.purge': ({ id }, caller) =>
      store.write(async (db) => {
        const contract = await binContract(db, caller, id)
        const parts = await contractParts(db, id)
        await purgeContractRow(db, id)
        await recordAudit(
          db,
          caller,
          'contracts',
          `彻底删除合同 ${contract.contractNo}「${contract.name}」（客户：${contract.customerName}），` +
            `连同 ${parts.instalments} 期回款计划、${parts.payments} 条回款记录`,
        )
        return { id }
      }),
  }
}

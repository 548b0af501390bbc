import { fromFen, toFen, yuanText } from '../../../shared/salesContract'
import { checkDictChoices } from '../activity/activityChecks'
import { AppError } from '../appError'
import { localNow, localToday } from '../common/localTime'
import { mustFind } from '../common/mustFind'
import { assertRecordInScope } from '../common/recordHandlers'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import { reopenOwedReminders, settleContractReminders } from '../reminders/contractRules'
import { contractInScope } from './contractHandlers'
import { findContract } from './contractQueries'
import { deletePayment, findPayment, insertPayment, listPayments } from './paymentQueries'
import { instalmentsOf } from './planQueries'

/**
 * 回款记录. A payment beyond what the contract still owes is recorded in full, its
 * excess kept as 超收 on the row and said in the answer's warnings; one beyond what
 * the named instalment still owes is said too (the rest settles the later instalments).
 */
export function paymentHandlers({ store }: CoreContext): DomainHandlers<ChannelsOf<'payments'>> {
  return {
    'payments.list': (input, caller) => store.read((db) => listPayments(db, input, caller)),

    'payments.create': (input, caller) =>
      store.write(async (db) => {
        const contract = await contractInScope(db, caller, input.contractId)
        if (contract.status === '草拟') {
          throw new AppError('VALIDATION', '合同还是草拟状态，请先改为执行中再登记回款', { contractId: '合同尚未生效' })
        }
        if (contract.status === '已终止') {
          throw new AppError('VALIDATION', '合同已终止，不能再登记回款', { contractId: '合同已终止' })
        }
        await checkDictChoices(db, [
          {
            field: 'receiverStaffId',
            label: '收款人',
            category: 'staff',
            id: input.receiverStaffId ?? null,
            before: null,
          },
        ])
        const warnings: string[] = []
        if (input.instalmentId != null) {
          const plan = await instalmentsOf(db, contract.id, contract.receivedAmount, localToday())
          const instalment = plan.find((i) => i.id === input.instalmentId)
          if (!instalment) {
            throw new AppError('VALIDATION', '输入有误：所选回款计划不属于该合同，可能已被删除', {
              instalmentId: '所选回款计划不属于该合同',
            })
          }
          const open = toFen(instalment.amount) - toFen(instalment.paidAmount)
          if (toFen(input.amount) > open) {
            warnings.push(
              `超过第 ${instalment.seq} 期未收金额 ${yuanText(fromFen(open))} 元，多出的 ` +
                `${yuanText(fromFen(toFen(input.amount) - open))} 元计入其后各期`,
            )
          }
        }
        const owed = Math.max(0, toFen(contract.amount) - toFen(contract.receivedAmount))
        const over = Math.max(0, toFen(input.amount) - owed)
        if (over > 0) {
          // Said first: it is the one that matters.
          warnings.splice(0, warnings.length)
          warnings.push(
            `超收 ${yuanText(fromFen(over))} 元：合同 ${contract.contractNo} 应收只剩 ${yuanText(fromFen(owed))} 元，` +
              `本次收款 ${yuanText(input.amount)} 元，已全部登记，多收部分请退回或转入其他合同`,
          )
        }
        const time = localNow()
        const id = await insertPayment(db, input, fromFen(over), caller.userId, time)
        await settleContractReminders(db, time, { customerIds: [contract.customerId] })
        return {
          payment: mustFind(await findPayment(db, id), '回款记录'),
          contract: mustFind(await findContract(db, contract.id), '合同'),
          warnings,
        }
      }),

    'payments.delete': ({ id }, caller) =>
      store.write(async (db) => {
        const payment = mustFind(await findPayment(db, id), '回款记录')
        await assertRecordInScope(db, caller, [payment.customerId])
        await deletePayment(db, id)
        await reopenOwedReminders(db, payment.contractId)
        await settleContractReminders(db, localNow(), { customerIds: [payment.customerId] })
        return { id }
      }),
  }
}

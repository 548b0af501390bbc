import {
  contractIssues,
  fromFen,
  lineAmount,
  toFen,
  yuanText,
  type ContractDetail,
  type ContractLine,
  type ContractLineInput,
} from '../../../shared/salesContract'
import type { Caller } from '../accounts/caller'
import { checkCustomer, checkDictChoices, mergedAll } from '../activity/activityChecks'
import { AppError } from '../appError'
import { assertCustomersInScope } from '../common/customerScope'
import { assertVersion, lastChange } from '../common/editVersion'
import { localNow, localToday } from '../common/localTime'
import { mustFind } from '../common/mustFind'
import { assertRecordInScope } from '../common/recordHandlers'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import { settleContractReminders } from '../reminders/contractRules'
import { contractBinHandlers } from './contractBinHandlers'
import { assertMayConfirm, assertWithinCredit, exposureFen } from './creditCheck'
import {
  contractLines,
  findContract,
  findContractRow,
  insertContract,
  listContracts,
  nextContractNo,
  replaceLines,
  softDeleteContract,
  touchContract,
  updateContract,
  type ContractRow,
  type ContractValues,
} from './contractQueries'
import { paymentsOf } from './paymentQueries'
import { instalmentIdsOf, instalmentsOf, plannedTotal, replacePlan } from './planQueries'

/** The lines as stored: each line's 金额 given or 数量 × 单价 (the schema checked they agree). */
function resolvedLines(lines: readonly ContractLineInput[]): Omit<ContractLine, 'lineNo'>[] {
  return lines.map((line) => ({
    name: line.name,
    quantity: line.quantity ?? null,
    unitPrice: line.unitPrice ?? null,
    amount:
      line.amount ?? (line.quantity != null && line.unitPrice != null ? lineAmount(line.quantity, line.unitPrice) : 0),
  }))
}

const linesTotal = (lines: readonly { amount: number }[]) => lines.reduce((sum, l) => sum + toFen(l.amount), 0)

function invalid(field: string, text: string): AppError {
  return new AppError('VALIDATION', `输入有误：${text}`, { [field]: text })
}

/** A contract with its lines, plan and payments: the contract page. */
export async function contractDetail(db: SqlReader, id: number): Promise<ContractDetail> {
  const contract = mustFind(await findContract(db, id), '合同')
  const instalments = await instalmentsOf(db, id, contract.receivedAmount, localToday())
  return {
    ...contract,
    lines: await contractLines(db, id),
    instalments,
    payments: await paymentsOf(db, id),
    plannedAmount: fromFen(linesTotal(instalments)),
  }
}

/** A live contract the caller sees, as stored. */
export async function contractInScope(db: SqlReader, caller: Caller, id: number): Promise<ContractRow> {
  const row = mustFind(await findContractRow(db, id), '合同')
  await assertRecordInScope(db, caller, [row.customerId])
  return row
}

/** The checks against other rows: customer, dictionaries, project. */
async function checkValues(db: SqlReader, values: ContractValues, before: ContractRow | null): Promise<void> {
  if (values.customerId !== before?.customerId) await checkCustomer(db, values.customerId)
  await checkDictChoices(db, [
    {
      field: 'settlementId',
      label: '结算方式',
      category: 'settlement',
      id: values.settlementId,
      before: before?.settlementId ?? null,
    },
    { field: 'staffId', label: '业务员', category: 'staff', id: values.staffId, before: before?.staffId ?? null },
  ])
  if (
    values.projectId !== null &&
    (values.projectId !== before?.projectId || values.customerId !== before.customerId)
  ) {
    const project = await db.first<{ owner: number; contractor: number | null }>(
      `SELECT owner_customer_id AS owner, contractor_customer_id AS contractor FROM project
       WHERE id = ? AND deleted_at IS NULL`,
      [values.projectId],
    )
    if (!project) throw invalid('projectId', '所选项目不存在，可能已被删除')
    if (project.owner !== values.customerId && project.contractor !== values.customerId) {
      throw invalid('projectId', '所选项目的甲方和乙方都不是该客户')
    }
  }
}

/** The customer's 负责业务员: who a contract is with when the form names nobody. */
async function ownerStaff(db: SqlReader, customerId: number): Promise<number | null> {
  const row = await db.first<{ staff: number | null }>(`SELECT owner_staff_id AS staff FROM customer WHERE id = ?`, [
    customerId,
  ])
  return row?.staff ?? null
}

export function contractHandlers(ctx: CoreContext): DomainHandlers<ChannelsOf<'contracts'>> {
  const { store } = ctx
  /** What follows every write: the customers' 回款/合同到期 reminders settled at once, not at the next scan. */
  const settle = (db: SqlWriter, customerIds: number[], time: string) =>
    settleContractReminders(db, time, { customerIds: [...new Set(customerIds)] })

  return {
    'contracts.list': (input, caller) => store.read((db) => listContracts(db, input, caller)),

    'contracts.get': ({ id }, caller) =>
      store.read(async (db) => {
        await contractInScope(db, caller, id)
        return contractDetail(db, id)
      }),

    'contracts.create': (input, caller) =>
      store.write(async (db) => {
        assertMayConfirm(caller, input.confirmOverLimit)
        await assertCustomersInScope(db, caller, [input.customerId])
        const lines = input.lines ? resolvedLines(input.lines) : []
        const values: ContractValues = {
          customerId: input.customerId,
          name: input.name,
          signedOn: input.signedOn ?? null,
          startOn: input.startOn ?? null,
          endOn: input.endOn ?? null,
          amount: input.amount ?? fromFen(linesTotal(lines)),
          settlementId: input.settlementId ?? null,
          status: input.status,
          projectId: input.projectId ?? null,
          staffId: input.staffId !== undefined ? input.staffId : await ownerStaff(db, input.customerId),
          remarks: input.remarks ?? null,
        }
        await checkValues(db, values, null)
        await assertWithinCredit(db, {
          customerId: values.customerId,
          contractId: null,
          afterFen: exposureFen({ ...values, receivedAmount: 0 }),
          beforeFen: 0,
          confirmed: input.confirmOverLimit === true,
        })
        const time = localNow()
        const year = Number((values.signedOn ?? time).slice(0, 4))
        const id = await insertContract(db, await nextContractNo(db, year), values, caller.userId, time)
        if (lines.length > 0) await replaceLines(db, id, lines)
        return contractDetail(db, id)
      }),

    'contracts.update': (input, caller) =>
      store.write(async (db) => {
        assertMayConfirm(caller, input.confirmOverLimit)
        const before = await contractInScope(db, caller, input.id)
        assertVersion('该合同', input.version, mustFind(await lastChange(db, 'contract', input.id), '合同'))
        if (input.customerId !== undefined && input.customerId !== before.customerId) {
          await assertCustomersInScope(db, caller, [input.customerId])
        }
        const lines = input.lines ? resolvedLines(input.lines) : null
        const storedLines = lines ?? (await contractLines(db, input.id))
        const values: ContractValues = {
          ...mergedAll(input, before, [
            'customerId',
            'name',
            'signedOn',
            'startOn',
            'endOn',
            'settlementId',
            'status',
            'projectId',
            'staffId',
            'remarks',
          ]),
          amount: input.amount ?? (lines && lines.length > 0 ? fromFen(linesTotal(lines)) : before.amount),
        }
        // The merged update may pair a new date with a stored one, or a new 金额 with the stored lines.
        const issues = contractIssues({ startOn: values.startOn, endOn: values.endOn })
        if (storedLines.length > 0 && linesTotal(storedLines) !== toFen(values.amount)) {
          issues.amount = `合同明细合计 ${yuanText(fromFen(linesTotal(storedLines)))} 元与合同金额 ${yuanText(values.amount)} 元不一致`
        }
        const first = Object.values(issues)[0]
        if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
        const planned = await plannedTotal(db, input.id)
        if (toFen(planned) > toFen(values.amount)) {
          throw invalid(
            'amount',
            `回款计划合计 ${yuanText(planned)} 元超过合同金额 ${yuanText(values.amount)} 元，请先调整回款计划`,
          )
        }
        await checkValues(db, values, before)
        const moved = values.customerId !== before.customerId
        await assertWithinCredit(db, {
          customerId: values.customerId,
          contractId: input.id,
          afterFen: exposureFen({ ...values, receivedAmount: before.receivedAmount }),
          beforeFen: moved ? 0 : exposureFen(before),
          confirmed: input.confirmOverLimit === true,
        })
        const time = localNow()
        await updateContract(db, input.id, values, caller.userId, time)
        if (lines) await replaceLines(db, input.id, lines)
        await settle(db, [before.customerId, values.customerId], time)
        return contractDetail(db, input.id)
      }),

    'contracts.delete': ({ id }, caller) =>
      store.write(async (db) => {
        const before = await contractInScope(db, caller, id)
        const time = localNow()
        await softDeleteContract(db, id, caller.userId, time)
        await settle(db, [before.customerId], time)
        return { id }
      }),

    'contracts.plan.set': (input, caller) =>
      store.write(async (db) => {
        const contract = await contractInScope(db, caller, input.contractId)
        assertVersion('该合同', input.version, mustFind(await lastChange(db, 'contract', input.contractId), '合同'))
        const total = input.instalments.reduce((sum, item) => sum + toFen(item.amount), 0)
        if (total > toFen(contract.amount)) {
          throw invalid(
            'instalments',
            `回款计划合计 ${yuanText(fromFen(total))} 元超过合同金额 ${yuanText(contract.amount)} 元`,
          )
        }
        const known = await instalmentIdsOf(db, input.contractId)
        const stranger = input.instalments.findIndex((item) => item.id !== undefined && !known.has(item.id))
        if (stranger >= 0) {
          throw invalid(`instalments.${stranger}.id`, `第 ${stranger + 1} 期不是该合同的回款计划，可能已被删除`)
        }
        const time = localNow()
        await replacePlan(db, input.contractId, input.instalments)
        await touchContract(db, input.contractId, caller.userId, time)
        await settle(db, [contract.customerId], time)
        return contractDetail(db, input.contractId)
      }),

    ...contractBinHandlers(ctx),
  }
}

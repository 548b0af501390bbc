import type { ExportContractsInput, ExportPaymentsInput } from '../../../shared/excelExport'
import { owedStatuses, type Contract, type Payment } from '../../../shared/salesContract'
import type { Caller } from '../accounts/caller'
import { listContracts } from '../contracts/contractQueries'
import { listPayments } from '../contracts/paymentQueries'
import type { SqlReader } from '../db/sqlHandles'
import { pagesOf } from './listExports'
import type { TableColumn } from './tableWorkbook'

/** The 合同 and 回款记录 lists as exported: the screens' queries (contracts.list, payments.list) page by page. */

export const contractColumns: TableColumn<Contract>[] = [
  { header: '合同编号', kind: 'text', width: 14, value: (r) => r.contractNo },
  { header: '合同名称', kind: 'text', width: 28, value: (r) => r.name },
  { header: '客户', kind: 'text', width: 28, value: (r) => r.customerName },
  { header: '状态', kind: 'text', width: 8, value: (r) => r.status },
  { header: '签订日期', kind: 'date', width: 12, value: (r) => r.signedOn },
  { header: '开始日期', kind: 'date', width: 12, value: (r) => r.startOn },
  { header: '结束日期', kind: 'date', width: 12, value: (r) => r.endOn },
  { header: '合同金额', kind: 'money', width: 14, value: (r) => r.amount, total: true },
  { header: '已收', kind: 'money', width: 14, value: (r) => r.receivedAmount, total: true },
  {
    header: '应收',
    kind: 'money',
    width: 14,
    value: (r) => r.receivable,
    // As the list's 合计应收: a 草拟 or 已终止 contract shows what is unpaid but is not owed.
    total: (r) => (owedStatuses.includes(r.status) ? r.receivable : 0),
  },
  { header: '超收', kind: 'money', width: 12, value: (r) => r.overReceived || null, total: true },
  { header: '结算方式', kind: 'text', width: 12, value: (r) => r.settlementLabel },
  { header: '项目', kind: 'text', width: 18, value: (r) => r.projectName },
  { header: '业务员', kind: 'text', width: 10, value: (r) => r.staffLabel },
  { header: '备注', kind: 'text', width: 30, value: (r) => r.remarks },
]

export function contractPages(db: SqlReader, caller: Caller, input: ExportContractsInput): AsyncGenerator<Contract[]> {
  return pagesOf(
    async (startRow, endRow) =>
      (await listContracts(db, { ...input, startRow, endRow, sortBy: 'updatedAt', sortOrder: 'desc' }, caller)).rows,
  )
}

export const paymentColumns: TableColumn<Payment>[] = [
  { header: '回款日期', kind: 'date', width: 12, value: (r) => r.paidOn },
  { header: '合同编号', kind: 'text', width: 14, value: (r) => r.contractNo },
  { header: '合同名称', kind: 'text', width: 24, value: (r) => r.contractName },
  { header: '客户', kind: 'text', width: 28, value: (r) => r.customerName },
  { header: '回款金额', kind: 'money', width: 14, value: (r) => r.amount, total: true },
  { header: '收款方式', kind: 'text', width: 10, value: (r) => r.method },
  { header: '收款人', kind: 'text', width: 10, value: (r) => r.receiverLabel },
  { header: '期次', kind: 'integer', width: 6, value: (r) => r.instalmentSeq },
  { header: '超收', kind: 'money', width: 12, value: (r) => r.overAmount || null, total: true },
  { header: '备注', kind: 'text', width: 30, value: (r) => r.remarks },
]

export function paymentPages(db: SqlReader, caller: Caller, input: ExportPaymentsInput): AsyncGenerator<Payment[]> {
  return pagesOf(async (startRow, endRow) => (await listPayments(db, { ...input, startRow, endRow }, caller)).rows)
}

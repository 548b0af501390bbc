import type ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../../src/main/core/accounts/caller'
import { channelPermissions } from '../../../../src/shared/channelPermissions'
import type { ExportFile, ExportJobRequest } from '../../../../src/shared/excelExport'
import { asCaller } from '../../../helpers/callers'
import { contractFixture, type ContractFixture } from '../contracts/contractKit'
import { firstSheet, rowValues } from './exportTestKit'

/** The 合同 and 回款记录 exports: the lists' rows and scope, money as numbers, a 合计 row, read back with exceljs. */
let f: ContractFixture

beforeEach(async () => {
  f = await contractFixture('contract-export')
})
afterEach(async () => {
  await f.core.close()
})

/** Runs an export as a job, as the screens do, and returns the finished file. */
async function exported(caller: Caller, request: ExportJobRequest): Promise<ExportFile> {
  const { jobId } = await asCaller(f.core, caller, 'export.start', request)
  for (;;) {
    const progress = await asCaller(f.core, caller, 'export.progress', { jobId })
    if (progress.state === 'done' && progress.file) return progress.file
    if (progress.state !== 'running') throw new Error(progress.message ?? progress.state)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const column = (ws: ExcelJS.Worksheet, header: string, rows: number[]): unknown[] => {
  const index = rowValues(ws, 1).indexOf(header) + 1
  if (index === 0) throw new Error(`no column ${header}`)
  return rows.map((n) => ws.getRow(n).getCell(index).value)
}

async function seed(): Promise<void> {
  const make = (
    customerId: number,
    name: string,
    amount: number,
    status: '草拟' | '执行中' | '已完成',
    signedOn: string,
  ) => asCaller(f.core, f.manager, 'contracts.create', { customerId, name, amount, status, signedOn })
  const a = await make(f.own.id, '年度供货合同', 10000.1, '执行中', '2026-03-01')
  const b = await make(f.others.id, '维保合同', 2000.2, '执行中', '2026-04-01')
  const c = await make(f.pool.id, '安装合同', 0.3, '已完成', '2026-05-01')
  await make(f.own.id, '意向合同', 500, '草拟', '2026-06-01')
  const pay = (contractId: number, paidOn: string, amount: number, remarks?: string) =>
    asCaller(f.core, f.manager, 'payments.create', {
      contractId,
      paidOn,
      amount,
      method: '转账',
      receiverStaffId: f.zhangStaff,
      remarks,
    })
  await pay(a.id, '2026-03-10', 0.1)
  await pay(a.id, '2026-04-10', 0.2, '第二笔')
  await pay(b.id, '2026-04-15', 2500, '多付')
  await pay(c.id, '2026-05-02', 0.3)
}

describe('合同 and 回款记录 exports', () => {
  it('are open to every signed-in role through export.start; 导出 is no separate permission', () => {
    expect(channelPermissions['export.start']).toBe('signedIn')
    expect(channelPermissions['export.progress']).toBe('signedIn')
  })

  it('合同: the list’s rows and order, dates as dates, money as numbers, a 合计 row equal to the list’s sums', async () => {
    await seed()
    const list = await asCaller(f.core, f.manager, 'contracts.list', { startRow: 0, endRow: 100 })
    const file = await exported(f.manager, { kind: 'contracts' })
    expect(file.fileName).toMatch(/^合同-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(file.count).toBe(4)
    const ws = await firstSheet(file)
    expect(ws.name).toBe('合同')
    expect(rowValues(ws, 1)).toEqual([
      '合同编号',
      '合同名称',
      '客户',
      '状态',
      '签订日期',
      '开始日期',
      '结束日期',
      '合同金额',
      '已收',
      '应收',
      '超收',
      '结算方式',
      '项目',
      '业务员',
      '备注',
    ])
    const rows = [2, 3, 4, 5]
    expect(column(ws, '合同编号', rows)).toEqual(list.rows.map((r) => r.contractNo))
    expect(column(ws, '合同金额', rows)).toEqual(list.rows.map((r) => r.amount))
    expect(column(ws, '签订日期', rows)[0]).toBeInstanceOf(Date)
    expect(ws.getCell('H2').numFmt).toBe('#,##0.00')
    // A blank row, then 合计 with the list's own sums: 应收 only of owed contracts (the 草拟's 500 left out).
    expect(rowValues(ws, 6)).toEqual([])
    const total = ws.getRow(7)
    expect(total.getCell(1).value).toBe('合计')
    expect(column(ws, '合同金额', [7])).toEqual([list.totalAmount])
    expect(column(ws, '已收', [7])).toEqual([list.totalReceived])
    expect(column(ws, '应收', [7])).toEqual([list.totalReceivable])
    expect(list.totalReceivable).toBe(9999.8)
    expect(column(ws, '超收', [7])).toEqual([499.8])
    expect(total.getCell(1).font?.bold).toBe(true)
  })

  it('合同: the filters of contracts.list (status, dates, 只看有应收, quick) and one customer’s file name', async () => {
    await seed()
    const filters = { statuses: ['执行中' as const, '已完成' as const], signedFrom: '2026-03-15', owedOnly: true }
    const list = await asCaller(f.core, f.manager, 'contracts.list', { ...filters, startRow: 0, endRow: 100 })
    const file = await exported(f.manager, { kind: 'contracts', ...filters })
    expect(list.rows.map((r) => r.name)).toEqual([])
    expect(file.count).toBe(0)
    const quick = await exported(f.manager, { kind: 'contracts', quick: '供货' })
    expect(quick.count).toBe(1)
    const own = await exported(f.manager, { kind: 'contracts', customerId: f.own.id })
    expect(own.fileName).toMatch(/^合同-广州人易科技有限公司-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(own.count).toBe(2)
  })

  it('回款记录: newest first like payments.list, 期次 and 超收, the 合计 of every match', async () => {
    await seed()
    const list = await asCaller(f.core, f.manager, 'payments.list', { startRow: 0, endRow: 100 })
    const file = await exported(f.manager, { kind: 'payments' })
    expect(file.count).toBe(4)
    const ws = await firstSheet(file)
    expect(ws.name).toBe('回款记录')
    expect(rowValues(ws, 1)).toEqual([
      '回款日期',
      '合同编号',
      '合同名称',
      '客户',
      '回款金额',
      '收款方式',
      '收款人',
      '期次',
      '超收',
      '备注',
    ])
    const rows = [2, 3, 4, 5]
    expect(column(ws, '回款金额', rows)).toEqual(list.rows.map((r) => r.amount))
    expect(column(ws, '回款日期', rows)[0]).toEqual(new Date(Date.UTC(2026, 4, 2)))
    expect(column(ws, '收款人', rows)).toEqual(['张业务', '张业务', '张业务', '张业务'])
    expect(column(ws, '超收', rows)).toEqual([null, 499.8, null, null])
    expect(ws.getRow(7).getCell(1).value).toBe('合计')
    // 0.1 + 0.2 + 2500 + 0.3 in fen: exactly 2500.6, as the list's own sum.
    expect(column(ws, '回款金额', [7])).toEqual([2500.6])
    expect(list.totalAmount).toBe(2500.6)

    const filtered = { paidFrom: '2026-04-01', paidTo: '2026-04-30', quick: '第二笔' }
    const some = await asCaller(f.core, f.manager, 'payments.list', { ...filtered, startRow: 0, endRow: 100 })
    const part = await exported(f.manager, { kind: 'payments', ...filtered })
    expect(part.count).toBe(some.total)
    expect(part.count).toBe(1)
    const contract = list.rows[3]?.contractId ?? 0
    const one = await exported(f.manager, { kind: 'payments', contractId: contract })
    expect(one.fileName).toMatch(/^回款记录-HT-\d{4}-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx$/)
    expect(one.count).toBe(2)
  })

  it('a 业务员 exports the rows of their own and the 公海 customers only; another’s customer or contract is refused', async () => {
    await seed()
    const contracts = await exported(f.zhang, { kind: 'contracts' })
    const payments = await exported(f.zhang, { kind: 'payments' })
    const own = await f.rows<{ contracts: number; payments: number }>(
      `SELECT (SELECT COUNT(*) FROM contract k JOIN customer c ON c.id = k.customer_id
                WHERE k.deleted_at IS NULL AND (c.owner_staff_id = ? OR c.owner_staff_id IS NULL)) AS contracts,
              (SELECT COUNT(*) FROM contract_payment y JOIN contract k ON k.id = y.contract_id
                JOIN customer c ON c.id = k.customer_id
                WHERE k.deleted_at IS NULL AND (c.owner_staff_id = ? OR c.owner_staff_id IS NULL)) AS payments`,
      [f.zhangStaff, f.zhangStaff],
    )
    expect(contracts.count).toBe(own[0]?.contracts)
    expect(payments.count).toBe(own[0]?.payments)
    expect([contracts.count, payments.count]).toEqual([3, 3])
    const ws = await firstSheet(contracts)
    expect(column(ws, '客户', [2, 3, 4])).not.toContain('佛山顺德电器有限公司')
    expect((await exported(f.manager, { kind: 'contracts' })).count).toBe(4)

    const [theirs] = await f.rows<{ id: number }>(`SELECT id FROM contract WHERE customer_id = ?`, [f.others.id])
    await expect(exported(f.zhang, { kind: 'payments', contractId: theirs?.id ?? 0 })).rejects.toThrow()
    await expect(exported(f.zhang, { kind: 'contracts', customerId: f.others.id })).rejects.toThrow()
  })
})

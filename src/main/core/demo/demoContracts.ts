import type { ContractStatus } from '../../../shared/salesContract'
import type { SqlWriter } from '../db/sqlHandles'
import { dayIso, dayNumber } from './demoActivity'
import type { SeededRandom } from './seededRandom'

export interface DemoContractCounts {
  contracts: number
  instalments: number
  payments: number
}

const statusWeights: [ContractStatus, number][] = [
  ['草拟', 10],
  ['执行中', 55],
  ['已完成', 30],
  ['已终止', 5],
]
const contractWords = ['年度供货合同', '设备采购合同', '安装工程合同', '维保服务合同', '框架协议', '项目配套合同']
const lineWords = ['主机', '配件', '安装调试', '运输', '培训', '延保服务']
const methods = ['转账', '转账', '转账', '承兑汇票', '现金', '支票']

/** Rows per multi-row INSERT: 16 columns × 50 rows stays under SQLite's 999 variables. */
const rowsPerInsert = 50

async function insertRows(db: SqlWriter, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    const chunk = rows.slice(start, start + rowsPerInsert)
    await db.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => placeholders).join(', ')}`,
      chunk.flat(),
    )
  }
}

/** Contracts written per round, so a large dataset never holds every row in memory. */
const roundSize = 2000

/**
 * 合同 (about one per 8 customers) with their lines, 回款计划 and 回款记录, for the demo
 * customers with ids in [firstId, lastId]: 已完成 ones fully paid, running ones paid up to
 * a point (some late, some partly), so the aging, the reminders and the 超额度 filter
 * have something to show. Numbers continue the 合同编号 counter of each year.
 */
export async function writeDemoContracts(
  db: SqlWriter,
  random: SeededRandom,
  options: { firstId: number; lastId: number; today: string },
): Promise<DemoContractCounts> {
  const customers = options.lastId - options.firstId + 1
  const counts: DemoContractCounts = { contracts: 0, instalments: 0, payments: 0 }
  if (customers <= 0) return counts
  const today = dayNumber(options.today)
  const total = Math.max(1, Math.round(customers / 8))
  const lastNumber = new Map<number, number>()
  const numberIn = async (year: number) => {
    if (!lastNumber.has(year)) {
      const [row] = await db.all<{ n: number }>(
        `SELECT max(
           COALESCE((SELECT last_value FROM contract_no_counter WHERE year = ?), 0),
           COALESCE((SELECT MAX(CAST(substr(contract_no, 9) AS INTEGER)) FROM contract WHERE contract_no LIKE ?), 0)
         ) AS n`,
        [year, `HT-${year}-%`],
      )
      lastNumber.set(year, row?.n ?? 0)
    }
    const n = (lastNumber.get(year) ?? 0) + 1
    lastNumber.set(year, n)
    return `HT-${year}-${String(n).padStart(4, '0')}`
  }
  const [last] = await db.all<{ id: number }>(`SELECT COALESCE(MAX(id), 0) AS id FROM contract`)
  let contractId = last?.id ?? 0
  const firstContractId = contractId + 1

  for (let done = 0; done < total; done += roundSize) {
    const contracts: unknown[][] = []
    const lines: unknown[][] = []
    const instalments: unknown[][] = []
    const payments: unknown[][] = []
    for (let k = 0; k < Math.min(roundSize, total - done); k++) {
      const id = ++contractId
      const status = random.weighted(statusWeights)
      const signed = today - random.int(status === '已完成' ? 200 : 0, 720)
      const start = signed + random.int(0, 15)
      const end = start + random.int(90, 540)
      const lineCount = random.int(1, 3)
      const lineAmounts = Array.from({ length: lineCount }, () => random.int(2, 200) * 500)
      const amount = lineAmounts.reduce((a, b) => a + b, 0)
      const stamp = `${dayIso(Math.min(signed, today))} ${String(random.int(8, 18)).padStart(2, '0')}:00:00`
      contracts.push([
        id,
        await numberIn(Number(dayIso(signed).slice(0, 4))),
        random.int(options.firstId, options.lastId),
        random.pick(contractWords),
        status === '草拟' ? null : dayIso(signed),
        dayIso(start),
        dayIso(end),
        amount,
        status,
        stamp,
        stamp,
      ])
      lineAmounts.forEach((value, index) => {
        const quantity = random.int(1, 10)
        const exact = value % quantity === 0
        lines.push([
          id,
          index + 1,
          random.pick(lineWords),
          exact ? quantity : null,
          exact ? value / quantity : null,
          value,
        ])
      })
      if (status === '草拟') continue
      // 1–4 instalments spread from the start to the end, the last taking what is left.
      const parts = random.int(1, 4)
      let left = amount
      let paidUpTo = 0
      for (let seq = 1; seq <= parts; seq++) {
        const share = seq === parts ? left : Math.round((amount / parts) * (0.8 + random.next() * 0.4))
        left -= share
        if (share <= 0) continue
        const due = start + Math.round(((end - start) * seq) / parts)
        const remind = random.pick([3, 7, 7, 15])
        instalments.push([id, seq, dayIso(due), share, remind, dayIso(due - remind)])
        counts.instalments++
        const settled = status === '已完成' || (due < today && random.chance(0.75))
        if (!settled) continue
        // Some pay late, a few only part of it.
        const paidOn = Math.min(today, due + random.int(-10, 40))
        const value = status === '已完成' || random.chance(0.85) ? share : Math.round(share * 0.5)
        payments.push([id, dayIso(paidOn), value, random.pick(methods), `${dayIso(Math.min(paidOn, today))} 10:00:00`])
        paidUpTo += value
      }
      if (paidUpTo > amount) throw new Error('demo contract paid more than its amount')
    }
    await insertRows(
      db,
      'contract',
      [
        'id',
        'contract_no',
        'customer_id',
        'name',
        'signed_on',
        'start_on',
        'end_on',
        'amount',
        'status',
        'created_at',
        'updated_at',
      ],
      contracts,
    )
    await insertRows(db, 'contract_line', ['contract_id', 'line_no', 'name', 'quantity', 'unit_price', 'amount'], lines)
    await insertRows(
      db,
      'contract_instalment',
      ['contract_id', 'seq', 'due_on', 'amount', 'remind_days_before', 'remind_on'],
      instalments,
    )
    await insertRows(db, 'contract_payment', ['contract_id', 'paid_on', 'amount', 'method', 'created_at'], payments)
    counts.contracts += contracts.length
    counts.payments += payments.length
  }
  for (const [year, n] of lastNumber) {
    await db.run(
      `INSERT INTO contract_no_counter (year, last_value) VALUES (?, ?)
       ON CONFLICT (year) DO UPDATE SET last_value = max(last_value, excluded.last_value)`,
      [year, n],
    )
  }
  // With the customer's 负责业务员, as a contract saved from the form without one.
  await db.run(
    `UPDATE contract SET staff_id = (SELECT owner_staff_id FROM customer c WHERE c.id = contract.customer_id) WHERE id >= ?`,
    [firstContractId],
  )
  await db.run(
    `UPDATE contract_payment SET receiver_staff_id = (SELECT staff_id FROM contract k WHERE k.id = contract_payment.contract_id)
     WHERE contract_id >= ?`,
    [firstContractId],
  )
  return counts
}

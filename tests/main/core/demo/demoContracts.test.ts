import { afterEach, beforeEach, expect, it } from 'vitest'
import { generateDemoData } from '../../../../src/main/core/demo/generateDemoData'
import { call, testCore } from '../../../helpers/testCore'
import { remindersOf, scanOn } from '../reminders/reminderTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('demo-contracts')
})
afterEach(async () => {
  await core.close()
})

const rows = <R>(sql: string) => core.store.manager.query(sql) as Promise<R[]>

it('demo contracts keep every rule the handlers keep: lines add up, plans and payments stay within 金额, numbers unique', async () => {
  const counts = await generateDemoData(core.store, { customers: 800, seed: 7, today: '2026-12-06' })
  expect(counts.contracts).toBe(100)
  expect(counts.instalments).toBeGreaterThan(100)
  expect(counts.payments).toBeGreaterThan(50)
  const [check] = await rows<Record<string, number>>(`SELECT
      (SELECT COUNT(*) FROM contract) AS contracts,
      (SELECT COUNT(DISTINCT contract_no) FROM contract) AS numbers,
      (SELECT COUNT(*) FROM contract k WHERE round(k.amount * 100) <>
         (SELECT round(TOTAL(l.amount) * 100) FROM contract_line l WHERE l.contract_id = k.id)) AS linesOff,
      (SELECT COUNT(*) FROM contract_line WHERE quantity IS NOT NULL AND round(quantity * unit_price * 100) <> round(amount * 100)) AS lineProductOff,
      (SELECT COUNT(*) FROM contract k WHERE (SELECT TOTAL(i.amount) FROM contract_instalment i WHERE i.contract_id = k.id) > k.amount) AS overPlanned,
      (SELECT COUNT(*) FROM contract WHERE received_amount > amount) AS overPaid,
      (SELECT COUNT(*) FROM contract k WHERE round(k.received_amount * 100) <>
         (SELECT round(TOTAL(y.amount) * 100) FROM contract_payment y WHERE y.contract_id = k.id)) AS receivedOff,
      (SELECT COUNT(*) FROM contract WHERE status = '已完成' AND received_amount < amount) AS finishedOpen,
      (SELECT COUNT(*) FROM contract WHERE status = '执行中' AND received_amount < amount) AS running,
      (SELECT COUNT(*) FROM contract k JOIN customer c ON c.id = k.customer_id WHERE k.staff_id IS NOT c.owner_staff_id) AS staffOff`)
  expect(check).toMatchObject({
    contracts: 100,
    numbers: 100,
    linesOff: 0,
    lineProductOff: 0,
    overPlanned: 0,
    overPaid: 0,
    receivedOff: 0,
    finishedOpen: 0,
    staffOff: 0,
  })
  expect(check?.running).toBeGreaterThan(10)
  // The counter is past every number in use: the next contract gets a fresh one.
  const [{ year, top }] = await rows<{ year: number; top: number }>(
    `SELECT CAST(substr(contract_no, 4, 4) AS INTEGER) AS year, MAX(CAST(substr(contract_no, 9) AS INTEGER)) AS top
     FROM contract GROUP BY year ORDER BY year DESC LIMIT 1`,
  )
  expect(await rows(`SELECT last_value FROM contract_no_counter WHERE year = ${year}`)).toEqual([{ last_value: top }])
  const [{ id }] = await rows<{ id: number }>(`SELECT customer_id AS id FROM contract LIMIT 1`)
  const made = await call(core, 'contracts.create', {
    customerId: id,
    name: '新合同',
    amount: 1,
    signedOn: `${year}-06-01`,
    confirmOverLimit: true,
  })
  expect(made.contractNo).toBe(`HT-${year}-${String(top + 1).padStart(4, '0')}`)

  // The aging and the reminders have something to show.
  const aging = await call(core, 'receivables.aging', { by: 'staff', asOf: '2026-12-06' })
  expect(aging.totals.total).toBeGreaterThan(0)
  expect(aging.totals.total).toBeCloseTo(
    aging.rows.reduce((sum, r) => sum + r.total, 0),
    2,
  )
  await scanOn(core, '2026-12-06')
  expect((await remindersOf(core, 'payment')).length).toBeGreaterThan(0)
})

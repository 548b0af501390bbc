import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../../../../src/main/core/accounts/caller'
import { unsetKey } from '../../../../src/shared/analysis/dimensions'
import type { Channel, ChannelInput, ChannelOutput } from '../../../../src/shared/contract'
import { asCaller, testCaller } from '../../../helpers/callers'
import { call, testCore } from '../../../helpers/testCore'

/**
 * 统计分析 as a 业务员: every aggregate counts only the customers they own and the 公海 (and only
 * those customers' sales, 交往 and 意见). Each expected figure is a direct SQL query over the demo
 * data written here, independently of the analysis SQL.
 */
let core: Awaited<ReturnType<typeof testCore>>
let mine: number
let sales: Caller
let supervisor: Caller
let year: number
let period: { from: string; to: string }
let previous: { from: string; to: string }
let asOf: string
/** Live customers of the 业务员: theirs and the 公海. */
const inScope = `(SELECT id FROM customer WHERE deleted_at IS NULL AND (owner_staff_id = ?1 OR owner_staff_id IS NULL))`

async function rows<R>(sql: string, params: unknown[] = []): Promise<R[]> {
  return (await core.store.manager.query(sql, params)) as R[]
}
async function one(sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ v: number | null }>(sql, params)
  return row?.v ?? 0
}
const scoped = (sql: string, params: unknown[] = []) => one(sql, [mine, ...params])
async function scopeIds(): Promise<Set<number>> {
  return new Set((await rows<{ id: number }>(inScope.slice(1, -1), [mine])).map((r) => r.id))
}

/** The same channel as the 业务员, and as the PC's own user (single-PC mode, no token). */
async function bothWays<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<{ own: ChannelOutput<C>; all: ChannelOutput<C> }> {
  return { own: await asCaller(core, sales, channel, input), all: await call(core, channel, input) }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a row')
  return value
}

beforeAll(async () => {
  core = await testCore('analysisScope')
  await call(core, 'demo.load', { customers: 600 })
  const owners = await rows<{ s: number; n: number }>(
    `SELECT owner_staff_id AS s, COUNT(*) AS n FROM customer WHERE owner_staff_id IS NOT NULL
     GROUP BY owner_staff_id ORDER BY n DESC, s`,
  )
  mine = present(owners[0]).s
  sales = testCaller('sales', mine)
  supervisor = testCaller('manager', null)
  // Some of the 业务员's own and some 公海 customers go to the 回收站: they must not count either.
  const binned = await rows<{ id: number }>(
    `SELECT id FROM customer WHERE owner_staff_id = ?1 OR owner_staff_id IS NULL ORDER BY id LIMIT 6`,
    [mine],
  )
  await call(core, 'customers.delete', { ids: binned.map((r) => r.id) })
  const last = await one(`SELECT CAST(substr(MAX(date), 1, 4) AS INTEGER) AS v FROM sale`)
  // The last full year of the demo's sales, and the one before it.
  year = last - 1
  period = { from: `${year}-01-01`, to: `${year + 1}-01-01` }
  previous = { from: `${year - 1}-01-01`, to: `${year}-01-01` }
  asOf = `${year}-12-31`
}, 120_000)
afterAll(async () => {
  await core.close()
})

describe('the demo office', () => {
  it('has customers of this 业务员, of others and in the 公海, each with sales in the year', async () => {
    const count = (where: string) =>
      one(
        `SELECT COUNT(DISTINCT c.id) AS v FROM customer c JOIN sale s ON s.customer_id = c.id
         WHERE c.deleted_at IS NULL AND s.date >= ?2 AND s.date < ?3 AND ${where}`,
        [mine, period.from, period.to],
      )
    expect(await count('c.owner_staff_id = ?1')).toBeGreaterThan(5)
    expect(await count('c.owner_staff_id <> ?1')).toBeGreaterThan(5)
    expect(await count('c.owner_staff_id IS NULL')).toBeGreaterThan(0)
  })
})

describe('统计分析 as a 业务员 counts only their customers and the 公海', () => {
  it('客户来源分布: new and registered customers per 大区', async () => {
    const { own, all } = await bothWays('analysis.sources', { period, dimension: 'region' })
    const expected = await rows<{ k: string; fresh: number; n: number }>(
      `SELECT COALESCE(CAST(region_id AS TEXT), '${unsetKey}') AS k, SUM(registered_at >= ?2) AS fresh, COUNT(*) AS n
       FROM customer WHERE id IN ${inScope} AND registered_at < ?3 GROUP BY k`,
      [mine, period.from, period.to],
    )
    const byKey = (list: { key: string; newCustomers: number; customers: number }[]) =>
      Object.fromEntries(list.map((r) => [r.key, [r.newCustomers, r.customers]]))
    expect(byKey(own)).toEqual(Object.fromEntries(expected.map((r) => [r.k, [r.fresh, r.n]])))
    expect(sum(own.map((r) => r.customers))).toBeLessThan(sum(all.map((r) => r.customers)))
  })

  it('比率分析 (one dimension and the whole page): customers, buyers and both periods’ sales', async () => {
    const registered = await scoped(
      `SELECT COUNT(*) AS v FROM customer WHERE id IN ${inScope} AND registered_at < ?2`,
      [period.to],
    )
    const salesOf = (p: { from: string; to: string }, what: string) =>
      scoped(`SELECT ${what} AS v FROM sale WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3`, [
        p.from,
        p.to,
      ])
    const buyers = await salesOf(period, 'COUNT(DISTINCT customer_id)')
    const amount = await salesOf(period, 'TOTAL(amount)')
    const before = await salesOf(previous, 'TOTAL(amount)')
    const { own: sets, all } = await bothWays('analysis.ratioSets', {
      period,
      previous,
      dimensions: ['region', 'industry'],
    })
    const single = await asCaller(core, sales, 'analysis.ratios', { period, previous, dimension: 'city' })
    for (const set of [...sets.map((s) => s.rows), single]) {
      expect(sum(set.map((r) => r.customers))).toBe(registered)
      expect(sum(set.map((r) => r.buyers))).toBe(buyers)
      expect(sum(set.map((r) => r.amount))).toBeCloseTo(amount, 2)
      expect(sum(set.map((r) => r.previousAmount))).toBeCloseTo(before, 2)
    }
    expect(sum(present(all[0]).rows.map((r) => r.buyers))).toBeGreaterThan(buyers)
  })

  it('销售业绩: the year’s buyers, total and each row’s amount', async () => {
    const { own, all } = await bothWays('analysis.salesPerformance', { year, limit: 5000 })
    const expected = await rows<{ id: number; amount: number }>(
      `SELECT customer_id AS id, TOTAL(amount) AS amount FROM sale
       WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3 GROUP BY customer_id`,
      [mine, period.from, period.to],
    )
    expect(own.total).toBe(expected.length)
    expect(own.totalAmount).toBeCloseTo(sum(expected.map((r) => r.amount)), 2)
    const amounts = new Map(expected.map((r) => [r.id, Math.round(r.amount * 100) / 100]))
    expect(new Map(own.rows.map((r) => [r.customerId, r.amount]))).toEqual(amounts)
    expect(all.total).toBeGreaterThan(own.total)
  })

  it('极端情况: the top amounts and both ranks among their customers only', async () => {
    const { own, all } = await bothWays('analysis.extremes', { period, previous, topN: 10 })
    const top = await rows<{ amount: number }>(
      `SELECT ROUND(TOTAL(amount), 2) AS amount FROM sale WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3
       GROUP BY customer_id HAVING amount > 0 ORDER BY amount DESC LIMIT 10`,
      [mine, period.from, period.to],
    )
    expect(own.byTotal.map((r) => r.amount)).toEqual(top.map((r) => r.amount))
    expect(present(own.byTotal[0]).rank).toBe(1)
    const ids = await scopeIds()
    for (const r of [...own.byTotal, ...own.byGrowth, ...own.byDecline]) expect(ids.has(r.customerId)).toBe(true)
    expect(all.byTotal.some((r) => !ids.has(r.customerId))).toBe(true)
  })

  it('保持与流失: buyers, retained and new customers per year; customers past their cycle', async () => {
    const years = [year - 2, year - 1, year].map((y) => ({ from: `${y}-01-01`, to: `${y + 1}-01-01` }))
    const { own, all } = await bothWays('analysis.retention', { periods: years, asOf, limit: 1000 })
    const boughtIn = (p: { from: string; to: string }) =>
      `SELECT customer_id FROM sale WHERE customer_id IN ${inScope} AND date >= '${p.from}' AND date < '${p.to}'`
    for (const [i, r] of own.periods.entries()) {
      const [before, now] = [present(years[i]), present(years[i + 1])]
      expect(r.buyers).toBe(await scoped(`SELECT COUNT(DISTINCT customer_id) AS v FROM (${boughtIn(now)})`))
      expect(r.previousBuyers).toBe(await scoped(`SELECT COUNT(DISTINCT customer_id) AS v FROM (${boughtIn(before)})`))
      expect(r.retained).toBe(
        await scoped(`SELECT COUNT(*) AS v FROM (${boughtIn(now)} INTERSECT ${boughtIn(before)})`),
      )
      expect(r.newCustomers).toBe(
        await scoped(
          `SELECT COUNT(*) AS v FROM customer WHERE id IN ${inScope} AND first_transaction_at >= ?2
           AND first_transaction_at < ?3`,
          [now.from, now.to],
        ),
      )
    }
    const overdue = await scoped(
      `SELECT COUNT(*) AS v FROM customer c JOIN dict_item d ON d.id = c.purchase_strategy_id
       WHERE c.id IN ${inScope} AND c.last_transaction_at <= ?2
         AND julianday(?2) - julianday(c.last_transaction_at) >= d.cycle_days`,
      [asOf],
    )
    expect(own.pastCycle.total).toBe(overdue)
    expect(own.pastCycle.rows).toHaveLength(overdue)
    expect(present(all.periods[1]).buyers).toBeGreaterThan(present(own.periods[1]).buyers)
    expect(all.pastCycle.total).toBeGreaterThan(overdue)
  })

  it('RFM: the scored customers and their sales in the window', async () => {
    const { own, all } = await bothWays('analysis.rfm', { asOf, windowMonths: 12, perSegment: 500 })
    const buyers = await scoped(
      `SELECT COUNT(DISTINCT customer_id) AS v FROM sale WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3`,
      [period.from, period.to],
    )
    const amount = await scoped(
      `SELECT TOTAL(amount) AS v FROM sale WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3`,
      [period.from, period.to],
    )
    expect(own.scored).toBe(buyers)
    expect(sum(own.segments.map((s) => s.customers))).toBe(buyers)
    expect(sum(own.segments.map((s) => s.amount))).toBeCloseTo(amount, 1)
    expect(own.customers).toHaveLength(buyers)
    expect(all.scored).toBeGreaterThan(buyers)
  })

  it('二八分析: the customers with sales and their total', async () => {
    const { own, all } = await bothWays('analysis.pareto', { period })
    const amounts = await rows<{ amount: number }>(
      `SELECT ROUND(TOTAL(amount), 2) AS amount FROM sale WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3
       GROUP BY customer_id HAVING amount > 0`,
      [mine, period.from, period.to],
    )
    expect(own.customers).toBe(amounts.length)
    expect(own.totalAmount).toBeCloseTo(sum(amounts.map((r) => r.amount)), 2)
    expect(sum(own.classes.map((c) => c.customers))).toBe(amounts.length)
    const ids = await scopeIds()
    for (const r of own.top) expect(ids.has(r.customerId)).toBe(true)
    expect(all.customers).toBeGreaterThan(own.customers)
  })

  it('分级分布: customers and 交易金额 per 客情关系等级 and 价值分类', async () => {
    const { own, all } = await bothWays('analysis.grades', {})
    const per = async (column: string) =>
      Object.fromEntries(
        (
          await rows<{ k: string; n: number; amount: number }>(
            `SELECT COALESCE(${column}, 'none') AS k, COUNT(*) AS n, TOTAL(transaction_amount) AS amount
             FROM customer WHERE id IN ${inScope} GROUP BY k`,
            [mine],
          )
        ).map((r) => [r.k, [r.n, Math.round(r.amount * 100) / 100]]),
      )
    const shown = (list: { key: string; count: number; amount?: number }[]) =>
      Object.fromEntries(list.filter((r) => r.count > 0).map((r) => [r.key, [r.count, r.amount]]))
    expect(shown(own.relationshipLevel)).toEqual(await per('relationship_level'))
    expect(shown(own.valueClass)).toEqual(await per('value_class'))
    const customers = await scoped(`SELECT COUNT(*) AS v FROM customer WHERE id IN ${inScope}`)
    expect(sum(own.dealGrade.map((r) => r.count))).toBe(customers)
    expect(sum(all.dealGrade.map((r) => r.count))).toBeGreaterThan(customers)
  })

  it('意见分析: the feedback of their customers only, by type', async () => {
    const { own, all } = await bothWays('analysis.feedback', { period })
    const byType = await rows<{ k: string; n: number }>(
      `SELECT type AS k, COUNT(*) AS n FROM feedback WHERE customer_id IN ${inScope}
       AND received_at >= ?2 AND received_at < ?3 GROUP BY type`,
      [mine, period.from, period.to],
    )
    expect(own.total).toBe(sum(byType.map((r) => r.n)))
    expect(own.total).toBeGreaterThan(0)
    expect(Object.fromEntries(own.byType.filter((r) => r.count > 0).map((r) => [r.key, r.count]))).toEqual(
      Object.fromEntries(byType.map((r) => [r.k, r.n])),
    )
    const ids = await scopeIds()
    for (const r of [...own.mostSatisfied, ...own.leastSatisfied]) expect(ids.has(r.customerId)).toBe(true)
    expect(all.total).toBeGreaterThan(own.total)
  })

  it('客户接触评价: the 交往记录 of their customers, whoever recorded them', async () => {
    const { own, all } = await bothWays('analysis.contacts', { period })
    const perStaff = await rows<{ k: string; n: number; customers: number }>(
      `SELECT COALESCE(CAST(staff_id AS TEXT), 'none') AS k, COUNT(*) AS n, COUNT(DISTINCT customer_id) AS customers
       FROM interaction WHERE customer_id IN ${inScope} AND occurred_at >= ?2 AND occurred_at < ?3 GROUP BY k`,
      [mine, period.from, period.to],
    )
    expect(Object.fromEntries(own.rows.map((r) => [r.key, [r.interactions, r.customers]]))).toEqual(
      Object.fromEntries(perStaff.map((r) => [r.k, [r.n, r.customers]])),
    )
    expect(sum(all.rows.map((r) => r.interactions))).toBeGreaterThan(sum(own.rows.map((r) => r.interactions)))
  })

  it('a 业务员 standing for no 业务员 item sees only the 公海', async () => {
    const publicOnly = testCaller('sales', null, 2)
    const out = await asCaller(core, publicOnly, 'analysis.pareto', { period })
    const buyers = await one(
      `SELECT COUNT(*) AS v FROM (SELECT customer_id FROM sale s JOIN customer c ON c.id = s.customer_id
       WHERE c.deleted_at IS NULL AND c.owner_staff_id IS NULL AND s.date >= ?1 AND s.date < ?2
       GROUP BY customer_id HAVING ROUND(TOTAL(amount), 2) > 0)`,
      [period.from, period.to],
    )
    expect(out.customers).toBe(buyers)
  })
})

describe('a 主管 sees what the single-PC user sees', () => {
  it('gives every analysis the same answer as single-PC mode', async () => {
    const same = async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
      expect(await asCaller(core, supervisor, channel, input)).toEqual(await call(core, channel, input))
    await same('analysis.sources', { period, dimension: 'source' })
    await same('analysis.ratios', { period, previous, dimension: 'region' })
    await same('analysis.ratioSets', { period, previous, dimensions: ['salesScale', 'nature'] })
    await same('analysis.salesPerformance', { year, limit: 1000 })
    await same('analysis.extremes', { period, previous, topN: 10 })
    await same('analysis.retention', { periods: [previous, period], asOf, limit: 200 })
    await same('analysis.rfm', { asOf, windowMonths: 12, perSegment: 50 })
    await same('analysis.pareto', { period })
    await same('analysis.grades', {})
    await same('analysis.feedback', { period })
    await same('analysis.contacts', { period })
  })
})

describe('应对措施 and the Excel export as a 业务员', () => {
  it('refuses a note on another 业务员’s customer and leaves the notes as they were', async () => {
    const [first] = await rows<{ id: number }>(
      `SELECT id FROM customer WHERE deleted_at IS NULL AND owner_staff_id <> ?1 ORDER BY id LIMIT 1`,
      [mine],
    )
    const other = present(first)
    await call(core, 'analysis.setNote', { customerId: other.id, note: '主管写的' })
    const before = await rows(`SELECT * FROM customer_response_note ORDER BY customer_id`)
    await expect(
      asCaller(core, sales, 'analysis.setNote', { customerId: other.id, note: '改掉' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('没有权限') })
    await expect(asCaller(core, sales, 'analysis.setNote', { customerId: other.id, note: '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await rows(`SELECT * FROM customer_response_note ORDER BY customer_id`)).toEqual(before)
  })

  it('saves a note on their own customer and on a 公海 customer', async () => {
    const ids = await rows<{ id: number }>(
      `SELECT * FROM (SELECT id FROM customer WHERE deleted_at IS NULL AND owner_staff_id = ?1 LIMIT 1)
       UNION ALL SELECT * FROM (SELECT id FROM customer WHERE deleted_at IS NULL AND owner_staff_id IS NULL LIMIT 1)`,
      [mine],
    )
    expect(ids).toHaveLength(2)
    for (const { id } of ids) {
      const out = await asCaller(core, sales, 'analysis.setNote', { customerId: id, note: '下周回访' })
      expect(out.note).toBe('下周回访')
      expect(await one(`SELECT COUNT(*) AS v FROM customer_response_note WHERE customer_id = ?1`, [id])).toBe(1)
    }
  })

  it('exports the 销售业绩 table holding only their customers', async () => {
    // As the renderer does: the rows the 业务员 was given, sent back to be laid out.
    const performance = await asCaller(core, sales, 'analysis.salesPerformance', { year, limit: 5000 })
    const out = await asCaller(core, sales, 'analysis.exportXlsx', {
      title: `${year}年销售业绩`,
      columns: [
        { key: 'code', header: '客户编号', format: 'text' },
        { key: 'name', header: '客户名称', format: 'text' },
        { key: 'amount', header: '金额', format: 'number' },
      ],
      rows: performance.rows.map((r) => ({ code: r.code, name: r.name, amount: r.amount })),
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = present(workbook.worksheets[0])
    const codes: string[] = []
    let total = 0
    sheet.eachRow((row, n) => {
      if (n === 1) return
      codes.push(String(row.getCell(1).value))
      total += Number(row.getCell(3).value)
    })
    const scopeCodes = new Set(
      (await rows<{ code: string }>(`SELECT code FROM customer WHERE id IN ${inScope}`, [mine])).map((r) => r.code),
    )
    const buyers = await scoped(
      `SELECT COUNT(DISTINCT customer_id) AS v FROM sale WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3`,
      [period.from, period.to],
    )
    expect(codes).toHaveLength(buyers)
    expect(codes.every((code) => scopeCodes.has(code))).toBe(true)
    expect(total).toBeCloseTo(
      await scoped(`SELECT TOTAL(amount) AS v FROM sale WHERE customer_id IN ${inScope} AND date >= ?2 AND date < ?3`, [
        period.from,
        period.to,
      ]),
      1,
    )
  })
})

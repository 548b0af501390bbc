import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asCaller } from '../../../helpers/callers'
import { call } from '../../../helpers/testCore'
import type { ExportProgress } from '../../../../src/shared/excelExport'
import { digest, refusal, scopeFixture, type ScopeFixture } from '../customers/scopeKit'

/** A 业务员 exports only what they can see: counts against queries of their scope; another's customer refused. */
let f: ScopeFixture
const columns = [{ key: 'code' as const }, { key: 'name' as const }]

beforeAll(async () => {
  f = await scopeFixture('exportScope')
}, 60_000)
afterAll(async () => {
  await f.core.close()
})

/** A COUNT(*) AS n query; `?` is the 业务员's staff item. */
const count = async (sql: string, params: unknown[] = [f.mine]): Promise<number> =>
  (await f.rows<{ n: number }>(sql, params))[0].n
const inScope = `c.deleted_at IS NULL AND (c.owner_staff_id = ? OR c.owner_staff_id IS NULL)`

async function finished(caller: ScopeFixture['sales'], jobId: string): Promise<ExportProgress> {
  for (;;) {
    const progress = await asCaller(f.core, caller, 'export.progress', { jobId })
    if (progress.state !== 'running') return progress
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('exports as a 业务员', () => {
  it('客户列表: the rows of their scope, a 主管 every row', async () => {
    const scope = await f.scopeIds()
    const own = await asCaller(f.core, f.sales, 'export.customerSheet', { columns, sort: [], quick: '' })
    expect(own.count).toBe(scope.length)
    const pool = await asCaller(f.core, f.sales, 'export.customerSheet', {
      columns,
      sort: [],
      quick: '',
      filters: { owner: 'pool' },
    })
    expect(pool.count).toBe(
      await count(`SELECT COUNT(*) AS n FROM customer c WHERE c.owner_staff_id IS NULL AND c.deleted_at IS NULL`, []),
    )
    const all = await asCaller(f.core, f.manager, 'export.customerSheet', { columns, sort: [], quick: '' })
    expect(all.count).toBe(await count(`SELECT COUNT(*) AS n FROM customer WHERE deleted_at IS NULL`, []))
    expect(all.count).toBeGreaterThan(own.count)
  })

  it('交往记录 and 交易记录: those of customers in scope', async () => {
    const interactions = await count(
      `SELECT COUNT(*) AS n FROM interaction i JOIN customer c ON c.id = i.customer_id WHERE ${inScope}`,
    )
    const sales = await count(
      `SELECT COUNT(*) AS n FROM sale s JOIN customer c ON c.id = s.customer_id WHERE ${inScope}`,
    )
    expect(interactions * sales).toBeGreaterThan(0)
    expect((await asCaller(f.core, f.sales, 'export.interactions', {})).count).toBe(interactions)
    expect((await asCaller(f.core, f.sales, 'export.sales', {})).count).toBe(sales)
    const allSales = await count(
      `SELECT COUNT(*) AS n FROM sale s JOIN customer c ON c.id = s.customer_id WHERE c.deleted_at IS NULL`,
      [],
    )
    expect((await call(f.core, 'export.sales', {})).count).toBe(allSales)
    expect(allSales).toBeGreaterThan(sales)
  })

  it('登记卡 and one customer’s lists of another’s customer are refused', async () => {
    const theirs = await f.othersCustomer()
    const own = await f.ownCustomer()
    const before = await digest(f)
    for (const error of [
      await refusal(f, f.sales, 'export.customerCards', { ids: [own, theirs] }),
      await refusal(f, f.sales, 'export.interactions', { customerId: theirs }),
      await refusal(f, f.sales, 'export.sales', { customerId: theirs }),
    ]) {
      expect(error.code).toBe('FORBIDDEN')
    }
    expect(await digest(f)).toEqual(before)
    expect((await asCaller(f.core, f.sales, 'export.customerCards', { ids: [own] })).count).toBe(1)
    expect((await asCaller(f.core, f.manager, 'export.customerCards', { ids: [own, theirs] })).count).toBe(2)
  })

  it('a job: scoped, refused for another’s customer, its file only for who started it', async () => {
    const { jobId } = await asCaller(f.core, f.sales, 'export.start', {
      kind: 'customerSheet',
      columns,
      sort: [],
      quick: '',
    })
    expect((await refusal(f, f.otherSales, 'export.progress', { jobId })).code).toBe('NOT_FOUND')
    expect((await refusal(f, f.otherSales, 'export.cancel', { jobId })).code).toBe('NOT_FOUND')
    const done = await finished(f.sales, jobId)
    expect(done.state).toBe('done')
    expect(done.file?.count).toBe((await f.scopeIds()).length)
    const theirs = await f.othersCustomer()
    const refused = await asCaller(f.core, f.sales, 'export.start', { kind: 'customerCards', ids: [theirs] })
    const failed = await finished(f.sales, refused.jobId)
    expect(failed.state).toBe('failed')
    expect(failed.message).toContain('没有权限')
  })
})

import { localCaller, type Caller } from '../../../../src/main/core/accounts/caller'
import type { SqlReader, SqlWriter } from '../../../../src/main/core/db/sqlHandles'
import { testCaller } from '../../../helpers/callers'
import { call, testCore } from '../../../helpers/testCore'

/**
 * Demo data made hard on purpose for comparing a rewritten analysis with the SQL it replaces (kept in
 * ./legacy as it was): customers whose totals are equal, equal purchase counts and last dates, totals
 * that differ below a cent (one rounded score, two M orders), sums that are not exact in binary,
 * customers in the 回收站, and the callers who see every customer and a 业务员 who sees some.
 */
export interface RewriteFixture {
  read: <T>(work: (db: SqlReader) => Promise<T>) => Promise<T>
  write: (work: (db: SqlWriter) => Promise<void>) => Promise<void>
  /** Live customers the 业务员 of `callers` sees, then some they do not. */
  customerIds: number[]
  callers: [string, Caller][]
  /** The year of the last sale, then the two before. */
  years: [number, number, number]
  close: () => Promise<void>
}

export async function rewriteFixture(name: string): Promise<RewriteFixture> {
  const core = await testCore(name)
  await call(core, 'demo.load', { customers: 700 })
  await core.store.write(async (db) => {
    // Ties: 30 customers whose sales all become one amount, so their totals per period are equal.
    await db.run(
      `UPDATE sale SET amount = 1234.5 WHERE customer_id IN (SELECT id FROM customer ORDER BY id LIMIT 30 OFFSET 40)`,
    )
    // The same purchases on the same days: equal R, F and M for 12 customers, and equal R and F for 12 more.
    await db.run(
      `UPDATE sale SET amount = 777, date = (SELECT MAX(date) FROM sale) WHERE customer_id IN (SELECT id FROM customer ORDER BY id LIMIT 12 OFFSET 80)`,
    )
    await db.run(
      `UPDATE sale SET date = (SELECT MAX(date) FROM sale) WHERE customer_id IN (SELECT id FROM customer ORDER BY id LIMIT 12 OFFSET 100)`,
    )
    // Totals below a cent apart: equal when rounded to cents, in a different order unrounded.
    await db.run(
      `UPDATE sale SET amount = 500.004 - (customer_id % 3) * 0.001 WHERE customer_id IN (SELECT id FROM customer ORDER BY id LIMIT 9 OFFSET 120)`,
    )
    // Sums that are not exact in binary floating point.
    await db.run(`UPDATE sale SET amount = 0.1 WHERE id % 11 = 0`)
    await db.run(`UPDATE sale SET amount = 0.2 WHERE id % 13 = 0`)
    await db.run(`UPDATE sale SET amount = 1e-2 * (id % 997) WHERE id % 17 = 0`)
  })
  const binned = (await core.store.manager.query(`SELECT id FROM customer ORDER BY id DESC LIMIT 8`)) as {
    id: number
  }[]
  await call(core, 'customers.delete', { ids: binned.map((r) => r.id) })
  const [owner] = (await core.store.manager.query(
    `SELECT owner_staff_id AS s FROM customer WHERE owner_staff_id IS NOT NULL
     GROUP BY owner_staff_id ORDER BY COUNT(*) DESC, s LIMIT 1`,
  )) as { s: number }[]
  const [last] = (await core.store.manager.query(`SELECT CAST(substr(MAX(date), 1, 4) AS INTEGER) AS y FROM sale`)) as {
    y: number
  }[]
  const y = last?.y ?? new Date().getFullYear()
  const ids = (await core.store.manager.query(
    `SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY owner_staff_id = ? OR owner_staff_id IS NULL DESC, id`,
    [owner?.s ?? null],
  )) as { id: number }[]
  return {
    read: (work) => core.store.read(work),
    write: (work) => core.store.write(work),
    customerIds: ids.map((r) => r.id),
    callers: [
      ['单机', localCaller],
      ['业务员', testCaller('sales', owner?.s ?? null)],
    ],
    years: [y, y - 1, y - 2],
    close: () => core.close(),
  }
}

/**
 * The query plan (EXPLAIN QUERY PLAN details) of the first statement `analysis` sends: same answers can
 * hide a plan that runs a subquery once per use, which only the plan shows.
 */
export async function firstStatementPlan(
  db: SqlReader,
  analysis: (db: SqlReader) => Promise<unknown>,
): Promise<string[]> {
  const statements: [string, unknown[]][] = []
  const recording = {
    all: (sql: string, params: unknown[] = []) => {
      statements.push([sql, params])
      return db.all(sql, params)
    },
  } as unknown as SqlReader
  await analysis(recording)
  const [sql, params] = statements[0] ?? ['', []]
  const plan = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params)
  return plan.map((r) => r.detail)
}

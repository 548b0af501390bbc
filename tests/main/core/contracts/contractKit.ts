import type { Caller } from '../../../../src/main/core/accounts/caller'
import type { Core } from '../../../../src/main/core/openCore'
import type { Customer } from '../../../../src/shared/customer'
import { testCaller } from '../../../helpers/callers'
import { call, testCore } from '../../../helpers/testCore'
import { addDictItem } from '../activity/activityTestKit'

/**
 * Two 业务员 (each a dictionary item and a user), a 主管, and customers: one owned by
 * each 业务员 and one in the 公海. Contracts are written by the tests themselves.
 */
export interface ContractFixture {
  core: Awaited<ReturnType<typeof testCore>>
  zhang: Caller
  li: Caller
  manager: Caller
  zhangStaff: number
  liStaff: number
  /** Owned by 张. */
  own: Customer
  /** Owned by 李. */
  others: Customer
  /** In the 公海. */
  pool: Customer
  rows<R>(sql: string, params?: unknown[]): Promise<R[]>
}

export async function contractFixture(prefix: string): Promise<ContractFixture> {
  const core = await testCore(prefix)
  const rows = async <R>(sql: string, params: unknown[] = []): Promise<R[]> =>
    (await core.store.manager.query(sql, params)) as R[]
  const zhangStaff = await addDictItem(core, 'staff', '张业务')
  const liStaff = await addDictItem(core, 'staff', '李业务')
  const insertUser = async (login: string, name: string, role: string, staffId: number | null) => {
    await rows(
      `INSERT INTO app_user (login, login_key, name, role, staff_id, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'x', '2026-12-06 08:00:00', '2026-12-06 08:00:00')`,
      [login, login, name, role, staffId],
    )
    const [row] = await rows<{ id: number }>(`SELECT id FROM app_user WHERE login = ?`, [login])
    return row?.id ?? 0
  }
  const zhangId = await insertUser('zhang', '张业务', 'sales', zhangStaff)
  const liId = await insertUser('li', '李业务', 'sales', liStaff)
  const managerId = await insertUser('wang', '王主管', 'manager', null)
  const own = await call(core, 'customers.create', { name: '广州人易科技有限公司', ownerStaffId: zhangStaff })
  const others = await call(core, 'customers.create', { name: '佛山顺德电器有限公司', ownerStaffId: liStaff })
  const pool = await call(core, 'customers.create', { name: '深圳公海贸易有限公司' })
  return {
    core,
    zhang: testCaller('sales', zhangStaff, zhangId, '张业务'),
    li: testCaller('sales', liStaff, liId, '李业务'),
    manager: testCaller('manager', null, managerId, '王主管'),
    zhangStaff,
    liStaff,
    own,
    others,
    pool,
    rows,
  }
}

/** Row counts of the contract tables, to show that a refused call saved nothing. */
export async function contractCounts(core: Core): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of ['contract', 'contract_line', 'contract_instalment', 'contract_payment', 'contract_no_counter']) {
    const [row] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM ${table}`)
    counts[table] = Number(row.n)
  }
  const [sums] = await core.store.manager.query(
    `SELECT (SELECT TOTAL(amount) FROM contract) AS amount, (SELECT TOTAL(amount) FROM contract_instalment) AS planned,
       (SELECT group_concat(version) FROM contract) AS versions`,
  )
  return { ...counts, amount: Number(sums.amount), planned: Number(sums.planned), versions: sums.versions }
}

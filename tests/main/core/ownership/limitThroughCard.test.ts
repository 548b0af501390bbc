import { afterEach, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import type { Result } from '../../../../src/shared/result'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

function refusal(result: Result<unknown>): string {
  return result.ok ? 'accepted' : result.error.message
}

it('the 客户上限 holds when a 业务员 takes 公海 customers through the card or a batch edit, not only through 领取', async () => {
  const c = (core = await openCore(tempDir('limit-card'), { checkOutput: true }))
  const pool = []
  for (let i = 0; i < 4; i++)
    pool.push((await call(c, 'customers.create', { kind: 'enterprise', name: `公海客户${i}` })).id)
  const admin = await call(c, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
  const li = await call(
    c,
    'users.create',
    { login: 'li', name: '李四', role: 'sales', password: 'secret-2', staffId: null, customerLimit: 2 },
    admin.token,
  )
  const sales = await call(c, 'auth.login', { login: 'li', password: 'secret-2', remember: false })
  const [a, b, d, e] = pool as [number, number, number, number]

  await call(c, 'customers.update', { id: a, ownerStaffId: li.staffId }, sales.token)
  expect(
    refusal(await c.dispatch('customers.batchUpdate', { ids: [b, d], set: { ownerStaffId: li.staffId } }, sales.token)),
  ).toBe('超过客户上限：您最多可负责 2 个客户，现有 1 个，本次领取 2 个，未领取任何客户')
  await call(c, 'customers.batchUpdate', { ids: [a, b], set: { ownerStaffId: li.staffId } }, sales.token)
  expect(refusal(await c.dispatch('customers.update', { id: e, ownerStaffId: li.staffId }, sales.token))).toBe(
    '超过客户上限：您最多可负责 2 个客户，现有 2 个，本次领取 1 个，未领取任何客户',
  )
  expect(refusal(await c.dispatch('ownership.claim', { customerIds: [d] }, sales.token))).toContain('超过客户上限')
  const owned = await c.store.read((db) =>
    db.all<{ id: number }>(`SELECT id FROM customer WHERE owner_staff_id = ? ORDER BY id`, [li.staffId]),
  )
  expect(owned.map((r) => r.id)).toEqual([a, b])
  // A customer they register themselves is theirs whatever the limit: it was never in the 公海.
  const created = await call(c, 'customers.create', { kind: 'enterprise', name: '新登记客户' }, sales.token)
  expect(created.ownerStaffId).toBe(li.staffId)
})

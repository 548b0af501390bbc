import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../../src/main/core/dispatch'
import { asCaller } from '../../../helpers/callers'
import { testCore } from '../../../helpers/testCore'
import { addCustomer, addCustomers, addUser, countOf, owners, rows, snapshot } from './ownershipTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('ownership')
})
afterEach(async () => {
  await core.close()
})

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ name: 'AppError' })

interface ChangeRow {
  customer_id: number
  field: string
  label: string
  old_value: string | null
  new_value: string | null
  user_id: number | null
}

describe('ownership.claim', () => {
  it('takes 公海 customers up to the user limit; over it nothing moves and the message names the limit', async () => {
    const zhang = await addUser(core, '张三', 'sales', { limit: 3 })
    await addCustomers(core, 1, zhang.staffId)
    const pool = await addCustomers(core, 3, null)
    const lastOfPool = pool[2] ?? 0

    const before = await snapshot(core)
    await expect(asCaller(core, zhang.caller, 'ownership.claim', { customerIds: pool })).rejects.toThrow(
      /最多可负责 3 个客户，现有 1 个，本次领取 3 个/,
    )
    expect(await snapshot(core)).toBe(before)

    expect(await asCaller(core, zhang.caller, 'ownership.claim', { customerIds: pool.slice(0, 2) })).toEqual({
      count: 2,
    })
    expect(await owners(core, pool)).toEqual([zhang.staffId, zhang.staffId, null])
    const changes = await rows<ChangeRow>(
      core,
      `SELECT customer_id, field, label, old_value, new_value, user_id FROM customer_change ORDER BY id`,
    )
    expect(changes).toEqual(
      pool.slice(0, 2).map((id) => ({
        customer_id: id,
        field: 'ownerStaffId',
        label: '负责业务员',
        old_value: null,
        new_value: '张三',
        user_id: zhang.userId,
      })),
    )
    expect(await countOf(core, `SELECT count(*) AS n FROM customer WHERE updated_by = ?`, [zhang.userId])).toBe(2)
    const audit = await rows<{ user_id: number; action: string; detail: string }>(
      core,
      `SELECT user_id, action, detail FROM audit_event`,
    )
    expect(audit).toEqual([{ user_id: zhang.userId, action: 'handover', detail: '领取公海客户 2 个' }])

    // At the limit now: one more is refused.
    await refused(asCaller(core, zhang.caller, 'ownership.claim', { customerIds: [lastOfPool] }))
    expect(await owners(core, [lastOfPool])).toEqual([null])
  })

  it('refuses all when one customer is not in the 公海, and a user with no 业务员', async () => {
    const zhang = await addUser(core, '张三', 'sales')
    const li = await addUser(core, '李四', 'sales')
    const pool = await addCustomers(core, 2, null)
    const liOwn = await addCustomer(core, li.staffId)
    const before = await snapshot(core)
    await expect(asCaller(core, zhang.caller, 'ownership.claim', { customerIds: [...pool, liOwn] })).rejects.toThrow(
      /有 1 个客户不在公海/,
    )
    const noStaff = await addUser(core, '王五', 'manager', { staff: false })
    await expect(asCaller(core, noStaff.caller, 'ownership.claim', { customerIds: pool })).rejects.toThrow(
      /没有对应的业务员/,
    )
    expect(await snapshot(core)).toBe(before)
  })
})

describe('ownership.release', () => {
  it('a 业务员 puts back their own; another’s customer in the batch refuses the whole call', async () => {
    const zhang = await addUser(core, '张三', 'sales')
    const li = await addUser(core, '李四', 'sales')
    const mine = await addCustomers(core, 2, zhang.staffId)
    const liOwn = await addCustomer(core, li.staffId)

    const before = await snapshot(core)
    await expect(
      asCaller(core, zhang.caller, 'ownership.release', { customerIds: [...mine, liOwn] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await snapshot(core)).toBe(before)

    expect(await asCaller(core, zhang.caller, 'ownership.release', { customerIds: mine })).toEqual({ count: 2 })
    expect(await owners(core, mine)).toEqual([null, null])
    const [change] = await rows<ChangeRow>(core, `SELECT * FROM customer_change WHERE customer_id = ?`, [mine[0]])
    expect(change).toMatchObject({ old_value: '张三', new_value: null, user_id: zhang.userId })

    // Already in the 公海 now.
    await expect(asCaller(core, zhang.caller, 'ownership.release', { customerIds: mine })).rejects.toThrow(/已在公海/)
  })

  it('a 主管 puts back anyone’s', async () => {
    const boss = await addUser(core, '赵主管', 'manager')
    const li = await addUser(core, '李四', 'sales')
    const ids = await addCustomers(core, 3, li.staffId)
    expect(await asCaller(core, boss.caller, 'ownership.release', { customerIds: ids })).toEqual({ count: 3 })
    expect(await owners(core, ids)).toEqual([null, null, null])
  })
})

describe('ownership.transfer', () => {
  it('moves one customer and a batch of 12,000 to another user, with one change row each and one audit line per call', async () => {
    const boss = await addUser(core, '赵主管', 'manager')
    const zhang = await addUser(core, '张三', 'sales')
    const li = await addUser(core, '李四', 'sales')
    const single = await addCustomer(core, zhang.staffId)
    const batch = await addCustomers(core, 12_000, zhang.staffId)

    expect(
      await asCaller(core, boss.caller, 'ownership.transfer', { customerIds: [single], toUserId: li.userId }),
    ).toEqual({ count: 1 })
    expect(await owners(core, [single])).toEqual([li.staffId])

    expect(
      await asCaller(core, boss.caller, 'ownership.transfer', { customerIds: batch, toUserId: li.userId }),
    ).toEqual({ count: 12_000 })
    expect(await countOf(core, `SELECT count(*) AS n FROM customer WHERE owner_staff_id = ?`, [li.staffId])).toBe(
      12_001,
    )
    expect(
      await countOf(
        core,
        `SELECT count(*) AS n FROM customer_change WHERE field = 'ownerStaffId' AND old_value = '张三'
           AND new_value = '李四' AND user_id = ?`,
        [boss.userId],
      ),
    ).toBe(12_001)
    const audit = await rows<{ detail: string }>(core, `SELECT detail FROM audit_event ORDER BY id`)
    expect(audit.map((a) => a.detail)).toEqual(['转交 1 个客户给 李四', '转交 12000 个客户给 李四'])
  })

  it('refuses a disabled user, a user with no 业务员 and a missing customer, changing nothing', async () => {
    const boss = await addUser(core, '赵主管', 'manager')
    const zhang = await addUser(core, '张三', 'sales')
    const gone = await addUser(core, '离职者', 'sales', { enabled: false })
    const noStaff = await addUser(core, '无业务员', 'sales', { staff: false })
    const ids = await addCustomers(core, 2, zhang.staffId)
    const before = await snapshot(core)
    await expect(
      asCaller(core, boss.caller, 'ownership.transfer', { customerIds: ids, toUserId: gone.userId }),
    ).rejects.toThrow(/已停用/)
    await expect(
      asCaller(core, boss.caller, 'ownership.transfer', { customerIds: ids, toUserId: noStaff.userId }),
    ).rejects.toThrow(/没有对应的业务员/)
    await expect(
      asCaller(core, boss.caller, 'ownership.transfer', { customerIds: [...ids, 999_999], toUserId: zhang.userId }),
    ).rejects.toThrow(/有 1 个客户不存在/)
    expect(await snapshot(core)).toBe(before)
  })

  it('a 业务员 cannot transfer or claim another’s customers: the dispatch and the handler refuse, the database is unchanged', async () => {
    const zhang = await addUser(core, '张三', 'sales')
    const li = await addUser(core, '李四', 'sales')
    const liOwn = await addCustomers(core, 2, li.staffId)
    const before = await snapshot(core)

    const asZhang = createDispatch(core.handlers, {}, async () => ({ enabled: true, caller: zhang.caller }))
    const transfer = await asZhang('ownership.transfer', { customerIds: liOwn, toUserId: zhang.userId }, 't')
    expect(transfer).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/转交客户/) },
    })
    const handOver = await asZhang('ownership.handOverAll', { fromUserId: li.userId, toUserId: zhang.userId }, 't')
    expect(handOver).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const claim = await asZhang('ownership.claim', { customerIds: liOwn }, 't')
    expect(claim).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // Past the dispatch too: the handler's own scope check.
    await expect(
      asCaller(core, zhang.caller, 'ownership.transfer', { customerIds: liOwn, toUserId: zhang.userId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })

    expect(await snapshot(core)).toBe(before)
    expect(await owners(core, liOwn)).toEqual([li.staffId, li.staffId])
  })
})

describe('ownership.handOverAll', () => {
  it('moves all 5,000 customers (回收站 included) and reports their open reminders, in one transaction', async () => {
    const boss = await addUser(core, '赵主管', 'manager')
    const leaving = await addUser(core, '离职者', 'sales')
    const li = await addUser(core, '李四', 'sales')
    const ids = await addCustomers(core, 5_000, leaving.staffId)
    const others = await addCustomer(core, li.staffId)
    await core.store.write(async (db) => {
      await db.run(`UPDATE customer SET deleted_at = '2026-11-01 10:00:00' WHERE id IN (?, ?)`, [ids[0], ids[1]])
      await db.run(
        `INSERT INTO reminder (kind, customer_id, due_date, reason, status, created_at)
         VALUES ('followUp', ?, '2026-12-01', '跟进', 'pending', '2026-12-01 08:00:00'),
                ('followUp', ?, '2026-12-02', '跟进', 'snoozed', '2026-12-01 08:00:00'),
                ('followUp', ?, '2026-12-03', '跟进', 'done', '2026-12-01 08:00:00'),
                ('followUp', ?, '2026-12-01', '跟进', 'pending', '2026-12-01 08:00:00')`,
        [ids[0], ids[10], ids[11], others],
      )
    })
    expect(
      await asCaller(core, boss.caller, 'ownership.handOverAll', { fromUserId: leaving.userId, toUserId: li.userId }),
    ).toEqual({ customers: 5_000, reminders: 2 })
    expect(await countOf(core, `SELECT count(*) AS n FROM customer WHERE owner_staff_id = ?`, [leaving.staffId])).toBe(
      0,
    )
    expect(await countOf(core, `SELECT count(*) AS n FROM customer WHERE owner_staff_id = ?`, [li.staffId])).toBe(5_001)
    // Reminders belong to the customer: the new owner sees them through the customer.
    expect(
      await countOf(
        core,
        `SELECT count(*) AS n FROM reminder r JOIN customer c ON c.id = r.customer_id
         WHERE c.owner_staff_id = ? AND r.status IN ('pending', 'snoozed')`,
        [li.staffId],
      ),
    ).toBe(3)
    expect(await countOf(core, `SELECT count(*) AS n FROM customer_change WHERE new_value = '李四'`)).toBe(5_000)
    const [audit] = await rows<{ detail: string }>(core, `SELECT detail FROM audit_event`)
    expect(audit?.detail).toBe('整体转交：离职者 的 5000 个客户（含回收站）及 2 条待办提醒给 李四')
  })

  it('to the 公海 when no one takes over', async () => {
    const admin = await addUser(core, '管理员', 'admin')
    const leaving = await addUser(core, '离职者', 'sales')
    const ids = await addCustomers(core, 3, leaving.staffId)
    expect(
      await asCaller(core, admin.caller, 'ownership.handOverAll', { fromUserId: leaving.userId, toUserId: null }),
    ).toEqual({ customers: 3, reminders: 0 })
    expect(await owners(core, ids)).toEqual([null, null, null])
  })

  it('a failure half way (the 2,500th customer refuses its update) leaves nothing moved', async () => {
    const boss = await addUser(core, '赵主管', 'manager')
    const leaving = await addUser(core, '离职者', 'sales')
    const li = await addUser(core, '李四', 'sales')
    const ids = await addCustomers(core, 5_000, leaving.staffId)
    await core.store.write((db) =>
      db.run(
        `CREATE TRIGGER fail_half_way BEFORE UPDATE OF owner_staff_id ON customer WHEN NEW.id = ${ids[2_499]}
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
      ),
    )
    const before = await snapshot(core)
    await expect(
      asCaller(core, boss.caller, 'ownership.handOverAll', { fromUserId: leaving.userId, toUserId: li.userId }),
    ).rejects.toThrow(/injected failure/)
    expect(await snapshot(core)).toBe(before)
    expect(await countOf(core, `SELECT count(*) AS n FROM customer WHERE owner_staff_id = ?`, [leaving.staffId])).toBe(
      5_000,
    )
    expect(await countOf(core, `SELECT count(*) AS n FROM customer_change`)).toBe(0)
    expect(await countOf(core, `SELECT count(*) AS n FROM audit_event`)).toBe(0)

    // The store is usable afterwards and the same handover goes through once the fault is gone.
    await core.store.write((db) => db.run(`DROP TRIGGER fail_half_way`))
    expect(
      await asCaller(core, boss.caller, 'ownership.handOverAll', { fromUserId: leaving.userId, toUserId: li.userId }),
    ).toEqual({ customers: 5_000, reminders: 0 })
  })
})

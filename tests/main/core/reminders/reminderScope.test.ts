import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../../src/main/core/accounts/caller'
import { localToday } from '../../../../src/main/core/common/localTime'
import { asCaller, testCaller } from '../../../helpers/callers'
import { databaseDigest } from '../../../helpers/databaseDigest'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { addDictItem } from '../activity/activityTestKit'

/** Reminders per user: a 业务员's are their customers' and the 公海's; a 主管 sees all or one 业务员's. */

let core: Awaited<ReturnType<typeof testCore>>
let staffA: number
let staffB: number
let sellerA: Caller
let manager: Caller
const ids: Record<string, number> = {}

async function addReminder(kind: string, customerId: number | null, key: string): Promise<number> {
  const { lastId } = await core.store.write((db) =>
    db.run(
      `INSERT INTO reminder (kind, customer_id, subject_key, due_date, reason, created_at)
       VALUES (?, ?, ?, ?, '因为', 'n')`,
      [kind, customerId, key, localToday()],
    ),
  )
  return lastId
}

/** A direct SQL count of the open reminders of 业务员 `staff`'s customers (and the 公海's when `pool`), plus those of none. */
async function sqlCount(staff: number, pool: boolean): Promise<number> {
  const [row] = await core.store.manager.query(
    `SELECT COUNT(*) AS n FROM reminder r LEFT JOIN customer c ON c.id = r.customer_id
     WHERE r.status = 'pending' AND (r.customer_id IS NULL OR (c.deleted_at IS NULL
       AND (c.owner_staff_id = ? ${pool ? 'OR c.owner_staff_id IS NULL' : ''})))`,
    [staff],
  )
  return Number(row.n)
}

beforeEach(async () => {
  core = await testCore('reminderScope')
  staffA = await addDictItem(core, 'staff', '甲业务')
  staffB = await addDictItem(core, 'staff', '乙业务')
  const { lastId: userA } = await core.store.write((db) =>
    db.run(
      `INSERT INTO app_user (login, login_key, name, role, staff_id, password_hash, created_at, updated_at)
       VALUES ('jia', 'jia', '甲', 'sales', ?, 'x', 'n', 'n')`,
      [staffA],
    ),
  )
  sellerA = testCaller('sales', staffA, userA, '甲')
  // A 主管 who also stands for 业务员 乙.
  manager = testCaller('manager', staffB, 99, '乙主管')
  const a = (await createCustomer(core, { name: '甲客户', ownerStaffId: staffA })).id
  const b = (await createCustomer(core, { name: '乙客户', ownerStaffId: staffB })).id
  const pool = (await createCustomer(core, { name: '公海客户' })).id
  Object.assign(ids, { a, b, pool })
  ids.remA = await addReminder('followUp', a, 'a')
  ids.remA2 = await addReminder('birthday', a, 'a2')
  ids.remB = await addReminder('followUp', b, 'b')
  ids.remPool = await addReminder('followUp', pool, 'p')
  ids.festival = await addReminder('festival', null, 'f')
})
afterEach(async () => {
  await core.close()
})

describe('reminders per user', () => {
  it('a 业务员 lists their customers’ and the 公海’s reminders; the counts equal a direct SQL count', async () => {
    const mine = await asCaller(core, sellerA, 'reminders.list', {})
    expect(mine.total).toBe(await sqlCount(staffA, true))
    expect(mine.rows.map((r) => r.id).sort()).toEqual([ids.remA, ids.remA2, ids.remPool, ids.festival].sort())
    expect(mine.counts).toMatchObject({ followUp: 2, birthday: 1, festival: 1 })
    const all = await asCaller(core, manager, 'reminders.list', {})
    expect(all.total).toBe(5)
    // A 业务员's staffId filter cannot reach beyond their scope.
    expect((await asCaller(core, sellerA, 'reminders.list', { staffId: staffB })).total).toBe(mine.total)
    // The 工作台's due-today view is per scope too.
    const today = await asCaller(core, sellerA, 'reminders.list', { dueTo: localToday(), withCounts: false })
    expect(today.total).toBe(mine.total)
  })

  it('a 主管 narrows to one 业务员’s customers or their own (mine)', async () => {
    const ofA = await asCaller(core, manager, 'reminders.list', { staffId: staffA })
    expect(ofA.total).toBe(await sqlCount(staffA, false))
    expect(ofA.rows.map((r) => r.id).sort()).toEqual([ids.remA, ids.remA2, ids.festival].sort())
    const mine = await asCaller(core, manager, 'reminders.list', { staffId: 'mine' })
    expect(mine.rows.map((r) => r.id).sort()).toEqual([ids.remB, ids.festival].sort())
    expect(mine.counts).toMatchObject({ followUp: 1, festival: 1, birthday: 0 })
    // Single-PC mode: everything, as before.
    expect((await call(core, 'reminders.list', {})).total).toBe(5)
  })

  it('complete, snooze and ignore refuse another 业务员’s reminder with the database unchanged', async () => {
    const before = await databaseDigest(core.store.databasePath)
    const visit = await dictId(core, 'interactionType', '拜访')
    const attempts = [
      asCaller(core, sellerA, 'reminders.complete', { id: ids.remB }),
      asCaller(core, sellerA, 'reminders.complete', {
        id: ids.remB,
        interaction: { occurredAt: '2026-03-01 10:00', typeId: visit },
      }),
      asCaller(core, sellerA, 'reminders.snooze', { id: ids.remB, days: 1 }),
      asCaller(core, sellerA, 'reminders.ignore', { id: ids.remB }),
      asCaller(core, sellerA, 'greetings.list', { source: 'customers', customerIds: [ids.a, ids.b] }),
    ]
    for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await databaseDigest(core.store.databasePath)).toEqual(before)

    // Their own: done, with the 交往记录 recorded as theirs.
    const visitOnA = { occurredAt: '2026-03-01 10:00', typeId: visit }
    const done = await asCaller(core, sellerA, 'reminders.complete', { id: ids.remA, interaction: visitOnA })
    expect(done.status).toBe('done')
    expect(
      await core.store.manager.query(`SELECT created_by, staff_id FROM interaction WHERE id = ?`, [done.interactionId]),
    ).toEqual([{ created_by: sellerA.userId, staff_id: staffA }])
    await asCaller(core, sellerA, 'reminders.ignore', { id: ids.remPool })
    expect((await asCaller(core, sellerA, 'reminders.snooze', { id: ids.festival, days: 7 })).status).toBe('snoozed')
  })

  it('greetings and the scan’s open count are per scope', async () => {
    await core.store.write((db) =>
      db.run(`UPDATE customer SET value_class = '重要客户' WHERE id IN (?, ?, ?)`, [ids.a, ids.b, ids.pool]),
    )
    const festival = await asCaller(core, sellerA, 'greetings.list', { source: 'festival' })
    expect(festival.recipients.map((r) => r.customerName).sort()).toEqual(['公海客户', '甲客户'].sort())
    expect((await asCaller(core, manager, 'greetings.list', { source: 'festival' })).recipients).toHaveLength(3)

    const scan = await asCaller(core, sellerA, 'reminders.scan', {})
    expect(scan.pending).toBe(await sqlCount(staffA, true))
    expect((await asCaller(core, manager, 'reminders.scan', {})).pending).toBe(
      (await asCaller(core, manager, 'reminders.list', {})).total,
    )
  })
})

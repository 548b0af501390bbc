import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../../src/main/core/accounts/caller'
import type { Channel, ChannelInput } from '../../../../src/shared/contract'
import { asCaller, testCaller } from '../../../helpers/callers'
import { databaseDigest } from '../../../helpers/databaseDigest'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { addDictItem } from './activityTestKit'

/**
 * A customer's records follow its scope: a 业务员 lists those of their own customers and
 * the 公海, may write only there, and whoever creates a 交往/交易 record is kept.
 */

let core: Awaited<ReturnType<typeof testCore>>
let staffA: number
let staffB: number
let sellerA: Caller
let sellerB: Caller
let boss: Caller
let visit: number
const customers: Record<'a1' | 'a2' | 'b1' | 'pool', number> = { a1: 0, a2: 0, b1: 0, pool: 0 }

async function addUser(login: string, name: string, role: string, staffId: number | null): Promise<number> {
  const { lastId } = await core.store.write((db) =>
    db.run(
      `INSERT INTO app_user (login, login_key, name, role, staff_id, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'x', 'n', 'n')`,
      [login, login, name, role, staffId],
    ),
  )
  return lastId
}

/** A direct SQL count of a table's rows whose customer (by `column`) is in 业务员 `staff`'s scope. */
async function scopedCount(table: string, column: string, staff: number, extra = ''): Promise<number> {
  const [row] = await core.store.manager.query(
    `SELECT COUNT(*) AS n FROM ${table} t JOIN customer c ON c.id = t.${column}
     WHERE c.deleted_at IS NULL AND (c.owner_staff_id = ? OR c.owner_staff_id IS NULL) ${extra}`,
    [staff],
  )
  return Number(row.n)
}

async function refusedUnchanged<C extends Channel>(caller: Caller, channel: C, input: ChannelInput<C>) {
  const before = await databaseDigest(core.store.databasePath)
  await expect(asCaller(core, caller, channel, input)).rejects.toMatchObject({
    code: 'FORBIDDEN',
    message: expect.stringContaining('该客户不属于您'),
  })
  expect(await databaseDigest(core.store.databasePath)).toEqual(before)
}

beforeEach(async () => {
  core = await testCore('recordScope')
  staffA = await addDictItem(core, 'staff', '甲业务')
  staffB = await addDictItem(core, 'staff', '乙业务')
  visit = await dictId(core, 'interactionType', '拜访')
  sellerA = testCaller('sales', staffA, await addUser('jia', '甲', 'sales', staffA), '甲')
  sellerB = testCaller('sales', staffB, await addUser('yi', '乙', 'sales', staffB), '乙')
  boss = testCaller('manager', null, await addUser('boss', '王主管', 'manager', null), '王主管')
  customers.a1 = (await createCustomer(core, { name: '甲一公司', ownerStaffId: staffA })).id
  customers.a2 = (await createCustomer(core, { name: '甲二公司', ownerStaffId: staffA })).id
  customers.b1 = (await createCustomer(core, { name: '乙一公司', ownerStaffId: staffB })).id
  customers.pool = (await createCustomer(core, { name: '公海公司' })).id
  // Records on every customer, written in single-PC mode (no user).
  for (const [key, id] of Object.entries(customers)) {
    await call(core, 'interactions.create', { customerId: id, occurredAt: '2026-03-01 10:00', typeId: visit })
    await call(core, 'sales.create', { customerId: id, date: '2026-03-01', amount: 100 })
    await call(core, 'competitors.create', { customerId: id, name: `对手${key}` })
    await call(core, 'feedback.create', { customerId: id, type: '投诉', receivedAt: '2026-03-01' })
    await call(core, 'projects.create', { name: `项目${key}`, ownerCustomerId: id })
  }
  // A project of B's 甲方 with A's 乙方: both of them see it.
  await call(core, 'projects.create', {
    name: '合作项目',
    ownerCustomerId: customers.b1,
    contractorCustomerId: customers.a1,
  })
})
afterEach(async () => {
  await core.close()
})

describe('a 业务员 lists the records of their customers and the 公海 only', () => {
  it('counts equal a direct SQL count over their scope and differ from all', async () => {
    const lists = {
      interactions: (c: Caller) => asCaller(core, c, 'interactions.list', {}),
      sales: (c: Caller) => asCaller(core, c, 'sales.list', {}),
      competitors: (c: Caller) => asCaller(core, c, 'competitors.list', {}),
      feedback: (c: Caller) => asCaller(core, c, 'feedback.list', {}),
    }
    const tables = { interactions: 'interaction', sales: 'sale', competitors: 'competitor', feedback: 'feedback' }
    for (const [name, list] of Object.entries(lists)) {
      const mine = await list(sellerA)
      const all = await list(boss)
      const table = tables[name as keyof typeof tables]
      expect(mine.total, name).toBe(await scopedCount(table, 'customer_id', staffA))
      expect(mine.total, name).toBe(3)
      expect(all.total, name).toBe(4)
      expect(mine.rows.map((r) => r.customerId).sort()).toEqual([customers.a1, customers.a2, customers.pool].sort())
    }
    // The sum of 金额 is over the scope too.
    expect((await asCaller(core, sellerA, 'sales.list', {})).totalAmount).toBe(300)

    // Projects: 甲方 or 乙方 in scope (the 合作项目 through its 乙方); one without a 乙方 is not a 公海 one.
    const projects = await asCaller(core, sellerA, 'projects.list', {})
    const [row] = await core.store.manager.query(
      `SELECT COUNT(*) AS n FROM project p JOIN customer o ON o.id = p.owner_customer_id
       LEFT JOIN customer k ON k.id = p.contractor_customer_id
       WHERE p.deleted_at IS NULL AND (o.owner_staff_id = ? OR o.owner_staff_id IS NULL
         OR (k.id IS NOT NULL AND (k.owner_staff_id = ? OR k.owner_staff_id IS NULL)))`,
      [staffA, staffA],
    )
    expect(projects.total).toBe(Number(row.n))
    expect(projects.rows.map((p) => p.name).sort()).toEqual(['合作项目', '项目a1', '项目a2', '项目pool'].sort())
    expect((await asCaller(core, sellerB, 'projects.list', {})).rows.map((p) => p.name).sort()).toEqual(
      ['合作项目', '项目b1', '项目pool'].sort(),
    )
    expect((await asCaller(core, boss, 'projects.list', {})).total).toBe(5)

    // One named customer outside the scope lists nothing, rather than its records.
    expect((await asCaller(core, sellerA, 'interactions.list', { customerId: customers.b1 })).total).toBe(0)
    expect((await asCaller(core, sellerA, 'feedback.list', { customerId: customers.b1 })).total).toBe(0)
    expect((await asCaller(core, sellerB, 'interactions.list', { customerId: customers.b1 })).total).toBe(1)
  })
})

describe('a 业务员 cannot write another 业务员’s customers’ records', () => {
  it('refuses create, update, move and delete with the database unchanged', async () => {
    const idOf = async (table: string, customerColumn: string, customerId: number) => {
      const [row] = await core.store.manager.query(`SELECT id FROM ${table} WHERE ${customerColumn} = ?`, [customerId])
      return Number(row.id)
    }
    const b1 = customers.b1
    const interactionB = await idOf('interaction', 'customer_id', b1)
    const interactionA = await idOf('interaction', 'customer_id', customers.a1)
    const saleB = await idOf('sale', 'customer_id', b1)
    const saleA = await idOf('sale', 'customer_id', customers.a1)
    const competitorB = await idOf('competitor', 'customer_id', b1)
    const feedbackB = await idOf('feedback', 'customer_id', b1)
    const projectB = await idOf('project', 'owner_customer_id', b1)
    const projectA = await idOf('project', 'owner_customer_id', customers.a1)

    await refusedUnchanged(sellerA, 'interactions.create', {
      customerId: b1,
      occurredAt: '2026-03-02 09:00',
      typeId: visit,
    })
    await refusedUnchanged(sellerA, 'interactions.update', { id: interactionB, subject: '改' })
    await refusedUnchanged(sellerA, 'interactions.update', { id: interactionA, customerId: b1 })
    await refusedUnchanged(sellerA, 'interactions.delete', { id: interactionB })
    await refusedUnchanged(sellerA, 'sales.create', { customerId: b1, date: '2026-03-02', amount: 5 })
    await refusedUnchanged(sellerA, 'sales.update', { id: saleB, amount: 5 })
    await refusedUnchanged(sellerA, 'sales.update', { id: saleA, customerId: b1 })
    await refusedUnchanged(sellerA, 'sales.delete', { id: saleB })
    await refusedUnchanged(sellerA, 'competitors.create', { customerId: b1, name: '新对手' })
    await refusedUnchanged(sellerA, 'competitors.update', { id: competitorB, name: '改' })
    await refusedUnchanged(sellerA, 'competitors.delete', { id: competitorB })
    await refusedUnchanged(sellerA, 'feedback.create', { customerId: b1, type: '投诉', receivedAt: '2026-03-02' })
    await refusedUnchanged(sellerA, 'feedback.update', { id: feedbackB, content: '改' })
    await refusedUnchanged(sellerA, 'feedback.delete', { id: feedbackB })
    await refusedUnchanged(sellerA, 'projects.create', { name: '新', ownerCustomerId: b1 })
    await refusedUnchanged(sellerA, 'projects.create', {
      name: '新',
      ownerCustomerId: customers.a1,
      contractorCustomerId: b1,
    })
    await refusedUnchanged(sellerA, 'projects.update', { id: projectB, stage: '签约' })
    await refusedUnchanged(sellerA, 'projects.update', { id: projectA, contractorCustomerId: b1 })
    await refusedUnchanged(sellerA, 'projects.delete', { id: projectB })
    await refusedUnchanged(sellerA, 'projects.get', { id: projectB })
    await refusedUnchanged(sellerA, 'relationship.assess', { customerId: b1, role: 'owner', ticked: [] })
    await refusedUnchanged(sellerA, 'relationship.history', { customerId: b1 })

    // The same calls on their own and the 公海's customers go through.
    await asCaller(core, sellerA, 'interactions.update', { id: interactionA, subject: '回访' })
    await asCaller(core, sellerA, 'sales.create', { customerId: customers.pool, date: '2026-03-02', amount: 5 })
    await asCaller(core, sellerA, 'projects.update', { id: projectA, stage: '签约' })
    await asCaller(core, sellerA, 'relationship.assess', { customerId: customers.a2, role: 'owner', ticked: [] })
    // The 合作项目 (B's 甲方, A's 乙方) is A's to see and edit.
    const shared = (await asCaller(core, sellerA, 'projects.list', { quick: '合作' })).rows[0]
    expect(shared).toBeDefined()
    await asCaller(core, sellerA, 'projects.update', { id: shared?.id ?? 0, note: '乙方跟进' })
    expect((await asCaller(core, sellerA, 'projects.get', { id: shared?.id ?? 0 })).note).toBe('乙方跟进')
  })
})

describe('who did what', () => {
  it('records the creator of 交往 and 交易, shows 录入人, and the owner sees a record someone else made', async () => {
    const interaction = await asCaller(core, boss, 'interactions.create', {
      customerId: customers.b1,
      occurredAt: '2026-03-05 15:00',
      typeId: visit,
      subject: '主管拜访',
    })
    const sale = await asCaller(core, sellerA, 'sales.create', {
      customerId: customers.a1,
      date: '2026-03-05',
      amount: 8,
    })
    expect(interaction.createdByName).toBe('王主管')
    expect(sale.createdByName).toBe('甲')
    expect(await core.store.manager.query(`SELECT created_by FROM interaction WHERE id = ?`, [interaction.id])).toEqual(
      [{ created_by: boss.userId }],
    )
    expect(await core.store.manager.query(`SELECT created_by FROM sale WHERE id = ?`, [sale.id])).toEqual([
      { created_by: sellerA.userId },
    ])

    // B owns the customer: the 主管's record is on B's list, with its 录入人; A does not see it.
    const ofB = await asCaller(core, sellerB, 'interactions.list', { customerId: customers.b1 })
    expect(ofB.rows.find((r) => r.id === interaction.id)?.createdByName).toBe('王主管')
    expect((await asCaller(core, sellerA, 'interactions.list', { quick: '主管拜访' })).total).toBe(0)
    // Records from single-PC mode have no 录入人; an update keeps the creator.
    expect(ofB.rows.find((r) => r.id !== interaction.id)?.createdByName).toBeNull()
    const updated = await asCaller(core, sellerB, 'interactions.update', { id: interaction.id, result: '已报价' })
    expect(updated.createdByName).toBe('王主管')
    const sales = await asCaller(core, sellerA, 'sales.list', { customerId: customers.a1 })
    expect(sales.rows.map((r) => r.createdByName).sort()).toEqual([null, '甲'].sort())
  })

  it('a new 交往记录 without a 业务员 takes the customer’s 负责业务员, else the signed-in user’s', async () => {
    const input = { occurredAt: '2026-03-06 10:00', typeId: visit }
    // A 公海 customer has no 负责业务员: the 业务员 who logged it.
    const mine = await asCaller(core, sellerA, 'interactions.create', { ...input, customerId: customers.pool })
    expect(mine).toMatchObject({ staffId: staffA, staffLabel: '甲业务' })
    // A 主管 who is also a 业务员 logging on B's customer: the record is B's, never 未指定业务员.
    const staffLi = await addDictItem(core, 'staff', '李主管')
    const lead = testCaller('manager', staffLi, await addUser('lead', '李主管', 'manager', staffLi), '李主管')
    expect((await asCaller(core, lead, 'interactions.create', { ...input, customerId: customers.b1 })).staffId).toBe(
      staffB,
    )
    // B's item disabled since: the user's own rather than none.
    await call(core, 'dictionary.update', { id: staffB, enabled: false })
    expect((await asCaller(core, lead, 'interactions.create', { ...input, customerId: customers.b1 })).staffId).toBe(
      staffLi,
    )
    await call(core, 'dictionary.update', { id: staffB, enabled: true })
    const single = await call(core, 'interactions.create', { ...input, customerId: customers.b1 })
    expect(single).toMatchObject({ staffId: staffB, staffLabel: '乙业务', createdByName: null })
    // A 主管 standing for no 业务员: the customer's 负责业务员; a 公海 customer has none.
    expect((await asCaller(core, boss, 'interactions.create', { ...input, customerId: customers.a2 })).staffId).toBe(
      staffA,
    )
    expect((await call(core, 'interactions.create', { ...input, customerId: customers.pool })).staffId).toBeNull()
    // A 业务员 given explicitly stays.
    const chosen = await asCaller(core, sellerA, 'interactions.create', {
      ...input,
      customerId: customers.a1,
      staffId: staffB,
    })
    expect(chosen.staffId).toBe(staffB)
  })
})

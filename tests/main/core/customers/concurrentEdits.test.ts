import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../../../src/main/core/accounts/caller'
import { changeTime } from '../../../../src/main/core/common/editVersion'
import { localToday } from '../../../../src/main/core/common/localTime'
import type { Channel, ChannelInput } from '../../../../src/shared/contract'
import { isStaleEdit } from '../../../../src/shared/editVersion'
import type { AppErrorShape } from '../../../../src/shared/result'
import { asCaller, testCaller } from '../../../helpers/callers'
import { call, callAs, testCore } from '../../../helpers/testCore'

type TestCore = Awaited<ReturnType<typeof testCore>>
let core: TestCore
beforeEach(async () => {
  core = await testCore('edits')
})
afterEach(async () => {
  await core.close()
})

const rows = <R>(sql: string, params: unknown[] = []): Promise<R[]> =>
  core.store.manager.query(sql, params) as Promise<R[]>

/** Every row of the tables a stale save could touch, to show a refused one wrote nothing. */
async function everything(): Promise<unknown> {
  const tables = ['customer', 'contact', 'contact_date', 'customer_change', 'customer_group_member']
  const records = ['interaction', 'sale', 'project', 'competitor', 'feedback']
  return Object.fromEntries(
    await Promise.all([...tables, ...records].map(async (t) => [t, await rows(`SELECT * FROM ${t} ORDER BY 1`)])),
  )
}

/** The error Result of a call that must fail (as the window receives it through the dispatch). */
async function refused<C extends Channel>(channel: C, input: ChannelInput<C>, token?: string): Promise<AppErrorShape> {
  const result = await core.dispatch(channel, input, token)
  if (result.ok) throw new Error(`${channel} should have been refused`)
  return result.error
}

/** The same through a handler run as `caller` (AppError thrown). */
async function refusedAs<C extends Channel>(caller: Caller, channel: C, input: ChannelInput<C>) {
  try {
    await asCaller(core, caller, channel, input)
  } catch (error) {
    const e = error as { code: string; message: string; fields?: Record<string, string> }
    return { code: e.code, message: e.message, fields: e.fields } as AppErrorShape
  }
  throw new Error(`${channel} should have been refused`)
}

/** 10:32 as the message shows the stored updated_at of `table` row `id`. */
async function shownTime(table: string, id: number): Promise<string> {
  const [row] = await rows<{ updated_at: string }>(`SELECT updated_at FROM ${table} WHERE id = ?`, [id])
  return changeTime(row?.updated_at ?? '', localToday())
}

async function insertUser(name: string, role: 'admin' | 'manager' | 'sales', staffId: number | null) {
  const login = `u${Math.random().toString(36).slice(2, 8)}`
  return core.store.write(
    async (db) =>
      (
        await db.run(
          `INSERT INTO app_user (login, login_key, name, role, staff_id, password_hash, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'x', '2026-12-06 08:00:00', '2026-12-06 08:00:00')`,
          [login, login, name, role, staffId],
        )
      ).lastId,
  )
}

describe('concurrent edits of a customer (real sessions)', () => {
  it('two users load the same card and both save: the second is refused naming the first and the time; the first save stays', async () => {
    const admin = await call(core, 'auth.enable', {
      login: 'admin',
      name: '管理员',
      password: 'secret-1',
      staffId: null,
    })
    for (const [login, name] of [
      ['zhang', '张三'],
      ['li', '李四'],
    ]) {
      await callAs(core, admin.token, 'users.create', {
        login,
        name,
        role: 'manager',
        password: 'secret-2',
        staffId: null,
        customerLimit: null,
      })
    }
    const zhang = (await call(core, 'auth.login', { login: 'zhang', password: 'secret-2', remember: false })).token
    const li = (await call(core, 'auth.login', { login: 'li', password: 'secret-2', remember: false })).token
    const created = await callAs(core, zhang, 'customers.create', {
      name: '并发编辑测试有限公司',
      contacts: [{ name: '王经理', mobile: '13800138000', importantDates: [] }],
    })

    const [cardOfZhang, cardOfLi] = [
      await callAs(core, zhang, 'customers.get', { id: created.id }),
      await callAs(core, li, 'customers.get', { id: created.id }),
    ]
    expect(cardOfLi.version).toBe(cardOfZhang.version)
    const saved = await callAs(core, zhang, 'customers.update', {
      id: created.id,
      version: cardOfZhang.version,
      remarks: '张三的备注',
    })
    expect(saved.version).toBe(cardOfZhang.version + 1)
    expect(saved.updatedByName).toBe('张三')

    const before = await everything()
    const error = await refused(
      'customers.update',
      { id: created.id, version: cardOfLi.version, remarks: '李四的备注', address: '李四填的地址' },
      li,
    )
    expect(error.code).toBe('CONFLICT')
    expect(isStaleEdit(error)).toBe(true)
    const time = await shownTime('customer', created.id)
    expect(time).toMatch(/^\d\d:\d\d$/)
    expect(error.message).toBe(`该客户已被 张三 于 ${time} 修改，请重新载入后再改`)
    expect(await everything()).toEqual(before)
    expect((await callAs(core, li, 'customers.get', { id: created.id })).remarks).toBe('张三的备注')

    // 重新载入: the reloaded version saves, over the first save (which it has now seen).
    const reloaded = await callAs(core, li, 'customers.get', { id: created.id })
    const again = await callAs(core, li, 'customers.update', {
      id: created.id,
      version: reloaded.version,
      address: '李四填的地址',
    })
    expect(again).toMatchObject({ remarks: '张三的备注', address: '李四填的地址', updatedByName: '李四' })
    expect(again.version).toBe(reloaded.version + 1)

    // An older caller sending no version still saves.
    const old = await callAs(core, zhang, 'customers.update', { id: created.id, postalCode: '510000' })
    expect(old).toMatchObject({ postalCode: '510000', address: '李四填的地址', version: again.version + 1 })
  })
})

describe('concurrent edits (callers)', () => {
  let zhang: Caller
  let li: Caller
  beforeEach(async () => {
    zhang = testCaller('manager', null, await insertUser('张三', 'manager', null), '张三')
    li = testCaller('manager', null, await insertUser('李四', 'manager', null), '李四')
  })

  const newCustomer = (name: string, contacts: ChannelInput<'customers.create'>['contacts'] = []) =>
    asCaller(core, zhang, 'customers.create', { name, contacts })

  it("a contact saved by one user refuses another's stale copy of it, even without the customer's version", async () => {
    const c = await newCustomer('联系人并发有限公司', [
      { name: '王经理', importantDates: [] },
      { name: '赵会计', importantDates: [] },
    ])
    const [wang, zhao] = c.contacts
    if (!wang || !zhao) throw new Error('two contacts')
    const contactInput = (contact: typeof wang, changes: Record<string, unknown> = {}) => ({
      id: contact.id,
      version: contact.version,
      name: contact.name,
      importantDates: [],
      ...changes,
    })
    const first = await asCaller(core, zhang, 'customers.update', {
      id: c.id,
      version: c.version,
      contacts: [contactInput(wang, { title: '总经理' }), contactInput(zhao)],
    })
    // Only the changed contact moved on.
    expect(first.contacts.map((x) => x.version)).toEqual([wang.version + 1, zhao.version])
    const before = await everything()
    const error = await refusedAs(li, 'customers.update', {
      id: c.id,
      contacts: [contactInput(wang, { title: '副总' }), contactInput(zhao)],
    })
    expect(error.message).toBe(
      `联系人「王经理」已被 张三 于 ${await shownTime('customer', c.id)} 修改，请重新载入后再改`,
    )
    expect(error.fields?.version).toBe(error.message)
    expect(await everything()).toEqual(before)
    // The other contact, unchanged since it was loaded, still saves.
    const ok = await asCaller(core, li, 'customers.update', {
      id: c.id,
      contacts: [
        contactInput(first.contacts[0] as typeof wang, { title: '总经理' }),
        contactInput(zhao, { title: '会计' }),
      ],
    })
    expect(ok.contacts.map((x) => x.title)).toEqual(['总经理', '会计'])
  })

  it('batch edits, group changes, ownership moves, 回收站 and back, and 客情评估 each refuse a card opened before them', async () => {
    const staffId = (await call(core, 'dictionary.create', { category: 'staff', label: '钱业务' })).id
    const salesUser = await insertUser('钱业务', 'sales', staffId)
    const sales = testCaller('sales', staffId, salesUser, '钱业务')
    const category = (await call(core, 'dictionary.list', { category: 'category' }))[0]
    if (!category) throw new Error('a 客户类别 item')
    const group = await call(core, 'groups.create', { name: '并发分组' })
    const c = await newCustomer('批量并发有限公司')

    const changes: [string, Caller, () => Promise<unknown>][] = [
      ['钱业务', sales, () => asCaller(core, sales, 'ownership.claim', { customerIds: [c.id] })],
      [
        '李四',
        li,
        () => asCaller(core, li, 'customers.batchUpdate', { ids: [c.id], set: { categoryId: category.id } }),
      ],
      [
        '李四',
        li,
        () => asCaller(core, li, 'customers.batchUpdate', { ids: [c.id], set: { addGroupIds: [group.id] } }),
      ],
      ['钱业务', sales, () => asCaller(core, sales, 'ownership.release', { customerIds: [c.id] })],
      [
        '李四',
        li,
        async () => {
          await asCaller(core, li, 'customers.delete', { ids: [c.id] })
          await asCaller(core, li, 'customers.restore', { ids: [c.id] })
        },
      ],
      [
        '李四',
        li,
        () =>
          asCaller(core, li, 'relationship.assess', { customerId: c.id, role: 'other', ticked: [], chosenLevel: 'II' }),
      ],
    ]
    for (const [who, , change] of changes) {
      const card = await asCaller(core, zhang, 'customers.get', { id: c.id })
      await change()
      const now = await asCaller(core, zhang, 'customers.get', { id: c.id })
      expect(now.version, who).toBeGreaterThan(card.version)
      const before = await everything()
      const error = await refusedAs(zhang, 'customers.update', { id: c.id, version: card.version, remarks: '旧卡片' })
      expect(error.message).toBe(`该客户已被 ${who} 于 ${await shownTime('customer', c.id)} 修改，请重新载入后再改`)
      expect(await everything()).toEqual(before)
    }
  })

  it('a merge refuses cards of the survivor, of the merged customer and of its contacts and records', async () => {
    const survivor = await newCustomer('合并保留有限公司')
    const merged = await newCustomer('合并并入有限公司', [{ name: '孙经理', importantDates: [] }])
    const typeId = (await call(core, 'dictionary.list', { category: 'interactionType' }))[0]?.id ?? 0
    const visit = await asCaller(core, zhang, 'interactions.create', {
      customerId: merged.id,
      occurredAt: '2026-12-01 10:00',
      typeId,
      subject: '拜访',
    })
    const survivorCard = await asCaller(core, zhang, 'customers.get', { id: survivor.id })
    await asCaller(core, li, 'customers.merge', { survivorId: survivor.id, mergedIds: [merged.id], fields: {} })

    const time = await shownTime('customer', survivor.id)
    const error = await refusedAs(zhang, 'customers.update', {
      id: survivor.id,
      version: survivorCard.version,
      remarks: '合并前打开的卡片',
    })
    expect(error.message).toBe(`该客户已被 李四 于 ${time} 修改，请重新载入后再改`)
    const moved = await asCaller(core, zhang, 'customers.get', { id: survivor.id })
    const contact = moved.contacts[0]
    if (!contact) throw new Error('the moved contact')
    expect(contact.version).toBeGreaterThan(merged.contacts[0]?.version ?? 0)
    const stale = await refusedAs(zhang, 'interactions.update', {
      id: visit.id,
      version: visit.version,
      subject: '旧的',
    })
    expect(stale.message).toBe(
      `该交往记录已被 李四 于 ${await shownTime('interaction', visit.id)} 修改，请重新载入后再改`,
    )
    const [row] = await rows<{ customer_id: number; subject: string }>(
      `SELECT customer_id, subject FROM interaction WHERE id = ?`,
      [visit.id],
    )
    expect(row).toEqual({ customer_id: survivor.id, subject: '拜访' })
  })

  it('each kind of record: the later save of two is refused naming the first user, the first stays; no version still saves', async () => {
    const c = await newCustomer('记录并发有限公司')
    const typeId = (await call(core, 'dictionary.list', { category: 'interactionType' }))[0]?.id ?? 0
    const kinds = [
      {
        label: '交往记录',
        table: 'interaction',
        create: () =>
          asCaller(core, zhang, 'interactions.create', { customerId: c.id, occurredAt: '2026-12-01 10:00', typeId }),
        update: (caller: Caller, id: number, version: number | undefined, text: string) =>
          asCaller(core, caller, 'interactions.update', { id, version, subject: text }),
        column: 'subject',
      },
      {
        label: '交易记录',
        table: 'sale',
        create: () => asCaller(core, zhang, 'sales.create', { customerId: c.id, date: '2026-12-01', amount: 100 }),
        update: (caller: Caller, id: number, version: number | undefined, text: string) =>
          asCaller(core, caller, 'sales.update', { id, version, remarks: text }),
        column: 'remarks',
      },
      {
        label: '项目',
        table: 'project',
        create: () => asCaller(core, zhang, 'projects.create', { name: '并发项目', ownerCustomerId: c.id }),
        update: (caller: Caller, id: number, version: number | undefined, text: string) =>
          asCaller(core, caller, 'projects.update', { id, version, note: text }),
        column: 'note',
      },
      {
        label: '竞争对手记录',
        table: 'competitor',
        create: () => asCaller(core, zhang, 'competitors.create', { customerId: c.id, name: '某竞品' }),
        update: (caller: Caller, id: number, version: number | undefined, text: string) =>
          asCaller(core, caller, 'competitors.update', { id, version, note: text }),
        column: 'note',
      },
      {
        label: '客户意见',
        table: 'feedback',
        create: () =>
          asCaller(core, zhang, 'feedback.create', { customerId: c.id, type: '建议', receivedAt: '2026-12-01' }),
        update: (caller: Caller, id: number, version: number | undefined, text: string) =>
          asCaller(core, caller, 'feedback.update', { id, version, content: text }),
        column: 'content',
      },
    ]
    for (const kind of kinds) {
      const record = await kind.create()
      expect(record.version, kind.label).toBe(0)
      const first = await kind.update(zhang, record.id, record.version, '张三改的')
      expect(first.version, kind.label).toBe(1)
      const before = await everything()
      let message = ''
      try {
        await kind.update(li, record.id, record.version, '李四改的')
      } catch (error) {
        message = (error as Error).message
      }
      const time = await shownTime(kind.table, record.id)
      expect(message, kind.label).toBe(`该${kind.label}已被 张三 于 ${time} 修改，请重新载入后再改`)
      expect(await everything(), kind.label).toEqual(before)
      const [stored] = await rows<Record<string, unknown>>(
        `SELECT ${kind.column} AS value, updated_by FROM ${kind.table} WHERE id = ?`,
        [record.id],
      )
      expect(stored, kind.label).toEqual({ value: '张三改的', updated_by: zhang.userId })
      // The reloaded version saves; so does an older caller without one.
      expect((await kind.update(li, record.id, first.version, '李四重新载入后改的')).version).toBe(2)
      expect((await kind.update(li, record.id, undefined, '旧调用')).version).toBe(3)
    }
  })

  it('single-PC: the same customer saved from two windows; the stale one is told it changed, with no user to name', async () => {
    const c = await call(core, 'customers.create', { name: '单机两个窗口有限公司' })
    await call(core, 'customers.update', { id: c.id, version: c.version, remarks: '第一个窗口' })
    const error = await refused('customers.update', { id: c.id, version: c.version, remarks: '第二个窗口' })
    const time = await shownTime('customer', c.id)
    expect(error.message).toBe(`该客户已于 ${time} 被修改（可能在另一个窗口），请重新载入后再改`)
    expect(isStaleEdit(error)).toBe(true)
    expect((await call(core, 'customers.get', { id: c.id })).remarks).toBe('第一个窗口')
  })
})

describe('changeTime', () => {
  it('shows the time alone today, the date this year, the year before that', () => {
    expect(changeTime('2026-12-06 10:32:05', '2026-12-06')).toBe('10:32')
    expect(changeTime('2026-12-05 09:07:00', '2026-12-06')).toBe('12月5日 09:07')
    expect(changeTime('2025-03-01 18:00:00', '2026-12-06')).toBe('2025年3月1日 18:00')
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact } from '../../../../src/shared/contact'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer } from '../customers/customerTestKit'
import { remindersOf, scanOn, type StoredReminder } from './reminderTestKit'

/*
 * 2026-06-12 with the default 3 lead days looks at 06-12…06-15. 农历 in 2026:
 * 四月廿八 = 06-13, 四月廿九 = 06-14, 五月初一 = 06-15.
 */
const today = '2026-06-12'

type Core = Awaited<ReturnType<typeof testCore>>
type ImportantDate = Contact['importantDates'][number]
/** A 纪念日 without an id is a new one. */
type DateEdit = { birthday?: Contact['birthday']; importantDates?: (Omit<ImportantDate, 'id'> & { id?: number })[] }

let core: Core

afterEach(async () => {
  await core?.close()
})

/** 甲公司 (two contacts, three 纪念日 and birthdays in the window), 乙公司 (unrelated), and 丁先生 (his own birthday). */
async function seed(c: Core): Promise<{ a: Customer; b: Customer; d: Customer }> {
  const a = await createCustomer(c, {
    name: '甲公司',
    contacts: [
      {
        name: '张三',
        birthday: { date: '1980-06-15', calendar: 'solar' },
        importantDates: [
          { label: '配偶生日', date: '06-14', calendar: 'solar' },
          { label: '结婚纪念日', date: '04-28', calendar: 'lunar' },
        ],
      },
      { name: '李四', birthday: { date: '05-01', calendar: 'lunar' } },
    ],
  })
  const b = await createCustomer(c, {
    name: '乙公司',
    contacts: [
      {
        name: '王五',
        birthday: { date: '1990-06-13', calendar: 'solar' },
        importantDates: [{ label: '配偶生日', date: '06-14', calendar: 'solar' }],
      },
    ],
  })
  const d = await createCustomer(c, { name: '丁先生', kind: 'individual', birthDate: '1975-06-14' })
  return { a, b, d }
}

/** Saves the customer's contacts as the card does, with `edit` applied to the one named (`null` deletes it). */
async function editContact(c: Core, customerId: number, name: string, edit: DateEdit | null): Promise<void> {
  const customer = await call(c, 'customers.get', { id: customerId })
  const contacts = customer.contacts
    .filter((ct) => ct.name !== name || edit !== null)
    .map((ct) => {
      const values = ct.name === name ? { ...ct, ...edit } : ct
      return {
        id: ct.id,
        name: ct.name,
        birthday: values.birthday,
        importantDates: values.importantDates.map(({ id, label, date, calendar }) => ({ id, label, date, calendar })),
      }
    })
  await call(c, 'customers.update', { id: customerId, contacts })
}

/** The open 生日/纪念日 reminders as [customer, what, due, status], by due day, customer and what. */
async function openDates(c: Core): Promise<[number | null, string, string, string][]> {
  return (await remindersOf(c, 'birthday'))
    .filter((r) => r.status === 'pending' || r.status === 'snoozed')
    .map((r): [number | null, string, string, string] => [
      r.customer_id,
      r.reason.split('：')[0] ?? '',
      r.due_date,
      r.status,
    ])
    .sort((x, y) => x[2].localeCompare(y[2]) || Number(x[0]) - Number(y[0]) || x[1].localeCompare(y[1]))
}

const query = (sql: string, params: unknown[] = []) => core.store.manager.query(sql, params)
const remindersOfCustomer = async (customerId: number): Promise<StoredReminder[]> =>
  (await remindersOf(core, 'birthday')).filter((r) => r.customer_id === customerId)
const pendingCountKept = async () => {
  const [{ kept, actual }] = await query(
    `SELECT (SELECT n FROM reminder_pending_count) AS kept, (SELECT COUNT(*) FROM reminder WHERE status = 'pending') AS actual`,
  )
  expect(kept).toBe(actual)
}

describe('a changed or deleted 生日/纪念日 takes its open reminder along', () => {
  let a: Customer
  let b: Customer
  let d: Customer

  beforeEach(async () => {
    core = await testCore('changed-dates')
    ;({ a, b, d } = await seed(core))
    await scanOn(core, today)
  })

  it('starts with every date of the window open', async () => {
    expect(await openDates(core)).toEqual([
      [a.id, '联系人 张三 的结婚纪念日', '2026-06-13', 'pending'],
      [b.id, '联系人 王五 生日', '2026-06-13', 'pending'],
      [a.id, '联系人 张三 的配偶生日', '2026-06-14', 'pending'],
      [b.id, '联系人 王五 的配偶生日', '2026-06-14', 'pending'],
      [d.id, '客户 丁先生 生日', '2026-06-14', 'pending'],
      [a.id, '联系人 张三 生日', '2026-06-15', 'pending'],
      [a.id, '联系人 李四 生日', '2026-06-15', 'pending'],
    ])
  })

  it('a cleared birthday: gone, the customer’s other dates and other customers untouched', async () => {
    const others = [...(await remindersOfCustomer(b.id)), ...(await remindersOfCustomer(d.id))]
    const kept = (await remindersOfCustomer(a.id)).filter((r) => !r.reason.startsWith('联系人 张三 生日'))
    await editContact(core, a.id, '张三', { birthday: null })
    await scanOn(core, today)
    expect(await remindersOfCustomer(a.id)).toEqual(kept)
    expect([...(await remindersOfCustomer(b.id)), ...(await remindersOfCustomer(d.id))]).toEqual(others)
    await pendingCountKept()
  })

  it('a changed birthday: the old day goes and the new one is raised; 公历 → 农历 too; set back, raised again', async () => {
    const zhang = (await openDates(core)).filter(([, what]) => what === '联系人 张三 生日')
    expect(zhang).toEqual([[a.id, '联系人 张三 生日', '2026-06-15', 'pending']])

    await editContact(core, a.id, '张三', { birthday: { date: '1980-06-13', calendar: 'solar' } })
    await scanOn(core, today)
    expect((await openDates(core)).filter(([, what]) => what === '联系人 张三 生日')).toEqual([
      [a.id, '联系人 张三 生日', '2026-06-13', 'pending'],
    ])

    // The same digits in the 农历: 六月十三 falls in July.
    await editContact(core, a.id, '张三', { birthday: { date: '1980-06-13', calendar: 'lunar' } })
    await scanOn(core, today)
    expect((await openDates(core)).filter(([, what]) => what === '联系人 张三 生日')).toEqual([])

    await editContact(core, a.id, '张三', { birthday: { date: '1980-06-15', calendar: 'solar' } })
    expect((await scanOn(core, today)).created).toBe(1)
    expect((await openDates(core)).filter(([, what]) => what === '联系人 张三 生日')).toEqual(zhang)
    await pendingCountKept()
  })

  it('a 纪念日 deleted or moved to another day: gone, the new day raised', async () => {
    const [zhang] = (await call(core, 'customers.get', { id: a.id })).contacts
    const [spouse, wedding] = zhang?.importantDates ?? []
    await editContact(core, a.id, '张三', {
      importantDates: [{ ...(wedding as NonNullable<typeof wedding>), date: '04-29' }],
    })
    expect(spouse?.label).toBe('配偶生日')
    await scanOn(core, today)
    expect(await openDates(core)).toEqual([
      [b.id, '联系人 王五 生日', '2026-06-13', 'pending'],
      [a.id, '联系人 张三 的结婚纪念日', '2026-06-14', 'pending'],
      [b.id, '联系人 王五 的配偶生日', '2026-06-14', 'pending'],
      [d.id, '客户 丁先生 生日', '2026-06-14', 'pending'],
      [a.id, '联系人 张三 生日', '2026-06-15', 'pending'],
      [a.id, '联系人 李四 生日', '2026-06-15', 'pending'],
    ])
  })

  it('done and ignored reminders of a deleted 纪念日 stay as they were; a snoozed one goes', async () => {
    const byWhat = async (what: string) =>
      (await remindersOf(core, 'birthday')).find((r) => r.reason.startsWith(what)) as StoredReminder
    const spouse = await byWhat('联系人 张三 的配偶生日')
    const wedding = await byWhat('联系人 张三 的结婚纪念日')
    const li = await byWhat('联系人 李四 生日')
    await call(core, 'reminders.complete', { id: spouse.id })
    await call(core, 'reminders.ignore', { id: wedding.id })
    await call(core, 'reminders.snooze', { id: li.id, days: 7 })
    const history = (await remindersOfCustomer(a.id)).filter((r) => r.id === spouse.id || r.id === wedding.id)
    expect(history.map((r) => r.status)).toEqual(['ignored', 'done'])

    await editContact(core, a.id, '张三', { importantDates: [] })
    await editContact(core, a.id, '李四', { birthday: { date: '05-02', calendar: 'lunar' } })
    await scanOn(core, today)
    expect((await remindersOfCustomer(a.id)).filter((r) => r.id === spouse.id || r.id === wedding.id)).toEqual(history)
    expect(await byWhat('联系人 李四 生日')).toBeUndefined()
    expect(await openDates(core)).toContainEqual([a.id, '联系人 张三 生日', '2026-06-15', 'pending'])
    await pendingCountKept()
  })

  it('a deleted contact takes its birthday and 纪念日 reminders along', async () => {
    await editContact(core, a.id, '张三', null)
    await scanOn(core, today)
    expect((await openDates(core)).filter(([id]) => id === a.id)).toEqual([
      [a.id, '联系人 李四 生日', '2026-06-15', 'pending'],
    ])
    await pendingCountKept()
  })

  it('a customer’s own birthday cleared or moved', async () => {
    await call(core, 'customers.update', { id: d.id, birthDate: null })
    await scanOn(core, today)
    expect(await remindersOfCustomer(d.id)).toEqual([])
    await call(core, 'customers.update', { id: d.id, birthDate: '1975-06-13' })
    await scanOn(core, today)
    expect((await remindersOfCustomer(d.id)).map((r) => [r.due_date, r.status])).toEqual([['2026-06-13', 'pending']])
  })

  it('days later, an edit keeps what still falls on its past day (公历 and 农历) and drops only what moved', async () => {
    await scanOn(core, '2026-06-16')
    const before = await openDates(core)
    expect(before.filter(([id]) => id === a.id)).toHaveLength(4)
    // A 纪念日's label, saved with the rest of the card: the customer is looked at again.
    const [zhang] = (await call(core, 'customers.get', { id: a.id })).contacts
    await editContact(core, a.id, '张三', {
      importantDates: (zhang?.importantDates ?? []).map((date) => ({ ...date, label: `${date.label} ` })),
    })
    expect(await query(`SELECT customer_id FROM reminder_dirty`)).toEqual([{ customer_id: a.id }])
    await scanOn(core, '2026-06-16')
    expect(await openDates(core)).toEqual(before)

    // 八月十五: out of the window as well.
    await editContact(core, a.id, '李四', { birthday: { date: '08-15', calendar: 'lunar' } })
    await scanOn(core, '2026-06-16')
    expect(await openDates(core)).toEqual(before.filter(([, what]) => what !== '联系人 李四 生日'))
  })
})

describe('the full scan and the incremental scan', () => {
  it('agree on what a changed customer keeps', async () => {
    const outcomes: unknown[] = []
    for (const full of [false, true]) {
      core = await testCore(full ? 'changed-full' : 'changed-incremental')
      const { a, d } = await seed(core)
      await scanOn(core, today)
      await editContact(core, a.id, '张三', {
        birthday: { date: '1980-06-14', calendar: 'solar' },
        importantDates: [{ label: '结婚纪念日', date: '04-27', calendar: 'lunar' }],
      })
      const li = (await remindersOf(core, 'birthday')).find((r) => r.reason.startsWith('联系人 李四 生日'))
      await call(core, 'reminders.complete', { id: li?.id ?? -1 })
      await editContact(core, a.id, '李四', null)
      await call(core, 'customers.update', { id: d.id, birthDate: '1975-06-20' })
      // The full scan is the one after the lead days changed, or of a database never scanned.
      if (full) await query(`DELETE FROM app_setting WHERE key = 'reminders.lastScan'`)
      await scanOn(core, today)
      outcomes.push(
        (await remindersOf(core, 'birthday')).map((r) => [r.customer_id, r.subject_key, r.due_date, r.status]),
      )
      await core.close()
    }
    expect(outcomes[0]).toEqual(outcomes[1])
    // 张三's new birthday and 纪念日, 李四's done one (his contact gone), and 乙公司's two.
    expect(outcomes[0]).toEqual([
      [1, 'contactDate:4', '2026-06-12', 'pending'],
      [2, 'contact:3', '2026-06-13', 'pending'],
      [2, 'contactDate:3', '2026-06-14', 'pending'],
      [1, 'contact:1', '2026-06-14', 'pending'],
      [1, 'contact:2', '2026-06-15', 'done'],
    ])
    core = await testCore('changed-after')
  })
})

describe('an open 生日/纪念日 reminder whose date still falls on its day keeps its text up to date', () => {
  let a: Customer

  beforeEach(async () => {
    core = await testCore('changed-reasons')
    ;({ a } = await seed(core))
    await scanOn(core, today)
  })

  const byReason = async (start: string) =>
    (await remindersOf(core, 'birthday')).find((r) => r.reason.startsWith(start))

  /** Renames a contact (and a 纪念日 of it) as the card saves it. */
  async function rename(from: string, to: string, dateLabel?: [string, string]): Promise<void> {
    const customer = await call(core, 'customers.get', { id: a.id })
    const contacts = customer.contacts.map((ct) => ({
      id: ct.id,
      name: ct.name === from ? to : ct.name,
      birthday: ct.birthday,
      importantDates: ct.importantDates.map(({ id, label, date, calendar }) => ({
        id,
        label: dateLabel && ct.name === from && label === dateLabel[0] ? dateLabel[1] : label,
        date,
        calendar,
      })),
    }))
    await call(core, 'customers.update', { id: a.id, contacts })
  }

  it('a corrected birth year: same reminder, the new age; the others not rewritten', async () => {
    const before = await remindersOf(core, 'birthday')
    const zhang = await byReason('联系人 张三 生日')
    expect(zhang?.reason).toContain('（46 岁）')
    await editContact(core, a.id, '张三', { birthday: { date: '1985-06-15', calendar: 'solar' } })
    await scanOn(core, today)
    const after = await remindersOf(core, 'birthday')
    const now = after.find((r) => r.id === zhang?.id)
    expect(now?.reason).toBe(zhang?.reason.replace('（46 岁）', '（41 岁）'))
    expect({ ...now, reason: zhang?.reason }).toEqual(zhang)
    expect(after.filter((r) => r.id !== zhang?.id)).toEqual(before.filter((r) => r.id !== zhang?.id))
  })

  it('公历 → 农历 falling on the same day: same reminder, its text now the 农历 date', async () => {
    const zhang = await byReason('联系人 张三 生日')
    expect(zhang?.reason).toBe('联系人 张三 生日：6月15日（46 岁），公历 2026-06-15')
    // 农历五月初一 is 2026-06-15 too.
    await editContact(core, a.id, '张三', { birthday: { date: '1980-05-01', calendar: 'lunar' } })
    await scanOn(core, today)
    const now = (await remindersOf(core, 'birthday')).find((r) => r.id === zhang?.id)
    expect(now).toMatchObject({ due_date: '2026-06-15', status: 'pending' })
    expect(now?.reason).toBe('联系人 张三 生日：农历五月初一，公历 2026-06-15')
  })

  it('a renamed contact and 纪念日: the new names; a done reminder keeps its text', async () => {
    const li = await byReason('联系人 李四 生日')
    await call(core, 'reminders.complete', { id: li?.id ?? -1 })
    const done = await byReason('联系人 李四 生日')
    const spouse = await byReason('联系人 张三 的配偶生日')
    await rename('张三', '张叁', ['配偶生日', '太太生日'])
    await rename('李四', '李肆')
    await scanOn(core, today)
    const after = await remindersOf(core, 'birthday')
    expect(after.find((r) => r.id === spouse?.id)?.reason).toMatch(/^联系人 张叁 的太太生日：/)
    expect(after.find((r) => r.id === spouse?.id)?.reason.split('：')[1]).toBe(spouse?.reason.split('：')[1])
    expect(after.some((r) => r.reason.startsWith('联系人 张叁 生日'))).toBe(true)
    expect(after.find((r) => r.id === li?.id)).toEqual(done)
    expect(after.filter((r) => r.reason.includes('张三'))).toEqual([])
    await pendingCountKept()
  })
})

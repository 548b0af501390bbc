import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { testCore } from '../../../helpers/testCore'
import { createCustomer } from '../customers/customerTestKit'
import { remindersOf, scanOn } from './reminderTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let a: Customer
let b: Customer

beforeEach(async () => {
  core = await testCore('contact-move')
  a = await createCustomer(core, {
    name: '甲公司',
    contacts: [
      {
        name: '张三',
        birthday: { date: '1980-06-15', calendar: 'solar' },
        importantDates: [{ label: '配偶生日', date: '06-14', calendar: 'solar' }],
      },
      { name: '李四', birthday: { date: '1985-06-13', calendar: 'solar' } },
    ],
  })
  b = await createCustomer(core, { name: '乙公司', contacts: [{ name: '王五' }] })
})
afterEach(async () => {
  await core.close()
})

const query = (sql: string, params: unknown[] = []) => core.store.manager.query(sql, params)
const dirty = async () =>
  ((await query(`SELECT customer_id FROM reminder_dirty ORDER BY customer_id`)) as { customer_id: number }[]).map(
    (r) => r.customer_id,
  )
const open = async () =>
  (await remindersOf(core, 'birthday'))
    .filter((r) => r.status === 'pending')
    .map((r) => [r.customer_id, r.subject_key, r.due_date])

describe('a contact moved to another customer', () => {
  it('marks both customers, so the next scan takes its birthdays from the old one to the new one', async () => {
    const zhang = a.contacts[0]?.id as number
    const [spouse] = (await query(`SELECT id FROM contact_date WHERE contact_id = ?`, [zhang])) as { id: number }[]
    await scanOn(core, '2026-06-12')
    expect(await open()).toEqual([
      [a.id, `contact:${a.contacts[1]?.id}`, '2026-06-13'],
      [a.id, `contactDate:${spouse?.id}`, '2026-06-14'],
      [a.id, `contact:${zhang}`, '2026-06-15'],
    ])
    expect(await dirty()).toEqual([])

    await query(`UPDATE contact SET customer_id = ? WHERE id = ?`, [b.id, zhang])
    expect(await dirty()).toEqual([a.id, b.id])

    // The same day: only the changed customers are looked at.
    await scanOn(core, '2026-06-12')
    expect(await open()).toEqual([
      [a.id, `contact:${a.contacts[1]?.id}`, '2026-06-13'],
      [b.id, `contactDate:${spouse?.id}`, '2026-06-14'],
      [b.id, `contact:${zhang}`, '2026-06-15'],
    ])
    const [{ n }] = await query(`SELECT n FROM reminder_pending_count`)
    expect(n).toBe(3)
  })

  it('and a 纪念日 moved to another customer’s contact marks both customers too', async () => {
    // The card never does this (a date belongs to its contact); a trigger still must not miss it.
    const [date] = (await query(`SELECT id FROM contact_date`)) as { id: number }[]
    await scanOn(core, '2026-06-12')
    await query(`UPDATE contact_date SET contact_id = ? WHERE id = ?`, [b.contacts[0]?.id, date?.id])
    expect(await dirty()).toEqual([a.id, b.id])
    await scanOn(core, '2026-06-12')
    expect(await open()).toContainEqual([b.id, `contactDate:${date?.id}`, '2026-06-14'])
    expect(await open()).not.toContainEqual([a.id, `contactDate:${date?.id}`, '2026-06-14'])
    expect(await dirty()).toEqual([])
    // A birthday change stays one customer's business.
    await query(`UPDATE contact SET birthday_date = '1980-06-16' WHERE id = ?`, [a.contacts[0]?.id])
    expect(await dirty()).toEqual([a.id])
  })
})

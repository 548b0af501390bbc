import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { remindersOf, scanOn } from './reminderTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let monthly: number
let quarterlyPurchase: number
let phoneCall: number

beforeEach(async () => {
  core = await testCore('reminders')
  monthly = await dictId(core, 'contactStrategy', '每月') // 30 days
  quarterlyPurchase = await dictId(core, 'purchaseStrategy', '季度采购') // 90 days
  phoneCall = await dictId(core, 'interactionType', '电话')
})
afterEach(async () => {
  await core.close()
})

async function contactOn(customerId: number, date: string): Promise<void> {
  await call(core, 'interactions.create', { customerId, occurredAt: `${date} 10:00`, typeId: phoneCall })
}

describe('跟进提醒 (联系策略 cycle)', () => {
  it('fires on the cycle day, not the day before, and once for the days after', async () => {
    const c = await createCustomer(core, { name: '甲公司', contactStrategyId: monthly, registeredAt: '2026-01-01' })
    await contactOn(c.id, '2026-03-01')
    expect((await scanOn(core, '2026-03-30')).created).toBe(0) // day 29
    expect(await remindersOf(core, 'followUp')).toEqual([])
    expect((await scanOn(core, '2026-03-31')).created).toBe(1) // day 30
    expect((await scanOn(core, '2026-04-01')).created).toBe(0) // day 31: the same occasion
    const [r] = await remindersOf(core, 'followUp')
    expect(r).toMatchObject({ customer_id: c.id, due_date: '2026-03-31', status: 'pending' })
    expect(r?.reason).toBe('联系策略「每月」每 30 天联系一次，最近联系 2026-03-01')
  })

  it('counts from registration when the customer was never contacted', async () => {
    await createCustomer(core, { name: '乙公司', contactStrategyId: monthly, registeredAt: '2026-05-10' })
    await scanOn(core, '2026-06-08')
    expect(await remindersOf(core, 'followUp')).toEqual([])
    await scanOn(core, '2026-06-09')
    const [r] = await remindersOf(core, 'followUp')
    expect(r?.due_date).toBe('2026-06-09')
    expect(r?.reason).toContain('登记（2026-05-10）后从未联系')
  })

  it('a newer contact settles the old reminder and starts the next cycle', async () => {
    const c = await createCustomer(core, { name: '丙公司', contactStrategyId: monthly, registeredAt: '2026-01-01' })
    await scanOn(core, '2026-02-05')
    await contactOn(c.id, '2026-02-06')
    await scanOn(core, '2026-02-07')
    expect((await remindersOf(core, 'followUp')).map((r) => [r.due_date, r.status])).toEqual([['2026-01-31', 'done']])
    await scanOn(core, '2026-03-08')
    expect((await remindersOf(core, 'followUp')).map((r) => [r.due_date, r.status])).toEqual([
      ['2026-01-31', 'done'],
      ['2026-03-08', 'pending'],
    ])
  })

  it('leaves out customers without a strategy and those in the 回收站', async () => {
    await createCustomer(core, { name: '无策略公司', registeredAt: '2020-01-01' })
    const gone = await createCustomer(core, {
      name: '已删公司',
      contactStrategyId: monthly,
      registeredAt: '2020-01-01',
    })
    await call(core, 'customers.delete', { ids: [gone.id] })
    expect((await scanOn(core, '2026-06-01')).created).toBe(0)
  })
})

describe('later scans re-check what changed', () => {
  it('a batch edit, a new cycle or a moved plan is seen by the next scan on the same day', async () => {
    await scanOn(core, '2026-06-01') // the first, full scan
    const c = await createCustomer(core, { name: '导入公司', registeredAt: '2026-01-01' })
    await scanOn(core, '2026-06-01')
    expect(await remindersOf(core, 'followUp')).toEqual([])
    await call(core, 'customers.batchUpdate', { ids: [c.id], set: { contactStrategyId: monthly } })
    await scanOn(core, '2026-06-01')
    expect((await remindersOf(core, 'followUp')).map((r) => [r.due_date, r.status])).toEqual([
      ['2026-01-31', 'pending'],
    ])

    // The office makes 每月 a 200-day cycle: the old occasion is settled, nothing is due yet.
    await call(core, 'dictionary.update', { id: monthly, cycleDays: 200 })
    await scanOn(core, '2026-06-01')
    expect((await remindersOf(core, 'followUp')).map((r) => r.status)).toEqual(['done'])

    // A plan raised, then moved to a later day: the old one is settled.
    const plan = await call(core, 'interactions.create', {
      customerId: c.id,
      occurredAt: '2026-05-01 10:00',
      typeId: phoneCall,
      nextFollowUp: '2026-05-20',
    })
    await call(core, 'customers.batchUpdate', { ids: [c.id], set: { contactStrategyId: null } })
    await scanOn(core, '2026-06-01')
    expect((await remindersOf(core, 'plannedFollowUp')).map((r) => r.status)).toEqual(['pending'])
    await call(core, 'interactions.update', { id: plan.id, nextFollowUp: '2026-06-10' })
    await scanOn(core, '2026-06-01')
    expect((await remindersOf(core, 'plannedFollowUp')).map((r) => r.status)).toEqual(['done'])
    await scanOn(core, '2026-06-10')
    expect((await remindersOf(core, 'plannedFollowUp')).map((r) => [r.due_date, r.status])).toEqual([
      ['2026-05-20', 'done'],
      ['2026-06-10', 'pending'],
    ])
  })
})

describe('业务下滑提醒 (购买策略 cycle)', () => {
  async function buyOn(customerId: number, date: string): Promise<void> {
    await call(core, 'sales.create', { customerId, date, amount: 100 })
  }

  it('fires at the cycle boundary after the last sale', async () => {
    const c = await createCustomer(core, { name: '丁公司', purchaseStrategyId: quarterlyPurchase })
    await buyOn(c.id, '2026-01-10')
    await scanOn(core, '2026-04-09') // day 89
    expect(await remindersOf(core, 'salesDecline')).toEqual([])
    await scanOn(core, '2026-04-10') // day 90
    await scanOn(core, '2026-04-11') // day 91
    const rows = await remindersOf(core, 'salesDecline')
    expect(rows.map((r) => r.due_date)).toEqual(['2026-04-10'])
    expect(rows[0]?.reason).toContain('最近交易 2026-01-10')
  })

  it('never fires for a customer who has never bought', async () => {
    await createCustomer(core, { name: '戊公司', purchaseStrategyId: quarterlyPurchase, registeredAt: '2020-01-01' })
    await scanOn(core, '2026-06-01')
    expect(await remindersOf(core, 'salesDecline')).toEqual([])
  })
})

describe('生日/纪念日', () => {
  async function withContact(birthday: { date: string; calendar: 'solar' | 'lunar' }, extra = {}): Promise<Customer> {
    return createCustomer(core, { name: '己公司', contacts: [{ name: '张三', birthday, ...extra }] })
  }

  it('fires lead days ahead (default 3), not earlier', async () => {
    await withContact({ date: '1980-06-15', calendar: 'solar' })
    await scanOn(core, '2026-06-11')
    expect(await remindersOf(core, 'birthday')).toEqual([])
    await scanOn(core, '2026-06-12')
    const [r] = await remindersOf(core, 'birthday')
    expect(r?.due_date).toBe('2026-06-15')
    expect(r?.reason).toBe('联系人 张三 生日：6月15日（46 岁），公历 2026-06-15')
    await scanOn(core, '2026-06-15')
    expect(await remindersOf(core, 'birthday')).toHaveLength(1)
  })

  it('converts a 农历 birthday across the lunar new year (腊月 in January, 正月 in February)', async () => {
    // 腊月廿八 of lunar 2025 is 2026-02-15; 正月初二 of lunar 2026 is 2026-02-18.
    await withContact({ date: '12-28', calendar: 'lunar' })
    await createCustomer(core, {
      name: '庚公司',
      contacts: [{ name: '李四', birthday: { date: '01-02', calendar: 'lunar' } }],
    })
    await scanOn(core, '2026-02-14', { leadDays: 5 })
    const rows = await remindersOf(core, 'birthday')
    expect(rows.map((r) => [r.due_date, r.reason])).toEqual([
      ['2026-02-15', '联系人 张三 生日：农历腊月廿八，公历 2026-02-15'],
      ['2026-02-18', '联系人 李四 生日：农历正月初二，公历 2026-02-18'],
    ])
  })

  it('celebrates 29 Feb on 28 Feb in a common year', async () => {
    await withContact({ date: '1988-02-29', calendar: 'solar' })
    await scanOn(core, '2027-02-24')
    expect(await remindersOf(core, 'birthday')).toEqual([])
    await scanOn(core, '2027-02-25')
    expect((await remindersOf(core, 'birthday')).map((r) => r.due_date)).toEqual(['2027-02-28'])
    // In a leap year it stays on the 29th.
    await scanOn(core, '2028-02-26')
    expect((await remindersOf(core, 'birthday')).map((r) => r.due_date)).toEqual(['2027-02-28', '2028-02-29'])
  })

  it('includes family dates and an individual customer’s own birthday', async () => {
    await createCustomer(core, {
      name: '辛公司',
      contacts: [{ name: '王五', importantDates: [{ label: '配偶生日', date: '07-02', calendar: 'solar' }] }],
    })
    await createCustomer(core, { name: '赵六', kind: 'individual', birthDate: '1990-07-01', birthCalendar: 'solar' })
    await scanOn(core, '2026-06-30')
    expect((await remindersOf(core, 'birthday')).map((r) => r.reason)).toEqual([
      '客户 赵六 生日：7月1日（36 岁），公历 2026-07-01',
      '联系人 王五 的配偶生日：7月2日，公历 2026-07-02',
    ])
  })
})

describe('计划跟进 and 成交期限', () => {
  it('fires on the planned day unless the customer was contacted since', async () => {
    const a = await createCustomer(core, { name: '壬公司' })
    const b = await createCustomer(core, { name: '癸公司' })
    for (const c of [a, b]) {
      await call(core, 'interactions.create', {
        customerId: c.id,
        occurredAt: '2026-03-01 10:00',
        typeId: phoneCall,
        subject: '报价',
        nextFollowUp: '2026-03-10',
      })
    }
    await contactOn(b.id, '2026-03-10')
    await scanOn(core, '2026-03-09')
    expect(await remindersOf(core, 'plannedFollowUp')).toEqual([])
    await scanOn(core, '2026-03-10')
    const rows = await remindersOf(core, 'plannedFollowUp')
    expect(rows.map((r) => [r.customer_id, r.due_date])).toEqual([[a.id, '2026-03-10']])
    expect(rows[0]?.reason).toBe('交往记录（2026-03-01，报价）计划 2026-03-10 再次跟进')
  })

  it('fires for A/B customers whose expected date is within the lead days or past, not for won or vague ones', async () => {
    const near = await createCustomer(core, {
      name: '近期公司',
      demandStatus: '明确需求',
      expectedCloseDate: '2026-05-04',
    })
    await createCustomer(core, { name: '远期公司', demandStatus: '明确需求', expectedCloseDate: '2026-05-05' })
    await createCustomer(core, { name: '潜在公司', demandStatus: '潜在需求', expectedCloseDate: '2026-04-01' })
    await createCustomer(core, {
      name: '已成交公司',
      demandStatus: '明确需求',
      expectedCloseDate: '2026-04-01',
      dealStatus: '已成交',
    })
    const late = await createCustomer(core, {
      name: '逾期公司',
      dealGradeOverride: 'B',
      expectedCloseDate: '2026-04-20',
    })
    await scanOn(core, '2026-05-01')
    const rows = await remindersOf(core, 'dealDeadline')
    expect(rows.map((r) => [r.customer_id, r.reason])).toEqual([
      [late.id, '预计成交日期 2026-04-20 已过，尚未成交'],
      [near.id, '预计成交日期 2026-05-04 临近'],
    ])
  })
})

describe('节日问候 and idempotence', () => {
  it('raises 中秋节 from the lunar calendar once, and only when greetings are on', async () => {
    await scanOn(core, '2026-09-22', { festivalGreetings: false })
    expect(await remindersOf(core, 'festival')).toEqual([])
    await scanOn(core, '2026-09-22')
    await scanOn(core, '2026-09-23')
    const rows = await remindersOf(core, 'festival')
    expect(rows.map((r) => [r.subject_key, r.due_date, r.customer_id])).toEqual([['中秋节', '2026-09-25', null]])
  })

  it('a second scan on the same data creates nothing', async () => {
    const c = await createCustomer(core, {
      name: '全能公司',
      contactStrategyId: monthly,
      purchaseStrategyId: quarterlyPurchase,
      registeredAt: '2025-01-01',
      demandStatus: '明确需求',
      expectedCloseDate: '2026-01-01',
      contacts: [{ name: '钱七', birthday: { date: '02-01', calendar: 'solar' } }],
    })
    await call(core, 'sales.create', { customerId: c.id, date: '2025-06-01', amount: 5 })
    const first = await scanOn(core, '2026-01-30')
    expect(first.created).toBe(4)
    const before = await remindersOf(core)
    expect((await scanOn(core, '2026-01-30')).created).toBe(0)
    expect(await remindersOf(core)).toEqual(before)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saleTable } from '../../../../src/main/core/activity/saleQueries'
import { recomputeSaleStats } from '../../../../src/main/core/activity/customerStats'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError } from '../customers/customerTestKit'
import { addDictItem, snapshot, storedStats } from './activityTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let customer: Customer
let other: Customer
let visit: number
let phoneCall: number
let staff: number
let printer: number

beforeEach(async () => {
  core = await testCore('activity')
  customer = await createCustomer(core, { name: '广州人易科技有限公司', contacts: [{ name: '张三' }] })
  other = await createCustomer(core, { name: '深圳乙方贸易有限公司', contacts: [{ name: '李四' }] })
  visit = await dictId(core, 'interactionType', '拜访')
  phoneCall = await dictId(core, 'interactionType', '电话')
  staff = await addDictItem(core, 'staff', '王业务')
  printer = await addDictItem(core, 'product', '激光打印机', '办公设备')
})
afterEach(async () => {
  await core.close()
})

describe('interactions', () => {
  it('creates, lists, updates and deletes a record, keeping 最近联系', async () => {
    const contactId = customer.contacts[0]?.id
    const created = await call(core, 'interactions.create', {
      customerId: customer.id,
      contactId,
      occurredAt: '2026-03-08 14:30',
      typeId: visit,
      subject: ' 上门演示 ',
      content: '演示新款打印机',
      result: '',
      nextFollowUp: '2026-03-15',
      staffId: staff,
    })
    expect(created).toMatchObject({
      customerName: '广州人易科技有限公司',
      contactName: '张三',
      typeLabel: '拜访',
      staffLabel: '王业务',
      subject: '上门演示',
      result: null,
      nextFollowUp: '2026-03-15',
    })
    expect((await storedStats(core, customer.id)).lastContactAt).toBe('2026-03-08')

    await call(core, 'interactions.create', {
      customerId: customer.id,
      occurredAt: '2026-01-02 09:00',
      typeId: phoneCall,
    })
    const list = await call(core, 'interactions.list', { customerId: customer.id })
    expect(list.total).toBe(2)
    expect(list.rows.map((r) => r.occurredAt)).toEqual(['2026-03-08 14:30', '2026-01-02 09:00'])

    const updated = await call(core, 'interactions.update', {
      id: created.id,
      occurredAt: '2025-12-31 08:00',
      content: null,
    })
    expect(updated).toMatchObject({ occurredAt: '2025-12-31 08:00', content: null, subject: '上门演示', contactId })
    expect((await storedStats(core, customer.id)).lastContactAt).toBe('2026-01-02')

    // Moving it to another customer drops the old customer's contact and updates both customers.
    const moved = await call(core, 'interactions.update', {
      id: created.id,
      customerId: other.id,
      occurredAt: '2026-05-01 10:00',
    })
    expect(moved).toMatchObject({ customerId: other.id, contactId: null, contactName: null })
    expect((await storedStats(core, other.id)).lastContactAt).toBe('2026-05-01')
    expect((await storedStats(core, customer.id)).lastContactAt).toBe('2026-01-02')

    expect(await call(core, 'interactions.delete', { id: created.id })).toEqual({ id: created.id })
    expect((await storedStats(core, other.id)).lastContactAt).toBeNull()
    expect((await expectError(core, 'interactions.delete', { id: created.id })).code).toBe('NOT_FOUND')
  })

  it('filters the list of all records by date, type, staff and text', async () => {
    const add = (customerId: number, occurredAt: string, typeId: number, subject: string, staffId: number | null) =>
      call(core, 'interactions.create', { customerId, occurredAt, typeId, subject, staffId })
    await add(customer.id, '2026-01-01 09:00', visit, '年初拜访', staff)
    await add(customer.id, '2026-01-31 23:59', phoneCall, '电话回访 100%', null)
    await add(other.id, '2026-02-01 00:00', visit, '二月拜访', staff)
    const list = (input: object) => call(core, 'interactions.list', input)

    expect((await list({})).total).toBe(3)
    const january = await list({ dateFrom: '2026-01-01', dateTo: '2026-01-31' })
    expect(january.rows.map((r) => r.subject)).toEqual(['电话回访 100%', '年初拜访'])
    expect((await list({ typeIds: [visit] })).rows.map((r) => r.subject)).toEqual(['二月拜访', '年初拜访'])
    expect((await list({ staffIds: [staff], customerId: other.id })).total).toBe(1)
    expect((await list({ quick: '100%' })).rows.map((r) => r.subject)).toEqual(['电话回访 100%'])
    expect((await list({ quick: '%' })).total).toBe(1)
    const page = await list({ startRow: 1, endRow: 2 })
    expect(page).toMatchObject({ total: 3, rows: [{ subject: '电话回访 100%' }] })

    // Customers in the 回收站 drop out of the list of all records, not out of their own.
    await call(core, 'customers.delete', { ids: [other.id] })
    expect((await list({})).total).toBe(2)
    expect((await list({ customerId: other.id })).total).toBe(1)
  })

  it('refuses bad input and changes nothing', async () => {
    await call(core, 'interactions.create', { customerId: customer.id, occurredAt: '2026-01-01 09:00', typeId: visit })
    const before = await snapshot(core)
    const bad = [
      { customerId: customer.id, occurredAt: '2026-02-30 09:00', typeId: visit },
      { customerId: customer.id, occurredAt: '2026-02-01', typeId: visit },
      { customerId: customer.id, occurredAt: '2026-02-01 09:00', typeId: staff },
      { customerId: customer.id, occurredAt: '2026-02-01 09:00', typeId: visit, staffId: printer },
      { customerId: customer.id, occurredAt: '2026-02-01 09:00', typeId: visit, contactId: other.contacts[0]?.id },
      { customerId: 9999, occurredAt: '2026-02-01 09:00', typeId: visit },
      { customerId: customer.id, occurredAt: '2026-02-01 09:00', typeId: visit, unknown: 1 },
    ]
    for (const input of bad) {
      const error = await expectError(core, 'interactions.create', input)
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect((await expectError(core, 'interactions.create', bad[2])).fields).toHaveProperty('typeId')
    expect(await snapshot(core)).toEqual(before)
  })
})

describe('sales', () => {
  it('creates with 金额 = 数量 × 单价, lists with product and 产品类别, updates and deletes, keeping the statistics', async () => {
    const first = await call(core, 'sales.create', {
      customerId: customer.id,
      date: '2026-03-01',
      productId: printer,
      quantity: 3,
      unitPrice: 1.005,
      remarks: '首单',
    })
    expect(first).toMatchObject({ amount: 3.02, productLabel: '激光打印机', productGroup: '办公设备' })
    const second = await call(core, 'sales.create', { customerId: customer.id, date: '2026-01-15', amount: 1000 })
    expect(second).toMatchObject({ quantity: null, unitPrice: null, amount: 1000, productLabel: null })
    expect(await storedStats(core, customer.id)).toMatchObject({
      transactionCount: 2,
      transactionAmount: 1003.02,
      firstTransactionAt: '2026-01-15',
      lastTransactionAt: '2026-03-01',
    })
    const customerAfter = await call(core, 'customers.get', { id: customer.id })
    expect(customerAfter).toMatchObject({ transactionCount: 2, transactionAmount: 1003.02 })

    // A new 数量 without 金额 recomputes it; a 金额 given alone is kept.
    expect(await call(core, 'sales.update', { id: first.id, quantity: 10 })).toMatchObject({ amount: 10.05 })
    expect(await call(core, 'sales.update', { id: first.id, amount: 9 })).toMatchObject({ amount: 9 })
    expect(await call(core, 'sales.update', { id: first.id, remarks: '' })).toMatchObject({
      amount: 9,
      remarks: null,
    })

    const list = await call(core, 'sales.list', { customerId: customer.id })
    expect(list).toMatchObject({ total: 2, totalAmount: 1009 })
    expect(list.rows.map((r) => r.date)).toEqual(['2026-03-01', '2026-01-15'])
    expect((await call(core, 'sales.list', { quick: '激光' })).total).toBe(1)
    expect((await call(core, 'sales.list', { productIds: [printer] })).total).toBe(1)
    expect((await call(core, 'sales.list', { dateTo: '2026-02-28' })).rows[0]?.id).toBe(second.id)

    // Moving a sale recomputes both customers.
    await call(core, 'sales.update', { id: first.id, customerId: other.id })
    expect(await storedStats(core, customer.id)).toMatchObject({
      transactionCount: 1,
      transactionAmount: 1000,
      lastTransactionAt: '2026-01-15',
    })
    expect(await storedStats(core, other.id)).toMatchObject({
      transactionCount: 1,
      transactionAmount: 9,
      firstTransactionAt: '2026-03-01',
    })

    await call(core, 'sales.delete', { id: second.id })
    expect(await storedStats(core, customer.id)).toEqual({
      transactionCount: 0,
      transactionAmount: 0,
      firstTransactionAt: null,
      lastTransactionAt: null,
      lastContactAt: null,
    })
  })

  it('refuses bad input, an unknown or disabled product and a customer in the 回收站, changing nothing', async () => {
    await call(core, 'sales.create', { customerId: customer.id, date: '2026-01-01', amount: 50 })
    const disabled = await addDictItem(core, 'product', '停产型号')
    await call(core, 'dictionary.update', { id: disabled, enabled: false })
    const bin = await createCustomer(core, { name: '回收站客户' })
    await call(core, 'customers.delete', { ids: [bin.id] })
    const before = await snapshot(core)
    const bad = [
      { customerId: customer.id, date: '2026-01-02' },
      { customerId: customer.id, date: '2026-01-02', quantity: 2 },
      { customerId: customer.id, date: '2026-01-02', amount: -5 },
      { customerId: customer.id, date: '2026-01-02', amount: 1.234 },
      { customerId: customer.id, date: '2026-13-02', amount: 1 },
      { customerId: customer.id, date: '2026-01-02', amount: 1, productId: 99999 },
      { customerId: customer.id, date: '2026-01-02', amount: 1, productId: visit },
      { customerId: customer.id, date: '2026-01-02', amount: 1, productId: disabled },
      { customerId: bin.id, date: '2026-01-02', amount: 1 },
      { customerId: 99999, date: '2026-01-02', amount: 1 },
    ]
    for (const input of bad) {
      const error = await expectError(core, 'sales.create', input)
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    const [sale] = (await call(core, 'sales.list', {})).rows
    expect((await expectError(core, 'sales.update', { id: sale?.id, amount: null })).fields).toHaveProperty('amount')
    expect((await expectError(core, 'sales.update', { id: sale?.id, productId: 99999 })).code).toBe('VALIDATION')
    expect((await expectError(core, 'sales.update', { id: sale?.id, customerId: bin.id })).code).toBe('VALIDATION')
    expect(await snapshot(core)).toEqual(before)
  })

  it('rolls back rows and statistics when a write fails midway', async () => {
    await call(core, 'sales.create', { customerId: customer.id, date: '2026-01-01', amount: 50 })
    const before = await snapshot(core)
    // The sale and the recomputed statistics are written, then the write fails.
    await expect(
      core.store.write(async (db) => {
        const time = '2026-01-01 00:00:00'
        const row = {
          customerId: customer.id,
          date: '2026-06-01',
          productId: null,
          quantity: null,
          unitPrice: null,
          contractId: null,
        }
        await saleTable.insert(db, { ...row, amount: 70, remarks: null, createdAt: time, updatedAt: time })
        await recomputeSaleStats(db, [customer.id])
        await saleTable.insert(db, {
          ...row,
          productId: 99999,
          amount: 1,
          remarks: null,
          createdAt: time,
          updatedAt: time,
        })
      }),
    ).rejects.toThrow(/FOREIGN KEY/)
    expect(await snapshot(core)).toEqual(before)
    expect((await storedStats(core, customer.id)).transactionAmount).toBe(50)
  })

  it('keeps a product, 交往方式 or 业务员 in use from being deleted', async () => {
    await call(core, 'sales.create', { customerId: customer.id, date: '2026-01-01', amount: 5, productId: printer })
    await call(core, 'interactions.create', {
      customerId: customer.id,
      occurredAt: '2026-01-01 10:00',
      typeId: phoneCall,
      staffId: staff,
    })
    for (const id of [printer, phoneCall, staff]) {
      expect((await expectError(core, 'dictionary.delete', { id })).code).toBe('IN_USE')
    }
    const [item] = (await call(core, 'dictionary.list', { category: 'product' })).filter((i) => i.id === printer)
    expect(item?.usage).toBe(1)
    const unused = await addDictItem(core, 'product', '未用产品')
    expect(await call(core, 'dictionary.delete', { id: unused })).toEqual({ id: unused })
  })
})

describe('customers.purge', () => {
  it('deletes the customer with its sales and interactions, leaving other customers alone', async () => {
    for (const c of [customer, other]) {
      await call(core, 'sales.create', { customerId: c.id, date: '2026-01-01', amount: 5, productId: printer })
      await call(core, 'interactions.create', {
        customerId: c.id,
        contactId: c.contacts[0]?.id,
        occurredAt: '2026-01-01 10:00',
        typeId: visit,
      })
    }
    await call(core, 'customers.delete', { ids: [customer.id] })
    expect(await call(core, 'customers.purge', { ids: [customer.id] })).toEqual({ count: 1 })
    const m = core.store.manager
    expect(await m.query(`SELECT customer_id FROM sale`)).toEqual([{ customer_id: other.id }])
    expect(await m.query(`SELECT customer_id FROM interaction`)).toEqual([{ customer_id: other.id }])
    expect(await storedStats(core, other.id)).toMatchObject({ transactionCount: 1, lastContactAt: '2026-01-01' })
    // The product is no longer used by the purged customer's sale.
    const [item] = (await call(core, 'dictionary.list', { category: 'product' })).filter((i) => i.id === printer)
    expect(item?.usage).toBe(1)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import type { FeedbackListOutput } from '../../../../src/shared/feedback'
import { call, testCore } from '../../../helpers/testCore'
import { addDictItem } from '../activity/activityTestKit'
import { createCustomer, expectError } from '../customers/customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let customer: Customer
let other: Customer

beforeEach(async () => {
  core = await testCore('intel')
  customer = await createCustomer(core, { name: '广州人易科技有限公司' })
  other = await createCustomer(core, { name: '佛山顺德电器有限公司' })
})
afterEach(async () => {
  await core.close()
})

describe('competitors', () => {
  it('creates, updates, lists with filters and deletes', async () => {
    const created = await call(core, 'competitors.create', {
      customerId: customer.id,
      name: ' 格力电器 ',
      kind: '竞争对手',
      products: '多联机',
      satisfaction: 4,
      ourShare: 35.5,
      strengths: '品牌知名度高',
    })
    expect(created).toMatchObject({
      name: '格力电器',
      kind: '竞争对手',
      customerName: '广州人易科技有限公司',
      satisfaction: 4,
      ourShare: 35.5,
      price: null,
    })
    const updated = await call(core, 'competitors.update', {
      id: created.id,
      kind: '供应商',
      price: '比我司低 5%',
      strengths: '',
    })
    expect(updated).toMatchObject({ kind: '供应商', price: '比我司低 5%', strengths: null, products: '多联机' })
    await call(core, 'competitors.create', { customerId: other.id, name: '美的', kind: '竞争对手' })

    const list = (input: Record<string, unknown>) => call(core, 'competitors.list', input)
    expect((await list({})).total).toBe(2)
    expect((await list({ customerId: customer.id })).rows.map((r) => r.name)).toEqual(['格力电器'])
    expect((await list({ kinds: ['竞争对手'] })).rows.map((r) => r.name)).toEqual(['美的'])
    expect((await list({ quick: '多联' })).rows.map((r) => r.name)).toEqual(['格力电器'])
    await call(core, 'customers.delete', { ids: [other.id] })
    expect((await list({})).total).toBe(1)

    await call(core, 'competitors.delete', { id: created.id })
    expect((await list({ customerId: customer.id })).total).toBe(0)
    expect((await expectError(core, 'competitors.delete', { id: created.id })).code).toBe('NOT_FOUND')
  })

  it('refuses bad input in Chinese', async () => {
    const share = await expectError(core, 'competitors.create', { customerId: customer.id, name: 'x', ourShare: 120 })
    expect(share.fields?.ourShare).toBe('我司份额不能大于 100%')
    const kind = await expectError(core, 'competitors.create', { customerId: customer.id, name: 'x', kind: '朋友' })
    expect(kind.message).toContain('类型只能是：竞争对手、供应商')
    const stars = await expectError(core, 'competitors.create', { customerId: customer.id, name: 'x', satisfaction: 6 })
    expect(stars.fields?.satisfaction).toBe('客户满意度不能大于 5')
    const name = await expectError(core, 'competitors.create', { customerId: customer.id })
    expect(name.fields?.name).toBe('请填写名称')
    await call(core, 'customers.delete', { ids: [other.id] })
    const binned = await expectError(core, 'competitors.create', { customerId: other.id, name: 'x' })
    expect(binned.message).toContain('回收站')
  })
})

describe('feedback', () => {
  it('creates, updates, lists with filters and deletes', async () => {
    const product = await addDictItem(core, 'product', '中央空调', '暖通')
    const handler = await addDictItem(core, 'staff', '李售后')
    const complaint = await call(core, 'feedback.create', {
      customerId: customer.id,
      type: '投诉',
      productId: product,
      receivedAt: '2026-03-02',
      handlerId: handler,
      content: '安装后噪音偏大',
    })
    expect(complaint).toMatchObject({
      status: '待处理',
      productLabel: '中央空调',
      handlerLabel: '李售后',
      resolvedAt: null,
      customerName: '广州人易科技有限公司',
    })
    const resolved = await call(core, 'feedback.update', {
      id: complaint.id,
      status: '已解决',
      resolvedAt: '2026-03-05',
      resolution: '更换减震垫',
      satisfaction: 5,
    })
    expect(resolved).toMatchObject({ status: '已解决', resolvedAt: '2026-03-05', satisfaction: 5 })
    await call(core, 'feedback.create', { customerId: other.id, type: '表扬', receivedAt: '2026-04-10' })
    await call(core, 'feedback.create', { customerId: customer.id, type: '建议', receivedAt: '2026-01-10' })

    const list = (input: Record<string, unknown>) => call(core, 'feedback.list', input)
    const dates = (out: FeedbackListOutput) => out.rows.map((r) => r.receivedAt)
    expect(dates(await list({}))).toEqual(['2026-04-10', '2026-03-02', '2026-01-10'])
    expect(dates(await list({ customerId: customer.id }))).toEqual(['2026-03-02', '2026-01-10'])
    expect(dates(await list({ types: ['投诉', '表扬'] }))).toEqual(['2026-04-10', '2026-03-02'])
    expect(dates(await list({ statuses: ['待处理'] }))).toEqual(['2026-04-10', '2026-01-10'])
    expect(dates(await list({ dateFrom: '2026-03-02', dateTo: '2026-04-09' }))).toEqual(['2026-03-02'])
    expect(dates(await list({ quick: '减震' }))).toEqual(['2026-03-02'])
    await call(core, 'customers.delete', { ids: [other.id] })
    expect((await list({})).total).toBe(2)

    // Product and handler items in use cannot be deleted.
    expect((await expectError(core, 'dictionary.delete', { id: product })).code).toBe('IN_USE')
    expect((await expectError(core, 'dictionary.delete', { id: handler })).code).toBe('IN_USE')

    await call(core, 'feedback.delete', { id: complaint.id })
    expect((await list({ customerId: customer.id })).total).toBe(1)
  })

  it('refuses a resolved date before the received one, also on a partial update', async () => {
    const early = await expectError(core, 'feedback.create', {
      customerId: customer.id,
      type: '投诉',
      receivedAt: '2026-03-02',
      resolvedAt: '2026-03-01',
    })
    expect(early).toMatchObject({ code: 'VALIDATION', fields: { resolvedAt: '解决日期不能早于收到日期' } })
    const row = await call(core, 'feedback.create', {
      customerId: customer.id,
      type: '咨询',
      receivedAt: '2026-03-02',
    })
    const partial = await expectError(core, 'feedback.update', { id: row.id, resolvedAt: '2026-02-28' })
    expect(partial.fields?.resolvedAt).toBe('解决日期不能早于收到日期')

    const type = await expectError(core, 'feedback.create', {
      customerId: customer.id,
      type: '抱怨',
      receivedAt: '2026-03-02',
    })
    expect(type.message).toContain('意见类型只能是：投诉、建议、咨询、表扬')
    const status = await expectError(core, 'feedback.update', { id: row.id, status: '搁置' })
    expect(status.message).toContain('处理状态只能是：待处理、处理中、已解决、已关闭')
    const noDate = await expectError(core, 'feedback.create', { customerId: customer.id, type: '咨询' })
    expect(noDate.fields?.receivedAt).toBe('请填写收到日期')
    const wrongItem = await expectError(core, 'feedback.update', { id: row.id, productId: 999 })
    expect(wrongItem.fields?.productId).toBe('所选产品不存在，可能已被删除')
    expect((await call(core, 'feedback.list', {})).rows[0]?.resolvedAt).toBeNull()
  })

  it('goes with the customer when it is purged', async () => {
    await call(core, 'feedback.create', { customerId: customer.id, type: '咨询', receivedAt: '2026-03-02' })
    await call(core, 'competitors.create', { customerId: customer.id, name: '格力' })
    await call(core, 'customers.delete', { ids: [customer.id] })
    await call(core, 'customers.purge', { ids: [customer.id] })
    const m = core.store.manager
    expect(await m.query(`SELECT COUNT(*) AS n FROM feedback`)).toEqual([{ n: 0 }])
    expect(await m.query(`SELECT COUNT(*) AS n FROM competitor`)).toEqual([{ n: 0 }])
  })
})

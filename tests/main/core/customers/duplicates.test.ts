import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer } from './customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('customer-dups')
})
afterEach(async () => {
  await core.close()
})

const dups = (input: Record<string, unknown>) => call(core, 'customers.duplicates', input)

describe('customers.duplicates', () => {
  it('same name across 全角/半角, brackets, spaces and 有限公司', async () => {
    const abc = await createCustomer(core, { name: 'ABC贸易有限公司' })
    const renyi = await createCustomer(core, { name: '人易(广州)科技' })
    expect(await dups({ name: 'ＡＢＣ贸易' })).toEqual([
      {
        id: abc.id,
        code: abc.code,
        name: 'ABC贸易有限公司',
        reason: '名称相同',
        reasons: ['名称相同'],
        deleted: false,
        otherOwner: false,
      },
    ])
    expect((await dups({ name: 'abc 贸易 股份有限公司' })).map((d) => d.id)).toEqual([abc.id])
    expect((await dups({ name: '人易（广州）科技有限公司' })).map((d) => d.id)).toEqual([renyi.id])
    expect(await dups({ name: '人易科技' })).toEqual([])
    expect(await dups({ name: 'ABC贸易有限公司', excludeId: abc.id })).toEqual([])
  })

  it('same phone however written, also a contact’s number', async () => {
    const a = await createCustomer(core, { name: '甲', phone: '020-1234 5678' })
    const b = await createCustomer(core, { name: '乙', contacts: [{ name: '张三', mobile: '138 0013 8000' }] })
    expect(await dups({ phone: '02012345678' })).toMatchObject([{ id: a.id, reason: '电话相同' }])
    expect(await dups({ phone: '(020)12345678' })).toMatchObject([{ id: a.id }])
    expect(await dups({ phone: '+86 13800138000' })).toMatchObject([{ id: b.id, reason: '电话相同' }])
    expect(await dups({ phone: '020' })).toEqual([])
  })

  it('same e-mail in another case; several reasons on one customer; the 回收站 flagged', async () => {
    const a = await createCustomer(core, { name: '人易', email: 'Info@RenYi.cn', phone: '13800138000' })
    expect(await dups({ email: 'info@renyi.CN' })).toMatchObject([{ id: a.id, reason: '邮箱相同' }])
    const all = await dups({ name: '人易有限公司', phone: '13800138000', email: 'INFO@renyi.cn' })
    expect(all).toEqual([
      {
        id: a.id,
        code: a.code,
        name: '人易',
        reason: '名称相同',
        reasons: ['名称相同', '电话相同', '邮箱相同'],
        deleted: false,
        otherOwner: false,
      },
    ])
    await call(core, 'customers.delete', { ids: [a.id] })
    expect(await dups({ name: '人易' })).toMatchObject([{ id: a.id, deleted: true }])
  })

  it('same 统一社会信用代码 is the strongest reason', async () => {
    const a = await createCustomer(core, { name: '甲', creditCode: '91440300708461136T' })
    expect(await dups({ creditCode: '９１４４０３００７０８４６１１３６ｔ', name: '甲' })).toMatchObject([
      { id: a.id, reason: '信用代码相同', reasons: ['信用代码相同', '名称相同'] },
    ])
  })

  it('nothing to compare → empty', async () => {
    await createCustomer(core, { name: '公司' })
    expect(await dups({})).toEqual([])
    expect(await dups({ name: '  ', email: 'abc' })).toEqual([])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import type { SearchGlobalOutput } from '../../../../src/shared/search'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, expectError } from '../customers/customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let guangzhou: Customer
let shenzhen: Customer
let beijing: Customer

beforeEach(async () => {
  core = await testCore('global-search')
  guangzhou = await createCustomer(core, {
    name: '广州人易科技有限公司',
    shortName: '人易',
    phone: '020-8765 4321',
    contacts: [
      { name: '王小明', mobile: '138 0013 8000', title: '采购经理' },
      { name: '李娜', officePhone: '(020) 3333 4444' },
    ],
  })
  shenzhen = await createCustomer(core, {
    name: '深圳市华强电子有限公司',
    phone: '0755-12345678',
    contacts: [{ name: '王强', mobile: '13912345678' }],
  })
  beijing = await createCustomer(core, { name: '北京广州人易贸易商行' })
})
afterEach(async () => {
  await core.close()
})

const search = (q: string, limit?: number) => call(core, 'search.global', limit === undefined ? { q } : { q, limit })
const customerNames = (out: SearchGlobalOutput) => out.customers.map((c) => c.name)
const contactNames = (out: SearchGlobalOutput) => out.contacts.map((c) => c.name)

describe('search.global', () => {
  it('finds customers by 拼音首字母, prefix matches first', async () => {
    const out = await search('gzry')
    // 北京广州人易 holds gzry in its initials too, but 广州人易 starts with it.
    expect(customerNames(out)).toEqual(['广州人易科技有限公司', '北京广州人易贸易商行'])
    expect(out.customers[0]).toEqual({
      id: guangzhou.id,
      code: guangzhou.code,
      name: '广州人易科技有限公司',
      phone: '020-8765 4321',
      match: '拼音首字母',
    })
    expect((await search('GZRY')).customers[0]?.id).toBe(guangzhou.id)
  })

  it('finds by name, 简称, full pinyin and code', async () => {
    expect(customerNames(await search('华强'))).toEqual(['深圳市华强电子有限公司'])
    expect((await search('华强')).customers[0]?.match).toBe('名称')
    expect((await search('shenzhen')).customers.map((c) => [c.name, c.match])).toEqual([
      ['深圳市华强电子有限公司', '拼音'],
    ])
    const byCode = await search(shenzhen.code)
    expect(byCode.customers.map((c) => [c.id, c.match])).toEqual([[shenzhen.id, '编号']])
    expect((await search(shenzhen.code.toLowerCase())).customers[0]?.id).toBe(shenzhen.id)
  })

  it('finds a phone number however it is written', async () => {
    for (const q of ['02087654321', '020-8765 4321', '(020) 87654321', '87654321']) {
      const out = await search(q)
      expect(
        out.customers.map((c) => [c.id, c.match]),
        q,
      ).toEqual([[guangzhou.id, '电话']])
    }
  })

  it('finds contacts by name, mobile and office phone, with their customer', async () => {
    const byName = await search('王小明')
    expect(byName.contacts).toEqual([
      {
        id: expect.any(Number),
        customerId: guangzhou.id,
        customerName: '广州人易科技有限公司',
        name: '王小明',
        mobile: '138 0013 8000',
        officePhone: null,
        title: '采购经理',
        match: '姓名',
      },
    ])
    expect(contactNames(await search('王')).sort()).toEqual(['王小明', '王强'].sort())
    expect(contactNames(await search('13800138000'))).toEqual(['王小明'])
    expect(contactNames(await search('138-0013-8000'))).toEqual(['王小明'])
    expect(contactNames(await search('3333 4444'))).toEqual(['李娜'])
    // The customer is found through its contact too.
    expect((await search('13800138000')).customers.map((c) => [c.id, c.match])).toEqual([[guangzhou.id, '联系人']])
  })

  it('leaves out customers in the 回收站 and their contacts', async () => {
    await call(core, 'customers.delete', { ids: [guangzhou.id] })
    const out = await search('gzry')
    expect(customerNames(out)).toEqual(['北京广州人易贸易商行'])
    expect((await search('王小明')).contacts).toEqual([])
    await call(core, 'customers.restore', { ids: [guangzhou.id] })
    expect(contactNames(await search('王小明'))).toEqual(['王小明'])
  })

  it('keeps to the limit', async () => {
    for (let i = 0; i < 12; i++) await createCustomer(core, { name: `测试客户${i}号` })
    expect((await search('测试')).customers).toHaveLength(8)
    expect((await search('测试', 3)).customers).toHaveLength(3)
    expect((await search('测试', 20)).customers).toHaveLength(12)
    expect((await search('gzry', 1)).customers.map((c) => c.id)).toEqual([guangzhou.id])
    expect(beijing.id).toBeGreaterThan(0)
  })

  it('treats SQL fragments, % and _ as plain text', async () => {
    await createCustomer(core, { name: '百分百%公司' })
    await createCustomer(core, { name: '下划_线商行' })
    for (const q of ['%', '_', "' OR 1=1 --", '"); DROP TABLE customer; --', '\\']) {
      const out = await search(q)
      expect(
        out.customers.every((c) => c.name.includes(q)),
        q,
      ).toBe(true)
      expect(out.contacts, q).toEqual([])
    }
    expect(customerNames(await search('%'))).toEqual(['百分百%公司'])
    expect(customerNames(await search('_'))).toEqual(['下划_线商行'])
    const [row] = await core.store.manager.query('SELECT COUNT(*) AS n FROM customer')
    expect(Number(row.n)).toBe(5)
  })

  it('refuses bad input with a Chinese message', async () => {
    for (const input of [
      { q: '' },
      { q: '   ' },
      { q: 'x'.repeat(51) },
      { q: 5 },
      {},
      { q: 'a', limit: 21 },
      { q: 'a', limit: 0 },
      { q: 'a', limit: 1.5 },
      { q: 'a', extra: 1 },
    ]) {
      const error = await expectError(core, 'search.global', input)
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION')
      expect(error.message, JSON.stringify(input)).toMatch(/[\u4e00-\u9fa5]/)
      // Only the unknown key itself may be Latin.
      expect(error.message.replace('extra', '')).not.toMatch(/[A-Za-z]{4,}/)
    }
    expect((await expectError(core, 'search.global', { q: '' })).message).toBe('输入有误：请输入要搜索的内容')
  })
})

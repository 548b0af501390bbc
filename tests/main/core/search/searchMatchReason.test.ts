import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { searchMatchLabel } from '../../../../src/shared/search'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer } from '../customers/customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let renyi: Customer

beforeEach(async () => {
  core = await testCore('search-match-reason')
  renyi = await createCustomer(core, {
    name: '广州人易科技有限公司',
    phone: '020-8765 4321',
    contacts: [
      { name: '张三', mobile: '138 0013 8000', officePhone: '(020) 3333 4444', title: '采购经理' },
      { name: '李娜', officePhone: '020-5555 6666' },
    ],
  })
})
afterEach(async () => {
  await core.close()
})

const search = (q: string) => call(core, 'search.global', { q })
const contactReasons = async (q: string) => (await search(q)).contacts.map((c) => [c.name, c.match])
const customerReasons = async (q: string) => (await search(q)).customers.map((c) => [c.name, c.match])

describe('why a search hit matched', () => {
  it('tells a contact found by name, mobile, office phone, pinyin or initials', async () => {
    expect(await contactReasons('张三')).toEqual([['张三', '姓名']])
    expect(await contactReasons('张')).toEqual([['张三', '姓名']])
    expect(await contactReasons('138-0013-8000')).toEqual([['张三', '手机']])
    expect(await contactReasons('00138')).toEqual([['张三', '手机']])
    expect(await contactReasons('33334444')).toEqual([['张三', '办公电话']])
    expect(await contactReasons('zhangsan')).toEqual([['张三', '拼音']])
    expect(await contactReasons('ZHANG')).toEqual([['张三', '拼音']])
    expect(await contactReasons('zs')).toEqual([['张三', '拼音首字母']])
    expect(await contactReasons('ln')).toEqual([['李娜', '拼音首字母']])
    expect(await contactReasons('li na')).toEqual([['李娜', '拼音']])
    // `020` is in both contacts' office phones and in no mobile.
    expect((await contactReasons('020')).sort()).toEqual([
      ['张三', '办公电话'],
      ['李娜', '办公电话'],
    ])
  })

  it('gives the phone that matched with the contact', async () => {
    const [byOffice] = (await search('3333 4444')).contacts
    expect(byOffice).toEqual({
      id: expect.any(Number),
      customerId: renyi.id,
      customerName: '广州人易科技有限公司',
      name: '张三',
      mobile: '138 0013 8000',
      officePhone: '(020) 3333 4444',
      title: '采购经理',
      match: '办公电话',
    })
  })

  it('tells a customer found by name, phone, pinyin, initials or one of its contacts', async () => {
    expect(await customerReasons('人易')).toEqual([['广州人易科技有限公司', '名称']])
    expect(await customerReasons('87654321')).toEqual([['广州人易科技有限公司', '电话']])
    expect(await customerReasons('guangzhou')).toEqual([['广州人易科技有限公司', '拼音']])
    expect(await customerReasons('gzry')).toEqual([['广州人易科技有限公司', '拼音首字母']])
    expect(await customerReasons('13800138000')).toEqual([['广州人易科技有限公司', '联系人']])
    // The contact's pinyin is not in the customer's search text: the contact alone is found.
    expect(await search('zs')).toMatchObject({ customers: [], contacts: [{ name: '张三' }] })
  })

  it('puts the reason into words the same way for customers and contacts', () => {
    expect(searchMatchLabel('拼音首字母')).toBe('拼音首字母匹配')
    expect(searchMatchLabel('电话')).toBe('电话匹配')
    expect(searchMatchLabel('办公电话')).toBe('办公电话匹配')
    expect(searchMatchLabel('其他')).toBe('其他信息匹配')
  })
})

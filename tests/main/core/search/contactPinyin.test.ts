import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { namePinyin } from '../../../../src/main/core/customers/namePinyin'
import { generateDemoData } from '../../../../src/main/core/demo/generateDemoData'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer } from '../customers/customerTestKit'
import { commit, openFile, xlsxBase64 } from '../excelImport/importTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let renyi: Customer

beforeEach(async () => {
  core = await testCore('contact-pinyin')
  renyi = await createCustomer(core, {
    name: '广州人易科技有限公司',
    contacts: [{ name: '张三', mobile: '13800138000' }, { name: '李娜' }],
  })
  // Another customer whose own pinyin holds `zs` and `zhangsan`: only its contact list may not.
  await createCustomer(core, { name: '张三丰武术馆', contacts: [{ name: '王小明' }] })
})
afterEach(async () => {
  await core.close()
})

const search = (q: string) => call(core, 'search.global', { q })
const contactsFound = async (q: string) => (await search(q)).contacts.map((c) => [c.name, c.customerName])
const storedPinyin = (): Promise<{ name: string; pinyin: string; pinyin_initials: string }[]> =>
  core.store.manager.query(`SELECT name, pinyin, pinyin_initials FROM contact ORDER BY id`)

describe('contacts by pinyin in the global search', () => {
  it('finds 张三 by full pinyin and by initials, upper or lower case, with its customer', async () => {
    for (const q of ['zhangsan', 'zs', 'ZS', 'zhang', 'zhang san']) {
      expect(await contactsFound(q), q).toEqual([['张三', '广州人易科技有限公司']])
    }
    expect((await search('zs')).contacts[0]).toMatchObject({ customerId: renyi.id, mobile: '13800138000' })
    expect(await contactsFound('ln')).toEqual([['李娜', '广州人易科技有限公司']])
    expect(await contactsFound('xm')).toEqual([['王小明', '张三丰武术馆']])
    // Still by name and phone, as before.
    expect(await contactsFound('张三')).toEqual([['张三', '广州人易科技有限公司']])
    expect(await contactsFound('13800138000')).toEqual([['张三', '广州人易科技有限公司']])
  })

  it('puts contacts whose pinyin starts with the word before those that only contain it', async () => {
    await createCustomer(core, { name: '甲公司', contacts: [{ name: '欧阳张三' }] })
    expect(await contactsFound('zhangsan')).toEqual([
      ['张三', '广州人易科技有限公司'],
      ['欧阳张三', '甲公司'],
    ])
  })

  it('keeps the pinyin with the name when a contact is renamed', async () => {
    const [zhang, li] = renyi.contacts
    await call(core, 'customers.update', {
      id: renyi.id,
      contacts: [
        { id: zhang?.id, name: '赵四', mobile: '13800138000' },
        { id: li?.id, name: '李娜' },
        { name: '钱五' },
      ],
    })
    expect(await contactsFound('zhangsan')).toEqual([])
    expect(await contactsFound('zs')).toEqual([['赵四', '广州人易科技有限公司']])
    expect(await contactsFound('qianwu')).toEqual([['钱五', '广州人易科技有限公司']])
    for (const row of await storedPinyin()) {
      const { pinyin, initials } = namePinyin(row.name)
      expect(row, row.name).toEqual({ name: row.name, pinyin, pinyin_initials: initials })
    }
  })

  it('moves with its contact when customers are merged', async () => {
    const other = await createCustomer(core, { name: '广州人易科技', contacts: [{ name: '孙七' }] })
    await call(core, 'customers.merge', { survivorId: renyi.id, mergedIds: [other.id], fields: {} })
    expect(await contactsFound('sq')).toEqual([['孙七', '广州人易科技有限公司']])
  })

  it('is filled by the import, for new customers and for contacts added to existing ones', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '联系人', '手机'])
      sheet.addRow(['成都蜀道机电有限公司', '周顺', '13912345678'])
      sheet.addRow(['广州人易科技有限公司', '吴双', null])
    })
    const opened = await openFile(core, '客户.xlsx', base64)
    // Row 3 of the file names the existing customer: updated, its new contact added.
    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      duplicateRows: { '3': 'update' },
    })
    expect(done.result).toMatchObject({ created: 1, updated: 1 })
    expect(await contactsFound('zhoushun')).toEqual([['周顺', '成都蜀道机电有限公司']])
    expect(await contactsFound('ws')).toEqual([['吴双', '广州人易科技有限公司']])
    const rows = await storedPinyin()
    expect(rows.find((r) => r.name === '周顺')).toEqual({ name: '周顺', pinyin: 'zhoushun', pinyin_initials: 'zs' })
  })

  it('is filled for demo data, as namePinyin computes it', async () => {
    const counts = await generateDemoData(core.store, { customers: 60, seed: 3 })
    const rows = await storedPinyin()
    expect(rows).toHaveLength(counts.contacts + 3)
    for (const row of rows) {
      const { pinyin, initials } = namePinyin(row.name)
      expect(pinyin, row.name).not.toBe('')
      expect(row, row.name).toEqual({ name: row.name, pinyin, pinyin_initials: initials })
    }
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, testCore } from '../../../helpers/testCore'
import { dictId } from '../customers/customerTestKit'
import { commit, encodeGbk, openFile, preview, xlsxBase64 } from './importTestKit'

let core: Awaited<ReturnType<typeof testCore>>

beforeEach(async () => {
  core = await testCore('import-address-places')
})
afterEach(async () => {
  await core.close()
})

async function customersNamed(quick: string) {
  const list = await call(core, 'customers.list', { quick })
  return Promise.all(list.rows.map((r) => call(core, 'customers.get', { id: r.id })))
}

describe('an office sheet with whole addresses, contacts’ birthdays and repeated customers', () => {
  it('takes 省/市/区 from an address that starts with them, keeps the address, stores 公历 and 农历 birthdays', async () => {
    const south = await dictId(core, 'region', '华南')
    const east = await dictId(core, 'region', '华东')
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '地址', '联系人', '手机', '生日'])
      sheet.addRow(['天河公司', '广东省广州市天河区体育西路1号', '张三', '13800000001', '农历八月十五'])
      sheet.addRow(['浦东公司', '浦东新区世纪大道100号', '李四', '13800000002', '1980-08-15'])
      sheet.addRow(['街道公司', '体育西路2号', '王五', '13800000003', '08-15'])
      sheet.addRow(['中山路公司', '中山路8号', '钱七', '13800000004', null])
    })
    const opened = await openFile(core, '客户.xlsx', base64)
    expect(opened.mapping).toEqual(['name', 'address', 'contact.name', 'contact.mobile', 'contact.birthday'])
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.problems])).toEqual([
      [2, 'create', []],
      [3, 'create', []],
      [4, 'create', []],
      [5, 'create', []],
    ])
    expect((await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })).result).toMatchObject({
      created: 4,
      errors: 0,
    })

    const [tianhe] = await customersNamed('天河公司')
    expect(tianhe).toMatchObject({
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
      // 大区 follows the province, as on the card.
      regionId: south,
      address: '广东省广州市天河区体育西路1号',
      contacts: [{ name: '张三', birthday: { date: '08-15', calendar: 'lunar' } }],
    })
    const [pudong] = await customersNamed('浦东公司')
    expect(pudong).toMatchObject({
      provinceCode: '310000',
      cityCode: '310100',
      districtCode: '310115',
      regionId: east,
      address: '浦东新区世纪大道100号',
      contacts: [{ name: '李四', birthday: { date: '1980-08-15', calendar: 'solar' } }],
    })
    // A street alone names no place: nothing guessed, nothing refused (中山路 is not 中山市).
    for (const name of ['街道公司', '中山路公司']) {
      const [customer] = await customersNamed(name)
      expect(customer).toMatchObject({ provinceCode: null, cityCode: null, districtCode: null })
    }
    const [street] = await customersNamed('街道公司')
    expect(street?.contacts[0]?.birthday).toEqual({ date: '08-15', calendar: 'solar' })
  })

  it('更新 merges every repeat of a row into the customer the first creates, also a repeat known by the second’s phone (GBK CSV)', async () => {
    const csv = [
      '客户名称,地址,联系人,手机,生日,生日历法',
      '天河公司,广州市天河区体育西路1号,张三,13800000001,1980-08-15,农历',
      '天河公司,,赵六,13800000005,,',
      '天河贸易行,,赵六,13800000005,腊月初八,',
      '浦东公司,上海浦东新区世纪大道100号,李四,13800000002,,',
    ].join('\r\n')
    const opened = await openFile(core, '客户.csv', encodeGbk(csv).toString('base64'))
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping, duplicateDefault: 'update' as const }
    const plan = await preview(core, decisions)
    expect(
      plan.rows.map((r) => [r.rowNumber, r.action, r.duplicate?.rowNumber ?? null, r.duplicate?.reason ?? null]),
    ).toEqual([
      [2, 'create', null, null],
      [3, 'update', 2, '名称相同'],
      // Shares nothing with row 2, only row 3's mobile: still the customer row 2 creates.
      [4, 'update', 2, '电话相同'],
      [5, 'create', null, null],
    ])
    const done = await commit(core, decisions)
    expect(done.result).toMatchObject({ created: 2, updated: 2, errors: 0, contacts: 3 })

    const all = await call(core, 'customers.list', {})
    expect(all.total).toBe(2)
    const [tianhe] = await customersNamed('天河')
    expect(tianhe).toMatchObject({
      // The last repeat's name, as an update of a customer in the database takes the file's values.
      name: '天河贸易行',
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
      address: '广州市天河区体育西路1号',
    })
    expect(tianhe?.contacts.map((c) => [c.name, c.birthday])).toEqual([
      ['张三', { date: '1980-08-15', calendar: 'lunar' }],
      ['赵六', null],
    ])
    const history = await call(core, 'customers.history', { id: tianhe?.id as number })
    expect(history.filter((h) => h.label === '导入更新')).toHaveLength(2)
    const [pudong] = await customersNamed('浦东公司')
    expect(pudong).toMatchObject({ provinceCode: '310000', cityCode: '310100', districtCode: '310115' })
  })
})

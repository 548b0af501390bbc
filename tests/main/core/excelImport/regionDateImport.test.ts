import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import type { ImportPreview } from '../../../../src/shared/excelImport'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { commit, openFile, preview, xlsxBase64 } from './importTestKit'

let core: Awaited<ReturnType<typeof testCore>>

beforeEach(async () => {
  core = await testCore('import-regions')
})
afterEach(async () => {
  await core.close()
})

const problemsOf = (plan: ImportPreview, rowNumber: number) =>
  plan.rows.find((r) => r.rowNumber === rowNumber)?.problems

async function customerNamed(name: string): Promise<Customer> {
  const list = await call(core, 'customers.list', { quick: '' })
  const id = list.rows.find((r) => r.name === name)?.id
  if (id === undefined) throw new Error(`no customer ${name}`)
  return call(core, 'customers.get', { id })
}

describe('import of 省/市/区 names, lunar birthdays and 纪念日', () => {
  it('maps names to the card’s codes, pre-fills 大区 from the province, and stores the contact’s dates', async () => {
    // 大区 comes from 系统设置 → 省份与大区, not from a fixed table: move 广东 to 华东 first.
    const east = await dictId(core, 'region', '华东')
    const north = await dictId(core, 'region', '华北')
    await call(core, 'regions.set', { provinceCode: '440000', regionId: east })

    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow([
        '客户名称',
        '所在省份',
        '城市',
        '区/县',
        '所属区域',
        '联系人',
        '联系人生日',
        '生日历法',
        '纪念日名称',
        '纪念日',
      ])
      // 2: short names, lunar by the 历法 column, a lunar 纪念日 in words
      sheet.addRow([
        '广州甲公司',
        '广东',
        '广州',
        '天河',
        null,
        '张三',
        '1990-08-15',
        '农历',
        '结婚纪念日',
        '农历三月初八',
      ])
      // 3: 直辖市 without the city, 农历 in the date itself, a 纪念日 without name
      sheet.addRow(['北京乙公司', '北京市', null, '朝阳区', null, '李四', '农历八月十五', null, null, '05-20'])
      // 4: unknown province
      sheet.addRow(['坏省份公司', '广栋', '广州', null, null, null, null, null, null, null])
      // 5: a district that exists in two cities
      sheet.addRow(['同名区公司', null, null, '朝阳区', null, null, null, null, null, null])
      // 6: a solar date cell; a 纪念日 name without its date
      sheet.addRow([
        '上海丙公司',
        '上海',
        '上海',
        '浦东新区',
        null,
        '王五',
        new Date(Date.UTC(1985, 2, 8)),
        '公历',
        '配偶生日',
        null,
      ])
      // 7: the row's own 大区 wins over the province's
      sheet.addRow(['广州丁公司', '广东省', '广州市', null, '华北', null, null, null, null, null])
      // 8: a lunar leap month that year does not have (2023 had 闰二月)
      sheet.addRow(['闰月公司', '内蒙古', '呼和浩特', null, null, '赵六', '农历2023-闰03-01', null, null, null])
    })
    const opened = await openFile(core, '客户.xlsx', base64)
    expect(opened.mapping).toEqual([
      'name',
      'provinceCode',
      'cityCode',
      'districtCode',
      'regionId',
      'contact.name',
      'contact.birthday',
      'contact.birthdayCalendar',
      'contact.importantDateLabel',
      'contact.importantDates',
    ])

    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'create'],
      [8, 'error'],
    ])
    expect(problemsOf(plan, 4)).toEqual([{ column: '所在省份', message: '找不到省份“广栋”' }])
    expect(problemsOf(plan, 5)).toEqual([
      { column: '区/县', message: '“朝阳区”在北京市和吉林省长春市都有，请同时填写城市' },
    ])
    expect(problemsOf(plan, 6)).toEqual([{ column: '纪念日名称', message: '填写了纪念日名称，但缺少纪念日日期' }])
    expect(problemsOf(plan, 8)).toEqual([
      { column: '联系人生日', message: '农历日期「2023-闰03-01」不存在（农历 2023 年没有闰三月）' },
    ])

    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping, skipErrorRows: true })
    expect(done.message).toBeNull()
    expect(done.result).toMatchObject({ created: 3, errors: 4, contacts: 2 })

    const jia = await customerNamed('广州甲公司')
    expect(jia).toMatchObject({ provinceCode: '440000', cityCode: '440100', districtCode: '440106', regionId: east })
    expect(jia.contacts).toMatchObject([
      {
        name: '张三',
        birthday: { date: '1990-08-15', calendar: 'lunar' },
        importantDates: [{ label: '结婚纪念日', date: '03-08', calendar: 'lunar' }],
      },
    ])
    const yi = await customerNamed('北京乙公司')
    expect(yi).toMatchObject({ provinceCode: '110000', cityCode: '110100', districtCode: '110105', regionId: north })
    expect(yi.contacts).toMatchObject([
      {
        name: '李四',
        birthday: { date: '08-15', calendar: 'lunar' },
        importantDates: [{ label: '纪念日', date: '05-20', calendar: 'solar' }],
      },
    ])
    const ding = await customerNamed('广州丁公司')
    expect(ding).toMatchObject({ provinceCode: '440000', cityCode: '440100', districtCode: null, regionId: north })
  })

  it('reads one 所在地区 column, and adds a contact with its dates to an existing customer on update', async () => {
    const existing = await createCustomer(core, { name: '广州人易科技有限公司' })
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '所在地区', '联系人', '生日', '纪念日类型', '纪念日日期'])
      sheet.addRow(['广州人易科技有限公司', '广东省广州市天河区', '钱七', '腊月初八', '子女生日', '2015-06-01'])
      sheet.addRow(['上海戊公司', '上海 浦东', null, null, null, null])
      sheet.addRow(['地址公司', '广东省广州市天河区体育西路', null, null, null, null])
      sheet.addRow(['无地区公司', '体育西路191号', null, null, null, null])
    })
    const opened = await openFile(core, '地区.xlsx', base64)
    // A bare 生日 in a company file is the contact's.
    const mapping = [
      'name',
      'divisions',
      'contact.name',
      'contact.birthday',
      'contact.importantDateLabel',
      'contact.importantDates',
    ]
    expect(opened.mapping).toEqual(mapping)

    const plan = await preview(core, { sessionId: opened.sessionId, mapping, duplicateDefault: 'update' })
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'update'],
      [3, 'create'],
      [4, 'create'],
      [5, 'error'],
    ])
    expect(problemsOf(plan, 5)).toEqual([{ column: '所在地区', message: '“体育西路191号”的开头应是省、市或区县名称' }])

    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping,
      duplicateDefault: 'update',
      skipErrorRows: true,
    })
    expect(done.result).toMatchObject({ created: 2, updated: 1, errors: 1, contacts: 1 })
    // The street after the names keeps the cell as the 通讯地址, though the file has no 地址 column.
    expect(await customerNamed('地址公司')).toMatchObject({
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
      address: '广东省广州市天河区体育西路',
    })

    const updated = await call(core, 'customers.get', { id: existing.id })
    // An update changes what the file gives, and a customer without a 大区 gets the province's, as on the card.
    expect(updated).toMatchObject({
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
      regionId: await dictId(core, 'region', '华南'),
    })
    // Names only: no address to keep.
    expect(updated.address).toBeNull()
    expect(updated.contacts).toMatchObject([
      {
        name: '钱七',
        birthday: { date: '12-08', calendar: 'lunar' },
        importantDates: [{ label: '子女生日', date: '2015-06-01', calendar: 'solar' }],
      },
    ])
    const wu = await customerNamed('上海戊公司')
    expect(wu).toMatchObject({ provinceCode: '310000', cityCode: '310100', districtCode: '310115' })
    expect(wu.regionId).toBe(await dictId(core, 'region', '华东'))
  })

  it('reads 省/市/区 from whole addresses in 所在地区, keeping them as the 通讯地址 unless the row has one', async () => {
    const existing = await createCustomer(core, { name: '旧址公司', address: '广州市越秀区旧址路1号' })
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '客户类型', '所在地区', '详细地址', '联系人', '生日', '出生日期'])
      // 2: 直辖市, the address taken from the 所在地区 cell
      sheet.addRow(['北京建国公司', null, '北京市朝阳区建国路88号', null, '周一', '1980-05-04', null])
      // 3: the row's own 详细地址 wins
      sheet.addRow(['天河中石化', null, '广东省广州市天河区体育西路191号中石化大厦', '体育西路191号', null, null, null])
      // 4: beginning at the city; a road named like a district (大连 has a 中山区)
      sheet.addRow(['大连中山路公司', null, '大连市中山路100号', null, null, null, null])
      // 5: 自治州 by its short name
      sheet.addRow(['恩施公司', null, '湖北恩施州恩施市舞阳大街1号', null, null, null, null])
      // 6: a street without its place
      sheet.addRow(['无地区公司', null, '建国路88号', null, null, null, null])
      // 7: an ambiguous district before the street
      sheet.addRow(['同名区公司', null, '朝阳区建国路88号', null, null, null, null])
      // 8: an update: the address from 所在地区 replaces the old one
      sheet.addRow(['旧址公司', null, '广东省广州市天河区体育东路2号', null, null, null, null])
      // 9: a 个人客户 with 出生日期: the customer's own
      sheet.addRow(['孙八', '个人客户', '上海 浦东 世纪大道100号', null, null, null, '1992-02-03'])
      // 10: more than a 通讯地址 holds
      sheet.addRow(['长地址公司', null, `广东省广州市天河区${'体育西路'.repeat(50)}`, null, null, null, null])
    })
    const opened = await openFile(core, '地址.xlsx', base64)
    expect(opened.mapping).toEqual([
      'name',
      'kind',
      'divisions',
      'address',
      'contact.name',
      'contact.birthday',
      'birthDate',
    ])

    const plan = await preview(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      duplicateDefault: 'update',
    })
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
      [5, 'create'],
      [6, 'error'],
      [7, 'error'],
      [8, 'update'],
      [9, 'create'],
      [10, 'error'],
    ])
    expect(problemsOf(plan, 6)).toEqual([{ column: '所在地区', message: '“建国路88号”的开头应是省、市或区县名称' }])
    expect(problemsOf(plan, 10)).toEqual([{ column: '所在地区', message: '通讯地址不能超过 200 个字' }])
    expect(problemsOf(plan, 7)).toEqual([
      { column: '所在地区', message: '“朝阳区”在北京市和吉林省长春市都有，请同时填写城市' },
    ])

    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      duplicateDefault: 'update',
      skipErrorRows: true,
    })
    expect(done.result).toMatchObject({ created: 5, updated: 1, errors: 3, contacts: 1 })

    const jianguo = await customerNamed('北京建国公司')
    expect(jianguo).toMatchObject({
      provinceCode: '110000',
      cityCode: '110100',
      districtCode: '110105',
      address: '北京市朝阳区建国路88号',
      birthDate: null,
    })
    expect(jianguo.contacts).toMatchObject([{ name: '周一', birthday: { date: '1980-05-04', calendar: 'solar' } }])
    expect(await customerNamed('天河中石化')).toMatchObject({
      districtCode: '440106',
      address: '体育西路191号',
    })
    expect(await customerNamed('大连中山路公司')).toMatchObject({
      provinceCode: '210000',
      cityCode: '210200',
      districtCode: null,
      address: '大连市中山路100号',
    })
    expect(await customerNamed('恩施公司')).toMatchObject({
      provinceCode: '420000',
      cityCode: '422800',
      districtCode: '422801',
      address: '湖北恩施州恩施市舞阳大街1号',
    })
    const moved = await call(core, 'customers.get', { id: existing.id })
    expect(moved).toMatchObject({ districtCode: '440106', address: '广东省广州市天河区体育东路2号' })
    expect(await customerNamed('孙八')).toMatchObject({
      kind: 'individual',
      districtCode: '310115',
      address: '上海 浦东 世纪大道100号',
      birthDate: '1992-02-03',
    })
  })

  it('an update with a new 省份 but no 城市/区县 clears the old ones, with history', async () => {
    const existing = await createCustomer(core, {
      name: '搬家公司',
      regionId: await dictId(core, 'region', '华南'),
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
    })
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '省份'])
      sheet.addRow(['搬家公司', '浙江省'])
    })
    const opened = await openFile(core, '搬家.xlsx', base64)
    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      duplicateDefault: 'update',
    })
    expect(done.result).toMatchObject({ updated: 1 })
    const moved = await call(core, 'customers.get', { id: existing.id })
    expect(moved).toMatchObject({ provinceCode: '330000', cityCode: null, districtCode: null })
    // It had a 大区 of its own: an update does not overwrite what the user chose.
    expect(moved.regionId).toBe(await dictId(core, 'region', '华南'))
    const history = await call(core, 'customers.history', { id: existing.id })
    expect(history.map((h) => h.field)).toEqual(expect.arrayContaining(['provinceCode', 'cityCode', 'districtCode']))
  })

  it('documents the accepted forms in the template, whose example row imports as lunar dates', async () => {
    const template = await call(core, 'import.template', { kind: 'customers' })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    const noteOf = (header: string) => {
      const note = sheet.getRow(1).getCell(headers.indexOf(header) + 1).note
      return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('')
    }
    expect(headers).toEqual(
      expect.arrayContaining(['省份', '城市', '区县', '联系人生日', '生日历法', '纪念日名称', '纪念日']),
    )
    // 所在地区 says the same as the three columns: importable, but not in the template.
    expect(headers).not.toContain('所在地区')
    expect(noteOf('省份')).toContain('内蒙古')
    expect(noteOf('联系人生日')).toContain('农历八月十五')
    expect(noteOf('纪念日')).toContain('农历三月初八')

    const opened = await openFile(core, template.fileName, template.base64)
    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(done.result).toMatchObject({ created: 1, errors: 0 })
    const imported = await customerNamed('广州人易科技有限公司')
    expect(imported).toMatchObject({
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
      regionId: await dictId(core, 'region', '华南'),
    })
    expect(imported.contacts).toMatchObject([
      {
        name: '张三',
        birthday: { date: '1990-08-15', calendar: 'lunar' },
        importantDates: [{ label: '配偶生日', date: '03-08', calendar: 'lunar' }],
      },
    ])
  })
})

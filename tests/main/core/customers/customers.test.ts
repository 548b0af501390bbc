import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError, tableCounts } from './customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('customers')
})
afterEach(async () => {
  await core.close()
})

const year = new Date().getFullYear()

describe('customers.create / get', () => {
  it('stores every kind of field with its contacts, dates and groups, and gives the whole card back', async () => {
    const region = await dictId(core, 'region', '华南')
    const strategy = await dictId(core, 'contactStrategy', '每月')
    const created = await createCustomer(core, {
      kind: 'enterprise',
      name: '  广州人易科技有限公司 ',
      shortName: '人易',
      regionId: region,
      contactStrategyId: strategy,
      provinceCode: '440000',
      cityCode: '440100',
      districtCode: '440106',
      phone: '０２０-1234 5678',
      email: 'Info@RenYi.cn',
      website: 'www.renyi.cn',
      postalCode: '510000',
      creditCode: '91350100m000100y43',
      creditRating: 4,
      creditLimit: 50000.5,
      employeeCount: 35,
      hasDecisionPower: true,
      demandStatus: '明确需求',
      expectedCloseDate: '2026-03-01',
      relationshipLevel: 'II',
      registrar: '王会计',
      registeredAt: '2025-06-01',
      remarks: '',
      groups: ['重要客户', '朋友介绍', '重要客户'],
      contacts: [
        {
          name: '张三',
          mobile: '+86 138 0013 8000',
          officePhone: '020-87654321-123',
          friendliness: 5,
          decisionRole: '决策者',
          isKey: true,
          birthday: { date: '2001-闰04-15', calendar: 'lunar' },
          importantDates: [
            { label: '配偶生日', date: '08-15', calendar: 'lunar' },
            { label: '结婚纪念日', date: '2008-02-29' },
          ],
        },
        { name: '李四' },
      ],
    })
    expect(created).toMatchObject({
      code: 'KH-2025-00001',
      name: '广州人易科技有限公司',
      phone: '020-1234 5678',
      creditCode: '91350100M000100Y43',
      remarks: null,
      birthCalendar: 'solar',
      hasDecisionPower: true,
      creditLimit: 50000.5,
      pinyin: 'guangzhourenyikejiyouxiangongsi',
      pinyinInitials: 'gzrykjyxgs',
      transactionCount: 0,
      lastContactAt: null,
      deletedAt: null,
    })
    expect(created.groups.map((g) => g.name)).toEqual(['重要客户', '朋友介绍'])
    expect(created.contacts.map((c) => c.name)).toEqual(['张三', '李四'])
    expect(created.contacts[0]).toMatchObject({
      mobile: '+86 138 0013 8000',
      isKey: true,
      birthday: { date: '2001-闰04-15', calendar: 'lunar' },
      importantDates: [
        { label: '配偶生日', date: '08-15', calendar: 'lunar' },
        { label: '结婚纪念日', date: '2008-02-29', calendar: 'solar' },
      ],
    })
    expect(created.contacts[1]?.isKey).toBe(false)
    expect(created.completeness.missing).toContain('客户性质')
    expect(created.completeness.missing).not.toContain('联系人')
    expect(created.completeness.percent).toBe(
      Math.round((created.completeness.filled * 100) / created.completeness.total),
    )

    const fetched = await call(core, 'customers.get', { id: created.id })
    expect(fetched).toEqual(created)
  })

  it('defaults: enterprise, registered today, code of this year', async () => {
    const created = await createCustomer(core, { name: '张先生', kind: 'individual' })
    expect(created.code).toBe(`KH-${year}-00001`)
    expect(created.registeredAt.slice(0, 4)).toBe(String(year))
    expect(created.completeness.missing).toContain('出生日期')
  })

  it('an unknown id is NOT_FOUND', async () => {
    expect((await expectError(core, 'customers.get', { id: 999 })).code).toBe('NOT_FOUND')
  })
})

describe('客户编号', () => {
  it('20 creates at once get 20 distinct consecutive codes', async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createCustomer(core, { name: `客户${i}`, registeredAt: '2026-05-01' })),
    )
    const codes = created.map((c) => c.code).sort()
    expect(new Set(codes).size).toBe(20)
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `KH-2026-${String(i + 1).padStart(5, '0')}`))
  })

  it('counts per year of the registration date and never reuses a code, even after 彻底删除', async () => {
    const a = await createCustomer(core, { name: '甲', registeredAt: '2025-12-31' })
    const b = await createCustomer(core, { name: '乙', registeredAt: '2026-01-01' })
    const c = await createCustomer(core, { name: '丙', registeredAt: '2025-03-01' })
    expect([a.code, b.code, c.code]).toEqual(['KH-2025-00001', 'KH-2026-00001', 'KH-2025-00002'])
    await call(core, 'customers.delete', { ids: [c.id] })
    await call(core, 'customers.purge', { ids: [c.id] })
    const d = await createCustomer(core, { name: '丁', registeredAt: '2025-04-01' })
    expect(d.code).toBe('KH-2025-00003')
  })
})

describe('customers.update and the change history', () => {
  it('writes one history row per changed field, with labels, in the same transaction', async () => {
    const south = await dictId(core, 'region', '华南')
    const north = await dictId(core, 'region', '华北')
    const created = await createCustomer(core, {
      name: '人易科技',
      regionId: south,
      phone: '020-12345678',
      contacts: [{ name: '张三', mobile: '13800138000', importantDates: [{ label: '生日', date: '05-01' }] }],
      groups: ['A组'],
    })
    const zhang = created.contacts[0]
    const updated = await call(core, 'customers.update', {
      id: created.id,
      regionId: north,
      phone: '020-12345678', // unchanged: no row
      provinceCode: '110000',
      creditRating: 3,
      hasDecisionPower: false,
      shortName: '人易',
      contacts: [
        {
          id: zhang.id,
          name: '张三',
          mobile: '13900139000',
          importantDates: [{ id: zhang.importantDates[0].id, label: '生日', date: '05-02' }],
        },
        { name: '王五' },
      ],
      groups: ['A组', 'B组'],
    })
    expect(updated.regionId).toBe(north)
    expect(updated.contacts.map((c) => c.name)).toEqual(['张三', '王五'])
    expect(updated.contacts[0]?.id).toBe(zhang.id)
    expect(updated.contacts[0]?.importantDates[0]?.id).toBe(zhang.importantDates[0].id)

    const history = await call(core, 'customers.history', { id: created.id })
    const byLabel = Object.fromEntries(history.map((h) => [h.label, [h.oldValue, h.newValue]]))
    expect(byLabel).toMatchObject({
      所属区域: ['华南', '华北'],
      省份: [null, '北京市'],
      信用状况: [null, '3星'],
      是否有购买决策权: [null, '否'],
      简称: [null, '人易'],
      '联系人「张三」的手机': ['13800138000', '13900139000'],
      '联系人「张三」的纪念日': ['生日 公历 05-01', '生日 公历 05-02'],
      新增联系人: [null, '王五'],
      分组: ['A组', 'A组、B组'],
      新建客户: [null, created.code],
    })
    expect(history.find((h) => h.label === '电话')).toBeUndefined()
    expect(history[history.length - 1]?.field).toBe('created')
    expect(history.map((h) => h.id)).toEqual([...history.map((h) => h.id)].sort((a, b) => b - a))

    // Removing a contact is recorded too, and its dates go with it.
    await call(core, 'customers.update', { id: created.id, contacts: [{ id: zhang.id, name: '张三' }] })
    const [latest] = await call(core, 'customers.history', { id: created.id })
    expect(latest).toMatchObject({ label: '删除联系人', oldValue: '王五', newValue: null })
    const [{ n }] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM contact_date`)
    expect(n).toBe(0)
  })

  it('an update that changes nothing writes no history', async () => {
    const created = await createCustomer(core, { name: '人易', phone: '13800138000' })
    const before = await tableCounts(core)
    await call(core, 'customers.update', { id: created.id, name: '人易', phone: '13800138000' })
    expect(await tableCounts(core)).toEqual(before)
  })

  it('refuses a contact id of another customer and leaves everything as it was', async () => {
    const a = await createCustomer(core, { name: '甲公司', contacts: [{ name: '甲联系人' }] })
    const b = await createCustomer(core, { name: '乙公司', contacts: [{ name: '乙联系人' }] })
    const before = await tableCounts(core)
    const error = await expectError(core, 'customers.update', {
      id: b.id,
      name: '乙公司改名',
      contacts: [{ id: a.contacts[0].id, name: '偷来的联系人' }],
    })
    expect(error.code).toBe('VALIDATION')
    expect(await tableCounts(core)).toEqual(before)
    expect((await call(core, 'customers.get', { id: b.id })).name).toBe('乙公司')
  })

  it('renaming updates the pinyin and the duplicate key', async () => {
    const created = await createCustomer(core, { name: '广州人易' })
    const updated = await call(core, 'customers.update', { id: created.id, name: '深圳华为' })
    expect(updated.pinyinInitials).toBe('szhw')
    const dups = await call(core, 'customers.duplicates', { name: '深圳华为有限公司' })
    expect(dups).toHaveLength(1)
  })
})

describe('validation', () => {
  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['empty name', { name: '   ' }, 'name', /客户名称不能为空/],
    [
      'bad mobile of a contact',
      { name: '甲', contacts: [{ name: '张三', mobile: '1380013800' }] },
      'contacts.0.mobile',
      /11 位/,
    ],
    ['mobile with a wrong second digit', { name: '甲', phone: '12800138000' }, 'phone', /电话格式不正确/],
    ['landline without area code', { name: '甲', phone: '12345678' }, 'phone', /区号/],
    ['bad email', { name: '甲', email: 'info@renyi' }, 'email', /电子邮件格式不正确/],
    ['bad postal code', { name: '甲', postalCode: '51000' }, 'postalCode', /6 位数字/],
    ['bad website', { name: '甲', website: 'not a url' }, 'website', /单位网址/],
    ['bad credit code check digit', { name: '甲', creditCode: '91350100M000100Y44' }, 'creditCode', /校验位/],
    ['credit code too short', { name: '甲', creditCode: '91350100M000100Y4' }, 'creditCode', /18 位/],
    ['credit rating 6', { name: '甲', creditRating: 6 }, 'creditRating', /信用状况不能大于 5/],
    ['impossible date', { name: '甲', foundedDate: '2025-02-30' }, 'foundedDate', /有效日期/],
    ['unknown field', { name: '甲', hacker: 1 }, '_', /不支持字段：hacker/],
    ['unknown province code', { name: '甲', provinceCode: '999999' }, 'provinceCode', /代码无效/],
    [
      'lunar date that does not exist',
      { name: '甲', contacts: [{ name: '张', birthday: { date: '2024-闰04-01', calendar: 'lunar' } }] },
      'contacts.0.birthday.date',
      /农历/,
    ],
  ]
  for (const [what, input, field, message] of bad) {
    it(`refuses ${what} with a Chinese message and changes nothing`, async () => {
      await createCustomer(core, { name: '已有客户' })
      const before = await tableCounts(core)
      const error = await expectError(core, 'customers.create', input)
      expect(error.code).toBe('VALIDATION')
      expect(error.fields?.[field]).toMatch(message)
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(await tableCounts(core)).toEqual(before)
    })
  }

  it('accepts the usual ways of writing phones', async () => {
    for (const phone of [
      '13800138000',
      '138 0013 8000',
      '+86 13800138000',
      '020-12345678',
      '0755-1234567',
      '(020) 1234 5678',
      '020-12345678-123',
      '0755-1234567转8',
      '400-123-4567',
      '8008101234',
      '０２０－１２３４５６７８',
    ]) {
      const created = await createCustomer(core, { name: `客户${phone}`, phone })
      expect(created.phone).toBeTruthy()
    }
  })

  it('checks the nesting of 省/市/区 and a birth date in its calendar, after merging an update', async () => {
    const created = await createCustomer(core, { name: '甲', provinceCode: '440000', cityCode: '440100' })
    const before = await tableCounts(core)
    const error = await expectError(core, 'customers.update', { id: created.id, provinceCode: '110000' })
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { cityCode: '城市不属于所选省份' } })
    const lunar = await expectError(core, 'customers.update', {
      id: created.id,
      birthDate: '1990-02-30',
      birthCalendar: 'solar',
    })
    expect(lunar.code).toBe('VALIDATION')
    expect(await tableCounts(core)).toEqual(before)
    const ok = await call(core, 'customers.update', {
      id: created.id,
      birthDate: '1990-02-30',
      birthCalendar: 'lunar',
    })
    expect(ok.birthDate).toBe('1990-02-30')
  })

  it('refuses an item of another dictionary or a disabled item', async () => {
    const region = await dictId(core, 'region', '华南')
    const wrong = await expectError(core, 'customers.create', { name: '甲', natureId: region })
    expect(wrong).toMatchObject({ code: 'VALIDATION', fields: { natureId: expect.stringContaining('不存在') } })
    await call(core, 'dictionary.update', { id: region, enabled: false })
    const disabled = await expectError(core, 'customers.create', { name: '甲', regionId: region })
    expect(disabled.fields?.regionId).toMatch(/已停用/)
  })

  it('a customer keeps a disabled item it already had', async () => {
    const region = await dictId(core, 'region', '华南')
    const created = await createCustomer(core, { name: '甲', regionId: region })
    await call(core, 'dictionary.update', { id: region, enabled: false })
    const updated = await call(core, 'customers.update', {
      id: created.id,
      regionId: region,
      remarks: '改了备注',
    })
    expect(updated.regionId).toBe(region)
  })

  it('统一社会信用代码 is unique, also against the 回收站', async () => {
    const a = await createCustomer(core, { name: '甲', creditCode: '91440300708461136T' })
    await call(core, 'customers.delete', { ids: [a.id] })
    const error = await expectError(core, 'customers.create', { name: '乙', creditCode: '91440300708461136t' })
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('回收站')
  })
})

describe('dictionary items in use', () => {
  it('an item used by a customer cannot be deleted, and shows its usage', async () => {
    const nature = await dictId(core, 'nature', '国有企业')
    await createCustomer(core, { name: '甲', natureId: nature })
    const error = await expectError(core, 'dictionary.delete', { id: nature })
    expect(error.code).toBe('IN_USE')
    const items = await call(core, 'dictionary.list', { category: 'nature' })
    expect(items.find((i) => i.id === nature)?.usage).toBe(1)
    const [{ n }] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM dict_item WHERE id = ?`, [nature])
    expect(n).toBe(1)
  })

  it('the database itself refuses to delete an item in use (ON DELETE RESTRICT)', async () => {
    const staff = await call(core, 'dictionary.create', { category: 'staff', label: '小王' })
    await createCustomer(core, { name: '甲', ownerStaffId: staff.id })
    await expect(core.store.manager.query(`DELETE FROM dict_item WHERE id = ?`, [staff.id])).rejects.toThrow(
      /FOREIGN KEY/,
    )
  })
})

import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import type { ImportPreview, PreviewRow } from '../../../../src/shared/excelImport'
import { withImportLookups } from '../../../../src/main/core/excelImport/importLookups'
import { customersMatching } from '../../../../src/main/core/excelImport/importQueries'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId, expectError, tableCounts } from '../customers/customerTestKit'
import { commit, count, encodeGbk, openFile, preview, waitForJob, xlsxBase64 } from './importTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let existing: Customer

beforeEach(async () => {
  core = await testCore('import')
  existing = await createCustomer(core, { name: '广州人易科技有限公司', phone: '020-88886666' })
})
afterEach(async () => {
  await core.close()
})

/**
 * The messy file: a title row merged over the sheet, a two-row header
 * (联系人 merged over 姓名 | 手机号 | 是否关键人; the others merged downwards),
 * full-width text, stray spaces, numbers for phones, serial and text dates, a blank row.
 */
async function messyWorkbook(): Promise<string> {
  return xlsxBase64((sheet) => {
    sheet.getCell('A1').value = '2024年客户资料登记表'
    sheet.mergeCells('A1:J1')
    sheet.getRow(2).values = [
      '单位名称',
      '联系人',
      null,
      null,
      '公司电话',
      '邮箱',
      '客户来源',
      '登记日期',
      '所属行业',
      '成交状态',
    ]
    sheet.getRow(3).values = [null, '姓名', '手机号', '是否关键人']
    sheet.mergeCells('B2:D2')
    for (const column of ['A', 'E', 'F', 'G', 'H', 'I', 'J']) sheet.mergeCells(`${column}2:${column}3`)
    const rows: unknown[][] = [
      // 4: full-width name, number mobile, serial date
      [
        'ＡＢＣ贸易（广州）有限公司 ',
        '  张三 ',
        13800138000,
        '是',
        '020 - 12345678',
        'ABC@Example.com',
        '展览会 ',
        45296,
        '信息技术',
        '已成交',
      ],
      // 5: blank
      [],
      // 6: E-notation mobile, landline that lost its 0, label with a space inside, 年月日 date, unknown industry
      [
        '深圳乙方科技有限公司',
        '李四',
        '1.39001390000E10',
        '否',
        2087654321,
        null,
        '网站 广告',
        '2024年1月5日',
        '新能源',
        null,
      ],
      // 7: already in the database (same normalised name)
      ['广州人易科技有限公司', '王五', '13700137000', null, null, null, null, '2024/1/5', null, null],
      // 8: the same customer as row 4 (有限责任公司, half-width brackets)
      ['ABC贸易(广州)有限责任公司', null, null, null, null, null, null, null, null, null],
      // 9: two problems
      ['坏数据公司', '赵六', '12345', null, null, null, null, '2024-2-30', null, null],
      // 10: label needing a decision (制造 → 制造业), dotted date
      ['东莞丙方五金厂', null, null, null, null, 'sales@dgbing.com', '客户推荐', '2024.1.5', '制造', '潜在'],
      // 11: same mobile as row 4
      ['佛山丁方', '钱七', '138 0013 8000', null, null, null, null, null, null, null],
    ]
    rows.forEach((values, index) => (sheet.getRow(4 + index).values = values as ExcelJS.CellValue[]))
  })
}

const row = (p: ImportPreview, n: number) => p.rows.find((r) => r.rowNumber === n) as PreviewRow

describe('customer import', () => {
  it('cleans a messy workbook and plans every row', async () => {
    const opened = await openFile(core, '客户资料.xlsx', await messyWorkbook())
    expect(opened.headerRow).toBe(3)
    expect(opened.headers.slice(0, 4)).toEqual(['单位名称', '联系人姓名', '手机号', '是否关键人'])
    expect(opened.mapping).toEqual([
      'name',
      'contact.name',
      'contact.mobile',
      'contact.isKey',
      'phone',
      'email',
      'sourceId',
      'registeredAt',
      'industryId',
      'dealStatus',
    ])
    expect(opened.rowCount).toBe(7)

    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [4, 'create'],
      [6, 'create'],
      [7, 'skip'],
      [8, 'skip'],
      [9, 'error'],
      [10, 'create'],
      [11, 'skip'],
    ])
    expect(row(plan, 7).duplicate).toMatchObject({ source: 'database', customerId: existing.id, reason: '名称相同' })
    expect(row(plan, 8).duplicate).toMatchObject({ source: 'file', rowNumber: 4, reason: '名称相同' })
    expect(row(plan, 11).duplicate).toMatchObject({ source: 'file', rowNumber: 4, reason: '电话相同' })
    expect(row(plan, 9).problems).toEqual([
      { column: '登记日期', message: '登记日期「2024-2-30」不是存在的日期' },
      { column: '手机号', message: '手机应为 1 开头的 11 位数字，如 13800138000' },
    ])
    expect(plan.counts).toEqual({ create: 3, update: 0, skip: 3, error: 1 })
    const industry = plan.unknownLabels.filter((u) => u.field === 'industryId')
    expect(industry.map((u) => u.label)).toEqual(['新能源', '制造'])
    expect(industry[1]?.suggestions.map((s) => s.label)).toContain('制造业')

    // A commit while a row has problems changes nothing unless those rows are skipped.
    const before = await tableCounts(core)
    const refused = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(refused.state).toBe('failed')
    expect(refused.message).toContain('有 1 行有问题')
    expect(await tableCounts(core)).toEqual(before)

    const manufacturing = await dictId(core, 'industry', '制造业')
    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      labelChoices: [{ field: 'industryId', label: '制造', itemId: manufacturing }],
      skipErrorRows: true,
    })
    expect(done.message).toBeNull()
    expect(done.result).toEqual({
      created: 3,
      updated: 0,
      skipped: 3,
      errors: 1,
      contacts: 2,
      sales: 0,
      interactions: 0,
      createdItems: 1,
    })

    const list = await call(core, 'customers.list', { quick: '' })
    const byName = (name: string) => list.rows.find((r) => r.name === name)
    const idOf = (name: string): number => {
      const id = byName(name)?.id
      if (id === undefined) throw new Error(`no customer ${name}`)
      return id
    }
    const abc = await call(core, 'customers.get', { id: idOf('ABC贸易(广州)有限公司') })
    expect(abc).toMatchObject({
      phone: '020-12345678',
      email: 'ABC@Example.com',
      registeredAt: '2024-01-05',
      sourceId: await dictId(core, 'source', '展览会'),
      industryId: await dictId(core, 'industry', '信息技术'),
      dealStatus: '已成交',
    })
    expect(abc.code).toMatch(/^KH-2024-\d{5}$/)
    expect(abc.contacts).toMatchObject([{ name: '张三', mobile: '13800138000', isKey: true }])
    const yi = await call(core, 'customers.get', { id: idOf('深圳乙方科技有限公司') })
    expect(yi).toMatchObject({
      phone: '02087654321',
      registeredAt: '2024-01-05',
      sourceId: await dictId(core, 'source', '网站广告'),
    })
    expect(yi.contacts).toMatchObject([{ name: '李四', mobile: '13900139000', isKey: false }])
    expect(yi.industryId).toBe(await dictId(core, 'industry', '新能源'))
    const bing = await call(core, 'customers.get', { id: idOf('东莞丙方五金厂') })
    expect(bing).toMatchObject({ industryId: manufacturing, dealStatus: '潜在', registeredAt: '2024-01-05' })
    // The derived search columns come from the shared derivation: pinyin search finds the new customer.
    const found = await call(core, 'customers.list', { quick: 'dgbf' })
    expect(found.rows.map((r) => r.name)).toEqual(['东莞丙方五金厂'])
    const history = await call(core, 'customers.history', { id: bing.id })
    expect(history.map((h) => h.label)).toEqual(['导入新建客户'])

    // The error report lists the row with its problems and its cells.
    const report = await call(core, 'import.errorReport', {
      sessionId: opened.sessionId,
    })
    expect(report.fileName).toBe('客户资料-错误报告.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getCell('A2').value).toBe(9)
    expect(String(sheet.getCell('B2').value)).toContain('登记日期「2024-2-30」不是存在的日期')
    expect(sheet.getCell('C2').value).toBe('坏数据公司')

    // The file is imported once: a second 导入 (or a preview) of it is refused, nothing added.
    const countBefore = (await call(core, 'customers.list', {})).total
    const again = await core.dispatch('import.commit', { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已经导入过') },
    })
    const previewAgain = await core.dispatch('import.preview', { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(previewAgain.ok).toBe(false)
    expect((await call(core, 'customers.list', {})).total).toBe(countBefore)
  })

  it('updates the existing customer when asked, with history, and remembers the mapping', async () => {
    const opened = await openFile(core, '客户资料.xlsx', await messyWorkbook())
    const mapping = [...opened.mapping]
    mapping[8] = null // 所属行业 left out by hand
    const cardBefore = await call(core, 'customers.get', { id: existing.id })
    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping,
      duplicateRows: { '7': 'update', '8': 'import' },
      skipErrorRows: true,
    })
    expect(done.result).toMatchObject({ created: 4, updated: 1, skipped: 1, errors: 1 })
    const updated = await call(core, 'customers.get', { id: existing.id })
    expect(updated.registeredAt).toBe('2024-01-05')
    expect(updated.phone).toBe('020-88886666')
    expect(updated.contacts.map((c) => [c.name, c.mobile])).toEqual([['王五', '13700137000']])
    const history = await call(core, 'customers.history', { id: existing.id })
    expect(history.map((h) => h.label)).toEqual(expect.arrayContaining(['导入更新', '登记日期', '新增联系人']))
    expect(await count(core, 'customer')).toBe(5)
    // A card opened before the import can no longer save over what it brought.
    expect(updated.version).toBeGreaterThan(cardBefore.version)
    const stale = await core.dispatch('customers.update', { id: existing.id, version: cardBefore.version, phone: null })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { version: expect.any(String) } } })
    expect((await call(core, 'customers.get', { id: existing.id })).phone).toBe('020-88886666')

    const again = await openFile(core, '客户资料.xlsx', await messyWorkbook())
    expect(again.mapping).toEqual(mapping)
  })

  it("adds an updated customer's new contact beside new customers in later chunks, each with its own id", async () => {
    // The update (row 2) adds a contact while the next chunks' new contacts are already numbered.
    const lines = ['客户名称,联系人,手机', '广州人易科技有限公司,新来的联系人,13700137001']
    for (let i = 1; i <= 700; i++) lines.push(`分批新客户${i}号公司,联系人${i},${13900000000 + i}`)
    const opened = await openFile(core, '分批.csv', Buffer.from(lines.join('\r\n')).toString('base64'))
    const done = await commit(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      duplicateDefault: 'update' as const,
    })
    expect(done.message).toBeNull()
    expect(done.result).toMatchObject({ created: 700, updated: 1, contacts: 701 })
    const updated = await call(core, 'customers.get', { id: existing.id })
    expect(updated.contacts.map((c) => c.name)).toEqual(['新来的联系人'])
    const [{ n }] = await core.store.manager.query(
      `SELECT COUNT(*) AS n FROM contact t JOIN customer c ON c.id = t.customer_id WHERE c.name LIKE '分批新客户%'`,
    )
    expect(n).toBe(700)
  })

  it('reads CSV in GBK and in UTF-8 with BOM, quoted commas and line breaks included', async () => {
    const text =
      '客户名称,联系人,手机,登记日期,备注\r\n"广州,逗号有限公司",张三,13800138000,2024/1/5,"两行\r\n备注"\r\n,,,,\r\n' +
      '佛山全角公司,李四,１３９００１３９０００,2024年1月5日,\r\n'
    const gbk = await openFile(core, 'gbk.csv', encodeGbk(text).toString('base64'))
    expect(gbk.headers).toEqual(['客户名称', '联系人', '手机', '登记日期', '备注'])
    expect(gbk.sample[0]).toEqual(['广州,逗号有限公司', '张三', '13800138000', '2024/1/5', '两行 备注'])
    const utf8 = await openFile(
      core,
      'utf8.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]).toString('base64'),
    )
    expect(utf8.headers).toEqual(gbk.headers)
    expect(utf8.rowCount).toBe(2)
    const done = await commit(core, { sessionId: gbk.sessionId, mapping: gbk.mapping })
    expect(done.message).toBeNull()
    expect(done.result?.created).toBe(2)
    const customers: { name: string; remarks: string }[] = await core.store.manager.query(
      `SELECT name, remarks FROM customer WHERE name LIKE '%公司' AND id <> ? ORDER BY id`,
      [existing.id],
    )
    expect(customers).toEqual([
      { name: '广州,逗号有限公司', remarks: '两行 备注' },
      { name: '佛山全角公司', remarks: null },
    ])
    const mobiles: { mobile: string }[] = await core.store.manager.query(`SELECT mobile FROM contact ORDER BY id`)
    expect(mobiles.map((m) => m.mobile)).toEqual(['13800138000', '13900139000'])
  })

  it('refuses a mapping without 客户名称 and an unknown session, in Chinese', async () => {
    const opened = await openFile(core, 'a.csv', Buffer.from('名称X,手机\n甲,13800138000\n').toString('base64'))
    expect(opened.mapping).toEqual([null, 'contact.mobile'])
    const noName = await expectError(core, 'import.preview', { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(noName.message).toBe('请为「客户名称」选择对应的列')
    const twice = await expectError(core, 'import.preview', { sessionId: opened.sessionId, mapping: ['name', 'name'] })
    expect(twice.message).toBe('「客户名称」对应了两列，请只保留一列')
    const gone = await expectError(core, 'import.preview', { sessionId: 'nope', mapping: [] })
    expect(gone.code).toBe('NOT_FOUND')
    const badFile = await expectError(core, 'import.open', { kind: 'customers', fileName: 'a.xls', base64: 'AA==' })
    expect(badFile.message).toContain('只能导入 .xlsx 或 .csv 文件')
  })

  it('imports its own template', async () => {
    const template = await call(core, 'import.template', { kind: 'customers' })
    expect(template.fileName).toBe('客户及联系人导入模板.xlsx')
    const opened = await openFile(core, template.fileName, template.base64)
    expect(opened.mapping.every((key) => key !== null)).toBe(true)
    // Its example is 广州人易科技有限公司, already in the database: imported anyway when asked.
    const plan = await preview(core, {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      duplicateDefault: 'import' as const,
    })
    expect(plan.rows).toMatchObject([
      { rowNumber: 2, action: 'create', problems: [], duplicate: { source: 'database' } },
    ])
    expect(plan.unknownLabels).toEqual([])

    const sales = await call(core, 'import.template', { kind: 'sales' })
    expect(sales.fileName).toBe('交易记录导入模板.xlsx')
    const salesFile = await openFile(core, sales.fileName, sales.base64, 'sales')
    expect(salesFile.mapping).toEqual([
      'customerName',
      'customerCode',
      'date',
      'product',
      'quantity',
      'unitPrice',
      'amount',
      'remarks',
    ])
    const salesPlan = await preview(core, { sessionId: salesFile.sessionId, mapping: salesFile.mapping })
    expect(salesPlan.rows).toMatchObject([{ rowNumber: 2, action: 'create', name: '广州人易科技有限公司' }])
  })

  it('plans a large file in chunks as one: duplicates across chunks are of the earlier row, not of the customer it created', async () => {
    const rows = ['客户名称,电话,所属行业']
    for (let i = 1; i <= 1800; i++) rows.push(`分批客户${i},020-${String(30000000 + i)},分批行业`)
    rows.push('分批客户7,,分批行业') // same name as row 8, 1,793 rows (several chunks) later
    rows.push('另一家公司,020-30001500,分批行业') // the phone of row 1,501 (分批客户1500)
    rows.push('广州人易科技有限公司,,分批行业') // a customer there before the import
    const opened = await openFile(core, 'chunks.csv', Buffer.from(rows.join('\n')).toString('base64'))
    const decisions = {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      duplicateDefault: 'update' as const,
      labelChoices: [{ field: 'industryId', label: '分批行业', itemId: null }],
    }
    const planned = await preview(core, decisions)
    expect(planned.counts).toEqual({ create: 1800, update: 3, skip: 0, error: 0 })
    const byRow = (n: number) => planned.rows.find((r) => r.rowNumber === n)
    expect(byRow(1802)?.duplicate).toMatchObject({ source: 'file', rowNumber: 8 })
    expect(byRow(1803)?.duplicate).toMatchObject({ source: 'file', rowNumber: 1501 })
    expect(byRow(1804)).toMatchObject({ action: 'update', duplicate: { source: 'database', customerId: existing.id } })

    const done = await commit(core, decisions)
    expect(done).toMatchObject({
      state: 'done',
      result: { created: 1800, updated: 3, skipped: 0, errors: 0, createdItems: 1 },
    })
    expect(await count(core, 'customer')).toBe(1801)
    // One new 行业 item, used by every new customer and the updated one.
    const industry = (await call(core, 'dictionary.list', { category: 'industry' })).find(
      (item) => item.label === '分批行业',
    )
    const [{ n }] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM customer WHERE industry_id = ?`, [
      industry?.id,
    ])
    expect(Number(n)).toBe(1801)
    // The repeats were merged into the customers their earlier rows created (the file gives the name: it is updated).
    const merged: { name: string; n: number }[] = await core.store.manager.query(
      `SELECT name, (SELECT COUNT(*) FROM customer WHERE name = '分批客户7') AS n FROM customer WHERE phone = '020-30001500'`,
    )
    expect(merged).toEqual([{ name: '另一家公司', n: 1 }])
    // Codes run on without a gap, and the year's counter is where the last one ended.
    const codes: { code: string }[] = await core.store.manager.query(
      `SELECT code FROM customer WHERE id > ? ORDER BY id`,
      [existing.id],
    )
    const numbers = codes.map((c) => Number(c.code.slice(8)))
    expect(numbers.every((value, i) => i === 0 || value === (numbers[i - 1] as number) + 1)).toBe(true)
    const [counter] = await core.store.manager.query(`SELECT last_value FROM customer_code_counter WHERE year = ?`, [
      Number(codes[0]?.code.slice(3, 7)),
    ])
    expect(Number(counter.last_value)).toBe(numbers[numbers.length - 1])
  })

  it('looks up duplicates on a connection of its own, which sees the database as it was before the import', async () => {
    const keys = { names: ['广州人易科技', '导入中途改的名称'], phones: ['02088886666'], emails: [], creditCodes: [] }
    await core.store.write(async (db) => {
      // What the import's transaction has written so far is not "in the database" yet.
      await db.run(`UPDATE customer SET name_norm = '导入中途改的名称' WHERE id = ?`, [existing.id])
      expect([...(await customersMatching(db, keys)).nameNorm.keys()]).toEqual(['导入中途改的名称'])
      const before = await withImportLookups(core.store.databasePath, (lookups) => customersMatching(lookups, keys))
      expect([...before.nameNorm.keys()]).toEqual(['广州人易科技'])
      expect(before.phone.get('02088886666')?.id).toBe(existing.id)
      await db.run(`UPDATE customer SET name_norm = '广州人易科技' WHERE id = ?`, [existing.id])
    })
  })

  it('matches a phone shared by many contacts to the oldest customer not in the bin, reading no more than that one', async () => {
    const contact = (name: string) => ({ name, mobile: '139 0000 1111', officePhone: '020-66661111' })
    const sharing = []
    for (const name of ['甲', '乙', '丙', '丁']) {
      sharing.push(await createCustomer(core, { name: `共用电话${name}公司`, contacts: [contact(`${name}经理`)] }))
    }
    const [binned, oldest, , newest] = sharing.map((c) => c.id) as number[]
    await call(core, 'customers.delete', { ids: [binned] })
    const keys = { names: [], phones: ['13900001111', '02066661111'], emails: [], creditCodes: [] }
    const matched = await core.store.read((db) => customersMatching(db, keys))
    expect([...matched.phone.values()].map((c) => c.id)).toEqual([oldest, oldest])
    // The contacts' phone indexes are ordered by customer, so each lookup stops at the first live one.
    const plan: { detail: string }[] = await core.store.manager.query(
      `EXPLAIN QUERY PLAN SELECT t.customer_id FROM contact t JOIN customer c ON c.id = t.customer_id
       WHERE t.mobile_norm = ? AND c.deleted_at IS NULL AND c.id < ? ORDER BY t.customer_id LIMIT 1`,
      ['13900001111', newest],
    )
    expect(plan.map((p) => p.detail)).toContain(
      'SEARCH t USING COVERING INDEX contact_mobile_norm (mobile_norm=? AND customer_id<?)',
    )
    expect(plan.map((p) => p.detail).join('\n')).not.toContain('TEMP B-TREE')
  })

  it('merges a row that repeats an earlier row of the file into the customer that row creates, when asked to update', async () => {
    const csv = [
      '客户名称,联系人,手机,电子邮箱',
      '甲乙贸易有限公司,张三,13800000001,',
      '甲乙贸易有限公司,李四,13800000002,sales@jiayi.cn',
    ]
    const opened = await openFile(core, 'merge.csv', Buffer.from(csv.join('\n')).toString('base64'))
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping, duplicateDefault: 'update' as const }
    const planned = await preview(core, decisions)
    expect(planned.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'create'],
      [3, 'update'],
    ])
    expect(planned.rows[1]?.duplicate).toMatchObject({ source: 'file', rowNumber: 2 })

    const done = await commit(core, decisions)
    expect(done).toMatchObject({ state: 'done', result: { created: 1, updated: 1, contacts: 2 } })
    const found = await call(core, 'customers.list', { quick: '甲乙贸易' })
    expect(found.rows).toHaveLength(1)
    const customer = await call(core, 'customers.get', { id: found.rows[0]?.id })
    expect(customer.email).toBe('sales@jiayi.cn')
    expect(customer.contacts.map((c) => c.name)).toEqual(['张三', '李四'])
    const history = await call(core, 'customers.history', { id: customer.id })
    expect(history.map((h) => h.label)).toEqual(expect.arrayContaining(['导入新建客户', '导入更新']))
  })

  it('leaves the database as it was when the last row fails in the database, or when cancelled', async () => {
    const rows = ['客户名称,联系人']
    for (let i = 1; i <= 2500; i++) rows.push(`测试客户${i},联系人${i === 2500 ? '最后一行' : i}`)
    const base64 = Buffer.from(rows.join('\n')).toString('base64')
    // A failure only the database sees, on the very last row written.
    await core.store.manager.query(
      `CREATE TRIGGER fail_last BEFORE INSERT ON contact WHEN NEW.name = '联系人最后一行' BEGIN SELECT RAISE(ABORT, '磁盘已满'); END`,
    )
    const before = await tableCounts(core)
    const opened = await openFile(core, 'big.csv', base64)
    const failed = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(failed.state).toBe('failed')
    expect(failed.message).toContain('导入失败，数据库未做任何修改')
    expect(await tableCounts(core)).toEqual(before)
    const items = await call(core, 'dictionary.list', { category: 'industry' })
    expect(items.length).toBeGreaterThan(0)

    await core.store.manager.query(`DROP TRIGGER fail_last`)
    const { jobId } = await call(core, 'import.commit', {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
    })
    await call(core, 'import.cancel', { jobId })
    const cancelled = await waitForJob(core, jobId)
    expect(cancelled.state).toBe('cancelled')
    expect(await tableCounts(core)).toEqual(before)

    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(done).toMatchObject({ state: 'done', done: 2500, total: 2500 })
    expect(await count(core, 'customer')).toBe(2501)
    expect(await count(core, 'contact')).toBe(2500)
  })
})

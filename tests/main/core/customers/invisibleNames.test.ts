import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { commit, openFile, preview, xlsxBase64 } from '../excelImport/importTestKit'
import { createCustomer, expectError, tableCounts } from './customerTestKit'

/**
 * Invisible characters (zero-width space and joiners, BOM, soft hyphen …) in names,
 * through the channels: a name made only of them is refused, a name is stored
 * without them, and the duplicate check, the import's lookups and the search
 * ignore them.
 */

let core: Awaited<ReturnType<typeof testCore>>
let existing: Customer
beforeEach(async () => {
  core = await testCore('invisible-names')
  existing = await createCustomer(core, { name: '零宽查重科技有限公司' })
})
afterEach(async () => {
  await core.close()
})

const invisibleOnly = '\u200B\u200C\u200D\uFEFF\u00AD'

describe('names made of invisible characters', () => {
  it('are refused for a customer, a contact, a 纪念日, a group, a project and a dictionary item; nothing is written', async () => {
    const before = await tableCounts(core)
    const refused: [string, Record<string, unknown>, string][] = [
      ['customers.create', { name: invisibleOnly }, 'name'],
      ['customers.create', { name: '甲', contacts: [{ name: invisibleOnly }] }, 'contacts.0.name'],
      [
        'customers.create',
        { name: '甲', contacts: [{ name: '乙', importantDates: [{ label: '\u2060', date: '06-01' }] }] },
        'contacts.0.importantDates.0.label',
      ],
      ['customers.create', { name: '甲', groups: ['\u200B'] }, 'groups.0'],
      ['customers.update', { id: existing.id, name: '\u00AD \u200B' }, 'name'],
      ['groups.create', { name: invisibleOnly }, 'name'],
      ['projects.create', { customerId: existing.id, name: invisibleOnly }, 'name'],
      ['dictionary.create', { category: 'product', label: invisibleOnly }, 'label'],
    ]
    for (const [channel, input, field] of refused) {
      const error = await expectError(core, channel, input)
      expect(error.code, channel).toBe('VALIDATION')
      expect(error.fields?.[field], `${channel} ${field}`).toContain('只含看不见的字符')
    }
    expect(await tableCounts(core)).toEqual(before)
    const [{ n }] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM project`)
    expect(n).toBe(0)
    expect((await call(core, 'customers.get', { id: existing.id })).name).toBe('零宽查重科技有限公司')
  })

  it('are taken out of a stored name; free text that shows nothing is empty, other free text is kept', async () => {
    const created = await createCustomer(core, {
      name: ' 广州\u200B人易\u00AD科技 ',
      shortName: '\u200B',
      remarks: '家人 👨\u200D👩\u200D👧',
      contacts: [{ name: '张\u200C三', importantDates: [{ label: '配偶\u2060生日', date: '06-01' }] }],
      groups: ['重点\uFEFF客户'],
    })
    expect(created).toMatchObject({
      name: '广州人易科技',
      shortName: null,
      remarks: '家人 👨\u200D👩\u200D👧',
      contacts: [{ name: '张三', importantDates: [{ label: '配偶生日' }] }],
      groups: [{ name: '重点客户' }],
    })
    const updated = await call(core, 'customers.update', { id: created.id, name: '广州人易\u200D科技二部' })
    expect(updated.name).toBe('广州人易科技二部')
    const [row] = await core.store.manager.query(`SELECT name, name_norm FROM customer WHERE id = ?`, [created.id])
    expect(row).toEqual({ name: '广州人易科技二部', name_norm: '广州人易科技二部' })
  })
})

describe('the duplicate check and the search ignore invisible characters', () => {
  it('customers.duplicates: 零宽\\u200B查重 is 零宽查重', async () => {
    const found = await call(core, 'customers.duplicates', { name: '零宽\u200B查重科技' })
    expect(found).toMatchObject([{ id: existing.id, reason: '名称相同' }])
    const soft = await call(core, 'customers.duplicates', {
      name: '零\u00AD宽\uFEFF查\u200D重科技',
    })
    expect(soft.map((d) => d.id)).toEqual([existing.id])
    expect(await call(core, 'customers.duplicates', { name: invisibleOnly })).toEqual([])
  })

  it('the quick search and the global search find the name when the typed words carry them', async () => {
    const list = await call(core, 'customers.list', { quick: '零宽\u200B查重' })
    expect(list.rows.map((r) => r.id)).toEqual([existing.id])
    const global = await call(core, 'search.global', { q: '零\u200C宽查重' })
    expect(global.customers.map((c) => c.id)).toEqual([existing.id])
    expect((await expectError(core, 'search.global', { q: invisibleOnly })).message).toBe(
      '输入有误：请输入要搜索的内容',
    )
  })

  it('the customer import finds the database’s customer and an earlier row of the file', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '电话'])
      sheet.addRow(['零宽\u200C查重科技有限公司', null])
      sheet.addRow(['东方\u00AD机电有限公司', null])
      sheet.addRow(['东方\u200D机电', null])
      sheet.addRow([invisibleOnly, '020-12345678'])
    })
    const opened = await openFile(core, '客户.xlsx', base64)
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.duplicate])).toEqual([
      [2, 'skip', expect.objectContaining({ source: 'database', customerId: existing.id, reason: '名称相同' })],
      [3, 'create', null],
      [4, 'skip', expect.objectContaining({ source: 'file', rowNumber: 3, reason: '名称相同' })],
      [5, 'error', null],
    ])
    expect(plan.rows[3]?.problems.map((p) => p.message).join()).toMatch(/客户名称/)
    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping, skipErrorRows: true })
    expect(done.state).toBe('done')
    const names: { name: string }[] = await core.store.manager.query(`SELECT name FROM customer ORDER BY id`)
    expect(names.map((r) => r.name)).toEqual(['零宽查重科技有限公司', '东方机电有限公司'])
  })

  it('the 交易记录 import finds the customer by a name that carries them', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '日期', '金额'])
      sheet.addRow(['零宽\u200D查重\u00AD科技', '2026-01-05', 100])
    })
    const opened = await openFile(core, '交易.xlsx', base64, 'sales')
    const plan = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(plan.rows.map((r) => [r.action, r.problems])).toEqual([['create', []]])
    await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    const sales = await core.store.manager.query(`SELECT customer_id, amount FROM sale`)
    expect(sales).toEqual([{ customer_id: existing.id, amount: 100 }])
  })
})

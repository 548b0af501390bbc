import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview, PreviewRow } from '../../../../src/shared/excelImport'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer } from '../customers/customerTestKit'
import { commit, count, encodeGbk, openFile, preview, xlsxBase64 } from './importTestKit'

let core: Awaited<ReturnType<typeof testCore>>

beforeEach(async () => {
  core = await testCore('import-bad-values')
})
afterEach(async () => {
  await core.close()
})

const rowOf = (plan: ImportPreview, n: number) => plan.rows.find((r) => r.rowNumber === n) as PreviewRow

async function customerNamed(name: string) {
  const list = await call(core, 'customers.list', { quick: '' })
  const id = list.rows.find((r) => r.name === name)?.id
  if (id === undefined) throw new Error(`no customer ${name}`)
  return call(core, 'customers.get', { id })
}

/** Rows whose optional values are wrong in every way a sheet gets them wrong, one without a name, one clean. */
async function sheetWithBadValues(): Promise<string> {
  return xlsxBase64((sheet) => {
    sheet.addRow(['客户名称', '联系人', '手机', '邮箱', '成立日期', '员工人数', '所在省份'])
    sheet.addRow(['刘洋商贸有限公司', '刘洋', 13800138001, 'liuyang@', '2015-06-01', 20, '广东'])
    sheet.addRow(['坏日期有限公司', '王芳', 13800138002, 'wang@example.com', '2024-2-30', '二十来个', '广东'])
    sheet.addRow(['坏手机有限公司', '陈明', '12345', null, null, null, '广栋'])
    sheet.addRow([null, '赵六', 13800138004, 'zhao@'])
    sheet.addRow(['好数据有限公司', '钱七', 13800138005, 'qian@example.com', '2020-01-01', 5, '广东'])
  })
}

describe('a bad value in an optional field', () => {
  it('costs the row that value only when the wizard says so: preview, stored rows, error report', async () => {
    const opened = await openFile(core, '客户.xlsx', await sheetWithBadValues())
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping, badValueRows: 'blank' as const }
    const plan = await preview(core, decisions)
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
      [5, 'error'],
      [6, 'create'],
    ])
    expect(plan.counts).toEqual({ create: 4, update: 0, skip: 0, error: 1 })
    expect(rowOf(plan, 2)).toMatchObject({
      problems: [],
      dropped: [{ column: '邮箱', value: 'liuyang@', message: '电子邮件格式不正确，应如 name@example.com' }],
    })
    expect(rowOf(plan, 3).dropped).toEqual([
      { column: '成立日期', value: '2024-2-30', message: '成立时间「2024-2-30」不是存在的日期' },
      { column: '员工人数', value: '二十来个', message: expect.stringContaining('不是有效的数字') },
    ])
    expect(rowOf(plan, 4).dropped?.map((d) => [d.column, d.value])).toEqual([
      ['手机', '12345'],
      ['所在省份', '广栋'],
    ])
    // 客户名称 is needed: the row is refused, its bad e-mail with it.
    expect(rowOf(plan, 5).problems.map((p) => p.column)).toEqual(expect.arrayContaining(['客户名称']))
    expect(rowOf(plan, 5).dropped).toBeUndefined()
    expect(rowOf(plan, 6).dropped).toBeUndefined()

    const done = await commit(core, { ...decisions, skipErrorRows: true })
    expect(done.message).toBeNull()
    expect(done.result).toMatchObject({ created: 4, errors: 1, contacts: 4 })
    expect(await customerNamed('刘洋商贸有限公司')).toMatchObject({
      email: null,
      foundedDate: '2015-06-01',
      employeeCount: 20,
      provinceCode: '440000',
      contacts: [{ name: '刘洋', mobile: '13800138001' }],
    })
    expect(await customerNamed('坏日期有限公司')).toMatchObject({
      email: 'wang@example.com',
      foundedDate: null,
      employeeCount: null,
      provinceCode: '440000',
    })
    const badPhone = await customerNamed('坏手机有限公司')
    expect(badPhone).toMatchObject({ provinceCode: null, contacts: [{ name: '陈明', mobile: null }] })
    expect(await customerNamed('好数据有限公司')).toMatchObject({ email: 'qian@example.com', employeeCount: 5 })

    // The error report lists both kinds: rows not imported, and rows imported without a value.
    const report = await call(core, 'import.errorReport', { sessionId: opened.sessionId })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet
    const lines = [2, 3, 4, 5].map((n) => [sheet.getCell(`A${n}`).value, String(sheet.getCell(`B${n}`).value)])
    expect(lines.map(([n]) => n)).toEqual([2, 3, 4, 5])
    expect(lines[0]?.[1]).toBe('已导入，但未导入 邮箱「liuyang@」：电子邮件格式不正确，应如 name@example.com')
    expect(lines[1]?.[1]).toContain('已导入，但未导入 成立日期「2024-2-30」')
    expect(lines[1]?.[1]).toContain('已导入，但未导入 员工人数「二十来个」')
    expect(lines[3]?.[1]).toMatch(/^未导入：客户名称/)
    expect(sheet.getCell('F5').value).toBe('zhao@')
  })

  it('skips such rows when asked (跳过整行), as before: they are problem rows and nothing of them is stored', async () => {
    const opened = await openFile(core, '客户.xlsx', await sheetWithBadValues())
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping, badValueRows: 'skip' as const }
    const plan = await preview(core, decisions)
    expect(plan.rows.map((r) => [r.rowNumber, r.action])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'create'],
    ])
    expect(rowOf(plan, 2).problems).toEqual([{ column: '邮箱', message: '电子邮件格式不正确，应如 name@example.com' }])
    expect(plan.rows.every((r) => r.dropped === undefined)).toBe(true)
    // Left out of the call, the setting is 跳过整行 too.
    const byDefault = await preview(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(byDefault.counts).toEqual(plan.counts)

    const done = await commit(core, { ...decisions, skipErrorRows: true })
    expect(done.result).toMatchObject({ created: 1, errors: 4 })
    expect(await count(core, 'customer')).toBe(1)
  })

  it('a row that imports without a bad value is still a duplicate: 更新 fills what it gives, keeps the rest (GBK CSV)', async () => {
    const existing = await createCustomer(core, {
      name: '刘洋商贸有限公司',
      email: 'old@liuyang.cn',
      phone: '020-88886666',
    })
    const csv = ['客户名称,邮箱,网址,成立日期', '刘洋商贸有限公司,liuyang@,www.liuyang.cn,2015年6月1日'].join('\r\n')
    const opened = await openFile(core, '客户.csv', encodeGbk(csv).toString('base64'))
    const decisions = {
      sessionId: opened.sessionId,
      mapping: opened.mapping,
      badValueRows: 'blank' as const,
      duplicateDefault: 'update' as const,
    }
    const plan = await preview(core, decisions)
    expect(plan.rows).toMatchObject([
      {
        rowNumber: 2,
        action: 'update',
        duplicate: { source: 'database', customerId: existing.id },
        dropped: [{ column: '邮箱', value: 'liuyang@' }],
      },
    ])
    expect((await commit(core, decisions)).result).toMatchObject({ created: 0, updated: 1, errors: 0 })
    // The bad e-mail does not blank the one the customer had.
    expect(await call(core, 'customers.get', { id: existing.id })).toMatchObject({
      email: 'old@liuyang.cn',
      website: 'www.liuyang.cn',
      foundedDate: '2015-06-01',
      phone: '020-88886666',
    })
  })
})

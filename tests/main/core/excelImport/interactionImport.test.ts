import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { asCaller, testCaller } from '../../../helpers/callers'
import { databaseDigest } from '../../../helpers/databaseDigest'
import { call, testCore } from '../../../helpers/testCore'
import { addDictItem, freshStats, storedStats } from '../activity/activityTestKit'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { remindersOf, scanOn } from '../reminders/reminderTestKit'
import { commit, count, encodeGbk, openFile, preview, waitForJob, xlsxBase64 } from './importTestKit'

/** A visit log kept in Excel, imported as 交往记录 (docs/product-rules.md#excel-import). */

let core: Awaited<ReturnType<typeof testCore>>
let renyi: Customer
let twinA: Customer
let ownerStaff: number

interface StoredVisit {
  customer_id: number
  occurred_at: string
  type_id: number
  subject: string | null
  content: string | null
  next_follow_up: string | null
  staff_id: number | null
  created_by: number | null
}

const storedVisits = (): Promise<StoredVisit[]> =>
  core.store.manager.query(
    `SELECT customer_id, occurred_at, type_id, subject, content, next_follow_up, staff_id, created_by
     FROM interaction ORDER BY id`,
  )

async function addUser(login: string, role: string, staffId: number | null): Promise<number> {
  const { lastId } = await core.store.write((db) =>
    db.run(
      `INSERT INTO app_user (login, login_key, name, role, staff_id, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'x', 'n', 'n')`,
      [login, login, login, role, staffId],
    ),
  )
  return lastId
}

beforeEach(async () => {
  core = await testCore('interaction-import')
  ownerStaff = await addDictItem(core, 'staff', '李经理')
  renyi = await createCustomer(core, { name: '广州人易科技有限公司' })
  twinA = await createCustomer(core, { name: '同名公司', registeredAt: '2025-01-01', ownerStaffId: ownerStaff })
  await createCustomer(core, { name: '同名有限公司' })
})
afterEach(async () => {
  await core.close()
})

describe('交往记录 import', () => {
  it('previews each row (by 编号, by name, unknown, ambiguous, bad date) and writes what createInteraction would', async () => {
    const visit = await dictId(core, 'interactionType', '拜访')
    const phone = await dictId(core, 'interactionType', '电话')
    await call(core, 'interactions.create', { customerId: renyi.id, occurredAt: '2025-12-01 09:00', typeId: visit })
    // The scan of the day is done before the import: only the import's marks make the next one look again.
    await scanOn(core, '2026-02-01')
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户拜访记录（2026 年 1 月）'])
      sheet.addRow(['客户名称', '客户编号', '拜访日期', '交往方式', '主题', '内容', '业务员', '下次联系日期'])
      sheet.addRow([
        '广州人易科技有限公司 ',
        null,
        new Date(Date.UTC(2026, 0, 5, 14, 30)),
        '拜访',
        '年度采购',
        '介绍新款打印机',
        '张经理',
        '2026-02-01',
      ])
      sheet.addRow([null, twinA.code, '2026/1/8', '电话', null, '回访', null, null])
      sheet.addRow(['ＡＢＣ不存在', null, '2026-01-09', '拜访', null, null, null, null])
      sheet.addRow(['同名有限责任公司', null, '2026-01-10', '拜访', null, null, null, null])
      sheet.addRow(['广州人易科技有限公司', null, '2026-13-01', '拜访', null, null, null, null])
    })
    const opened = await openFile(core, '拜访记录.xlsx', base64, 'interactions')
    expect(opened.headerRow).toBe(2)
    expect(opened.mapping).toEqual([
      'customerName',
      'customerCode',
      'date',
      'type',
      'subject',
      'content',
      'staff',
      'nextFollowUp',
    ])
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await preview(core, decisions)
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.name, r.problems.map((p) => p.message)])).toEqual([
      [3, 'create', '广州人易科技有限公司', []],
      [4, 'create', '同名公司', []],
      [5, 'error', 'ABC不存在', ['找不到客户「ABC不存在」，请先导入或新建该客户']],
      [6, 'error', '同名有限责任公司', ['有 2 个客户名称与「同名有限责任公司」相同，请填写客户编号以区分']],
      [7, 'error', '广州人易科技有限公司', ['交往日期「2026-13-01」不是存在的日期']],
    ])
    expect(plan.rows[4]?.problems[0]?.column).toBe('拜访日期')
    expect(plan.counts).toEqual({ create: 2, update: 0, skip: 0, error: 3 })
    expect(plan.unknownLabels).toMatchObject([{ field: 'staff', fieldLabel: '业务员', label: '张经理', rows: 1 }])

    // With problem rows not skipped, nothing is written.
    const refused = await commit(core, decisions)
    expect(refused).toMatchObject({ state: 'failed', message: expect.stringContaining('有 3 行有问题') })
    expect(await count(core, 'interaction')).toBe(1)

    const done = await commit(core, { ...decisions, skipErrorRows: true })
    expect(done).toMatchObject({ state: 'done', result: { interactions: 2, errors: 3, createdItems: 1 } })
    const zhang = await dictId(core, 'staff', '张经理')
    expect((await storedVisits()).slice(1)).toEqual([
      {
        customer_id: renyi.id,
        occurred_at: '2026-01-05 14:30',
        type_id: visit,
        subject: '年度采购',
        content: '介绍新款打印机',
        next_follow_up: '2026-02-01',
        staff_id: zhang,
        created_by: null,
      },
      {
        customer_id: twinA.id,
        occurred_at: '2026-01-08 00:00',
        type_id: phone,
        subject: null,
        content: '回访',
        next_follow_up: null,
        // No 业务员 given, single-PC: the customer's 负责业务员, as interactions.create does.
        staff_id: ownerStaff,
        created_by: null,
      },
    ])
    for (const c of [renyi, twinA]) expect(await storedStats(core, c.id)).toEqual(await freshStats(core, c.id))
    expect(await call(core, 'customers.get', { id: renyi.id })).toMatchObject({ lastContactAt: '2026-01-05' })
    expect(await call(core, 'customers.get', { id: twinA.id })).toMatchObject({ lastContactAt: '2026-01-08' })
    const listed = await call(core, 'interactions.list', { customerId: renyi.id, startRow: 0, endRow: 10 })
    expect(listed.rows[0]).toMatchObject({ typeLabel: '拜访', staffLabel: '张经理', subject: '年度采购' })

    // The 下次联系日期 becomes a 计划跟进 reminder at the next scan, as a typed record's does.
    await scanOn(core, '2026-02-01')
    expect(await remindersOf(core, 'plannedFollowUp')).toMatchObject([
      { customer_id: renyi.id, due_date: '2026-02-01', reason: expect.stringContaining('年度采购') },
    ])
  })

  it('reads a GBK CSV visit log with times in the date column', async () => {
    const csv = [
      '日期,客户,方式,事由,拜访内容',
      '2026年1月5日 9:05,广州人易科技有限公司,微信,报价,发了报价单',
      '2026-01-06,广州人易科技有限公司,短信,,节日问候',
    ].join('\r\n')
    const opened = await openFile(core, '拜访.csv', encodeGbk(csv).toString('base64'), 'interactions')
    expect(opened.mapping).toEqual(['date', 'customerName', 'type', 'subject', 'content'])
    const done = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(done).toMatchObject({ state: 'done', result: { interactions: 2, errors: 0 } })
    expect((await storedVisits()).map((v) => [v.occurred_at, v.subject, v.content])).toEqual([
      ['2026-01-05 09:05', '报价', '发了报价单'],
      ['2026-01-06 00:00', null, '节日问候'],
    ])
    expect(await storedStats(core, renyi.id)).toMatchObject({ lastContactAt: '2026-01-06' })
  })

  it("links the row's 联系人 among the customer's contacts, and refuses a name or a time that is not there", async () => {
    const withContacts = await createCustomer(core, {
      name: '深圳星河科技有限公司',
      contacts: [{ name: '陈经理' }, { name: '林工' }],
    })
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '交往日期', '交往方式', '拜访对象'])
      sheet.addRow(['深圳星河科技有限公司', '2026-01-05 10:00', '拜访', '林工'])
      sheet.addRow(['深圳星河科技有限公司', '2026-01-06', '电话', '王五'])
      sheet.addRow(['深圳星河科技有限公司', '2026-01-07 25:00', '电话', null])
    })
    const opened = await openFile(core, '拜访.xlsx', base64, 'interactions')
    expect(opened.mapping).toEqual(['customerName', 'date', 'type', 'contact'])
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await preview(core, decisions)
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.problems])).toEqual([
      [2, 'create', []],
      [
        3,
        'error',
        [
          {
            column: '拜访对象',
            message: '客户「深圳星河科技有限公司」没有联系人「王五」：请先在登记卡中添加，或清空该格',
          },
        ],
      ],
      [
        4,
        'error',
        [{ column: '交往日期', message: '交往日期「2026-01-07 25:00」中的时间不存在，请写成 14:30 这样的 24 小时制' }],
      ],
    ])
    expect(await commit(core, { ...decisions, skipErrorRows: true })).toMatchObject({
      state: 'done',
      result: { interactions: 1 },
    })
    const card = await call(core, 'customers.get', { id: withContacts.id })
    const lin = card.contacts.find((c) => c.name === '林工')
    const listed = await call(core, 'interactions.list', { customerId: withContacts.id })
    expect(listed.rows).toMatchObject([{ occurredAt: '2026-01-05 10:00', contactId: lin?.id, contactName: '林工' }])
  })

  it('imports a row without its bad optional values when asked (导入但留空该项), refuses it by default', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '交往日期', '交往方式', '联系人', '内容', '下次联系日期'])
      sheet.addRow(['广州人易科技有限公司', '2026-01-05', '拜访', '王五', '送样品', '下周再说'])
      sheet.addRow(['ABC不存在', '2026-01-06', '拜访', null, null, null])
    })
    const opened = await openFile(core, '拜访.xlsx', base64, 'interactions')
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping }
    const refused = await preview(core, decisions)
    expect(refused.rows.map((r) => [r.action, r.problems.map((p) => p.column)])).toEqual([
      ['error', ['下次联系日期', '联系人']],
      ['error', ['客户名称']],
    ])
    const blank = { ...decisions, badValueRows: 'blank' as const }
    const planned = await preview(core, blank)
    // A missing customer is no optional value: that row stays refused.
    expect(planned.rows.map((r) => [r.action, r.dropped?.map((d) => [d.column, d.value])])).toEqual([
      [
        'create',
        [
          ['下次联系日期', '下周再说'],
          ['联系人', '王五'],
        ],
      ],
      ['error', undefined],
    ])
    expect(await commit(core, { ...blank, skipErrorRows: true })).toMatchObject({ state: 'done' })
    expect((await storedVisits()).map((v) => [v.content, v.next_follow_up])).toEqual([['送样品', null]])
    // The error report lists both: the row refused and the row imported without its values.
    const report = await call(core, 'import.errorReport', { sessionId: opened.sessionId })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer)
    const text = JSON.stringify(workbook.worksheets[0]?.getSheetValues())
    expect(text).toContain('ABC不存在')
    expect(text).toContain('王五')
  })

  it('skips a row repeating a record already there or an earlier row, unless told to import it', async () => {
    const csv = [
      '客户名称,交往日期,交往方式,主题,内容',
      '广州人易科技有限公司,2026-01-05 10:00,拜访,报价,送报价单',
      '广州人易科技有限公司,2026-01-05 10:00,拜访,报价,送报价单',
      '广州人易科技有限公司,2026-01-05 10:00,展会交流,,',
      '广州人易科技有限公司,2026-01-05 10:00,展会交流,,',
    ].join('\n')
    const base64 = Buffer.from(csv).toString('base64')
    const first = await openFile(core, '一月.csv', base64, 'interactions')
    const planned = await preview(core, { sessionId: first.sessionId, mapping: first.mapping })
    expect(planned.rows.map((r) => [r.rowNumber, r.action, r.duplicate?.source, r.duplicate?.rowNumber])).toEqual([
      [2, 'create', undefined, undefined],
      [3, 'skip', 'file', 2],
      [4, 'create', undefined, undefined],
      [5, 'skip', 'file', 4],
    ])
    const done = await commit(core, {
      sessionId: first.sessionId,
      mapping: first.mapping,
      duplicateRows: { '5': 'import' },
    })
    expect(done).toMatchObject({ state: 'done', result: { interactions: 3, skipped: 1 } })

    // The same log again (an office re-importing an overlapping file): every row is there already.
    const again = await openFile(core, '一月（再次）.csv', base64, 'interactions')
    const repeat = await preview(core, { sessionId: again.sessionId, mapping: again.mapping })
    expect(repeat.counts).toEqual({ create: 0, update: 0, skip: 4, error: 0 })
    expect(repeat.rows[0]?.duplicate).toMatchObject({
      source: 'database',
      customerId: renyi.id,
      code: renyi.code,
      reason: '与已有交往记录相同（时间、交往方式、主题、内容）',
    })
    expect(await count(core, 'interaction')).toBe(3)
  })

  it('takes an office log as it is: a 业务员 merged over a group of rows, a totals line and a signature left out', async () => {
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['2026 年 1 月拜访记录'])
      sheet.addRow(['业务员', '客户名称', '拜访日期', '方式', '内容'])
      sheet.addRow(['李经理', '广州人易科技有限公司', '2026-01-05', '拜访', '首次拜访'])
      sheet.addRow([null, '同名公司', '2026-01-06', '电话', '约时间'])
      sheet.addRow(['王经理', '广州人易科技有限公司', '2026-01-07', '微信', '发资料'])
      sheet.addRow(['合计：3 次'])
      sheet.addRow(['制表人：张三', null, '制表日期：2026-01-31'])
      sheet.mergeCells('A3:A4')
    })
    const opened = await openFile(core, '一月拜访.xlsx', base64, 'interactions')
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await preview(core, decisions)
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.skipped ?? null])).toEqual([
      [3, 'create', null],
      [4, 'create', null],
      [5, 'create', null],
      [6, 'skip', 'summary'],
      [7, 'skip', 'summary'],
    ])
    expect(plan.rows[1]?.notes).toEqual(['业务员「李经理」取自合并单元格（第 3 行起）'])
    const done = await commit(core, decisions)
    expect(done).toMatchObject({ state: 'done', result: { interactions: 3, skipped: 2, createdItems: 1 } })
    const wang = await dictId(core, 'staff', '王经理')
    expect((await storedVisits()).map((v) => [v.customer_id, v.staff_id])).toEqual([
      [renyi.id, ownerStaff],
      [twinA.id, ownerStaff],
      [renyi.id, wang],
    ])
  })

  it('leaves the database as it was when a row fails in the database mid-write', async () => {
    const rows = ['客户名称,日期,交往方式,内容']
    for (let i = 1; i <= 2500; i++) rows.push(`广州人易科技有限公司,2026-01-05,拜访,第${i}次`)
    await core.store.manager.query(
      `CREATE TRIGGER fail_late BEFORE INSERT ON interaction WHEN NEW.content = '第2400次'
       BEGIN SELECT RAISE(ABORT, '磁盘已满'); END`,
    )
    const before = await databaseDigest(core.store.databasePath)
    const opened = await openFile(core, 'big.csv', Buffer.from(rows.join('\n')).toString('base64'), 'interactions')
    const failed = await commit(core, { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(failed.state).toBe('failed')
    expect(failed.message).toContain('导入失败，数据库未做任何修改')
    expect(await databaseDigest(core.store.databasePath)).toEqual(before)

    await core.store.manager.query(`DROP TRIGGER fail_late`)
    const { jobId } = await call(core, 'import.commit', { sessionId: opened.sessionId, mapping: opened.mapping })
    expect(await waitForJob(core, jobId)).toMatchObject({ state: 'done', result: { interactions: 2500 } })
    expect(await count(core, 'interaction')).toBe(2500)
    expect(await storedStats(core, renyi.id)).toMatchObject({ lastContactAt: '2026-01-05' })
  })

  it("refuses a 业务员's rows naming another's customer, and records the importer", async () => {
    const mine = await addDictItem(core, 'staff', '甲业务')
    const theirs = await addDictItem(core, 'staff', '乙业务')
    const seller = testCaller('sales', mine, await addUser('jia', 'sales', mine), '甲')
    const own = await createCustomer(core, { name: '甲的客户', ownerStaffId: mine })
    const other = await createCustomer(core, { name: '乙的客户', ownerStaffId: theirs })
    const base64 = await xlsxBase64((sheet) => {
      sheet.addRow(['客户名称', '客户编号', '交往日期', '交往方式', '内容'])
      sheet.addRow(['甲的客户', null, '2026-01-05', '拜访', '自己的'])
      sheet.addRow([null, other.code, '2026-01-06', '拜访', '别人的'])
      sheet.addRow(['乙的客户', null, '2026-01-07', '拜访', '别人的'])
      // 公海 (no 负责业务员): anyone's.
      sheet.addRow(['广州人易科技有限公司', null, '2026-01-08', '拜访', '公海的'])
    })
    const opened = await asCaller(core, seller, 'import.open', {
      kind: 'interactions',
      fileName: '甲的拜访.xlsx',
      base64,
    })
    const decisions = { sessionId: opened.sessionId, mapping: opened.mapping }
    const plan = await asCaller(core, seller, 'import.preview', decisions)
    const refusal = '没有权限：客户「乙的客户」不属于您，只能导入自己负责的客户与公海客户的交往记录'
    expect(plan.rows.map((r) => [r.rowNumber, r.action, r.problems.map((p) => p.message)])).toEqual([
      [2, 'create', []],
      [3, 'error', [refusal]],
      [4, 'error', [refusal]],
      [5, 'create', []],
    ])
    const { jobId } = await asCaller(core, seller, 'import.commit', { ...decisions, skipErrorRows: true })
    expect(await waitForJob(core, jobId)).toMatchObject({ state: 'done', result: { interactions: 2, errors: 2 } })
    const visits = await storedVisits()
    expect(visits.map((v) => [v.customer_id, v.content, v.staff_id, v.created_by])).toEqual([
      // No 业务员 column: the one the importing user stands for, as interactions.create does.
      [own.id, '自己的', mine, seller.userId],
      [renyi.id, '公海的', mine, seller.userId],
    ])
    expect(await storedStats(core, other.id)).toMatchObject({ lastContactAt: null })
  })

  it('gives a template whose headers map back to every field', async () => {
    const template = await call(core, 'import.template', { kind: 'interactions' })
    expect(template.fileName).toBe('交往记录导入模板.xlsx')
    const opened = await openFile(core, template.fileName, template.base64, 'interactions')
    expect(opened.headers).toEqual([
      '客户名称',
      '客户编号',
      '交往日期',
      '交往方式',
      '联系人',
      '主题',
      '内容',
      '结果',
      '下次联系日期',
      '业务员',
    ])
    expect(opened.mapping).toEqual([
      'customerName',
      'customerCode',
      'date',
      'type',
      'contact',
      'subject',
      'content',
      'result',
      'nextFollowUp',
      'staff',
    ])
  })
})

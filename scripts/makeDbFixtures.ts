/**
 * Writes tests/fixtures/db/kqgj-v<N>.sqlite: a database as each released
 * version of the app left it (schema versions 1–9), filled with realistic rows,
 * for the migration tests (tests/main/core/db/migrationFixtures.test.ts).
 *   npx tsx scripts/makeDbFixtures.ts            (writes only the missing files)
 *   npx tsx scripts/makeDbFixtures.ts --rewrite  (rewrites every file)
 * Each file is built by that version's own migrations, which are never edited
 * once released; the rows are the same on every run (no clock, no randomness).
 * A new released schema version adds its number to `releasedVersions` and a
 * block of rows below; the files already committed stay as they are.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DataSource } from 'typeorm'
import { migrations } from '../src/main/core/db/migrations'
import type { RelationshipLevel } from '../src/shared/grading/relationshipChecklists'
import { computeDealHeat, dealHeatFacts, type ProjectStage, type TenderFact } from '../src/shared/grading/dealHeat'

export const releasedVersions = [1, 2, 3, 4, 5, 6, 7, 8, 9]
const fixtureDir = resolve(__dirname, '../tests/fixtures/db')

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']
const places = ['广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '沈阳']
const trades = ['机电', '五金', '化工', '建材', '电子', '医疗器械']
const provinces = ['440000', '330000', '510000', '420000', '320000', '610000', '210000']
const customerCount = 40

type Query = (sql: string, params?: unknown[]) => Promise<unknown>

async function fill(version: number, query: Query): Promise<void> {
  const dictId = async (category: string, label: string) => {
    const rows = (await query(`SELECT id FROM dict_item WHERE category = ? AND label = ?`, [category, label])) as {
      id: number
    }[]
    if (!rows[0]) throw new Error(`no ${category} ${label}`)
    return rows[0].id
  }
  // Version 1: the dictionary gets the office's own staff and products, and a few UI settings.
  for (const [i, label] of ['张伟', '李娜', '王强'].entries()) {
    await query(`INSERT INTO dict_item (category, label, sort_order, enabled) VALUES ('staff', ?, ?, 1)`, [label, i])
  }
  for (const [i, label] of ['数控机床', '伺服电机', '轴承', '润滑油'].entries()) {
    await query(`INSERT INTO dict_item (category, label, sort_order, enabled) VALUES ('product', ?, ?, 1)`, [label, i])
  }
  await query(`UPDATE dict_item SET enabled = 0 WHERE category = 'source' AND label = '黄页'`)
  await query(`INSERT INTO app_setting (key, value) VALUES ('pref.customers.columns', '["name","phone"]')`)
  await query(`INSERT INTO app_setting (key, value) VALUES ('firstRunDecided', 'true')`)
  if (version < 2) return

  const staff = [await dictId('staff', '张伟'), await dictId('staff', '李娜'), await dictId('staff', '王强')]
  const regionOf = await dictId('region', '华南')
  for (let i = 1; i <= customerCount; i++) {
    const name = `${places[i % places.length]}${surnames[i % surnames.length]}氏${trades[i % trades.length]}有限公司`
    const kind = i % 9 === 0 ? 'individual' : 'enterprise'
    const day = String((i % 28) + 1).padStart(2, '0')
    await query(
      `INSERT INTO customer (code, kind, name, short_name, name_norm, pinyin, pinyin_initials, region_id, province_code,
         phone, phone_norm, email, credit_limit, employee_count, credit_rating, owner_staff_id, registrar, registered_at,
         remarks, demand_status, deal_status, relationship_level, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        `KH-2025-${String(i).padStart(5, '0')}`,
        kind,
        name,
        name.slice(0, 4),
        name,
        `kehu${i}`,
        `kh${i}`,
        i % 3 === 0 ? regionOf : null,
        provinces[i % provinces.length],
        `020-8765${String(4000 + i)}`,
        `02087654${String(4000 + i).slice(-4)}`,
        `sales${i}@example.cn`,
        i % 4 === 0 ? null : 10000 + i * 2500.5,
        i * 7,
        (i % 5) + 1,
        staff[i % staff.length],
        '张伟',
        `2025-${String((i % 12) + 1).padStart(2, '0')}-${day}`,
        i % 5 === 0 ? `老客户，${places[i % places.length]}办事处对接` : null,
        ['明确需求', '潜在需求', '无需求'][i % 3],
        ['已成交', '正在谈判', '潜在'][i % 3],
        ['I', 'II', 'III', 'IV'][i % 4],
        `2025-01-${day}T09:00:00`,
        `2025-06-${day}T10:30:00`,
        i % 13 === 0 ? '2025-07-01T08:00:00' : null,
      ],
    )
    for (let c = 0; c < 1 + (i % 3); c++) {
      await query(
        `INSERT INTO contact (customer_id, sort_order, name, gender, title, mobile, mobile_norm, is_key, friendliness, decision_role)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          i,
          c,
          `${surnames[(i + c) % surnames.length]}${['经理', '总', '工'][c]}`,
          c % 2 === 0 ? '男' : '女',
          ['采购经理', '总经理', '技术主管'][c],
          `1380013${String(i * 10 + c).padStart(4, '0')}`,
          `1380013${String(i * 10 + c).padStart(4, '0')}`,
          c === 0 ? 1 : 0,
          ((i + c) % 5) + 1,
          ['决策者', '影响者', '使用者'][c],
        ],
      )
    }
    await query(
      `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value) VALUES (?, ?, 'phone', '电话', ?, ?)`,
      [i, `2025-06-${day}T10:30:00`, '020-00000000', `020-8765${String(4000 + i)}`],
    )
  }
  await query(
    `INSERT INTO contact_date (contact_id, sort_order, label, date, calendar) VALUES (1, 0, '生日', '1980-05-12', 'lunar')`,
  )
  await query(
    `INSERT INTO contact_date (contact_id, sort_order, label, date, calendar) VALUES (2, 0, '结婚纪念日', '2008-10-01', 'solar')`,
  )
  await query(`INSERT INTO customer_code_counter (year, last_value) VALUES (2025, ?)`, [customerCount])
  await query(`INSERT INTO customer_group (name) VALUES ('重点跟进'), ('展会客户')`)
  for (let i = 1; i <= customerCount; i += 3) {
    await query(`INSERT INTO customer_group_member (customer_id, group_id) VALUES (?, ?)`, [i, (i % 2) + 1])
  }
  if (version < 3) return

  const products = await Promise.all(['数控机床', '伺服电机', '轴承', '润滑油'].map((p) => dictId('product', p)))
  const types = await Promise.all(['拜访', '电话', '微信'].map((t) => dictId('interactionType', t)))
  for (let i = 1; i <= customerCount; i++) {
    for (let s = 0; s < i % 6; s++) {
      const quantity = (s + 1) * 3
      const unitPrice = 120.5 + ((i * 7 + s * 13) % 50) * 10
      await query(
        `INSERT INTO sale (customer_id, date, product_id, quantity, unit_price, amount, remarks, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          i,
          `2025-${String((s % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
          products[(i + s) % products.length],
          quantity,
          unitPrice,
          Math.round(quantity * unitPrice * 100) / 100,
          s === 0 ? '首单' : null,
          '2025-08-01T09:00:00',
          '2025-08-01T09:00:00',
        ],
      )
    }
    for (let n = 0; n < i % 4; n++) {
      await query(
        `INSERT INTO interaction (customer_id, contact_id, occurred_at, type_id, subject, content, result, next_follow_up, staff_id, created_at, updated_at)
         VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          i,
          `2025-${String((n % 12) + 3).padStart(2, '0')}-10T14:00:00`,
          types[n % types.length],
          ['季度回访', '报价跟进', '新品介绍'][n % 3],
          '客户对交期有顾虑，约定下月再谈',
          n % 2 === 0 ? '有意向' : null,
          n === 0 ? '2025-12-01' : null,
          staff[n % staff.length],
          '2025-08-01T09:00:00',
          '2025-08-01T09:00:00',
        ],
      )
    }
  }
  // The stored statistics as the app keeps them: recomputed from the rows.
  await query(`UPDATE customer SET
    transaction_count = (SELECT COUNT(*) FROM sale WHERE sale.customer_id = customer.id),
    transaction_amount = COALESCE((SELECT ROUND(SUM(amount), 2) FROM sale WHERE sale.customer_id = customer.id), 0),
    first_transaction_at = (SELECT MIN(date) FROM sale WHERE sale.customer_id = customer.id),
    last_transaction_at = (SELECT MAX(date) FROM sale WHERE sale.customer_id = customer.id),
    last_contact_at = (SELECT MAX(substr(occurred_at, 1, 10)) FROM interaction WHERE interaction.customer_id = customer.id)`)
  if (version < 4) return

  for (let i = 1; i <= customerCount; i += 4) {
    await query(
      `INSERT INTO relationship_assessment (customer_id, assessed_at, role, ticked, suggested_level, chosen_level, note, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        i,
        '2025-09-01',
        ['owner', 'installer', 'other'][i % 3],
        '["o1","o2"]',
        'II',
        i % 8 === 1 ? 'III' : null,
        null,
        '李娜',
      ],
    )
  }
  if (version < 5) return

  // Version 5: projects between the fixture's customers (甲方 and, for most, a different 乙方),
  // their heat as projects/projectHeat.ts stores it, plus competitors and feedback.
  const stages: ProjectStage[] = ['信息收集', '编写标书', '投标', '中标', '签约', '失败']
  const factSets: TenderFact[][] = [
    [],
    ['ourProductInTender'],
    ['ourProductInTender', 'ownerRecommendsUs'],
    ['ourBrandOnlyInTender', 'contractWithWinningInstaller'],
    ['ownerDoesNotRefuse', 'knowsCompetitorStrategy'],
    ['ownerAgreesToWriteUsIn', 'installerUsesOurProductInBid', 'ourProductInTender'],
  ]
  const levelOf = (i: number) => (['I', 'II', 'III', 'IV'] as RelationshipLevel[])[i % 4] ?? null
  for (let p = 1; p <= 12; p++) {
    const owner = (p * 3) % customerCount || customerCount
    const contractor = p % 4 === 0 ? null : ((owner + 6) % customerCount) + 1
    const stage = stages[p % stages.length] as ProjectStage
    const ticked = factSets[p % factSets.length] ?? []
    const heat = computeDealHeat(
      dealHeatFacts(stage, ticked, levelOf(owner), contractor === null ? null : levelOf(contractor)),
    )
    const day = String((p % 28) + 1).padStart(2, '0')
    await query(
      `INSERT INTO project (name, owner_customer_id, contractor_customer_id, stage, budget, expected_date, started_at,
         decision_makers, competitor_brands, tender_facts, heat, heat_reason, note, staff_id, created_at, updated_at,
         deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        `${places[p % places.length]}${['厂房扩建', '产线改造', '仓储中心', '办公楼机电'][p % 4]}项目`,
        owner,
        contractor,
        stage,
        p % 5 === 0 ? null : 150000 + p * 37500.25,
        `2026-${String((p % 12) + 1).padStart(2, '0')}-${day}`,
        `2025-${String((p % 9) + 1).padStart(2, '0')}-${day}`,
        p % 3 === 0 ? null : '基建处刘处长、设备科王科长',
        p % 2 === 0 ? '西门子、ABB' : null,
        JSON.stringify(ticked),
        heat.percent,
        heat.reason,
        p % 4 === 1 ? '甲方预算已批，等招标公告' : null,
        staff[p % staff.length],
        `2025-10-${day}T09:00:00`,
        `2025-11-${day}T16:00:00`,
        p === 11 ? '2025-11-20T08:00:00' : null,
      ],
    )
  }
  for (let i = 2; i <= customerCount; i += 5) {
    for (let c = 0; c < 1 + (i % 2); c++) {
      await query(
        `INSERT INTO competitor (customer_id, name, kind, products, volume, price, rep_name, rep_relation, satisfaction,
           quality_issues, strengths, weaknesses, strategy, our_share, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          i,
          `${places[(i + c) % places.length]}${['恒达', '永兴', '金源'][c % 3]}机电`,
          c === 0 ? '竞争对手' : '供应商',
          ['伺服电机', '轴承、润滑油'][c % 2],
          `年约 ${i * 10} 万元`,
          c === 0 ? '比我司低 5%' : '持平',
          `${surnames[(i + c) % surnames.length]}经理`,
          c === 0 ? '采购的老同学' : null,
          (i % 5) + 1,
          i % 3 === 0 ? '去年两批轴承异响' : null,
          '交期短',
          '售后响应慢',
          '主推售后服务包',
          i % 4 === 0 ? null : (i * 7) % 100,
          null,
          '2025-10-15T09:00:00',
          '2025-10-15T09:00:00',
        ],
      )
    }
  }
  const feedbackTypes = ['投诉', '建议', '咨询', '表扬']
  const feedbackStatuses = ['待处理', '处理中', '已解决', '已关闭']
  for (let f = 1; f <= 10; f++) {
    const status = feedbackStatuses[f % feedbackStatuses.length]
    const resolved = status === '已解决' || status === '已关闭'
    const day = String((f % 20) + 1).padStart(2, '0')
    await query(
      `INSERT INTO feedback (customer_id, type, product_id, received_at, resolved_at, status, handler_id, content,
         resolution, satisfaction, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        (f * 4) % customerCount || customerCount,
        feedbackTypes[f % feedbackTypes.length],
        f % 3 === 0 ? null : products[f % products.length],
        `2025-09-${day}`,
        resolved ? `2025-10-${day}` : null,
        status,
        f % 5 === 0 ? null : staff[f % staff.length],
        ['电机运行噪音偏大', '希望提供分期付款', '询问轴承型号替换', '售后上门及时'][f % 4],
        resolved ? '已上门更换并回访' : null,
        resolved ? (f % 5) + 1 : null,
        `2025-09-${day}T11:00:00`,
        `2025-10-${day}T11:00:00`,
      ],
    )
  }
  if (version < 6) return

  // Version 6: reminders of every kind and status, keyed as reminders/reminderRules.ts keys them.
  // The customer/contact inserts above already marked reminder_dirty through m0006's triggers, as
  // the app's own writes would; those rows stay as they are (a scan would clear them).
  const statuses = ['pending', 'done', 'snoozed', 'ignored']
  // A done reminder may carry the interaction recorded when it was marked done (reminderHandlers.ts).
  const statusColumns = (n: number, doneWith: number | null) => {
    const status = statuses[n % statuses.length]
    return [
      status === 'done' ? doneWith : null,
      status,
      status === 'snoozed' ? '2025-12-05' : null,
      n % 3 === 0 ? null : '2025-11-20T09:00:00',
      status === 'done' ? '2025-11-21T10:00:00' : null,
    ]
  }
  const insertReminder = async (n: number, row: unknown[], doneWith: number | null = null) =>
    query(
      `INSERT INTO reminder (kind, customer_id, contact_id, subject_key, due_date, reason, interaction_id, status,
         snoozed_until, notified_at, done_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-11-20T08:00:00')`,
      [...row, ...statusColumns(n, doneWith)],
    )
  let n = 0
  for (let i = 1; i <= customerCount; i += 2) {
    await insertReminder(n++, [
      i % 4 === 1 ? 'followUp' : 'salesDecline',
      i,
      null,
      '',
      `2025-11-${String((i % 28) + 1).padStart(2, '0')}`,
      i % 4 === 1
        ? '联系策略「每月联系」每 30 天联系一次，最近联系 2025-10-10'
        : '购买策略「季度采购」约 90 天采购一次',
    ])
  }
  // The same customer again on a later due date: a separate occasion under the unique key.
  await insertReminder(n++, ['followUp', 1, null, '', '2025-12-30', '联系策略「每月联系」每 30 天联系一次'])
  const birthdays = (await query(`SELECT id, customer_id FROM contact WHERE id IN (1, 2) ORDER BY id`)) as {
    id: number
    customer_id: number
  }[]
  for (const c of birthdays) {
    await insertReminder(n++, [
      'birthday',
      c.customer_id,
      c.id,
      `contactDate:${c.id}`,
      '2025-11-28',
      '联系人纪念日临近',
    ])
  }
  const planned = (await query(
    `SELECT id, customer_id, next_follow_up FROM interaction WHERE next_follow_up IS NOT NULL ORDER BY id LIMIT 6`,
  )) as { id: number; customer_id: number; next_follow_up: string }[]
  for (const it of planned) {
    await insertReminder(
      n++,
      [
        'plannedFollowUp',
        it.customer_id,
        null,
        `interaction:${it.id}`,
        it.next_follow_up,
        `交往记录计划 ${it.next_follow_up} 再次跟进`,
      ],
      it.id,
    )
  }
  for (const i of [3, 6, 12]) {
    await insertReminder(n++, ['dealDeadline', i, null, '', '2025-12-15', '预计成交日期 2025-12-15 临近'])
  }
  for (const [name, date] of [
    ['元旦', '2026-01-01'],
    ['春节', '2026-02-17'],
  ]) {
    await insertReminder(n++, ['festival', null, null, name, date, `${name}，可向重要客户群发问候`])
  }
  if (version < 7) return

  // Version 7: a few 应对措施 notes (one per customer at most).
  for (const i of [2, 9, 17, 30]) {
    await query(`INSERT INTO customer_response_note (customer_id, note, updated_at) VALUES (?, ?, ?)`, [
      i,
      `${['连续两季未下单', '回款超期'][i % 2]}：业务员本月内上门，带新品样册`,
      '2025-11-10T15:00:00',
    ])
  }
  // Version 8 adds no table of its own to fill: reminder_pending_count was seeded by m0008 and
  // its triggers counted the pending reminders inserted above, as they do in the app.
  // Version 9 adds only indexes.
}

export async function makeFixture(version: number, path: string): Promise<void> {
  rmSync(path, { force: true })
  const db = new DataSource({ type: 'sqlite', database: path, migrations: migrations.slice(0, version) })
  await db.initialize()
  try {
    await db.runMigrations({ transaction: 'all' })
    await db.transaction(async (m) => fill(version, (sql, params) => m.query(sql, params)))
    await db.query('VACUUM')
  } finally {
    await db.destroy()
  }
}

async function main(): Promise<void> {
  mkdirSync(fixtureDir, { recursive: true })
  // The committed files stay byte-identical: only a missing one is written unless asked.
  const rewrite = process.argv.includes('--rewrite')
  for (const version of releasedVersions) {
    const path = join(fixtureDir, `kqgj-v${version}.sqlite`)
    if (existsSync(path) && !rewrite) {
      console.log(`保留 ${path}`)
      continue
    }
    await makeFixture(version, path)
    console.log(`写入 ${path}`)
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}

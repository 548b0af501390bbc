import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultReclaimRule, type ReclaimRule } from '../../../../src/shared/ownership'
import { planReclaim, type ReclaimCandidate } from '../../../../src/main/core/ownership/planReclaim'
import { runReclaim } from '../../../../src/main/core/ownership/runReclaim'
import { localCaller } from '../../../../src/main/core/accounts/caller'
import { runScan } from '../../../../src/main/core/reminders/runScan'
import { asCaller } from '../../../helpers/callers'
import { testCore } from '../../../helpers/testCore'
import { addCustomer, addUser, countOf, owners, rows } from './ownershipTestKit'

/** D customers: 30 days without a 交往记录, warned 7 days before. */
const rule: ReclaimRule = {
  ...defaultReclaimRule,
  enabled: true,
  daysByDealGrade: { A: 60, D: 30 },
  warnDaysBefore: 7,
  exemptOpenProjects: true,
  exemptRecentSaleDays: 90,
}

describe('planReclaim (pure, fixed days)', () => {
  const customer: ReclaimCandidate = {
    id: 1,
    lastContact: '2026-10-01',
    demandStatus: '潜在需求',
    expectedCloseDate: null,
    dealGradeOverride: null,
    valueClass: '一般客户',
    hasOpenProject: false,
    lastSale: null,
  }
  it('nothing before the warning day, a warning from it, the move on the due day', () => {
    expect(planReclaim('2026-10-23', rule, [customer])).toEqual({ reclaim: [], warn: [] })
    expect(planReclaim('2026-10-24', rule, [customer])).toEqual({
      reclaim: [],
      warn: [{ id: 1, lastContact: '2026-10-01', warnDate: '2026-10-24', reclaimDate: '2026-10-31', days: 30 }],
    })
    expect(planReclaim('2026-10-30', rule, [customer]).warn).toHaveLength(1)
    expect(planReclaim('2026-10-31', rule, [customer])).toEqual({ reclaim: [1], warn: [] })
  })
  it('a level without days, an open 项目, a recent 交易 and a switched-off rule keep the customer', () => {
    const day = '2027-01-31'
    expect(planReclaim(day, rule, [{ ...customer, demandStatus: '无需求' }]).reclaim).toEqual([])
    expect(planReclaim(day, rule, [{ ...customer, dealGradeOverride: 'A' }]).reclaim).toEqual([1])
    expect(planReclaim(day, rule, [{ ...customer, hasOpenProject: true }]).reclaim).toEqual([])
    expect(
      planReclaim(day, { ...rule, exemptOpenProjects: false }, [{ ...customer, hasOpenProject: true }]).reclaim,
    ).toEqual([1])
    expect(planReclaim(day, rule, [{ ...customer, lastSale: '2026-11-02' }]).reclaim).toEqual([])
    expect(planReclaim(day, rule, [{ ...customer, lastSale: '2026-11-01' }]).reclaim).toEqual([1])
    expect(planReclaim(day, { ...rule, exemptRecentSaleDays: null }, [{ ...customer, lastSale: day }]).reclaim).toEqual(
      [1],
    )
    expect(planReclaim(day, { ...rule, enabled: false }, [customer]).reclaim).toEqual([])
  })
  it('by 价值分类 when the rule says so', () => {
    const byValue: ReclaimRule = { ...rule, basis: 'valueClass', daysByValueClass: { 重要客户: 10 } }
    expect(planReclaim('2026-10-11', byValue, [{ ...customer, valueClass: '重要客户' }]).reclaim).toEqual([1])
    expect(planReclaim('2026-10-11', byValue, [customer]).reclaim).toEqual([])
  })
})

describe('runReclaim on a real database (fixed clock)', () => {
  let core: Awaited<ReturnType<typeof testCore>>
  beforeEach(async () => {
    core = await testCore('reclaim')
  })
  afterEach(async () => {
    await core.close()
  })

  const run = (today: string) => core.store.write((db) => runReclaim(db, today, `${today} 06:00:00`))
  const warnings = () =>
    rows<{ customer_id: number; due_date: string; status: string; reason: string }>(
      core,
      `SELECT customer_id, due_date, status, reason FROM reminder WHERE subject_key = 'reclaim' ORDER BY customer_id`,
    )

  it('warns on the warning day, moves on the due day, keeps the exempt ones, and logs it all', async () => {
    const admin = await addUser(core, '管理员', 'admin')
    const zhang = await addUser(core, '张三', 'sales')
    const fields = { lastContact: '2026-10-01', demandStatus: '潜在需求' }
    const [due, withProject, withDoneProject, withSale, gradeE] = [
      await addCustomer(core, zhang.staffId, fields),
      await addCustomer(core, zhang.staffId, fields),
      await addCustomer(core, zhang.staffId, fields),
      await addCustomer(core, zhang.staffId, fields),
      await addCustomer(core, zhang.staffId, fields),
    ]
    const neverContacted = await addCustomer(core, zhang.staffId, {
      registered: '2026-10-01 15:00:00',
      demandStatus: '潜在需求',
    })
    const inPool = await addCustomer(core, null, fields)
    const inBin = await addCustomer(core, zhang.staffId, fields)
    await core.store.write(async (db) => {
      await db.run(
        `INSERT INTO project (name, owner_customer_id, stage, created_at, updated_at)
         VALUES ('在谈', ?, '投标', '2026-09-01', '2026-09-01'), ('已签', ?, '签约', '2026-09-01', '2026-09-01')`,
        [withProject, withDoneProject],
      )
      await db.run(`UPDATE customer SET last_transaction_at = '2026-09-15' WHERE id = ?`, [withSale])
      await db.run(`UPDATE customer SET demand_status = '无需求' WHERE id = ?`, [gradeE])
      await db.run(`UPDATE customer SET deleted_at = '2026-10-02 10:00:00' WHERE id = ?`, [inBin])
    })
    await asCaller(core, admin.caller, 'ownership.setReclaimRule', rule)
    expect(await asCaller(core, admin.caller, 'ownership.getReclaimRule', {})).toEqual(rule)
    const moved = [due, withDoneProject, neverContacted]
    const kept = [withProject, withSale, gradeE, inBin]

    expect(await run('2026-10-23')).toEqual({ reclaimed: 0, warned: 0 })
    expect(await warnings()).toEqual([])

    expect(await run('2026-10-24')).toEqual({ reclaimed: 0, warned: 3 })
    expect(await warnings()).toEqual(
      moved.map((id) => ({
        customer_id: id,
        due_date: '2026-10-24',
        status: 'pending',
        reason: '回收规则：最近交往 2026-10-01，30 天无交往记录将于 2026-10-31 放回公海',
      })),
    )
    // Once a day, and a later day adds no second warning for the same occasion.
    expect(await run('2026-10-24')).toEqual({ reclaimed: 0, warned: 0 })
    expect(await run('2026-10-30')).toEqual({ reclaimed: 0, warned: 0 })
    expect(await owners(core, [...moved, ...kept])).toEqual(Array(7).fill(zhang.staffId))

    expect(await run('2026-10-31')).toEqual({ reclaimed: 3, warned: 0 })
    expect(await owners(core, moved)).toEqual([null, null, null])
    expect(await owners(core, kept)).toEqual(Array(4).fill(zhang.staffId))
    expect(await owners(core, [inPool])).toEqual([null])
    expect((await warnings()).map((w) => w.status)).toEqual(['done', 'done', 'done'])
    const changes = await rows<{ customer_id: number; old_value: string; new_value: null; user_id: null }>(
      core,
      `SELECT customer_id, old_value, new_value, user_id FROM customer_change WHERE field = 'ownerStaffId' ORDER BY customer_id`,
    )
    expect(changes).toEqual(moved.map((id) => ({ customer_id: id, old_value: '张三', new_value: null, user_id: null })))
    expect(
      await countOf(
        core,
        `SELECT count(*) AS n FROM customer WHERE id IN (?, ?, ?) AND updated_by IS NULL AND updated_at = '2026-10-31 06:00:00'`,
        moved,
      ),
    ).toBe(3)
    const audit = await rows<{ user_id: null; action: string; detail: string }>(
      core,
      `SELECT user_id, action, detail FROM audit_event`,
    )
    expect(audit).toEqual([{ user_id: null, action: 'reclaim', detail: '按回收规则将 3 个客户放回公海' }])
  })

  it('a new 交往记录 after the warning settles it and nothing moves', async () => {
    const zhang = await addUser(core, '张三', 'sales')
    const id = await addCustomer(core, zhang.staffId, { lastContact: '2026-10-01', demandStatus: '潜在需求' })
    await core.store.write(async (db) => {
      const { saveReclaimRule } = await import('../../../../src/main/core/ownership/reclaimRuleSetting')
      await saveReclaimRule(db, rule)
    })
    await run('2026-10-25')
    await core.store.write((db) => db.run(`UPDATE customer SET last_contact_at = '2026-10-26' WHERE id = ?`, [id]))
    expect(await run('2026-10-31')).toEqual({ reclaimed: 0, warned: 0 })
    expect(await owners(core, [id])).toEqual([zhang.staffId])
    expect((await warnings()).map((w) => w.status)).toEqual(['done'])
  })

  it('runs from the reminder scan; the default rule (off) moves nothing', async () => {
    const admin = await addUser(core, '管理员', 'admin')
    const zhang = await addUser(core, '张三', 'sales')
    const id = await addCustomer(core, zhang.staffId, { lastContact: '2026-01-01', demandStatus: '潜在需求' })
    await runScan(core.store, '2026-10-31', '2026-10-31 06:00:00', localCaller)
    expect(await owners(core, [id])).toEqual([zhang.staffId])

    // Saving a rule clears the once-a-day guard: the next scan of the same day applies it.
    await asCaller(core, admin.caller, 'ownership.setReclaimRule', rule)
    await runScan(core.store, '2026-10-31', '2026-10-31 06:05:00', localCaller)
    expect(await owners(core, [id])).toEqual([null])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RelationshipLevel } from '../../../../src/shared/grading/relationshipChecklists'
import type { Customer } from '../../../../src/shared/customer'
import type { ProjectListOutput } from '../../../../src/shared/project'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, expectError } from '../customers/customerTestKit'
import { addDictItem } from '../activity/activityTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let owner: Customer
let installer: Customer
let other: Customer

beforeEach(async () => {
  core = await testCore('projects')
  owner = await createCustomer(core, { name: '广州市第一人民医院' })
  installer = await createCustomer(core, { name: '广东华安机电安装有限公司' })
  other = await createCustomer(core, { name: '深圳宏达建设工程有限公司' })
})
afterEach(async () => {
  await core.close()
})

const assess = (customerId: number, level: RelationshipLevel | null) =>
  call(core, 'relationship.assess', { customerId, role: 'other', ticked: [], chosenLevel: level })

const list = (input: Record<string, unknown>) => call(core, 'projects.list', input)

const storedHeat = async (id: number) => {
  const [row] = await core.store.manager.query(`SELECT heat, heat_reason FROM project WHERE id = ?`, [id])
  return { heat: Number(row.heat), reason: String(row.heat_reason) }
}

describe('projects', () => {
  it('creates a project with its heat and reason, and reads it back', async () => {
    const staff = await addDictItem(core, 'staff', '王业务')
    const project = await call(core, 'projects.create', {
      name: ' 门诊楼空调改造 ',
      ownerCustomerId: owner.id,
      contractorCustomerId: installer.id,
      stage: '投标',
      budget: 1250000,
      expectedDate: '2026-09-30',
      startedAt: '2026-03-01',
      decisionMakers: '后勤处李处长（决策），设备科张工（影响）',
      competitorBrands: '格力、美的',
      tenderFacts: ['ownerRecommendsUs', 'ourProductInTender'],
      staffId: staff,
    })
    expect(project).toMatchObject({
      name: '门诊楼空调改造',
      ownerName: '广州市第一人民医院',
      contractorName: '广东华安机电安装有限公司',
      stage: '投标',
      budget: 1250000,
      // In the form's order, whatever order they were sent in.
      tenderFacts: ['ourProductInTender', 'ownerRecommendsUs'],
      heat: 70,
      heatReason: '70%：标书中有我司产品，甲方主动推荐',
      staffLabel: '王业务',
    })
    expect(await storedHeat(project.id)).toEqual({ heat: 70, reason: '70%：标书中有我司产品，甲方主动推荐' })
    expect(await call(core, 'projects.get', { id: project.id })).toEqual(project)
  })

  it('refuses bad input with Chinese messages and the field, writing nothing', async () => {
    const same = await expectError(core, 'projects.create', {
      name: '项目',
      ownerCustomerId: owner.id,
      contractorCustomerId: owner.id,
    })
    expect(same.code).toBe('VALIDATION')
    expect(same.fields?.contractorCustomerId).toBe('乙方不能与甲方是同一个客户')

    const noName = await expectError(core, 'projects.create', { name: '  ', ownerCustomerId: owner.id })
    expect(noName.fields?.name).toBe('请填写项目名称')
    const stage = await expectError(core, 'projects.create', { name: 'x', ownerCustomerId: owner.id, stage: '谈判' })
    expect(stage.message).toContain('项目阶段只能是：信息收集、编写标书、投标、中标、签约、失败')
    const dates = await expectError(core, 'projects.create', {
      name: 'x',
      ownerCustomerId: owner.id,
      startedAt: '2026-05-01',
      expectedDate: '2026-04-30',
    })
    expect(dates.fields?.expectedDate).toBe('预计成交日期不能早于开始日期')
    const fact = await expectError(core, 'projects.create', {
      name: 'x',
      ownerCustomerId: owner.id,
      tenderFacts: ['bribed'],
    })
    expect(fact.message).toContain('标书情况中有不认识的选项')
    const missing = await expectError(core, 'projects.create', { name: 'x', ownerCustomerId: 9999 })
    expect(missing).toMatchObject({
      code: 'NOT_FOUND',
      fields: { ownerCustomerId: '甲方客户不存在，可能已被彻底删除' },
    })
    await call(core, 'customers.delete', { ids: [other.id] })
    const binned = await expectError(core, 'projects.create', {
      name: 'x',
      ownerCustomerId: owner.id,
      contractorCustomerId: other.id,
    })
    expect(binned.fields?.contractorCustomerId).toBe('乙方客户在回收站中，请先恢复')

    // An update that makes the stored 乙方 the new 甲方 is refused on the merged values.
    const project = await call(core, 'projects.create', {
      name: '门诊楼',
      ownerCustomerId: owner.id,
      contractorCustomerId: installer.id,
    })
    const swapped = await expectError(core, 'projects.update', { id: project.id, ownerCustomerId: installer.id })
    expect(swapped.fields?.contractorCustomerId).toBe('乙方不能与甲方是同一个客户')
    const [count] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM project`)
    expect(Number(count.n)).toBe(1)
    expect((await call(core, 'projects.get', { id: project.id })).ownerCustomerId).toBe(owner.id)
  })

  it('recomputes the stored heat when the project or either customer’s 客情 level changes', async () => {
    const project = await call(core, 'projects.create', {
      name: '住院楼',
      ownerCustomerId: owner.id,
      contractorCustomerId: installer.id,
      stage: '编写标书',
      tenderFacts: ['ownerAgreesToWriteUsIn'],
    })
    expect(project.heat).toBe(10)

    await assess(owner.id, 'II')
    expect((await storedHeat(project.id)).heat).toBe(10)
    // The 乙方's level is the last 30% condition: assessing it reaches 30%.
    await assess(installer.id, 'I')
    expect(await storedHeat(project.id)).toEqual({
      heat: 30,
      reason: '30%：项目已到编写标书阶段，甲方客情 II 级，同意将我司产品写入标书，投标乙方客情 I 级',
    })

    // An edit of the project's facts: 70% by the 乙方 at III using our product.
    await call(core, 'projects.update', {
      id: project.id,
      tenderFacts: ['ourProductInTender', 'installerUsesOurProductInBid'],
    })
    expect((await storedHeat(project.id)).heat).toBe(10)
    await assess(installer.id, 'III')
    expect((await storedHeat(project.id)).heat).toBe(70)
    expect((await call(core, 'projects.get', { id: project.id })).contractorLevel).toBe('III')

    // Setting the level on the customer card recomputes too.
    await call(core, 'customers.update', { id: installer.id, relationshipLevel: 'II' })
    expect((await storedHeat(project.id)).heat).toBe(10)
    await call(core, 'customers.update', { id: installer.id, relationshipLevel: 'IV' })
    expect((await storedHeat(project.id)).heat).toBe(70)

    // Stage 失败 drops to 10% whatever is ticked.
    const failed = await call(core, 'projects.update', { id: project.id, stage: '失败' })
    expect(failed).toMatchObject({ heat: 10, heatReason: '10%：项目已失败' })
  })

  it('soft-deletes a project: hidden from get and list, the row kept', async () => {
    const project = await call(core, 'projects.create', { name: '门诊楼', ownerCustomerId: owner.id })
    expect(await call(core, 'projects.delete', { id: project.id })).toEqual({ id: project.id })
    expect((await expectError(core, 'projects.get', { id: project.id })).code).toBe('NOT_FOUND')
    expect((await expectError(core, 'projects.update', { id: project.id, name: 'x' })).code).toBe('NOT_FOUND')
    expect((await expectError(core, 'projects.delete', { id: project.id })).code).toBe('NOT_FOUND')
    expect((await list({})).total).toBe(0)
    const [row] = await core.store.manager.query(`SELECT deleted_at FROM project WHERE id = ?`, [project.id])
    expect(row.deleted_at).not.toBeNull()
  })

  it('filters by customer (甲方 or 乙方), stage, heat range and text, sorts through the whitelist and pages', async () => {
    await assess(installer.id, 'III')
    const make = (name: string, values: Record<string, unknown>) =>
      call(core, 'projects.create', { name, ownerCustomerId: owner.id, ...values })
    const hot = await make('门诊楼空调', {
      contractorCustomerId: installer.id,
      stage: '投标',
      budget: 300,
      tenderFacts: ['ourBrandOnlyInTender', 'contractWithWinningInstaller'],
    })
    const warm = await make('住院楼新风', {
      contractorCustomerId: installer.id,
      stage: '中标',
      budget: 100,
      tenderFacts: ['ourProductInTender', 'installerUsesOurProductInBid'],
      competitorBrands: '大金',
    })
    const cold = await make('职工食堂', { stage: '信息收集', budget: null })
    const elsewhere = await call(core, 'projects.create', {
      name: '宏达办公楼',
      ownerCustomerId: other.id,
      stage: '签约',
      budget: 200,
    })
    expect([hot.heat, warm.heat, cold.heat, elsewhere.heat]).toEqual([90, 70, 10, 10])

    const names = (out: ProjectListOutput) => out.rows.map((r) => r.name)
    expect((await list({ customerId: installer.id })).total).toBe(2)
    expect((await list({ customerId: owner.id })).total).toBe(3)
    expect(names(await list({ stages: ['投标', '中标'], sortBy: 'heat', sortOrder: 'desc' }))).toEqual([
      '门诊楼空调',
      '住院楼新风',
    ])
    expect(names(await list({ heatMin: 50, heatMax: 80 }))).toEqual(['住院楼新风'])
    expect(names(await list({ quick: '大金' }))).toEqual(['住院楼新风'])
    expect(names(await list({ quick: '宏达' }))).toEqual(['宏达办公楼'])
    // Empty budgets last whichever way.
    expect(names(await list({ sortBy: 'budget', sortOrder: 'asc' }))).toEqual([
      '住院楼新风',
      '宏达办公楼',
      '门诊楼空调',
      '职工食堂',
    ])
    expect(names(await list({ sortBy: 'budget', sortOrder: 'desc', startRow: 1, endRow: 3 }))).toEqual([
      '宏达办公楼',
      '住院楼新风',
    ])
    const sortError = await expectError(core, 'projects.list', { sortBy: 'name; DROP TABLE project' })
    expect(sortError.message).toContain('不支持按此列排序')
    const range = await expectError(core, 'projects.list', { heatMin: 70, heatMax: 30 })
    expect(range.message).toContain('最高成交热度不能小于最低成交热度')

    // A 甲方 in the 回收站 takes its projects out of the list of all projects, not off its own page.
    await call(core, 'customers.delete', { ids: [other.id] })
    expect(names(await list({ sortBy: 'name', sortOrder: 'asc' }))).not.toContain('宏达办公楼')
    expect((await list({ customerId: other.id })).total).toBe(1)
  })

  it('goes with the 甲方 when it is purged, and loses the 乙方 (and its heat) when that is purged', async () => {
    const a = await call(core, 'projects.create', {
      name: 'A',
      ownerCustomerId: owner.id,
      contractorCustomerId: installer.id,
    })
    await call(core, 'projects.create', { name: 'B', ownerCustomerId: installer.id })
    await assess(installer.id, 'III')
    await call(core, 'projects.update', {
      id: a.id,
      tenderFacts: ['ourProductInTender', 'installerUsesOurProductInBid'],
    })
    expect((await storedHeat(a.id)).heat).toBe(70)
    await call(core, 'customers.delete', { ids: [owner.id, installer.id] })
    await call(core, 'customers.purge', { ids: [installer.id] })
    const rows = await core.store.manager.query(`SELECT id, contractor_customer_id, heat FROM project`)
    // Without its 乙方 the project no longer reaches 70% by the 乙方's level.
    expect(rows).toEqual([{ id: a.id, contractor_customer_id: null, heat: 10 }])
    await call(core, 'customers.purge', { ids: [owner.id] })
    expect(await core.store.manager.query(`SELECT id FROM project`)).toEqual([])
  })

  it('recomputes the heat of projects moved by a customer merge from the survivor’s level', async () => {
    await assess(installer.id, 'III')
    const project = await call(core, 'projects.create', {
      name: '门诊楼',
      ownerCustomerId: owner.id,
      contractorCustomerId: installer.id,
      tenderFacts: ['ourProductInTender', 'installerUsesOurProductInBid'],
    })
    expect(project.heat).toBe(70)
    // The 乙方 turns out to be a duplicate of `other` (unassessed), which survives.
    await call(core, 'customers.merge', { survivorId: other.id, mergedIds: [installer.id], fields: {} })
    expect(await call(core, 'projects.get', { id: project.id })).toMatchObject({
      contractorCustomerId: other.id,
      contractorLevel: null,
      heat: 10,
    })
  })

  it('counts a 业务员 used by a project as in use', async () => {
    const staff = await addDictItem(core, 'staff', '赵业务')
    await call(core, 'projects.create', { name: 'A', ownerCustomerId: owner.id, staffId: staff })
    const refused = await expectError(core, 'dictionary.delete', { id: staff })
    expect(refused.code).toBe('IN_USE')
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChannelInput } from '../../../../src/shared/contract'
import type { Customer } from '../../../../src/shared/customer'
import { installerChecklist, projectOwnerChecklist } from '../../../../src/shared/grading/relationshipChecklists'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, expectError } from '../customers/customerTestKit'

let core: Awaited<ReturnType<typeof testCore>>
let customer: Customer

beforeEach(async () => {
  core = await testCore('relationship')
  customer = await createCustomer(core, { name: '广州人易科技有限公司' })
})
afterEach(async () => {
  await core.close()
})

const owner = (level: 'I' | 'II' | 'III' | 'IV') => projectOwnerChecklist.levels[level].map((c) => c.id)
const installer = (level: 'I' | 'II' | 'III' | 'IV') => installerChecklist.levels[level].map((c) => c.id)

const assess = (input: Omit<ChannelInput<'relationship.assess'>, 'customerId'>) =>
  call(core, 'relationship.assess', { customerId: customer.id, ...input })

async function storedLevel(id = customer.id): Promise<string | null> {
  const [row] = await core.store.manager.query(`SELECT relationship_level FROM customer WHERE id = ?`, [id])
  return row.relationship_level
}

async function snapshot() {
  const m = core.store.manager
  return {
    assessments: await m.query(`SELECT * FROM relationship_assessment ORDER BY id`),
    customers: await m.query(`SELECT * FROM customer ORDER BY id`),
    changes: await m.query(`SELECT * FROM customer_change ORDER BY id`),
  }
}

describe('relationship.assess', () => {
  it('suggests the level by the ladder and sets the customer level end to end', async () => {
    const a = await assess({ role: 'owner', ticked: [...owner('I'), ...owner('II')], note: '  关系不错  ' })
    expect(a).toMatchObject({ role: 'owner', suggestedLevel: 'II', chosenLevel: null, level: 'II', note: '关系不错' })
    expect(a.ticked).toEqual([...owner('I'), ...owner('II')])
    expect(a.assessedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(await storedLevel()).toBe('II')
    expect((await call(core, 'customers.get', { id: customer.id })).relationshipLevel).toBe('II')

    // One unticked criterion of level II drops the suggestion to I.
    const b = await assess({ role: 'owner', ticked: [...owner('I'), ...owner('II').slice(1)] })
    expect(b.suggestedLevel).toBe('I')
    expect(await storedLevel()).toBe('I')

    // A complete higher level above a gap does not count: III and IV without II → I.
    const c = await assess({ role: 'owner', ticked: [...owner('I'), ...owner('III'), ...owner('IV')] })
    expect(c.suggestedLevel).toBe('I')

    // Higher levels ticked without level I → null, and the customer's level is cleared.
    const d = await assess({ role: 'owner', ticked: [...owner('II'), ...owner('III')] })
    expect(d).toMatchObject({ suggestedLevel: null, level: null })
    expect(await storedLevel()).toBeNull()

    // All four levels of the 安装公司 list → IV.
    const e = await assess({
      role: 'installer',
      ticked: [...installer('I'), ...installer('II'), ...installer('III'), ...installer('IV')],
    })
    expect(e.suggestedLevel).toBe('IV')
    expect(await storedLevel()).toBe('IV')

    const changes = await call(core, 'customers.history', { id: customer.id })
    const levelChanges = changes.filter((ch) => ch.field === 'relationshipLevel')
    expect(levelChanges.map((ch) => [ch.oldValue, ch.newValue])).toEqual([
      [null, 'IV'],
      ['I', null],
      ['II', 'I'],
      [null, 'II'],
    ])
    expect(levelChanges[0]?.label).toBe('客情关系等级')
  })

  it('takes the override, and writes no history row when the level stays', async () => {
    const a = await assess({ role: 'owner', ticked: owner('I'), chosenLevel: 'III' })
    expect(a).toMatchObject({ suggestedLevel: 'I', chosenLevel: 'III', level: 'III' })
    expect(await storedLevel()).toBe('III')
    const before = (await snapshot()).changes.length
    const b = await assess({ role: 'owner', ticked: owner('I'), chosenLevel: 'III', note: '复核' })
    expect(b.level).toBe('III')
    expect((await snapshot()).changes.length).toBe(before)
    // null takes the suggestion again.
    const c = await assess({ role: 'owner', ticked: owner('I'), chosenLevel: null })
    expect(c).toMatchObject({ chosenLevel: null, level: 'I' })
    expect(await storedLevel()).toBe('I')
  })

  it('lets role 其他 set the level by hand only', async () => {
    const a = await assess({ role: 'other', ticked: [], chosenLevel: 'II' })
    expect(a).toMatchObject({ role: 'other', suggestedLevel: null, chosenLevel: 'II', level: 'II' })
    expect(await storedLevel()).toBe('II')
    const before = await snapshot()
    const noLevel = await expectError(core, 'relationship.assess', {
      customerId: customer.id,
      role: 'other',
      ticked: [],
    })
    expect(noLevel.code).toBe('VALIDATION')
    expect(noLevel.fields?.chosenLevel).toBeTruthy()
    const ticked = await expectError(core, 'relationship.assess', {
      customerId: customer.id,
      role: 'other',
      ticked: owner('I'),
      chosenLevel: 'I',
    })
    expect(ticked.code).toBe('VALIDATION')
    expect(await snapshot()).toEqual(before)
  })

  it('refuses unknown ids, ids of the other checklist and bad levels, changing nothing', async () => {
    await assess({ role: 'owner', ticked: owner('I') })
    const before = await snapshot()
    for (const input of [
      { role: 'owner', ticked: [...owner('I'), 'owner.I.99'] },
      { role: 'owner', ticked: installer('I') },
      { role: 'installer', ticked: owner('I') },
      { role: 'owner', ticked: [owner('I')[0], owner('I')[0]] },
      { role: 'owner', ticked: [], chosenLevel: 'V' },
      { role: 'boss', ticked: [] },
      { role: 'owner', ticked: [], extra: 1 },
    ]) {
      const error = await expectError(core, 'relationship.assess', { customerId: customer.id, ...input })
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION')
    }
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a customer in the 回收站 or one that does not exist', async () => {
    await call(core, 'customers.delete', { ids: [customer.id] })
    const before = await snapshot()
    const error = await expectError(core, 'relationship.assess', {
      customerId: customer.id,
      role: 'owner',
      ticked: owner('I'),
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('回收站')
    expect(await snapshot()).toEqual(before)
    const missing = await expectError(core, 'relationship.assess', { customerId: 9999, role: 'owner', ticked: [] })
    expect(missing.code).toBe('NOT_FOUND')
  })
})

describe('relationship.history', () => {
  it('lists the assessments of one customer newest first, and they go with the customer', async () => {
    const other = await createCustomer(core, { name: '深圳乙方贸易有限公司' })
    await assess({ role: 'owner', ticked: owner('I'), note: '第一次' })
    await call(core, 'relationship.assess', { customerId: other.id, role: 'other', ticked: [], chosenLevel: 'IV' })
    await assess({ role: 'owner', ticked: [...owner('I'), ...owner('II')], note: '第二次' })
    // Same second: the later one still comes first.
    await core.store.manager.query(`UPDATE relationship_assessment SET assessed_at = '2026-03-01 10:00:00'`)
    await assess({ role: 'installer', ticked: [], note: '第三次' })
    await core.store.manager.query(
      `UPDATE relationship_assessment SET assessed_at = '2026-03-02 09:00:00' WHERE note = '第三次'`,
    )

    const history = await call(core, 'relationship.history', { customerId: customer.id })
    expect(history.map((a) => a.note)).toEqual(['第三次', '第二次', '第一次'])
    expect(history.map((a) => a.level)).toEqual([null, 'II', 'I'])
    expect(await call(core, 'relationship.history', { customerId: other.id })).toHaveLength(1)

    await call(core, 'customers.delete', { ids: [customer.id] })
    // A customer in the 回收站 still shows its history.
    expect(await call(core, 'relationship.history', { customerId: customer.id })).toHaveLength(3)
    await call(core, 'customers.purge', { ids: [customer.id] })
    const [{ n }] = await core.store.manager.query(
      `SELECT COUNT(*) AS n FROM relationship_assessment WHERE customer_id = ?`,
      [customer.id],
    )
    expect(n).toBe(0)
    expect((await expectError(core, 'relationship.history', { customerId: customer.id })).code).toBe('NOT_FOUND')
  })
})

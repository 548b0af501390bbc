import { afterEach, describe, expect, it } from 'vitest'
import { derivedColumns } from '../../../../src/main/core/customers/customerDerived'
import { generateDemoData } from '../../../../src/main/core/demo/generateDemoData'
import { isValidCreditCode } from '../../../../src/shared/creditCode'
import { saleAmount } from '../../../../src/shared/sale'
import { customerDictFields, type Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, expectError, tableCounts } from '../customers/customerTestKit'

type TestCore = Awaited<ReturnType<typeof testCore>>
const opened: TestCore[] = []
async function open(prefix: string): Promise<TestCore> {
  const core = await testCore(prefix)
  opened.push(core)
  return core
}
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close()
})

const query = (core: TestCore, sql: string, params: unknown[] = []) =>
  core.store.manager.query(sql, params) as Promise<Record<string, unknown>[]>

describe('generateDemoData', () => {
  it('writes customers every channel accepts, with codes, derived columns and credit codes the app agrees with', async () => {
    const core = await open('demo')
    const before = await createCustomer(core, { name: '先登记的客户有限公司' })
    const counts = await generateDemoData(core.store, { customers: 300, seed: 7 })

    expect(counts.customers).toBe(300)
    const [row] = await query(
      core,
      `SELECT (SELECT COUNT(*) FROM customer) AS customers, (SELECT COUNT(*) FROM contact) AS contacts,
              (SELECT COUNT(*) FROM contact_date) AS dates, (SELECT COUNT(*) FROM customer_group_member) AS members,
              (SELECT COUNT(*) FROM customer WHERE kind = 'individual') AS individuals`,
    )
    expect(row).toMatchObject({
      customers: 301,
      contacts: counts.contacts,
      dates: counts.importantDates,
      members: counts.groupMembers,
    })
    expect(Number(row?.individuals)).toBeGreaterThan(15)
    expect(Number(row?.individuals)).toBeLessThan(90)

    const ids = (await query(core, `SELECT id FROM customer ORDER BY id`)).map((r) => Number(r.id))
    const customers: Customer[] = []
    for (const id of ids) customers.push(await call(core, 'customers.get', { id }))

    const generated = customers.filter((c) => c.id !== before.id)
    for (const customer of generated) {
      if (customer.kind === 'enterprise') expect(customer.contacts.length).toBeGreaterThanOrEqual(1)
      expect(customer.provinceCode).not.toBeNull()
    }
    expect(generated.filter((c) => c.ownerStaffId !== null).length).toBeGreaterThan(250)
    expect(generated.some((c) => c.contacts.some((t) => t.birthday?.calendar === 'lunar'))).toBe(true)
    expect(generated.some((c) => c.contacts.some((t) => t.importantDates.length > 0))).toBe(true)

    // Codes: unique, continuing the counter, and the next create gets a fresh one.
    const codes = new Set(customers.map((c) => c.code))
    expect(codes.size).toBe(customers.length)
    for (const code of codes) expect(code).toMatch(/^KH-\d{4}-\d{5}$/)
    const next = await createCustomer(core, { name: '后登记的客户有限公司' })
    expect(codes.has(next.code)).toBe(false)
    const year = next.code.slice(3, 7)
    const sameYear = [...codes].filter((c) => c.slice(3, 7) === year).map((c) => Number(c.slice(8)))
    expect(Number(next.code.slice(8))).toBe(Math.max(...sameYear) + 1)

    // Derived columns are exactly what the app computes from the card.
    const stored = await query(
      core,
      `SELECT id, name_norm, pinyin, pinyin_initials, phone_norm, email_norm, contact_names, search_text, completeness FROM customer`,
    )
    const byId = new Map(stored.map((r) => [Number(r.id), r]))
    for (const customer of generated) {
      const derived = derivedColumns(customer, customer.contacts)
      expect(byId.get(customer.id)).toEqual({
        id: customer.id,
        name_norm: derived.nameNorm,
        pinyin: derived.pinyin,
        pinyin_initials: derived.pinyinInitials,
        phone_norm: derived.phoneNorm,
        email_norm: derived.emailNorm,
        contact_names: derived.contactNames,
        search_text: derived.searchText,
        completeness: derived.completeness,
      })
      expect(customer.completeness.percent).toBe(derived.completeness)
    }

    // The quick search finds a generated customer by its 拼音首字母.
    const target = generated.find((c) => c.kind === 'enterprise') as Customer
    const page = await call(core, 'customers.list', {
      startRow: 0,
      endRow: 500,
      quick: target.pinyinInitials,
    })
    expect(page.rows.map((r) => r.id)).toContain(target.id)

    // 统一社会信用代码: valid check character, unique.
    const creditCodes = generated.map((c) => c.creditCode).filter((c): c is string => c !== null)
    expect(creditCodes.length).toBeGreaterThan(100)
    for (const code of creditCodes) expect(isValidCreditCode(code)).toBe(true)
    expect(new Set(creditCodes).size).toBe(creditCodes.length)

    // Every coded field points at an item of its own dictionary; 所属区域 follows the province.
    for (const [field, category] of Object.entries(customerDictFields)) {
      const column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
      const [wrong] = await query(
        core,
        `SELECT COUNT(*) AS n FROM customer c LEFT JOIN dict_item d ON d.id = c.${column}
         WHERE c.${column} IS NOT NULL AND (d.id IS NULL OR d.category <> ?)`,
        [category],
      )
      expect(Number(wrong?.n), field).toBe(0)
    }
    const [regionMismatch] = await query(
      core,
      `SELECT COUNT(*) AS n FROM customer c JOIN province_region p ON p.province_code = c.province_code
       WHERE c.region_id IS NOT p.region_id`,
    )
    expect(Number(regionMismatch?.n)).toBe(0)
    const staff = await query(core, `SELECT label FROM dict_item WHERE category = 'staff'`)
    expect(staff.map((s) => s.label)).toContain('张伟')
    const products = await query(core, `SELECT group_name FROM dict_item WHERE category = 'product'`)
    expect(products.length).toBeGreaterThanOrEqual(2)
    for (const product of products) expect(product.group_name).toBeTruthy()

    const history = await call(core, 'customers.history', { id: target.id })
    expect(history.map((h) => h.field)).toEqual(['created'])
  })

  it('gives the same data for the same seed', async () => {
    const tables = async (core: TestCore) => ({
      customers: await query(core, `SELECT * FROM customer ORDER BY id`),
      contacts: await query(core, `SELECT * FROM contact ORDER BY id`),
      dates: await query(core, `SELECT * FROM contact_date ORDER BY id`),
      members: await query(core, `SELECT * FROM customer_group_member ORDER BY customer_id, group_id`),
    })
    const [a, b, c] = [await open('demo-a'), await open('demo-b'), await open('demo-c')]
    await generateDemoData(a.store, { customers: 120, seed: 42, today: '2026-03-01' })
    await generateDemoData(b.store, { customers: 120, seed: 42, today: '2026-03-01' })
    await generateDemoData(c.store, { customers: 120, seed: 43, today: '2026-03-01' })
    const [first, second, other] = [await tables(a), await tables(b), await tables(c)]
    expect(second).toEqual(first)
    expect(other.customers.map((r) => r.name)).not.toEqual(first.customers.map((r) => r.name))
    const registered = first.customers.map((r) => String(r.registered_at))
    expect(registered.every((d) => d >= '2023-03-02' && d <= '2026-03-01')).toBe(true)
    expect([...registered].sort()).toEqual(registered)
  })
})

describe('generateDemoData: 交易记录 and 交往记录', () => {
  it('fills sales and interactions whose customer statistics equal a fresh aggregate', async () => {
    const core = await open('demo-activity')
    const today = '2026-03-01'
    const counts = await generateDemoData(core.store, {
      customers: 200,
      seed: 5,
      today,
      transactions: 2000,
      interactions: 700,
    })
    expect(counts).toMatchObject({ customers: 200, sales: 2000, interactions: 700 })

    // Stored statistics equal the aggregate over the rows.
    const mismatched = await query(
      core,
      `SELECT c.id FROM customer c
       LEFT JOIN (SELECT customer_id, COUNT(*) AS n, ROUND(TOTAL(amount), 2) AS total, MIN(date) AS first, MAX(date) AS last
                  FROM sale GROUP BY customer_id) s ON s.customer_id = c.id
       LEFT JOIN (SELECT customer_id, substr(MAX(occurred_at), 1, 10) AS last FROM interaction GROUP BY customer_id) i
              ON i.customer_id = c.id
       WHERE c.transaction_count <> COALESCE(s.n, 0) OR c.transaction_amount <> COALESCE(s.total, 0)
          OR c.first_transaction_at IS NOT s.first OR c.last_transaction_at IS NOT s.last
          OR c.last_contact_at IS NOT i.last`,
    )
    expect(mismatched).toEqual([])

    const sales = await query(
      core,
      `SELECT s.*, c.registered_at, d.category FROM sale s JOIN customer c ON c.id = s.customer_id
       LEFT JOIN dict_item d ON d.id = s.product_id`,
    )
    expect(sales).toHaveLength(2000)
    for (const sale of sales) {
      expect(sale.category).toBe('product')
      expect(Number(sale.quantity)).toBeGreaterThan(0)
      expect(Number(sale.unit_price)).toBeGreaterThan(0)
      expect(sale.amount).toBe(saleAmount(Number(sale.quantity), Number(sale.unit_price)))
      expect(String(sale.date) >= String(sale.registered_at) && String(sale.date) <= today).toBe(true)
    }

    // An uneven spread: many customers never buy, a few buy a lot.
    const perCustomer = (await query(core, `SELECT transaction_amount AS amount FROM customer`)).map((r) =>
      Number(r.amount),
    )
    const never = perCustomer.filter((a) => a === 0).length
    expect(never).toBeGreaterThan(40)
    expect(never).toBeLessThan(90)
    const sorted = [...perCustomer].sort((a, b) => b - a)
    const top = sorted.slice(0, 40).reduce((a, b) => a + b, 0)
    expect(top / sorted.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.5)

    const interactions = await query(
      core,
      `SELECT i.*, c.registered_at, c.owner_staff_id, t.category AS type_category, k.customer_id AS contact_customer
       FROM interaction i JOIN customer c ON c.id = i.customer_id JOIN dict_item t ON t.id = i.type_id
       LEFT JOIN contact k ON k.id = i.contact_id`,
    )
    expect(interactions).toHaveLength(700)
    const perInteractionCustomer = new Map<number, number>()
    for (const row of interactions) {
      expect(row.type_category).toBe('interactionType')
      expect(row.subject).toBeTruthy()
      expect(String(row.occurred_at)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
      expect(String(row.occurred_at).slice(0, 10) >= String(row.registered_at)).toBe(true)
      expect(String(row.occurred_at).slice(0, 10) <= today).toBe(true)
      if (row.contact_id !== null) expect(row.contact_customer).toBe(row.customer_id)
      const customerId = Number(row.customer_id)
      perInteractionCustomer.set(customerId, (perInteractionCustomer.get(customerId) ?? 0) + 1)
    }
    expect(perInteractionCustomer.size).toBe(200)
    for (const n of perInteractionCustomer.values()) expect(n).toBeGreaterThanOrEqual(2)
    const byOwner = interactions.filter((r) => r.staff_id !== null && r.staff_id === r.owner_staff_id).length
    expect(byOwner / interactions.length).toBeGreaterThan(0.6)
    const followUps = interactions.map((r) => r.next_follow_up).filter((d): d is string => typeof d === 'string')
    expect(followUps.some((d) => d < today)).toBe(true)
    expect(followUps.some((d) => d > today)).toBe(true)

    // The app's own reads agree.
    const target = Number(sales[0]?.customer_id)
    const list = await call(core, 'sales.list', {
      startRow: 0,
      endRow: 10,
      customerId: target,
    })
    const [stored] = await query(core, `SELECT transaction_count, transaction_amount FROM customer WHERE id = ?`, [
      target,
    ])
    expect(list.total).toBe(Number(stored?.transaction_count))
    expect(list.totalAmount).toBeCloseTo(Number(stored?.transaction_amount), 2)
  })

  it('gives the same sales and interactions for the same seed, and about 10 and 5 per customer by default', async () => {
    const rows = async (core: TestCore) => ({
      sales: await query(core, `SELECT * FROM sale ORDER BY id`),
      interactions: await query(core, `SELECT * FROM interaction ORDER BY id`),
      stats: await query(
        core,
        `SELECT id, transaction_count, transaction_amount, first_transaction_at, last_transaction_at, last_contact_at
         FROM customer ORDER BY id`,
      ),
    })
    const [a, b] = [await open('demo-act-a'), await open('demo-act-b')]
    const first = await generateDemoData(a.store, { customers: 60, seed: 9, today: '2026-03-01' })
    await generateDemoData(b.store, { customers: 60, seed: 9, today: '2026-03-01' })
    expect(first).toMatchObject({ sales: 600, interactions: 300 })
    expect(await rows(b)).toEqual(await rows(a))
  })
})

describe('demo.load and app.firstRun', () => {
  it('offers demo data on an empty database only', async () => {
    const core = await open('demo-load')
    expect(await call(core, 'app.firstRun', {})).toEqual({ isEmpty: true, decided: false })

    expect(await call(core, 'demo.load', { customers: 40 })).toEqual({ customers: 40 })
    expect(await call(core, 'app.firstRun', {})).toEqual({ isEmpty: false, decided: false })

    const counts = await tableCounts(core)
    const refused = await expectError(core, 'demo.load', {})
    expect(refused).toMatchObject({ code: 'CONFLICT', message: '已有客户资料，不能载入演示数据' })
    expect(await tableCounts(core)).toEqual(counts)

    expect((await expectError(core, 'demo.load', { customers: 0 })).code).toBe('VALIDATION')
    expect((await expectError(core, 'demo.load', { customers: 2001 })).code).toBe('VALIDATION')

    expect(await call(core, 'app.setFirstRunDecided', {})).toEqual({})
    expect(await call(core, 'app.firstRun', {})).toEqual({ isEmpty: false, decided: true })
  })

  it('loads 200 customers by default and remembers the decision', async () => {
    const core = await open('demo-default')
    await call(core, 'app.setFirstRunDecided', {})
    expect(await call(core, 'app.firstRun', {})).toEqual({ isEmpty: true, decided: true })
    expect(await call(core, 'demo.load', {})).toEqual({ customers: 200 })
    const [row] = await query(
      core,
      `SELECT (SELECT COUNT(*) FROM sale) AS sales, (SELECT COUNT(*) FROM interaction) AS interactions`,
    )
    expect(row).toEqual({ sales: 2000, interactions: 1000 })
  })
})

describe('prefs', () => {
  const settings = (core: TestCore) => query(core, `SELECT key, value FROM app_setting ORDER BY key`)

  it('stores any JSON value under a key and reads it back', async () => {
    const core = await open('prefs')
    expect(await call(core, 'prefs.get', { key: 'customers.columns' })).toEqual({ value: null })
    const value = { columns: [{ colId: 'name', width: 240, hide: false }], sort: 'pinyin', note: '中文' }
    expect(await call(core, 'prefs.set', { key: 'customers.columns', value })).toEqual({})
    expect(await call(core, 'prefs.get', { key: 'customers.columns' })).toEqual({ value })
    await call(core, 'prefs.set', { key: 'customers.columns', value: [1, 2, 3] })
    expect(await call(core, 'prefs.get', { key: 'customers.columns' })).toEqual({ value: [1, 2, 3] })
    await call(core, 'prefs.set', { key: 'x', value: false })
    expect(await call(core, 'prefs.get', { key: 'x' })).toEqual({ value: false })
    expect(await settings(core)).toEqual([
      { key: 'pref.customers.columns', value: '[1,2,3]' },
      { key: 'pref.x', value: 'false' },
    ])
  })

  it('refuses bad keys and oversized or missing values, changing nothing', async () => {
    const core = await open('prefs-bad')
    await call(core, 'prefs.set', { key: 'kept', value: 1 })
    const before = await settings(core)
    for (const key of ['', 'Bad', '1abc', 'a-b', 'a b', '名称', `a${'b'.repeat(64)}`]) {
      const error = await expectError(core, 'prefs.set', { key, value: 1 })
      expect(error.code, key).toBe('VALIDATION')
      expect(error.message).toMatch(/设置项名称/)
      expect((await expectError(core, 'prefs.get', { key })).code).toBe('VALIDATION')
    }
    expect((await expectError(core, 'prefs.set', { key: 'big', value: 'x'.repeat(200_000) })).message).toMatch(
      /设置值过大/,
    )
    expect((await expectError(core, 'prefs.set', { key: 'missing' })).message).toMatch(/设置值无法保存/)
    expect((await expectError(core, 'prefs.set', { key: 'extra', value: 1, other: 2 })).code).toBe('VALIDATION')
    expect(await settings(core)).toEqual(before)
    // The longest allowed key and a value just under the limit are fine.
    await call(core, 'prefs.set', { key: `a${'b'.repeat(63)}`, value: 'x'.repeat(199_990) })
  })
})

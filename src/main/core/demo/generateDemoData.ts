import { CustomerCodes } from '../customers/customerCodes'
import { creditCodeCheckChar } from '../../../shared/creditCode'
import {
  customerDictFields,
  dealStatuses,
  demandStatuses,
  relationshipLevels,
  valueClasses,
  type CustomerDictField,
  type CustomerValues,
} from '../../../shared/customer'
import { decisionRoles } from '../../../shared/contact'
import type { DictionaryCategory } from '../../../shared/dictionary'
import { normalizePhone } from '../../../shared/phone'
import { citiesOf, districtsOf, provinces, type Division } from '../../../shared/regions'
import { derivedColumns, type ContactSummary } from '../customers/customerDerived'
import { recomputeLastContact, recomputeSaleStats } from '../activity/customerStats'
import { ensureGroups } from '../customers/groupQueries'
import { localToday } from '../common/localTime'
import { namePinyin } from '../customers/namePinyin'
import {
  ContactDateEntity,
  ContactEntity,
  CustomerEntity,
  CustomerGroupMemberEntity,
  type ContactDateRow,
  type ContactRow,
  type CustomerRow,
} from '../db/customerEntities'
import { InteractionEntity, SaleEntity, type InteractionRow, type SaleRow } from '../db/activityEntities'
import { bulkInsert } from '../db/bulkInsert'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import { writeDemoAssessments } from './demoAssessments'
import { findByLabel, insertItem, nextSortOrder } from '../dictionary/dictionaryQueries'
import type { Store } from '../store'
import { makeInteractions, makeSales, planActivity } from './demoActivity'
import { writeDemoProjects } from './demoProjects'
import { writeDemoContracts } from './demoContracts'
import * as words from './demoWords'
import { SeededRandom } from './seededRandom'
import { addDays } from '../../../shared/dateMath'

// Other writers of many rows import it from here too.
export { bulkInsert }

export interface DemoOptions {
  customers: number
  seed?: number
  /** `YYYY-MM-DD`; registrations fall in the three years before it. Defaults to today. */
  today?: string
  /** 交易记录 in all, spread unevenly over the customers (about 30% get none). Defaults to 10 per customer. */
  transactions?: number
  /** 交往记录 in all (at least 2 per customer when there are enough). Defaults to 5 per customer. */
  interactions?: number
  onProgress?: (done: number, total: number) => void
  /** Told when a step ends, with its time in milliseconds. */
  onStep?: (step: 'rows' | 'statistics', milliseconds: number) => void
}

export interface DemoCounts {
  customers: number
  contacts: number
  importantDates: number
  groupMembers: number
  sales: number
  interactions: number
  projects: number
  competitors: number
  feedback: number
  contracts: number
  instalments: number
  payments: number
}

/** Customer ids per call of the shared statistics recompute. */
const statsChunkSize = 5000

/** Customers generated and written per round (each table's INSERT is split further to fit SQLite's variable limit). */
const chunkSize = 500

/** Fills the database with realistic demo customers in one transaction. */
export function generateDemoData(store: Store, options: DemoOptions): Promise<DemoCounts> {
  return store.write((db) => writeDemoData(db, options))
}

export async function hasCustomers(db: SqlReader): Promise<boolean> {
  const row = await db.first<{ found: number }>(`SELECT EXISTS (SELECT 1 FROM customer) AS found`)
  return row?.found === 1
}

/**
 * The work of generateDemoData inside the caller's transaction. Codes continue
 * the app's 客户编号 counter, ids continue the tables' sequences, and the stored
 * derived columns come from the same derivedColumns() as every other write.
 */
export async function writeDemoData(db: SqlWriter, options: DemoOptions): Promise<DemoCounts> {
  const started = performance.now()
  const random = new SeededRandom(options.seed ?? 1)
  // Sales and interactions draw from their own sequence, so the customers are the same with or without them.
  const activityRandom = new SeededRandom(((options.seed ?? 1) ^ 0x5a1e5) >>> 0)
  const today = options.today ?? localToday()
  const context = await loadContext(db, random)
  const dates = registrationDates(random, options.customers, today)
  // Per registration year, after both the counter and any code in use; the counters are moved past them.
  const counter = new CustomerCodes(db)
  await counter.load(dates)
  const codes = dates.map((date) => counter.next(date))
  await counter.save()
  const plan = planActivity(activityRandom, {
    registered: dates,
    today,
    sales: options.transactions ?? options.customers * 10,
    interactions: options.interactions ?? options.customers * 5,
    products: context.dict.get('product') ?? [],
    interactionTypes: context.dict.get('interactionType') ?? [],
  })
  const staffIds = context.staff.map((s) => s.id)
  const ids = {
    customer: await lastId(db, 'customer'),
    contact: await lastId(db, 'contact'),
    date: await lastId(db, 'contact_date'),
    sale: await lastId(db, 'sale'),
    interaction: await lastId(db, 'interaction'),
  }
  const firstCustomerId = ids.customer + 1
  const counts: DemoCounts = {
    customers: 0,
    contacts: 0,
    importantDates: 0,
    groupMembers: 0,
    sales: 0,
    interactions: 0,
    projects: 0,
    competitors: 0,
    feedback: 0,
    contracts: 0,
    instalments: 0,
    payments: 0,
  }
  // Generating a chunk overlaps with writing the previous one: SQLite works on its
  // own thread while this one builds rows, yielding now and then so the writes go on.
  let writing: Promise<void> = Promise.resolve()
  for (let start = 0; start < dates.length; start += chunkSize) {
    const chunk: Chunk = { customers: [], contacts: [], dates: [], members: [], sales: [], interactions: [] }
    for (let i = start; i < Math.min(start + chunkSize, dates.length); i++) {
      if (i % 25 === 0) await yieldToWrites()
      const made = makeCustomer(random, context, dates[i] as string, codes[i] as string, ++ids.customer)
      chunk.customers.push(made.customer)
      const contactIds: number[] = []
      for (const [order, contact] of made.contacts.entries()) {
        const contactId = ++ids.contact
        contactIds.push(contactId)
        chunk.contacts.push({ ...contact.row, id: contactId, customerId: made.customer.id, sortOrder: order })
        for (const [dateOrder, date] of contact.dates.entries()) {
          chunk.dates.push({ ...date, id: ++ids.date, contactId, sortOrder: dateOrder })
        }
      }
      for (const groupId of made.groupIds) chunk.members.push({ customerId: made.customer.id, groupId })
      for (const sale of makeSales(activityRandom, plan, i, made.customer.id)) {
        chunk.sales.push({ id: ++ids.sale, ...sale })
      }
      for (const interaction of makeInteractions(activityRandom, plan, i, made.customer, contactIds, staffIds)) {
        chunk.interactions.push({ id: ++ids.interaction, ...interaction })
      }
    }
    await writing
    writing = writeChunk(db, chunk).then(() => {
      counts.customers += chunk.customers.length
      counts.contacts += chunk.contacts.length
      counts.importantDates += chunk.dates.length
      counts.groupMembers += chunk.members.length
      counts.sales += chunk.sales.length
      counts.interactions += chunk.interactions.length
      options.onProgress?.(counts.customers, dates.length)
    })
    // Awaited above on the next round (or below); this only keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => undefined)
  }
  await writing
  // The same 新建客户 line customers.create writes, so each card's history starts with it.
  await db.run(
    `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value)
     SELECT id, created_at, 'created', '新建客户', NULL, code FROM customer WHERE id >= ? ORDER BY id`,
    [firstCustomerId],
  )
  options.onStep?.('rows', performance.now() - started)
  // 交易次数/金额/首末次交易 and 最近联系 by the one shared definition, a few thousand customers per statement.
  const statsStarted = performance.now()
  for (let start = firstCustomerId; start <= ids.customer; start += statsChunkSize) {
    const chunkIds: number[] = []
    for (let id = start; id < Math.min(start + statsChunkSize, ids.customer + 1); id++) chunkIds.push(id)
    await recomputeSaleStats(db, chunkIds)
    await recomputeLastContact(db, chunkIds)
  }
  options.onStep?.('statistics', performance.now() - statsStarted)
  // The 客情评估 behind each 客情关系等级, so the customer page's history agrees with the level.
  await writeDemoAssessments(db, firstCustomerId, ids.customer)
  // 项目, 竞争对手 and 客户意见 from their own sequence too, after the 客情 levels they depend on are written.
  const projectCounts = await writeDemoProjects(db, new SeededRandom(((options.seed ?? 1) ^ 0x9e0c7) >>> 0), {
    firstId: firstCustomerId,
    lastId: ids.customer,
    today,
    staffIds,
    productIds: (context.dict.get('product') ?? []).map((p) => p.id),
  })
  // 合同, 回款计划 and 回款记录 from a sequence of their own, so everything before stays as it was.
  const contractCounts = await writeDemoContracts(db, new SeededRandom(((options.seed ?? 1) ^ 0xc0417) >>> 0), {
    firstId: firstCustomerId,
    lastId: ids.customer,
    today,
  })
  return { ...counts, ...projectCounts, ...contractCounts }
}

interface Chunk {
  customers: CustomerRow[]
  contacts: ContactRow[]
  dates: ContactDateRow[]
  members: { customerId: number; groupId: number }[]
  sales: SaleRow[]
  interactions: InteractionRow[]
}

async function writeChunk(db: SqlWriter, chunk: Chunk): Promise<void> {
  await bulkInsert(db.manager, CustomerEntity, chunk.customers)
  await bulkInsert(db.manager, ContactEntity, chunk.contacts)
  await bulkInsert(db.manager, ContactDateEntity, chunk.dates)
  await bulkInsert(db.manager, CustomerGroupMemberEntity, chunk.members)
  await bulkInsert(db.manager, SaleEntity, chunk.sales)
  await bulkInsert(db.manager, InteractionEntity, chunk.interactions)
}

function yieldToWrites(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

interface Place {
  province: Division
  city: Division
  district: Division | null
  areaCode: string
  postal: string
}

interface Context {
  dict: Map<DictionaryCategory, { id: number; label: string }[]>
  regionOfProvince: Map<string, number | null>
  groupIds: number[]
  staff: { id: number; label: string }[]
  places: { items: Place[][]; cumulative: number[] }
  usedNames: Set<string>
  usedCreditCodes: Set<string>
  /** Pinyin of trade and person names for e-mail addresses; few distinct names, so cached. */
  loginNames: Map<string, string>
  /** Contacts' names repeat (a few hundred surnames and given names), and pinyin-pro is most of a contact's cost. */
  contactPinyin: Map<string, { pinyin: string; initials: string }>
}

async function loadContext(db: SqlWriter, random: SeededRandom): Promise<Context> {
  await ensureItems(
    db,
    'staff',
    words.staffNames.map((name) => [name, null]),
  )
  await ensureItems(db, 'product', words.demoProducts)
  await ensureItems(
    db,
    'interactionType',
    Object.keys(words.interactionKinds).map((label) => [label, null]),
  )
  const rows = await db.all<{ id: number; category: DictionaryCategory; label: string }>(
    `SELECT id, category, label FROM dict_item WHERE enabled = 1 ORDER BY category, sort_order, id`,
  )
  const dict = new Map<DictionaryCategory, { id: number; label: string }[]>()
  for (const row of rows) {
    const list = dict.get(row.category) ?? []
    list.push({ id: row.id, label: row.label })
    dict.set(row.category, list)
  }
  const regions = await db.all<{ province_code: string; region_id: number | null }>(
    `SELECT province_code, region_id FROM province_region`,
  )
  const credit = await db.all<{ credit_code: string }>(`SELECT credit_code FROM customer WHERE credit_code IS NOT NULL`)
  const names = await db.all<{ name: string }>(`SELECT name FROM customer`)
  // A few groups only: staff, not the generator, decide what most customers are grouped by.
  const groupIds = await ensureGroups(db, words.demoGroups.slice(0, random.int(3, words.demoGroups.length)))
  return {
    dict,
    regionOfProvince: new Map(regions.map((r) => [r.province_code, r.region_id])),
    groupIds,
    staff: dict.get('staff') ?? [],
    places: buildPlaces(),
    usedNames: new Set(names.map((n) => n.name)),
    usedCreditCodes: new Set(credit.map((c) => c.credit_code)),
    loginNames: new Map(),
    contactPinyin: new Map(),
  }
}

/** Adds the items when the category has no enabled item at all (a user's own list is left alone). */
async function ensureItems(
  db: SqlWriter,
  category: DictionaryCategory,
  items: [label: string, groupName: string | null][],
): Promise<void> {
  const row = await db.first<{ n: number }>(`SELECT COUNT(*) AS n FROM dict_item WHERE category = ? AND enabled = 1`, [
    category,
  ])
  if ((row?.n ?? 0) > 0) return
  for (const [label, groupName] of items) {
    const existing = await findByLabel(db, category, label)
    if (existing) {
      await db.run(`UPDATE dict_item SET enabled = 1 WHERE id = ?`, [existing.id])
      continue
    }
    const sortOrder = await nextSortOrder(db, category)
    await insertItem(db, { category, label, sortOrder, enabled: true, cycleDays: null, groupName })
  }
}

/** Every city with its districts, weighted by its province's business and capitals first. */
function buildPlaces(): { items: Place[][]; cumulative: number[] } {
  const result: { items: Place[][]; cumulative: number[] } = { items: [], cumulative: [] }
  let total = 0
  for (const province of provinces) {
    const info = words.provinceInfo[province.code.slice(0, 2)]
    if (!info) continue
    const cities = citiesOf(province.code)
    for (const [index, city] of cities.entries()) {
      const districts = districtsOf(city.code).filter((d) => !d.code.endsWith('00'))
      const areaCode = words.cityAreaCodes[city.name.replace(/市$/, '')] ?? info.areaCode
      const places = (districts.length > 0 ? districts : [null]).map((district) => ({
        province,
        city,
        district,
        areaCode,
        postal: info.postal,
      }))
      const weight = (info.weight / cities.length) * (index === 0 || areaCode !== info.areaCode ? 4 : 1)
      total += weight
      result.items.push(places)
      result.cumulative.push(total)
    }
  }
  return result
}

/** The city as people name it: 广州, 延边; for the county groups of 重庆 and 省直辖县, the district's or province's name. */
function cityName(at: Place): string {
  const name = isCityGroup(at.city) ? (at.district?.name ?? at.province.name) : at.city.name
  if (/(自治州|自治县|地区|盟)$/.test(name)) return name.slice(0, 2)
  return name.replace(/[市县]$/, '')
}

function isCityGroup(city: Division): boolean {
  return !/(市|州|地区|盟)$/.test(city.name)
}

/** Registration dates over the three years before `today`, oldest first, so codes follow dates. */
function registrationDates(random: SeededRandom, count: number, today: string): string[] {
  const days: number[] = []
  for (let i = 0; i < count; i++) days.push(random.int(0, 365 * 3 - 1))
  days.sort((a, b) => b - a)
  return days.map((back) => addDaysCached(today, -back))
}

/** The last id a table has used (its AUTOINCREMENT sequence, or its largest id). */
export async function lastId(
  db: SqlReader,
  table: 'customer' | 'contact' | 'contact_date' | 'sale' | 'interaction',
): Promise<number> {
  const row = await db.first<{ last: number }>(
    `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),
                COALESCE((SELECT MAX(id) FROM ${table}), 0)) AS last`,
    [table],
  )
  return row?.last ?? 0
}

/**
 * A customer row with every field empty. Written out as one literal so V8 keeps
 * the hundred-odd properties in fast mode; rows built by spreading a computed
 * object fall back to slow dictionaries and made generation several times slower.
 */
function blankRow(): CustomerRow {
  return {
    id: 0,
    code: '',
    kind: 'enterprise',
    name: '',
    shortName: null,
    nameNorm: '',
    pinyin: '',
    pinyinInitials: '',
    regionId: null,
    provinceCode: null,
    cityCode: null,
    districtCode: null,
    natureId: null,
    sourceId: null,
    categoryId: null,
    industryId: null,
    salesScaleId: null,
    yearsInBusinessId: null,
    industryPositionId: null,
    employeeCount: null,
    creditRating: null,
    settlementId: null,
    dealerIntention: null,
    creditLimit: null,
    contactStrategyId: null,
    purchaseStrategyId: null,
    phone: null,
    phoneNorm: null,
    fax: null,
    email: null,
    emailNorm: null,
    website: null,
    address: null,
    postalCode: null,
    creditCode: null,
    bankName: null,
    bankAccount: null,
    legalRepresentative: null,
    foundedDate: null,
    registeredCapital: null,
    mainBusiness: null,
    sideBusiness: null,
    serviceArea: null,
    businessDirection: null,
    reputation: null,
    organization: null,
    annualPurchase: null,
    purchaseCycle: null,
    inventory: null,
    needs: null,
    newProductPlans: null,
    strategyNews: null,
    gender: null,
    birthDate: null,
    birthCalendar: 'solar',
    nativePlace: null,
    ethnicity: null,
    education: null,
    occupation: null,
    maritalStatus: null,
    family: null,
    familyIncome: null,
    hobbies: null,
    personality: null,
    consumptionView: null,
    brandPreference: null,
    purchaseMotive: null,
    hasDecisionPower: null,
    demandStatus: null,
    expectedCloseDate: null,
    dealGradeOverride: null,
    relationshipLevel: null,
    valueClass: null,
    dealStatus: null,
    competitionNotes: null,
    demandNotes: null,
    ownerStaffId: null,
    registrar: null,
    registeredAt: '',
    remarks: null,
    transactionCount: 0,
    transactionAmount: 0,
    firstTransactionAt: null,
    lastTransactionAt: null,
    lastContactAt: null,
    contactNames: '',
    searchText: '',
    completeness: 0,
    createdAt: '',
    updatedAt: '',
    updatedBy: null,
    deletedAt: null,
  }
}

interface MadeContact {
  row: Omit<ContactRow, 'id' | 'customerId' | 'sortOrder'>
  dates: Omit<ContactDateRow, 'id' | 'contactId' | 'sortOrder'>[]
}

function makeCustomer(
  random: SeededRandom,
  context: Context,
  registeredAt: string,
  code: string,
  id: number,
): { customer: CustomerRow; contacts: MadeContact[]; groupIds: number[] } {
  const at = random.pick(random.pickCumulative(context.places.items, context.places.cumulative))
  const kind = random.chance(0.15) ? 'individual' : 'enterprise'
  const dictPick = (field: CustomerDictField, probability = 0.9): number | null => {
    const items = context.dict.get(customerDictFields[field]) ?? []
    return items.length > 0 && random.chance(probability) ? random.pick(items).id : null
  }
  const staff = context.staff.length > 0 ? random.pick(context.staff) : null
  const common = {
    kind,
    birthCalendar: 'solar',
    registeredAt,
    regionId: context.regionOfProvince.get(at.province.code) ?? null,
    provinceCode: at.province.code,
    cityCode: at.city.code,
    districtCode: at.district?.code ?? null,
    sourceId: dictPick('sourceId'),
    categoryId: dictPick('categoryId'),
    contactStrategyId: dictPick('contactStrategyId', 0.8),
    purchaseStrategyId: dictPick('purchaseStrategyId', 0.7),
    address: address(random, at),
    postalCode: `${at.postal}${random.digits(2)}00`,
    demandStatus: random.chance(0.8) ? random.pick(demandStatuses) : null,
    expectedCloseDate: random.chance(0.3) ? addDaysCached(registeredAt, random.int(15, 240)) : null,
    dealGradeOverride: random.chance(0.05) ? random.pick(['A', 'B', 'C'] as const) : null,
    relationshipLevel: random.chance(0.7) ? random.pick(relationshipLevels) : null,
    valueClass: random.chance(0.7) ? random.pick(valueClasses) : null,
    dealStatus: random.chance(0.75) ? random.pick(dealStatuses) : null,
    ownerStaffId: staff && random.chance(0.95) ? staff.id : null,
    registrar: staff?.label ?? null,
    remarks: random.chance(0.2) ? random.pick(words.customerRemarks) : null,
  } satisfies Partial<CustomerValues>

  const contacts: MadeContact[] = []
  let domain: string | null = null
  let specific: Partial<CustomerValues>
  if (kind === 'enterprise') {
    const enterprise = enterpriseValues(random, context, at, dictPick)
    specific = enterprise.values
    domain = enterprise.domain
    const count = random.weighted([
      [1, 5],
      [2, 3],
      [3, 2],
    ] as const)
    for (let i = 0; i < count; i++) contacts.push(makeContact(random, context, at, domain, i === 0))
  } else {
    specific = individualValues(random, context, at)
  }
  const customer = Object.assign(blankRow(), common, specific)
  if (!customer.phone) customer.phone = random.chance(0.9) ? mobile(random) : null

  const time = `${registeredAt} ${pad(random.int(8, 18))}:${pad(random.int(0, 59))}:${pad(random.int(0, 59))}`
  const summaries: ContactSummary[] = contacts.map((c) => ({
    name: c.row.name,
    mobile: c.row.mobile,
    officePhone: c.row.officePhone,
  }))
  customer.id = id
  customer.code = code
  Object.assign(customer, derivedColumns(customer, summaries))
  customer.createdAt = time
  customer.updatedAt = time
  const groupIds = context.groupIds.filter(() => random.chance(0.12))
  return { customer, contacts, groupIds }
}

function enterpriseValues(
  random: SeededRandom,
  context: Context,
  at: Place,
  dictPick: (field: CustomerDictField, probability?: number) => number | null,
): { values: Partial<CustomerValues>; domain: string } {
  const industries = context.dict.get('industry') ?? []
  const industry = industries.length > 0 ? random.pick(industries) : null
  const isGovernment = industry?.label === '政府'
  const vocabulary = words.industryWords[industry?.label ?? ''] ?? words.otherIndustry
  let name = ''
  let shortName: string | null = null
  let trade = ''
  for (let attempt = 0; attempt < 8; attempt++) {
    trade = random.pick(words.tradeFirst) + random.pick(words.tradeSecond)
    if (isGovernment) {
      const where = at.district?.name ?? at.city.name
      name = `${at.city.name === where || isCityGroup(at.city) ? '' : cityName(at)}${where}${random.pick(words.governmentOffices)}`
      shortName = null
    } else {
      const ending = random.pick(vocabulary.names)
      name = `${cityName(at)}${trade}${ending}`
      shortName = `${trade}${ending.slice(0, 2)}`
    }
    if (!context.usedNames.has(name)) break
  }
  context.usedNames.add(name)
  const tradePinyin = loginName(context, isGovernment ? cityName(at) : trade)
  const domain = `${tradePinyin}${isGovernment ? 'gov' : vocabulary.domain}.${random.pick(['com', 'com.cn', 'cn', 'net'])}`
  const phone = landline(random, at.areaCode)
  return {
    domain,
    values: {
      name,
      shortName,
      natureId: isGovernment ? null : dictPick('natureId'),
      industryId: industry?.id ?? null,
      salesScaleId: dictPick('salesScaleId', 0.8),
      yearsInBusinessId: dictPick('yearsInBusinessId', 0.7),
      industryPositionId: dictPick('industryPositionId', 0.6),
      employeeCount: random.chance(0.7)
        ? random.weighted([
            [random.int(5, 50), 5],
            [random.int(50, 300), 3],
            [random.int(300, 3000), 1],
          ] as const)
        : null,
      creditRating: random.chance(0.85)
        ? random.weighted([
            [5, 2],
            [4, 4],
            [3, 3],
            [2, 1],
            [1, 0.5],
          ] as const)
        : null,
      settlementId: dictPick('settlementId', 0.8),
      creditLimit: random.chance(0.5) ? random.int(1, 200) * 5000 : null,
      phone,
      fax: random.chance(0.4) ? `${phone.slice(0, -1)}${(Number(phone.slice(-1)) + 1) % 10}` : null,
      email: random.chance(0.8)
        ? `${random.pick(['info', 'sales', 'service', 'contact', 'office', 'purchase'])}@${domain}`
        : null,
      website: random.chance(0.6) ? `www.${domain}` : null,
      creditCode: random.chance(0.85) ? creditCode(random, context, isGovernment ? '11' : '91', at) : null,
      bankName: random.chance(0.6)
        ? `${random.pick(words.banks)}${cityName(at)}${random.pick(['分行', '支行', '营业部'])}`
        : null,
      bankAccount: random.chance(0.5) ? `6222${random.digits(15)}` : null,
      legalRepresentative: isGovernment ? null : random.chance(0.85) ? personName(random).name : null,
      foundedDate: random.chance(0.7) ? addDaysCached('1992-01-01', random.int(0, 30 * 365)) : null,
      registeredCapital: isGovernment || !random.chance(0.7) ? null : random.pick(words.capitals),
      mainBusiness: isGovernment ? '政府采购' : random.chance(0.85) ? random.pick(vocabulary.business) : null,
      needs: random.chance(0.3) ? random.pick(['价格优惠', '交货及时', '售后服务响应快', '质量稳定']) : null,
      annualPurchase: random.chance(0.3) ? `约 ${random.int(5, 500)} 万元` : null,
      purchaseCycle: random.chance(0.3) ? random.pick(['每月', '每季度', '半年', '每年年底']) : null,
    },
  }
}

function individualValues(random: SeededRandom, context: Context, at: Place): Partial<CustomerValues> {
  const person = personName(random)
  let name = person.name
  for (let attempt = 0; attempt < 5 && context.usedNames.has(name); attempt++) name = personName(random).name
  context.usedNames.add(name)
  const lunar = random.chance(0.25)
  const year = random.int(1960, 2000)
  return {
    name,
    gender: person.gender,
    birthDate: random.chance(0.75) ? `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}` : null,
    birthCalendar: lunar ? 'lunar' : 'solar',
    phone: mobile(random),
    email: random.chance(0.4) ? `${random.int(10000000, 2999999999)}@qq.com` : null,
    nativePlace: random.chance(0.6) ? shortProvince(at.province.name) : null,
    ethnicity: random.chance(0.5)
      ? random.chance(0.92)
        ? '汉族'
        : random.pick(['回族', '满族', '壮族', '苗族'])
      : null,
    education: random.chance(0.6) ? random.pick(words.educations) : null,
    occupation: random.chance(0.85) ? random.pick(words.occupations) : null,
    maritalStatus: random.chance(0.6) ? random.pick(['已婚', '未婚']) : null,
    familyIncome: random.chance(0.4) ? random.pick(words.familyIncomes) : null,
    hobbies: random.chance(0.7) ? random.pick(words.hobbies) : null,
    personality: random.chance(0.5) ? random.pick(words.personalities) : null,
    consumptionView: random.chance(0.6) ? random.pick(words.consumptionViews) : null,
    brandPreference: random.chance(0.4) ? random.pick(words.brandPreferences) : null,
    purchaseMotive: random.chance(0.6) ? random.pick(words.purchaseMotives) : null,
    hasDecisionPower: random.chance(0.8) ? random.chance(0.8) : null,
  }
}

function makeContact(random: SeededRandom, context: Context, at: Place, domain: string, isFirst: boolean): MadeContact {
  const person = personName(random)
  const [department, title] =
    isFirst && random.chance(0.6) ? (['总经办', '总经理'] as const) : random.pick(words.contactRoles)
  const mobileNumber = random.chance(0.9) ? mobile(random) : null
  const birthday = random.chance(0.7) ? birthdayOf(random) : null
  const dates: MadeContact['dates'] = []
  if (random.chance(0.3)) {
    for (const label of new Set([random.pick(words.importantDateLabels), random.pick(words.importantDateLabels)])) {
      dates.push({ label, ...calendarDate(random, 0.3) })
    }
  }
  const login = loginName(context, person.surname) + loginName(context, person.given)
  return {
    dates,
    row: {
      name: person.name,
      ...contactPinyin(context, person.name),
      gender: person.gender,
      title,
      department,
      mobile: mobileNumber,
      mobileNorm: mobileNumber ? normalizePhone(mobileNumber) : null,
      homePhone: null,
      wechat: random.chance(0.5)
        ? mobileNumber && random.chance(0.5)
          ? mobileNumber
          : `${login}${random.digits(3)}`
        : null,
      email: random.chance(0.5) ? `${login}@${domain}` : null,
      homeAddress: null,
      birthdayDate: birthday?.date ?? null,
      birthdayCalendar: birthday?.calendar ?? null,
      hobbies: random.chance(0.4) ? random.pick(words.hobbies) : null,
      personality: random.chance(0.4) ? random.pick(words.personalities) : null,
      education: random.chance(0.4) ? random.pick(words.educations) : null,
      nativePlace: random.chance(0.3) ? shortProvince(random.pick(provinces).name) : null,
      friendliness: random.chance(0.7) ? random.int(1, 5) : null,
      decisionRole: title === '总经理' ? '决策者' : random.chance(0.6) ? random.pick(decisionRoles) : null,
      isKey: isFirst,
      callTime: random.chance(0.3) ? random.pick(words.callTimes) : null,
      speechStyle: random.chance(0.2) ? random.pick(words.speechStyles) : null,
      remarks: random.chance(0.15) ? random.pick(words.contactRemarks) : null,
      ...officePhones(random, at),
    },
  }
}

function officePhones(random: SeededRandom, at: Place): Pick<ContactRow, 'officePhone' | 'officePhoneNorm'> {
  if (!random.chance(0.5)) return { officePhone: null, officePhoneNorm: null }
  const number = landline(random, at.areaCode)
  const officePhone = random.chance(0.3) ? `${number}-${random.int(800, 8999)}` : number
  return { officePhone, officePhoneNorm: normalizePhone(officePhone) }
}

/** A birthday: mostly with the year, a quarter of them 农历 (the lunar day kept ≤ 29 so every month has it). */
function birthdayOf(random: SeededRandom): { date: string; calendar: 'solar' | 'lunar' } {
  const date = calendarDate(random, 0.25)
  if (random.chance(0.8)) date.date = `${random.int(1962, 1998)}-${date.date}`
  return date
}

function calendarDate(random: SeededRandom, lunarShare: number): { date: string; calendar: 'solar' | 'lunar' } {
  const calendar = random.chance(lunarShare) ? 'lunar' : 'solar'
  return { date: `${pad(random.int(1, 12))}-${pad(random.int(1, calendar === 'lunar' ? 29 : 28))}`, calendar }
}

function personName(random: SeededRandom): { name: string; surname: string; given: string; gender: '男' | '女' } {
  const gender = random.chance(0.55) ? '男' : '女'
  const chars = gender === '男' ? words.maleGiven : words.femaleGiven
  const surname = random.pick(words.surnames)
  const given = random.pick(chars) + (random.chance(0.6) ? random.pick(chars) : '')
  return { name: surname + given, surname, given, gender }
}

function mobile(random: SeededRandom): string {
  return random.pick(words.mobilePrefixes) + random.digits(8)
}

function landline(random: SeededRandom, areaCode: string): string {
  return `${areaCode}-${random.int(2, 8)}${random.digits(7)}`
}

function address(random: SeededRandom, at: Place): string {
  const ownName = at.province.name === at.city.name || isCityGroup(at.city)
  const parts = [
    ownName ? at.province.name : `${at.province.name}${at.city.name}`,
    at.district?.name ?? '',
    random.pick(words.roads),
    `${random.int(1, 999)}号`,
    random.chance(0.5) ? `${random.pick(words.buildings)}${random.int(1, 28)}${pad(random.int(1, 20))}室` : '',
  ]
  return parts.join('')
}

/** 统一社会信用代码: registration authority + kind, the division, a 9-character org code, and the check character. */
function creditCode(random: SeededRandom, context: Context, authority: string, at: Place): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  for (;;) {
    let org = ''
    for (let i = 0; i < 9; i++) org += alphabet[random.int(0, i < 8 ? 30 : 9)]
    const first17 = `${authority}${at.district?.code ?? at.city.code}${org}`
    const code = first17 + creditCodeCheckChar(first17)
    if (!context.usedCreditCodes.has(code)) {
      context.usedCreditCodes.add(code)
      return code
    }
  }
}

function loginName(context: Context, name: string): string {
  let login = context.loginNames.get(name)
  if (login === undefined) {
    login = namePinyin(name).pinyin
    context.loginNames.set(name, login)
  }
  return login
}

function contactPinyin(context: Context, name: string): { pinyin: string; pinyinInitials: string } {
  let found = context.contactPinyin.get(name)
  if (found === undefined) {
    found = namePinyin(name)
    context.contactPinyin.set(name, found)
  }
  return { pinyin: found.pinyin, pinyinInitials: found.initials }
}

function shortProvince(name: string): string {
  return name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '')
}

const dayMs = 86_400_000
const isoOfDay = new Map<number, string>()

/** addDays, with the few thousand distinct answers kept: the demo asks it millions of times. */
function addDaysCached(date: string, days: number): string {
  const day = Date.parse(`${date}T00:00:00Z`) / dayMs + days
  let iso = isoOfDay.get(day)
  if (iso === undefined) {
    iso = addDays(date, days)
    isoOfDay.set(day, iso)
  }
  return iso
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

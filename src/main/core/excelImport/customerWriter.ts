import {
  customerDictFields,
  customerFieldKeys,
  customerFieldLabels,
  type CustomerValues,
} from '../../../shared/customer'
import { contactRowOfInput, listContacts, saveContacts } from '../customers/contactQueries'
import { displayCustomerValue, insertChanges, type ChangeDraft } from '../customers/customerChanges'
import { derivedColumns } from '../customers/customerDerived'
import { emptyValues, givenFields } from '../customers/customerHandlers'
import { findCustomerRow, updateCustomer } from '../customers/customerQueries'
import { dictItemsByIds } from '../dictionary/dictionaryQueries'
import { ensureGroups, setCustomerGroups, groupsOfCustomer } from '../customers/groupQueries'
import type { ContactDateRow, ContactRow, CustomerGroupMemberRow, CustomerRow } from '../db/customerEntities'
import { ContactDateEntity, ContactEntity, CustomerEntity, CustomerGroupMemberEntity } from '../db/customerEntities'
import type { SqlWriter } from '../db/sqlHandles'
import { lastId } from '../demo/generateDemoData'
import { CustomerCodes } from '../customers/customerCodes'
import { insertPresentColumns } from './insertPresentColumns'
import type { LabelItems } from './labelItems'
import type { CustomerPlanRow } from './planImport'
import type { CustomerInput } from './readCustomerRow'

export interface CustomersWritten {
  created: number
  updated: number
  contacts: number
}

/**
 * Writes planned customer rows, a chunk at a time, inside the caller's
 * transaction: new customers with their contacts, dates and groups as
 * multi-row INSERTs, then the chunk's updates of existing customers. `write`
 * returns once the chunk is queued behind the one being written, so the
 * caller checks the next rows while SQLite writes these (on its own thread);
 * `finish` waits for the last and adds the 导入新建客户 history in one statement.
 */
export class CustomerWriter {
  private writing: Promise<void> = Promise.resolve()
  private before: Promise<void> = Promise.resolve()
  private failure: { error: unknown } | null = null
  private nextId: number
  private readonly written: CustomersWritten = { created: 0, updated: 0, contacts: 0 }
  private readonly groupIds = new Map<string, number>()
  private readonly defaults = (({ kind, birthCalendar, registeredAt }) => ({ kind, birthCalendar, registeredAt }))(
    emptyValues(),
  )

  private constructor(
    private readonly db: SqlWriter,
    private readonly labels: LabelItems,
    private readonly codes: CustomerCodes,
    private readonly time: string,
    /** Who imports (null: single-PC): the 最后修改人 of the customers the import updates. */
    private readonly userId: number | null,
    /** The first id the import gives: rows from here on are this import's own. */
    readonly firstId: number,
    private contactId: number,
  ) {
    this.nextId = firstId
  }

  static async open(db: SqlWriter, labels: LabelItems, time: string, userId: number | null): Promise<CustomerWriter> {
    const firstId = (await lastId(db, 'customer')) + 1
    const contactId = await lastId(db, 'contact')
    return new CustomerWriter(db, labels, new CustomerCodes(db), time, userId, firstId, contactId)
  }

  async write(rows: CustomerPlanRow[]): Promise<void> {
    const creates = rows.filter((row) => row.action === 'create')
    await this.labels.create(rows)
    for (const name of new Set(creates.flatMap((row) => row.input.groups))) {
      if (!this.groupIds.has(name)) this.groupIds.set(name, (await ensureGroups(this.db, [name]))[0] as number)
    }
    const dates = creates.map((row) => row.input.registeredAt ?? this.defaults.registeredAt)
    await this.codes.load(dates)
    const customers: Partial<CustomerRow>[] = []
    const contactRows: ContactRow[] = []
    const dateRows: Partial<ContactDateRow>[] = []
    const members: CustomerGroupMemberRow[] = []
    for (const [index, row] of creates.entries()) {
      const id = this.nextId++
      const code = this.codes.next(dates[index] as string)
      const customer = Object.assign(valuesOf(row.input, this.defaults), { id, code })
      this.labels.fill(customer as unknown as Record<string, unknown>, row.pending)
      const contactInputs = row.input.contacts
      const summaries = contactInputs.map((c) => ({
        name: c.name,
        mobile: c.mobile ?? null,
        officePhone: c.officePhone ?? null,
      }))
      Object.assign(customer, derivedColumns(customer, summaries, row.namePinyin ?? undefined), {
        transactionCount: 0,
        transactionAmount: 0,
        createdAt: this.time,
        updatedAt: this.time,
      })
      customers.push(customer)
      for (const [order, contact] of contactInputs.entries()) {
        const contactId = ++this.contactId
        const contactRow = contactRowOfInput(contact, row.contactPinyins?.[order]) as ContactRow
        contactRows.push(Object.assign(contactRow, { id: contactId, customerId: id, sortOrder: order }))
        for (const [sortOrder, { label, date, calendar }] of contact.importantDates.entries()) {
          dateRows.push({ contactId, sortOrder, label, date, calendar })
        }
      }
      // A name listed twice in one cell is one membership.
      for (const groupId of new Set(row.input.groups.map((name) => this.groupIds.get(name) as number))) {
        members.push({ customerId: id, groupId })
      }
    }
    const updates = rows.filter((row) => row.action === 'update')
    this.written.created += customers.length
    this.written.contacts += contactRows.length
    // Queued behind the chunk being written, so that SQLite goes on to this one without
    // waiting for this thread; at most two chunks are held (the one before must be done).
    await this.before
    this.before = this.writing
    this.writing = this.writing
      .then(async () => {
        if (this.failure) return
        await insertPresentColumns(this.db, CustomerEntity, customers)
        await insertPresentColumns(this.db, ContactEntity, contactRows)
        await insertPresentColumns(this.db, ContactDateEntity, dateRows)
        await insertPresentColumns(this.db, CustomerGroupMemberEntity, members)
        // An update may merge into a customer created by this chunk or one before.
        for (const row of updates) {
          this.labels.fill(row.input as Record<string, unknown>, row.pending)
          // Not `+= await`: that would add to the count read before other chunks added theirs.
          const added = await updateFromRow(
            this.db,
            row,
            { time: this.time, userId: this.userId },
            () => ++this.contactId,
          )
          this.written.contacts += added
          this.written.updated++
        }
      })
      .catch((error: unknown) => {
        this.failure ??= { error }
      })
  }

  /** Waits for the chunk being written; rethrows its error (the caller's transaction then rolls back). */
  async settle(): Promise<void> {
    await this.writing
    if (this.failure) throw this.failure.error
  }

  async finish(): Promise<CustomersWritten> {
    await this.settle()
    await this.codes.save()
    if (this.nextId > this.firstId) {
      await this.db.run(
        `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value)
         SELECT id, ?, 'created', '导入新建客户', NULL, code FROM customer WHERE id BETWEEN ? AND ? ORDER BY id`,
        [this.time, this.firstId, this.nextId - 1],
      )
    }
    return this.written
  }
}

/**
 * The values a new customer gets: the defaults of customers.create and what the
 * row gives. Only those keys are set; derivedColumns and the insert read an
 * absent field as empty, which keeps 50,000 rows from carrying 90 nulls each.
 */
function valuesOf(input: CustomerInput, defaults: Pick<CustomerValues, 'kind' | 'birthCalendar' | 'registeredAt'>) {
  // Object.assign, not `{ ...a, ...b, name }`: V8 takes ~20 µs per such literal, a
  // second over 50,000 rows (here and for the row built from it).
  return Object.assign({}, defaults, givenFields(input), { name: input.name }) as CustomerValues
}

/**
 * "Update" of an existing customer: the fields the file gives overwrite, the
 * row's contact is added unless one of that name exists, its groups are joined.
 * Each change goes to the customer's history. Returns the contacts added. A
 * new contact's id comes from the writer, which has numbered the contacts of
 * chunks still to be written: SQLite's next id may be one of those.
 */
async function updateFromRow(
  db: SqlWriter,
  row: CustomerPlanRow,
  { time, userId }: { time: string; userId: number | null },
  newContactId: () => number,
): Promise<number> {
  const id = row.targetId as number
  const before = (await findCustomerRow(db, id)) as CustomerRow
  const given = givenFields(row.input)
  const givenKeys = new Set(row.given)
  // A new 省份 (or 城市) without the levels below clears them: they named places in the old one.
  const clearBelow = (level: 'provinceCode' | 'cityCode', below: ('cityCode' | 'districtCode')[]) => {
    if (!givenKeys.has(level) || (given[level] ?? null) === (before[level] ?? null)) return
    for (const key of below.filter((k) => !givenKeys.has(k))) {
      given[key] = null
      givenKeys.add(key)
    }
  }
  clearBelow('provinceCode', ['cityCode', 'districtCode'])
  clearBelow('cityCode', ['districtCode'])
  // As on the card, a customer without a 大区 gets the new province's (the plan worked it out).
  const movedProvince = givenKeys.has('provinceCode') && (given.provinceCode ?? null) !== (before.provinceCode ?? null)
  if (movedProvince && !givenKeys.has('regionId') && before.regionId === null && given.regionId != null) {
    givenKeys.add('regionId')
  }
  const changed = customerFieldKeys.filter(
    (key) => givenKeys.has(key) && key in given && (before[key] ?? null) !== (given[key] ?? null),
  )
  const after: CustomerValues = { ...before, ...Object.fromEntries(changed.map((key) => [key, given[key]])) }
  const dictIds = changed
    .filter((key) => key in customerDictFields)
    .flatMap((key) => [before[key], after[key]])
    .filter((v): v is number => typeof v === 'number')
  const labels = new Map([...(await dictItemsByIds(db, dictIds)).values()].map((item) => [item.id, item.label]))
  const drafts: ChangeDraft[] = changed.map((key) => ({
    field: key,
    label: customerFieldLabels[key],
    oldValue: displayCustomerValue(key, before[key], labels),
    newValue: displayCustomerValue(key, after[key], labels),
  }))
  const existing = await listContacts(db, id)
  const fresh = row.input.contacts.filter((c) => !existing.some((e) => e.name === c.name))
  if (fresh.length > 0) {
    const kept = existing.map(({ customerId: _customerId, ...contact }) => contact)
    drafts.push(...(await saveContacts(db, id, [...kept, ...fresh], existing, newContactId)))
  }
  if (row.input.groups.length > 0) {
    const groupsBefore = await groupsOfCustomer(db, id)
    const added = await ensureGroups(db, row.input.groups)
    await setCustomerGroups(db, id, [...new Set([...groupsBefore.map((g) => g.id), ...added])])
    const groupsAfter = await groupsOfCustomer(db, id)
    if (groupsAfter.length !== groupsBefore.length) {
      drafts.push({
        field: 'groups',
        label: '分组',
        oldValue: groupsBefore.map((g) => g.name).join('、') || null,
        newValue: groupsAfter.map((g) => g.name).join('、'),
      })
    }
  }
  if (drafts.length === 0) return 0
  const contacts = await listContacts(db, id)
  await updateCustomer(db, id, {
    ...Object.fromEntries(changed.map((key) => [key, after[key]])),
    ...derivedColumns({ ...after, code: before.code }, contacts),
    updatedAt: time,
    updatedBy: userId,
  })
  await insertChanges(
    db,
    id,
    time,
    [{ field: 'imported', label: '导入更新', oldValue: null, newValue: null }, ...drafts],
    userId,
  )
  return fresh.length
}

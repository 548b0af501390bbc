import type { EntityManager } from 'typeorm'
import {
  customerDictFields,
  customerFieldKeys,
  customerFieldLabels,
  type CustomerValues,
} from '../../../shared/customer'
import type { DictionaryCategory } from '../../../shared/dictionary'
import type { ImportResult } from '../../../shared/excelImport'
import { recomputeSaleStats } from '../activity/customerStats'
import { contactRowOfInput, listContacts, saveContacts } from '../customers/contactQueries'
import { displayCustomerValue, insertChanges, type ChangeDraft } from '../customers/customerChanges'
import { derivedColumns } from '../customers/customerDerived'
import { emptyValues, givenFields } from '../customers/customerHandlers'
import { dictItemsByIds, findCustomerRow, updateCustomer } from '../customers/customerQueries'
import { ensureGroups, setCustomerGroups, groupsOfCustomer } from '../customers/groupQueries'
import { localNow } from '../customers/localTime'
import type { ContactDateRow, ContactRow, CustomerGroupMemberRow, CustomerRow } from '../db/customerEntities'
import { ContactDateEntity, ContactEntity, CustomerEntity, CustomerGroupMemberEntity } from '../db/customerEntities'
import { SaleEntity, type SaleRow } from '../db/activityEntities'
import { bulkInsert } from '../db/bulkInsert'
import { insertPresentColumns } from './insertPresentColumns'
import { assignCodes, lastId } from '../demo/generateDemoData'
import { insertDictItems } from './importQueries'
import type { CustomerInput, CustomerPlanRow, ImportPlan, PendingLabel } from './planImport'

/** Rows written between two progress reports (and two chances to cancel). */
const chunkSize = 1000

/** Called after each chunk with the rows written so far; throws to stop (the caller's transaction rolls back). */
export type OnChunk = (done: number) => Promise<void>

/**
 * Writes a plan inside the caller's transaction: new dictionary items, then
 * customers with their contacts and groups (multi-row INSERTs), updates of
 * existing customers, and 交易记录 with one set-based statistics recompute.
 */
export async function writeImport(manager: EntityManager, plan: ImportPlan, onChunk: OnChunk): Promise<ImportResult> {
  const time = localNow()
  const itemIds = await createLabels(manager, plan)
  const withItems = (values: Record<string, unknown>, pending: PendingLabel[]) => {
    for (const p of pending) values[p.field] = itemIds.get(p.key) ?? null
  }
  const result: ImportResult = {
    created: 0,
    updated: 0,
    skipped: plan.preview.counts.skip,
    errors: plan.preview.counts.error,
    contacts: 0,
    sales: 0,
    createdItems: itemIds.size,
  }
  let done = 0
  const creates = plan.customers.filter((c) => c.action === 'create')
  if (creates.length > 0) {
    const written = await createCustomers(manager, creates, withItems, time, async (n) => onChunk(done + n))
    result.created = written.customers
    result.contacts += written.contacts
    done += creates.length
  }
  for (const row of plan.customers.filter((c) => c.action === 'update')) {
    withItems(row.input as Record<string, unknown>, row.pending)
    result.contacts += await updateFromRow(manager, row, time)
    result.updated++
    if (++done % chunkSize === 0) await onChunk(done)
  }
  if (plan.sales.length > 0) {
    for (let start = 0; start < plan.sales.length; start += chunkSize) {
      const rows = plan.sales.slice(start, start + chunkSize).map((sale) => {
        // The plan names the field by its import key (`product`).
        const values: Record<string, unknown> = { product: sale.productId }
        withItems(values, sale.pending)
        return {
          customerId: sale.customerId,
          date: sale.date,
          productId: values.product as number | null,
          quantity: sale.quantity,
          unitPrice: sale.unitPrice,
          amount: sale.amount,
          remarks: sale.remarks,
          createdAt: time,
          updatedAt: time,
        } as SaleRow
      })
      await bulkInsert(manager, SaleEntity, rows)
      done += rows.length
      await onChunk(done)
    }
    await recomputeSaleStats(
      manager,
      plan.sales.map((s) => s.customerId),
    )
    result.sales = plan.sales.length
  }
  await onChunk(done)
  return result
}

/** Only the unknown labels that a written row uses become items. */
async function createLabels(manager: EntityManager, plan: ImportPlan): Promise<Map<string, number>> {
  const used = new Set([...plan.customers, ...plan.sales].flatMap((row) => row.pending.map((p) => p.key)))
  const keys = [...used]
  const ids = await insertDictItems(
    manager,
    keys.map((key) => plan.newLabels.get(key) as { category: DictionaryCategory; label: string }),
  )
  return new Map(keys.map((key, index) => [key, ids[index] as number]))
}

/**
 * The values a new customer gets: the defaults of customers.create and what the
 * row gives. Only those keys are set; derivedColumns and the insert read an
 * absent field as empty, which keeps 50,000 rows from carrying 90 nulls each.
 */
function valuesOf(input: CustomerInput, defaults: Pick<CustomerValues, 'kind' | 'birthCalendar' | 'registeredAt'>) {
  // Object.assign, not `{ ...a, ...b, name }`: V8 takes ~20 µs per such literal, a
  // second over 50,000 rows (here and for the row built from it below).
  return Object.assign({}, defaults, givenFields(input), { name: input.name }) as CustomerValues
}

async function createCustomers(
  manager: EntityManager,
  rows: CustomerPlanRow[],
  withItems: (values: Record<string, unknown>, pending: PendingLabel[]) => void,
  time: string,
  onChunk: OnChunk,
): Promise<{ customers: number; contacts: number }> {
  const { kind, birthCalendar, registeredAt } = emptyValues()
  const defaults = { kind, birthCalendar, registeredAt }
  // Each row's values are built with its chunk, so 50,000 of them are never alive at once.
  const codes = await assignCodes(
    manager,
    rows.map((row) => row.input.registeredAt ?? defaults.registeredAt),
  )
  const groupNames = [...new Set(rows.flatMap((r) => r.input.groups))]
  const groupIds = new Map<string, number>()
  for (const name of groupNames) groupIds.set(name, (await ensureGroups(manager, [name]))[0] as number)
  const firstId = (await lastId(manager, 'customer')) + 1
  let contactId = await lastId(manager, 'contact')
  let contacts = 0
  // Building a chunk overlaps with SQLite writing the previous one (on its own thread).
  let writing: Promise<void> = Promise.resolve()
  const failures: unknown[] = []
  for (let start = 0; start < rows.length; start += chunkSize) {
    const customers: Partial<CustomerRow>[] = []
    const contactRows: ContactRow[] = []
    const dateRows: Partial<ContactDateRow>[] = []
    const members: CustomerGroupMemberRow[] = []
    const end = Math.min(start + chunkSize, rows.length)
    for (let i = start; i < end; i++) {
      const row = rows[i] as CustomerPlanRow
      const id = firstId + i
      const code = codes[i] as string
      const customer = Object.assign(valuesOf(row.input, defaults), { id, code })
      withItems(customer as unknown as Record<string, unknown>, row.pending)
      const contactInputs = row.input.contacts
      const summaries = contactInputs.map((c) => ({
        name: c.name,
        mobile: c.mobile ?? null,
        officePhone: c.officePhone ?? null,
      }))
      Object.assign(customer, derivedColumns(customer, summaries, row.namePinyin ?? undefined), {
        transactionCount: 0,
        transactionAmount: 0,
        createdAt: time,
        updatedAt: time,
      })
      customers.push(customer)
      for (const [order, contact] of contactInputs.entries()) {
        const pinyin = row.contactPinyins?.[order]
        const contactRow = contactRowOfInput(contact, pinyin) as ContactRow
        contactRows.push(Object.assign(contactRow, { id: ++contactId, customerId: id, sortOrder: order }))
        for (const [sortOrder, { label, date, calendar }] of contact.importantDates.entries()) {
          dateRows.push({ contactId, sortOrder, label, date, calendar })
        }
      }
      // A name listed twice in one cell is one membership.
      for (const groupId of new Set(row.input.groups.map((name) => groupIds.get(name) as number))) {
        members.push({ customerId: id, groupId })
      }
    }
    await writing
    if (failures.length > 0) throw failures[0]
    contacts += contactRows.length
    writing = (async () => {
      await insertPresentColumns(manager, CustomerEntity, customers)
      await insertPresentColumns(manager, ContactEntity, contactRows)
      await insertPresentColumns(manager, ContactDateEntity, dateRows)
      await insertPresentColumns(manager, CustomerGroupMemberEntity, members)
      await onChunk(end)
    })().catch((error: unknown) => {
      failures.push(error)
    })
  }
  await writing
  if (failures.length > 0) throw failures[0]
  await manager.query(
    `INSERT INTO customer_change (customer_id, changed_at, field, label, old_value, new_value)
     SELECT id, ?, 'created', '导入新建客户', NULL, code FROM customer WHERE id BETWEEN ? AND ? ORDER BY id`,
    [time, firstId, firstId + rows.length - 1],
  )
  return { customers: rows.length, contacts }
}

/**
 * "Update" of an existing customer: the fields the file gives overwrite, the
 * row's contact is added unless one of that name exists, its groups are joined.
 * Each change goes to the customer's history. Returns the contacts added.
 */
async function updateFromRow(manager: EntityManager, row: CustomerPlanRow, time: string): Promise<number> {
  const id = row.targetId as number
  const before = (await findCustomerRow(manager, id)) as CustomerRow
  const given = givenFields(row.input)
  const changed = customerFieldKeys.filter(
    (key) => row.given.includes(key) && key in given && (before[key] ?? null) !== (given[key] ?? null),
  )
  const after: CustomerValues = { ...before, ...Object.fromEntries(changed.map((key) => [key, given[key]])) }
  const dictIds = changed
    .filter((key) => key in customerDictFields)
    .flatMap((key) => [before[key], after[key]])
    .filter((v): v is number => typeof v === 'number')
  const labels = new Map([...(await dictItemsByIds(manager, dictIds)).values()].map((item) => [item.id, item.label]))
  const drafts: ChangeDraft[] = changed.map((key) => ({
    field: key,
    label: customerFieldLabels[key],
    oldValue: displayCustomerValue(key, before[key], labels),
    newValue: displayCustomerValue(key, after[key], labels),
  }))
  const existing = await listContacts(manager, id)
  const fresh = row.input.contacts.filter((c) => !existing.some((e) => e.name === c.name))
  if (fresh.length > 0) {
    const kept = existing.map(({ customerId: _customerId, ...contact }) => contact)
    drafts.push(...(await saveContacts(manager, id, [...kept, ...fresh], existing)))
  }
  if (row.input.groups.length > 0) {
    const groupsBefore = await groupsOfCustomer(manager, id)
    const added = await ensureGroups(manager, row.input.groups)
    await setCustomerGroups(manager, id, [...new Set([...groupsBefore.map((g) => g.id), ...added])])
    const groupsAfter = await groupsOfCustomer(manager, id)
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
  const contacts = await listContacts(manager, id)
  await updateCustomer(manager, id, {
    ...Object.fromEntries(changed.map((key) => [key, after[key]])),
    ...derivedColumns({ ...after, code: before.code }, contacts),
    updatedAt: time,
  })
  await insertChanges(manager, id, time, [
    { field: 'imported', label: '导入更新', oldValue: null, newValue: null },
    ...drafts,
  ])
  return fresh.length
}

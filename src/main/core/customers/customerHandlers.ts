import {
  customerDictFieldKeys,
  customerDictFields,
  customerFieldKeys,
  customerFieldLabels,
  customerIssues,
  type CustomerDictField,
  type CustomerField,
  type CustomerValues,
} from '../../../shared/customer'
import type { Contact } from '../../../shared/contact'
import { normalizeCreditCode } from '../../../shared/creditCode'
import { normalizePhone } from '../../../shared/phone'
import type { Caller } from '../accounts/caller'
import { AppError } from '../appError'
import { assertCustomersInScope } from '../common/customerScope'
import { snakeCase, type CustomerRow } from '../db/customerEntities'
import type { SqlReader } from '../db/sqlHandles'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { projectIdsOfContractors, refreshProjectHeat } from '../projects/projectHeat'
import { dictItemsByIds } from '../dictionary/dictionaryQueries'
import { listContacts, saveContacts } from './contactQueries'
import { customerFieldDrafts, insertChangeForMany, insertChanges, listChanges } from './customerChanges'
import { derivedColumns } from './customerDerived'
import { listCustomerIds, listCustomerPage } from './customerListQuery'
import {
  creditCodeHolder,
  findCustomer,
  findCustomerRow,
  findDuplicates,
  idsInState,
  idsState,
  insertCustomer,
  nextCustomerCode,
  purgeCustomers,
  refreshCompleteness,
  setDeletedAt,
  setDictColumnForMany,
  touchCustomers,
  updateCustomer,
} from './customerQueries'
import { changeGroupsOfMany, ensureGroups, existingGroupIds, groupsOfCustomer, setCustomerGroups } from './groupQueries'
import { localNow, localToday } from '../common/localTime'
import { normalizeName } from './normalizeName'
import { assertWithinCustomerLimit, countInPool } from '../common/customerLimit'
import { mustFind } from '../common/mustFind'
import { assertVersion, lastChange, staleEdit } from '../common/editVersion'

type CustomerChannel =
  | 'customers.create'
  | 'customers.get'
  | 'customers.update'
  | 'customers.list'
  | 'customers.ids'
  | 'customers.batchUpdate'
  | 'customers.delete'
  | 'customers.restore'
  | 'customers.purge'
  | 'customers.duplicates'
  | 'customers.history'

export function customerHandlers({ store }: CoreContext): DomainHandlers<CustomerChannel> {
  /** To the 回收站 and back: only customers not already there move, each with a history line. */
  const moveBin = (ids: number[], toBin: boolean, caller: Caller): Promise<{ count: number }> =>
    store.write(async (db) => {
      const idsJson = await existingIds(db, ids)
      await assertCustomersInScope(db, caller, ids)
      const moving = await idsInState(db, idsJson, !toBin)
      const time = localNow()
      const [from, to] = toBin ? ['正常', '回收站'] : ['回收站', '正常']
      await insertChangeForMany(
        db,
        JSON.stringify(moving),
        time,
        { field: 'deleted', label: '状态', oldValue: from, newValue: to },
        caller.userId,
      )
      await setDeletedAt(db, JSON.stringify(moving), toBin ? time : null, time, caller.userId)
      return { count: moving.length }
    })

  return {
    'customers.create': (input, caller) =>
      store.write(async (db) => {
        const values: CustomerValues = { ...emptyValues(), ...givenFields(input), name: input.name }
        // A 业务员's new customer is their own unless they leave it to the 公海 (null).
        if (input.ownerStaffId === undefined && !caller.seesAll) values.ownerStaffId = caller.staffId
        checkOwnerChange(caller, null, values.ownerStaffId)
        await checkValues(db, caller, values, null)
        const code = await nextCustomerCode(db, Number(values.registeredAt.slice(0, 4)))
        const time = localNow()
        const id = await insertCustomer(db, {
          ...values,
          code,
          ...derivedColumns({ ...values, code }, input.contacts.map(contactSummary)),
          transactionCount: 0,
          transactionAmount: 0,
          firstTransactionAt: null,
          lastTransactionAt: null,
          lastContactAt: null,
          createdAt: time,
          updatedAt: time,
          updatedBy: caller.userId,
          deletedAt: null,
        })
        await saveContacts(db, id, input.contacts, [])
        await setCustomerGroups(db, id, await ensureGroups(db, input.groups))
        await insertChanges(
          db,
          id,
          time,
          [{ field: 'created', label: '新建客户', oldValue: null, newValue: code }],
          caller.userId,
        )
        return mustFind(await findCustomer(db, id), '客户')
      }),

    'customers.get': ({ id, includeDeleted }, caller) =>
      store.read(async (db) => {
        await assertCustomersInScope(db, caller, [id])
        const customer = mustFind(await findCustomer(db, id), '客户')
        if (customer.deletedAt && !includeDeleted) throw inBin()
        return customer
      }),

    'customers.update': (input, caller) =>
      store.write(async (db) => {
        await assertCustomersInScope(db, caller, [input.id])
        const before = mustFind(await findCustomerRow(db, input.id), '客户')
        if (before.deletedAt) throw inBin()
        const contactsBefore = await listContacts(db, input.id)
        await assertFreshCard(db, input, contactsBefore)
        const after: CustomerValues = { ...pickValues(before), ...givenFields(input) }
        checkOwnerChange(caller, before.ownerStaffId, after.ownerStaffId)
        if (before.ownerStaffId === null && after.ownerStaffId !== null && after.ownerStaffId === caller.staffId) {
          await assertWithinCustomerLimit(db, caller, 1)
        }
        await checkValues(db, caller, after, before)
        const changed = customerFieldKeys.filter((key) => !sameValue(before[key], after[key]))
        const drafts = await customerFieldDrafts(db, changed, before, after)

        if (input.contacts) drafts.push(...(await saveContacts(db, input.id, input.contacts, contactsBefore)))
        if (input.groups) {
          const groupsBefore = await groupsOfCustomer(db, input.id)
          await setCustomerGroups(db, input.id, await ensureGroups(db, input.groups))
          const groupsAfter = await groupsOfCustomer(db, input.id)
          const [oldValue, newValue] = [joinNames(groupsBefore), joinNames(groupsAfter)]
          if (oldValue !== newValue) drafts.push({ field: 'groups', label: '分组', oldValue, newValue })
        }
        const contacts = input.contacts ? await listContacts(db, input.id) : contactsBefore
        const derived = derivedColumns({ ...after, code: before.code }, contacts.map(contactSummary))
        // Reordering contacts is no change of a field, but the sheet's contact names follow it.
        if (drafts.length > 0 || derived.contactNames !== before.contactNames) {
          const time = localNow()
          await updateCustomer(db, input.id, {
            ...Object.fromEntries(changed.map((key) => [key, after[key]])),
            ...derived,
            updatedAt: time,
            updatedBy: caller.userId,
          })
          await insertChanges(db, input.id, time, drafts, caller.userId)
        }
        // 成交热度 of the projects where it is 甲方 or 乙方 depends on its 客情关系等级.
        if (changed.includes('relationshipLevel')) await refreshProjectHeat(db, { customerIds: [input.id] })
        return mustFind(await findCustomer(db, input.id), '客户')
      }),

    'customers.list': (input, caller) => store.read((db) => listCustomerPage(db, caller, input, localToday())),

    'customers.ids': (input, caller) =>
      store.read(async (db) => ({ ids: await listCustomerIds(db, caller, input, localToday()) })),

    'customers.batchUpdate': ({ ids: given, set }, caller) =>
      store.write(async (db) => {
        const ids = [...new Set(given)]
        const idsJson = JSON.stringify(ids)
        const state = await idsState(db, idsJson)
        const unusable = ids.length - state.found + state.deleted
        if (unusable > 0)
          throw new AppError('NOT_FOUND', `有 ${unusable} 个客户不存在或已在回收站，未做任何修改，请刷新后重试`)
        await assertCustomersInScope(db, caller, ids)
        // Each customer is the caller's own or in the 公海 (the scope), so only the new value matters.
        if (set.ownerStaffId !== undefined) checkOwnerChange(caller, undefined, set.ownerStaffId)
        if (set.ownerStaffId !== undefined && set.ownerStaffId !== null && set.ownerStaffId === caller.staffId) {
          await assertWithinCustomerLimit(db, caller, await countInPool(db, ids))
        }
        const time = localNow()
        const dictChanges = (['categoryId', 'contactStrategyId', 'ownerStaffId'] as const).filter(
          (field) => set[field] !== undefined,
        )
        const items = await checkDictItems(
          db,
          dictChanges.map((field) => [field, set[field] ?? null]),
        )
        const completenessChanged = new Set<number>()
        for (const field of dictChanges) {
          const value = set[field] ?? null
          const flipped = await setDictColumnForMany(
            db,
            {
              column: snakeCase(field),
              field,
              label: customerFieldLabels[field],
              value,
              valueLabel: value === null ? null : (items.get(value)?.label ?? null),
            },
            idsJson,
            time,
            caller.userId,
          )
          for (const id of flipped) completenessChanged.add(id)
        }
        const add = [...new Set(set.addGroupIds ?? [])]
        const remove = [...new Set(set.removeGroupIds ?? [])]
        if (add.some((id) => remove.includes(id))) throw new AppError('VALIDATION', '同一个分组不能既加入又移出')
        const wanted = [...add, ...remove]
        if ((await existingGroupIds(db, wanted)).length !== wanted.length) {
          throw new AppError('NOT_FOUND', '所选分组不存在，可能已被删除，请刷新后重试')
        }
        if (wanted.length > 0) {
          const touched = await changeGroupsOfMany(db, idsJson, { add, remove }, time, caller.userId)
          await touchCustomers(db, touched, time, caller.userId)
        }
        await refreshCompleteness(db, [...completenessChanged])
        return { count: ids.length }
      }),

    'customers.delete': ({ ids }, caller) => moveBin(ids, true, caller),
    'customers.restore': ({ ids }, caller) => moveBin(ids, false, caller),

    // The 'purge' permission is a 管理员's, who sees all; the scope still holds if a role ever gets both.
    'customers.purge': ({ ids }, caller) =>
      store.write(async (db) => {
        const idsJson = await existingIds(db, ids)
        await assertCustomersInScope(db, caller, ids)
        const inBinCount = (await idsInState(db, idsJson, true)).length
        const total = new Set(ids).size
        if (inBinCount !== total) {
          throw new AppError(
            'CONFLICT',
            `有 ${total - inBinCount} 个客户不在回收站中：只能彻底删除回收站中的客户，未做任何修改`,
          )
        }
        // Projects keep going without a purged 乙方, and their heat loses its level.
        const contracted = await projectIdsOfContractors(db, idsJson)
        await purgeCustomers(db, idsJson)
        await refreshProjectHeat(db, { projectIds: contracted })
        return { count: total }
      }),

    'customers.duplicates': ({ name, phone, email, creditCode, excludeId }, caller) =>
      store.read(async (db) => {
        const nameNorm = name ? normalizeName(name) || null : null
        const phoneDigits = phone ? normalizePhone(phone) : ''
        const emailNorm = email ? email.normalize('NFKC').trim().toLowerCase() : ''
        const keys = {
          nameNorm,
          // Half-typed numbers and addresses would match too much.
          phoneNorm: phoneDigits.length >= 7 ? phoneDigits : null,
          emailNorm: emailNorm.includes('@') ? emailNorm : null,
          creditCode: creditCode ? normalizeCreditCode(creditCode) || null : null,
        }
        if (!keys.nameNorm && !keys.phoneNorm && !keys.emailNorm && !keys.creditCode) return []
        return findDuplicates(db, caller, keys, excludeId ?? null)
      }),

    'customers.history': ({ id }, caller) =>
      store.read(async (db) => {
        await assertCustomersInScope(db, caller, [id])
        mustFind(await findCustomerRow(db, id), '客户')
        return listChanges(db, id)
      }),
  }
}

export function emptyValues(): CustomerValues {
  const values = Object.fromEntries(customerFieldKeys.map((key) => [key, null])) as unknown as CustomerValues
  return { ...values, kind: 'enterprise', name: '', birthCalendar: 'solar', registeredAt: localToday() }
}

const customerFieldKeySet = new Set<string>(customerFieldKeys)

/** The customer fields present in an input (undefined = not given; null = clear). */
export function givenFields(input: Partial<Record<CustomerField, unknown>>): Partial<CustomerValues> {
  const given: Record<string, unknown> = {}
  // The input's own keys (a dozen) rather than all ~90 fields: an import calls this per row.
  for (const key of Object.keys(input) as CustomerField[]) {
    if (!customerFieldKeySet.has(key) || input[key] === undefined) continue
    // Fields that cannot be empty keep their default when cleared.
    if (input[key] === null && (key === 'registeredAt' || key === 'birthCalendar' || key === 'kind')) continue
    given[key] = input[key]
  }
  return given as Partial<CustomerValues>
}

function pickValues(row: CustomerValues): CustomerValues {
  return Object.fromEntries(customerFieldKeys.map((key) => [key, row[key]])) as unknown as CustomerValues
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null)
}

/**
 * A 业务员 may keep a customer, take it as their own or leave it to the 公海; giving it to
 * another 业务员 is a handover, for a 主管 or 管理员 (the 变更记录 records the change either way).
 * `before` undefined: many customers, all in the caller's scope.
 */
export function checkOwnerChange(caller: Caller, before: number | null | undefined, after: number | null): void {
  if (caller.seesAll || after === before || after === null || after === caller.staffId) return
  throw new AppError('FORBIDDEN', '转交客户需要主管或管理员', { ownerStaffId: '只能选择自己或留空（公海）' })
}

/** Cross-field rules, dictionary items and the unique 统一社会信用代码; throws before anything is written. */
async function checkValues(
  db: SqlReader,
  caller: Caller,
  values: CustomerValues,
  before: CustomerRow | null,
): Promise<void> {
  const issues = customerIssues(values)
  const first = Object.values(issues)[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
  const changedRefs = customerDictFieldKeys
    .filter((field) => values[field] !== null && !sameValue(values[field], before?.[field]))
    .map((field) => [field, values[field]] as [CustomerDictField, number])
  await checkDictItems(db, changedRefs)
  if (values.creditCode && !sameValue(values.creditCode, before?.creditCode)) {
    const holder = await creditCodeHolder(db, values.creditCode, before?.id ?? null)
    if (holder && !(await visible(db, caller, holder.id))) {
      throw new AppError('CONFLICT', '统一社会信用代码已被其他业务员的客户使用', {
        creditCode: '统一社会信用代码重复',
      })
    }
    if (holder) {
      const where = holder.deleted ? '（在回收站中）' : ''
      throw new AppError('CONFLICT', `统一社会信用代码已被客户「${holder.name}」（${holder.code}）${where}使用`, {
        creditCode: '统一社会信用代码重复',
      })
    }
  }
}

/** Each chosen item must be an enabled item of the field's dictionary. Returns the items by id. */
async function checkDictItems(db: SqlReader, refs: [CustomerDictField, number | null][]) {
  const ids = refs.map(([, id]) => id).filter((id): id is number => id !== null)
  const items = await dictItemsByIds(db, ids)
  const issues: Record<string, string> = {}
  for (const [field, id] of refs) {
    if (id === null) continue
    const item = items.get(id)
    const label = customerFieldLabels[field]
    if (!item || item.category !== customerDictFields[field]) issues[field] = `所选${label}不存在，可能已被删除`
    else if (!item.enabled) issues[field] = `${label}「${item.label}」已停用，请选择其他项`
  }
  const first = Object.values(issues)[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first}`, issues)
  return items
}

/** The ids as JSON, after checking that every one of them exists (else nothing is done). */
async function existingIds(db: SqlReader, ids: number[]): Promise<string> {
  const unique = [...new Set(ids)]
  const idsJson = JSON.stringify(unique)
  const { found } = await idsState(db, idsJson)
  if (found !== unique.length) {
    throw new AppError('NOT_FOUND', `有 ${unique.length - found} 个客户不存在，可能已被彻底删除，未做任何修改`)
  }
  return idsJson
}

async function visible(db: SqlReader, caller: Caller, id: number): Promise<boolean> {
  try {
    await assertCustomersInScope(db, caller, [id])
    return true
  } catch {
    return false
  }
}

/**
 * The card was loaded at the customer's current version, and each contact it sends at
 * that contact's: else someone saved in between and this save would undo their change.
 * Checked before anything is written; a contact's change is the customer's (same save).
 */
async function assertFreshCard(
  db: SqlReader,
  input: { id: number; version?: number; contacts?: { id?: number; version?: number }[] },
  contactsBefore: Contact[],
): Promise<void> {
  const stored = mustFind(await lastChange(db, 'customer', input.id), '客户')
  assertVersion('该客户', input.version, stored)
  for (const sent of input.contacts ?? []) {
    const contact = contactsBefore.find((c) => c.id === sent.id)
    if (contact && sent.version !== undefined && sent.version !== contact.version) {
      throw staleEdit(`联系人「${contact.name}」`, stored)
    }
  }
}

function contactSummary(c: { name: string; mobile?: string | null; officePhone?: string | null }) {
  return { name: c.name, mobile: c.mobile ?? null, officePhone: c.officePhone ?? null }
}

function joinNames(groups: { name: string }[]): string | null {
  return groups.length > 0 ? groups.map((g) => g.name).join('、') : null
}

function inBin(): AppError {
  return new AppError('NOT_FOUND', '客户在回收站中，请先从回收站恢复')
}

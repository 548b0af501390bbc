import type { z } from 'zod'
import type { Channel, ChannelOutput, HandlerInput } from '../../../shared/contract'
import type { Caller } from '../accounts/caller'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import type { DomainHandlers } from '../handlerTypes'
import type { Store } from '../store'
import { assertCustomersInScope, customerScope, outOfScope } from './customerScope'
import { assertVersion } from './editVersion'
import { localNow } from './localTime'
import { mustFind } from './mustFind'
import type { RecordTable } from './recordTable'

type RecordAction = 'create' | 'update' | 'delete' | 'get' | 'list'

/** The channel `${prefix}.${action}` of the contract. */
type RecordChannel<P extends string, A extends RecordAction> = Extract<Channel, `${P}.${A}`>

/** Every prefix of the contract that has all five record channels. */
export type RecordPrefix = {
  [C in Channel]: C extends `${infer P}.create` ? (`${P}.${RecordAction}` extends Channel ? P : never) : never
}[Channel]

type Stamped = 'id' | 'createdAt' | 'updatedAt'

/** A write as the follow-up sees it: the row before (none on create) and the values after (none on delete). */
export interface RecordWrite<Row> {
  id: number
  before: Row | null
  after: Omit<Row, Stamped> | null
}

/** The customers a write touched: the old and the new one when a record moves. */
export function touchedCustomers(write: RecordWrite<{ customerId: number }>): number[] {
  return [write.before?.customerId, write.after?.customerId].filter((id) => id !== undefined)
}

/**
 * One record's part of create/update/delete/list: its values from an input, its
 * checks and what follows a write; the shared part (find the row or NOT_FOUND,
 * the caller's data scope, the timestamps, the reread) is recordHandlers'.
 */
export interface RecordDefinition<P extends RecordPrefix, Row extends { id: number }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a record's own raw row is its table's business
  table: RecordTable<Row, z.ZodObject, any>
  /**
   * The fields naming the record's customers (in the row and in the inputs). A caller
   * sees a record when one of them is in their scope, and may name only customers in it.
   */
  customerKeys: readonly (keyof Row & string)[]
  /** The values of a new record, checked (throws AppError when refused). */
  created(db: SqlWriter, input: HandlerInput<RecordChannel<P, 'create'>>, caller: Caller): Promise<Omit<Row, Stamped>>
  /** The values after an update, checked; `before` is the stored row. */
  updated(db: SqlWriter, input: HandlerInput<RecordChannel<P, 'update'>>, before: Row): Promise<Omit<Row, Stamped>>
  /** One page of the records in the caller's scope (customerScope, in the SQL). */
  list(
    db: SqlReader,
    input: HandlerInput<RecordChannel<P, 'list'>>,
    caller: Caller,
  ): Promise<ChannelOutput<RecordChannel<P, 'list'>>>
  /** Columns that follow from the records (customer statistics, 成交热度), in the same transaction. */
  afterWrite?(db: SqlWriter, write: RecordWrite<Row>): Promise<void>
  /** Deletes the row; a plain DELETE unless the record keeps its rows (soft delete). */
  remove?(db: SqlWriter, id: number): Promise<void>
}

/** The customer ids in `values` under the record's customer keys (an input or a row). */
function customersNamed(keys: readonly string[], values: unknown): number[] {
  const named = values as Record<string, unknown>
  return keys.map((key) => named[key]).filter((id): id is number => typeof id === 'number')
}

/**
 * Refuses a caller who does not see the record: none of its customers is in their
 * scope. A 项目 with the caller's 甲方 and another's 乙方 is theirs to see and edit.
 */
export async function assertRecordInScope(db: SqlReader, caller: Caller, customerIds: readonly number[]) {
  const scope = customerScope(caller)
  if (!scope || customerIds.length === 0) return
  const row = await db.first<{ n: number }>(
    `SELECT count(*) AS n FROM customer c WHERE c.id IN (SELECT value FROM json_each(?)) AND ${scope.sql}`,
    [JSON.stringify(customerIds), ...scope.params],
  )
  if ((row?.n ?? 0) === 0) throw outOfScope()
}

/**
 * Adds a record inside the caller's transaction and returns its id (also the path of a
 * completed reminder): refused before anything is checked or written when it names a
 * customer outside the caller's scope; the creator is recorded where the table keeps one.
 */
export async function createRecord<P extends RecordPrefix, Row extends { id: number }>(
  db: SqlWriter,
  definition: RecordDefinition<P, Row>,
  input: HandlerInput<RecordChannel<P, 'create'>>,
  caller: Caller,
): Promise<number> {
  await assertCustomersInScope(db, caller, customersNamed(definition.customerKeys, input))
  const values = await definition.created(db, input, caller)
  const time = localNow()
  const id = await definition.table.insert(db, { ...values, createdAt: time, updatedAt: time } as Omit<Row, 'id'>)
  await definition.table.setCreator(db, id, caller.userId)
  await definition.afterWrite?.(db, { id, before: null, after: values })
  return id
}

/** The five channels of a record, each in one transaction (writes) or a read. */
export function recordHandlers<P extends RecordPrefix, Row extends { id: number }>(
  store: Store,
  prefix: P,
  definition: RecordDefinition<P, Row>,
): DomainHandlers<RecordChannel<P, RecordAction>> {
  const { table, customerKeys } = definition
  /** The stored row, refused unless the caller sees it. */
  const findInScope = async (db: SqlWriter, id: number, caller: Caller): Promise<Row> => {
    const row = mustFind(await table.findRow(db, id), table.label)
    await assertRecordInScope(db, caller, customersNamed(customerKeys, row))
    return row
  }
  const handlers = {
    [`${prefix}.create`]: (input: HandlerInput<RecordChannel<P, 'create'>>, caller: Caller) =>
      store.write(async (db) =>
        mustFind(await table.find(db, await createRecord(db, definition, input, caller)), table.label),
      ),

    [`${prefix}.update`]: (
      input: HandlerInput<RecordChannel<P, 'update'>> & { id: number; version?: number },
      caller: Caller,
    ) =>
      store.write(async (db) => {
        const before = await findInScope(db, input.id, caller)
        // Saved by someone else since the form was loaded: refused before anything is written.
        assertVersion(`该${table.label}`, input.version, mustFind(await table.lastChange(db, input.id), table.label))
        // A customer the update names anew (moving the record) must be the caller's too.
        const kept = customersNamed(customerKeys, before)
        const named = customersNamed(customerKeys, input).filter((id) => !kept.includes(id))
        await assertCustomersInScope(db, caller, named)
        const values = await definition.updated(db, input, before)
        await table.update(db, input.id, { ...values, updatedAt: localNow() } as unknown as Partial<Row>, caller.userId)
        await definition.afterWrite?.(db, { id: input.id, before, after: values })
        return mustFind(await table.find(db, input.id), table.label)
      }),

    [`${prefix}.delete`]: ({ id }: { id: number }, caller: Caller) =>
      store.write(async (db) => {
        const before = await findInScope(db, id, caller)
        await (definition.remove ? definition.remove(db, id) : table.delete(db, id))
        await definition.afterWrite?.(db, { id, before, after: null })
        return { id }
      }),

    // What a form reloads after its save was refused as stale: the row as stored now, with its version.
    [`${prefix}.get`]: ({ id }: { id: number }, caller: Caller) =>
      store.read(async (db) => {
        const record = mustFind(await table.find(db, id), table.label)
        await assertRecordInScope(db, caller, customersNamed(customerKeys, record))
        return record
      }),

    [`${prefix}.list`]: (input: HandlerInput<RecordChannel<P, 'list'>>, caller: Caller) =>
      store.read((db) => definition.list(db, input, caller)),
  }
  // The keys are built from the prefix, which TypeScript does not follow into a mapped type.
  return handlers as unknown as DomainHandlers<RecordChannel<P, RecordAction>>
}

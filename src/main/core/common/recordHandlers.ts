import type { z } from 'zod'
import type { Channel, ChannelOutput, HandlerInput } from '../../../shared/contract'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'
import type { DomainHandlers } from '../handlerTypes'
import type { Store } from '../store'
import { localNow } from './localTime'
import { mustFind } from './mustFind'
import type { RecordTable } from './recordTable'

type RecordAction = 'create' | 'update' | 'delete' | 'list'

/** The channel `${prefix}.${action}` of the contract. */
type RecordChannel<P extends string, A extends RecordAction> = Extract<Channel, `${P}.${A}`>

/** Every prefix of the contract that has all four record channels. */
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
 * the timestamps, the reread) is recordHandlers'.
 */
export interface RecordDefinition<P extends RecordPrefix, Row extends { id: number }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a record's own raw row is its table's business
  table: RecordTable<Row, z.ZodObject, any>
  /** The values of a new record, checked (throws AppError when refused). */
  created(db: SqlWriter, input: HandlerInput<RecordChannel<P, 'create'>>): Promise<Omit<Row, Stamped>>
  /** The values after an update, checked; `before` is the stored row. */
  updated(db: SqlWriter, input: HandlerInput<RecordChannel<P, 'update'>>, before: Row): Promise<Omit<Row, Stamped>>
  list(db: SqlReader, input: HandlerInput<RecordChannel<P, 'list'>>): Promise<ChannelOutput<RecordChannel<P, 'list'>>>
  /** Columns that follow from the records (customer statistics, 成交热度), in the same transaction. */
  afterWrite?(db: SqlWriter, write: RecordWrite<Row>): Promise<void>
  /** Deletes the row; a plain DELETE unless the record keeps its rows (soft delete). */
  remove?(db: SqlWriter, id: number): Promise<void>
}

/** Adds a record inside the caller's transaction and returns its id (also the path of a completed reminder). */
export async function createRecord<P extends RecordPrefix, Row extends { id: number }>(
  db: SqlWriter,
  definition: RecordDefinition<P, Row>,
  input: HandlerInput<RecordChannel<P, 'create'>>,
): Promise<number> {
  const values = await definition.created(db, input)
  const time = localNow()
  const id = await definition.table.insert(db, { ...values, createdAt: time, updatedAt: time } as Omit<Row, 'id'>)
  await definition.afterWrite?.(db, { id, before: null, after: values })
  return id
}

/** The four channels of a record, each in one transaction (writes) or a read. */
export function recordHandlers<P extends RecordPrefix, Row extends { id: number }>(
  store: Store,
  prefix: P,
  definition: RecordDefinition<P, Row>,
): DomainHandlers<RecordChannel<P, RecordAction>> {
  const { table } = definition
  const handlers = {
    [`${prefix}.create`]: (input: HandlerInput<RecordChannel<P, 'create'>>) =>
      store.write(async (db) => mustFind(await table.find(db, await createRecord(db, definition, input)), table.label)),

    [`${prefix}.update`]: (input: HandlerInput<RecordChannel<P, 'update'>> & { id: number }) =>
      store.write(async (db) => {
        const before = mustFind(await table.findRow(db, input.id), table.label)
        const values = await definition.updated(db, input, before)
        await table.update(db, input.id, { ...values, updatedAt: localNow() } as unknown as Partial<Row>)
        await definition.afterWrite?.(db, { id: input.id, before, after: values })
        return mustFind(await table.find(db, input.id), table.label)
      }),

    [`${prefix}.delete`]: ({ id }: { id: number }) =>
      store.write(async (db) => {
        const before = mustFind(await table.findRow(db, id), table.label)
        await (definition.remove ? definition.remove(db, id) : table.delete(db, id))
        await definition.afterWrite?.(db, { id, before, after: null })
        return { id }
      }),

    [`${prefix}.list`]: (input: HandlerInput<RecordChannel<P, 'list'>>) =>
      store.read((db) => definition.list(db, input)),
  }
  // The keys are built from the prefix, which TypeScript does not follow into a mapped type.
  return handlers as unknown as DomainHandlers<RecordChannel<P, RecordAction>>
}

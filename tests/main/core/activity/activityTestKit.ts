import type { Core } from '../../../../src/main/core/openCore'
import type { DictionaryCategory } from '../../../../src/shared/dictionary'
import { call } from '../../../helpers/testCore'

/** A new dictionary item (产品, 业务员 …), returning its id. */
export async function addDictItem(
  core: Core,
  category: DictionaryCategory,
  label: string,
  groupName?: string,
): Promise<number> {
  const item = await call(core, 'dictionary.create', { category, label, ...(groupName ? { groupName } : {}) })
  return item.id
}

export interface CustomerStats {
  transactionCount: number
  transactionAmount: number
  firstTransactionAt: string | null
  lastTransactionAt: string | null
  lastContactAt: string | null
}

/** The statistics as stored on the customer row. */
export async function storedStats(core: Core, customerId: number): Promise<CustomerStats> {
  const [r] = await core.store.manager.query(
    `SELECT transaction_count, transaction_amount, first_transaction_at, last_transaction_at, last_contact_at
     FROM customer WHERE id = ?`,
    [customerId],
  )
  return {
    transactionCount: Number(r.transaction_count),
    transactionAmount: Number(Number(r.transaction_amount).toFixed(2)),
    firstTransactionAt: r.first_transaction_at,
    lastTransactionAt: r.last_transaction_at,
    lastContactAt: r.last_contact_at,
  }
}

/** The statistics worked out afresh from the rows, independently of the code under test. */
export async function freshStats(core: Core, customerId: number): Promise<CustomerStats> {
  const sales: { amount: number; date: string }[] = await core.store.manager.query(
    `SELECT amount, date FROM sale WHERE customer_id = ?`,
    [customerId],
  )
  const interactions: { occurred_at: string }[] = await core.store.manager.query(
    `SELECT occurred_at FROM interaction WHERE customer_id = ?`,
    [customerId],
  )
  const dates = sales.map((s) => s.date).sort()
  const contacts = interactions.map((i) => i.occurred_at.slice(0, 10)).sort()
  return {
    transactionCount: sales.length,
    transactionAmount: Number((sales.reduce((sum, s) => sum + Math.round(s.amount * 100), 0) / 100).toFixed(2)),
    firstTransactionAt: dates[0] ?? null,
    lastTransactionAt: dates.at(-1) ?? null,
    lastContactAt: contacts.at(-1) ?? null,
  }
}

/** Row counts and every customer's statistics, to show that a refused call changed nothing. */
export async function snapshot(core: Core): Promise<unknown> {
  const m = core.store.manager
  return {
    interactions: await m.query(`SELECT * FROM interaction ORDER BY id`),
    sales: await m.query(`SELECT * FROM sale ORDER BY id`),
    stats: await m.query(
      `SELECT id, transaction_count, transaction_amount, first_transaction_at, last_transaction_at, last_contact_at, updated_at
       FROM customer ORDER BY id`,
    ),
  }
}

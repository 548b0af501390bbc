import type { Core } from '../../../../src/main/core/openCore'
import type { ChannelInput } from '../../../../src/shared/contract'
import type { DictionaryCategory } from '../../../../src/shared/dictionary'
import type { Customer } from '../../../../src/shared/customer'
import { call } from '../../../helpers/testCore'

/** The id of a seeded dictionary item, by category and label. */
export async function dictId(core: Core, category: DictionaryCategory, label: string): Promise<number> {
  const items = await call(core, 'dictionary.list', { category })
  const item = items.find((i) => i.label === label)
  if (!item) throw new Error(`no ${category} item ${label}`)
  return item.id
}

export function createCustomer(core: Core, input: ChannelInput<'customers.create'>): Promise<Customer> {
  return call(core, 'customers.create', input)
}

/** Row counts of every customer table, to show that a refused call changed nothing. */
export async function tableCounts(core: Core): Promise<Record<string, number>> {
  const tables = [
    'customer',
    'contact',
    'contact_date',
    'customer_group',
    'customer_group_member',
    'customer_change',
    'customer_code_counter',
  ]
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const [row] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM ${table}`)
    counts[table] = Number(row.n)
  }
  const [sum] = await core.store.manager.query(`SELECT total(last_value) AS s FROM customer_code_counter`)
  counts.counterSum = Number(sum.s)
  return counts
}

export async function expectError(core: Core, channel: string, input: unknown) {
  const result = await core.dispatch(channel, input)
  if (result.ok) throw new Error(`${channel} succeeded but should have failed`)
  return result.error
}

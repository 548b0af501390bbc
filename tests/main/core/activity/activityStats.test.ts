import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Customer } from '../../../../src/shared/customer'
import { call, testCore } from '../../../helpers/testCore'
import { createCustomer, dictId } from '../customers/customerTestKit'
import { addDictItem, freshStats, storedStats } from './activityTestKit'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('activity-stats')
})
afterEach(async () => {
  await core.close()
})

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('customer statistics under random writes', () => {
  it('always equal a fresh aggregate over the sale and interaction rows', async () => {
    const random = prng(20260308)
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
    const date = () => `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`
    const time = () => `${date()} ${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`

    const customers: Customer[] = []
    for (let i = 0; i < 5; i++) customers.push(await createCustomer(core, { name: `随机客户${i}` }))
    const customerIds = customers.map((c) => c.id)
    const types = [await dictId(core, 'interactionType', '拜访'), await dictId(core, 'interactionType', '电话')]
    const products = [await addDictItem(core, 'product', '甲产品'), await addDictItem(core, 'product', '乙产品')]
    const sales: number[] = []
    const interactions: number[] = []
    const saleValues = () =>
      random() < 0.5
        ? { quantity: int(1, 20), unitPrice: int(1, 99999) / 1000, productId: pick(products) }
        : { amount: int(0, 1000000) / 100 }

    for (let step = 0; step < 400; step++) {
      const roll = random()
      if (roll < 0.3 || sales.length === 0) {
        const sale = await call(core, 'sales.create', {
          customerId: pick(customerIds),
          date: date(),
          ...saleValues(),
        })
        sales.push(sale.id)
      } else if (roll < 0.45) {
        const change = random() < 0.5 ? { customerId: pick(customerIds) } : {}
        await call(core, 'sales.update', { id: pick(sales), ...change, date: date(), ...saleValues() })
      } else if (roll < 0.55) {
        const id = sales.splice(int(0, sales.length - 1), 1)[0]
        await call(core, 'sales.delete', { id })
      } else if (roll < 0.8 || interactions.length === 0) {
        const interaction = await call(core, 'interactions.create', {
          customerId: pick(customerIds),
          occurredAt: time(),
          typeId: pick(types),
        })
        interactions.push(interaction.id)
      } else if (roll < 0.92) {
        const change = random() < 0.5 ? { customerId: pick(customerIds) } : { occurredAt: time() }
        await call(core, 'interactions.update', { id: pick(interactions), ...change })
      } else {
        const id = interactions.splice(int(0, interactions.length - 1), 1)[0]
        await call(core, 'interactions.delete', { id })
      }
    }

    const [counts] = await core.store.manager.query(
      `SELECT (SELECT COUNT(*) FROM sale) AS sales, (SELECT COUNT(*) FROM interaction) AS interactions`,
    )
    expect(counts).toEqual({ sales: sales.length, interactions: interactions.length })
    expect(sales.length).toBeGreaterThan(10)
    for (const id of customerIds) {
      expect(await storedStats(core, id)).toEqual(await freshStats(core, id))
    }
  })
})

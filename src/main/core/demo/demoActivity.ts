import { saleAmount } from '../../../shared/sale'
import type { InteractionRow, SaleRow } from '../db/activityEntities'
import * as words from './demoWords'
import type { SeededRandom } from './seededRandom'

/**
 * 交易记录 and 交往记录 for the demo customers. The counts are planned up front
 * for every customer, so the totals are exactly the ones asked for while the
 * spread stays uneven: about 30% never buy, a few buy very often (二八), some
 * buy less and less or stop (业务下滑), some buy more and more.
 */

export interface DemoProduct {
  id: number
  /** 参考单价; each sale's 单价 is a little under it. */
  price: number
  minQty: number
  maxQty: number
}

interface Profile {
  /** Day numbers (days since 1970-01-01) of the window the customer buys in. */
  start: number
  end: number
  trend: 'steady' | 'declining' | 'growing'
  /** Orders of a bigger customer are bigger. */
  scale: number
  favourites: number[]
}

export interface ActivityPlan {
  today: number
  sales: number[]
  interactions: number[]
  profiles: Profile[]
  products: DemoProduct[]
  types: { items: { id: number; subjects: string[] }[]; cumulative: number[] }
}

const dayMs = 86_400_000

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs)
}

const isoOfDay = new Map<number, string>()
export function dayIso(day: number): string {
  let iso = isoOfDay.get(day)
  if (iso === undefined) {
    iso = new Date(day * dayMs).toISOString().slice(0, 10)
    isoOfDay.set(day, iso)
  }
  return iso
}

/** A standard normal number (Box–Muller). */
function normal(random: SeededRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())
}

/** Splits `total` over the weights in proportion, by rounding the running sum: the parts add up exactly. */
function allocate(total: number, weights: number[]): number[] {
  let sum = 0
  for (const w of weights) sum += w
  if (sum === 0) {
    weights = weights.map(() => 1)
    sum = weights.length
  }
  const result: number[] = []
  let running = 0
  let given = 0
  for (const w of weights) {
    running += w
    const upTo = Math.round((total * running) / sum)
    result.push(upTo - given)
    given = upTo
  }
  return result
}

export function planActivity(
  random: SeededRandom,
  options: {
    registered: string[]
    today: string
    sales: number
    interactions: number
    products: { id: number; label: string }[]
    interactionTypes: { id: number; label: string }[]
  },
): ActivityPlan {
  const today = dayNumber(options.today)
  const products = options.products.map((p) => {
    const known = words.productPrices[p.label]
    if (known) return { id: p.id, ...known }
    const price = random.pick([38, 99, 260, 580, 1200, 3600])
    return { id: p.id, price, minQty: 1, maxQty: price < 300 ? 20 : 3 }
  })
  const profiles: Profile[] = []
  const saleWeights: number[] = []
  for (const registered of options.registered) {
    const from = dayNumber(registered)
    const start = Math.min(today, from + random.int(0, 45))
    const buyer = random.chance(0.7)
    const trend = random.weighted([
      ['steady', 55],
      ['declining', 20],
      ['lapsed', 15],
      ['growing', 10],
    ] as const)
    // A lapsed customer stopped buying somewhere in the first 30–80% of its time.
    const end = trend === 'lapsed' ? start + Math.floor((today - start) * (0.3 + random.next() * 0.5)) : today
    const intensity = buyer ? Math.exp(1.1 * normal(random)) : 0
    saleWeights.push(intensity * (end - start + 1))
    const favourites: number[] = []
    const favouriteCount = Math.min(products.length, random.int(1, 3))
    while (favourites.length < favouriteCount) {
      const index = random.int(0, products.length - 1)
      if (!favourites.includes(index)) favourites.push(index)
    }
    profiles.push({
      start,
      end,
      trend: trend === 'lapsed' ? 'steady' : trend,
      scale: Math.min(8, Math.exp(0.6 * normal(random) + 0.15 * Math.log(1 + intensity))),
      favourites,
    })
  }
  // Every buyer buys at least once (when the total allows it), the rest goes by weight.
  const buyers = saleWeights.filter((w) => w > 0).length
  const once = options.sales >= buyers ? 1 : 0
  const sales =
    products.length > 0
      ? allocate(options.sales - once * buyers, saleWeights).map((n, i) => n + ((saleWeights[i] ?? 0) > 0 ? once : 0))
      : saleWeights.map(() => 0)
  // Everyone is contacted at least twice (when the total allows it); buyers more often.
  const customers = options.registered.length
  const base = options.interactions >= 2 * customers ? 2 : 0
  const extra = allocate(
    options.interactions - base * customers,
    sales.map((n) => 1 + Math.min(n, 20) / 5),
  )
  const typeItems = options.interactionTypes.map((t) => {
    const kind = words.interactionKinds[t.label]
    return { id: t.id, subjects: kind?.subjects ?? words.otherInteractionSubjects, weight: kind?.weight ?? 3 }
  })
  let running = 0
  const cumulative = typeItems.map((t) => (running += t.weight))
  return {
    today,
    sales,
    interactions: typeItems.length > 0 ? extra.map((n) => n + base) : extra.map(() => 0),
    profiles,
    products,
    types: { items: typeItems, cumulative },
  }
}

function clock(random: SeededRandom): string {
  return `${pad(random.int(8, 18))}:${pad(random.int(0, 59))}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** One customer's sales, oldest first; ids are given by the caller. */
export function makeSales(
  random: SeededRandom,
  plan: ActivityPlan,
  index: number,
  customerId: number,
): Omit<SaleRow, 'id'>[] {
  const count = plan.sales[index] ?? 0
  const profile = plan.profiles[index] as Profile
  const days: number[] = []
  const length = profile.end - profile.start + 1
  for (let i = 0; i < count; i++) {
    const u = random.next()
    // Density falling (declining) or rising (growing) over the window.
    const t = profile.trend === 'declining' ? 1 - Math.sqrt(1 - u) : profile.trend === 'growing' ? Math.sqrt(u) : u
    days.push(profile.start + Math.min(length - 1, Math.floor(t * length)))
  }
  days.sort((a, b) => a - b)
  const rows: Omit<SaleRow, 'id'>[] = []
  for (const day of days) {
    const product = plan.products[
      random.chance(0.85) ? (random.pick(profile.favourites) as number) : random.int(0, plan.products.length - 1)
    ] as DemoProduct
    const span = product.maxQty - product.minQty
    const quantity = Math.max(1, Math.round(product.minQty + random.next() * span * profile.scale))
    const factor = random.weighted([
      [1, 5],
      [0.95, 3],
      [0.9, 2],
      [0.85, 1],
    ] as const)
    const unitPrice =
      product.price >= 100 ? Math.round(product.price * factor) : Math.round(product.price * factor * 100) / 100
    const date = dayIso(day)
    const time = `${date} ${clock(random)}:${pad(random.int(0, 59))}`
    rows.push({
      customerId,
      date,
      productId: product.id,
      quantity,
      unitPrice,
      amount: saleAmount(quantity, unitPrice),
      remarks: random.chance(0.1) ? random.pick(words.saleRemarks) : null,
      contractId: null,
      createdAt: time,
      updatedAt: time,
    })
  }
  return rows
}

/** One customer's 交往记录, oldest first: mostly by its owner, to its key contact. */
export function makeInteractions(
  random: SeededRandom,
  plan: ActivityPlan,
  index: number,
  customer: { id: number; registeredAt: string; ownerStaffId: number | null },
  contactIds: number[],
  staffIds: number[],
): Omit<InteractionRow, 'id'>[] {
  const count = plan.interactions[index] ?? 0
  const profile = plan.profiles[index] as Profile
  const from = dayNumber(customer.registeredAt)
  // After a customer stops buying it is contacted for a while longer, then not at all.
  const to = Math.min(plan.today, profile.end === plan.today ? plan.today : profile.end + random.int(0, 120))
  const days: number[] = []
  for (let i = 0; i < count; i++) days.push(random.int(from, Math.max(from, to)))
  days.sort((a, b) => a - b)
  const rows: Omit<InteractionRow, 'id'>[] = []
  for (const [i, day] of days.entries()) {
    const type = random.pickCumulative(plan.types.items, plan.types.cumulative)
    const occurredAt = `${dayIso(day)} ${clock(random)}`
    const isLast = i === days.length - 1
    let nextFollowUp: string | null = null
    if (isLast ? random.chance(0.45) : random.chance(0.15)) {
      // The latest one points at a follow-up that is overdue or in the coming weeks.
      nextFollowUp = dayIso(isLast ? Math.max(day + 1, plan.today + random.int(-20, 21)) : day + random.int(3, 30))
    }
    const contactId =
      contactIds.length === 0 || random.chance(0.15)
        ? null
        : random.chance(0.7)
          ? (contactIds[0] as number)
          : random.pick(contactIds)
    const staffId =
      customer.ownerStaffId !== null && random.chance(0.85)
        ? customer.ownerStaffId
        : staffIds.length > 0
          ? random.pick(staffIds)
          : null
    const created = `${occurredAt}:${pad(random.int(0, 59))}`
    rows.push({
      customerId: customer.id,
      contactId,
      occurredAt,
      typeId: type.id,
      subject: random.pick(type.subjects),
      content: random.chance(0.9) ? random.pick(words.interactionContents) : null,
      result: random.chance(0.8) ? random.pick(words.interactionResults) : null,
      nextFollowUp,
      staffId,
      createdAt: created,
      updatedAt: created,
    })
  }
  return rows
}

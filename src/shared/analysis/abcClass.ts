/**
 * ABC classes of the 二八 analysis (docs/product-rules.md#pareto). Customers are ranked by amount,
 * largest first (equal amounts by customer id, so the order is stable); a
 * customer's cumulative share includes its own amount. Boundaries are inclusive:
 * A = cumulative share ≤ 80 %, B = ≤ 95 %, C = the rest. So a customer that
 * brings the running total exactly to 80 % is still A, and one that crosses it is B.
 */
export const abcClasses = ['A', 'B', 'C'] as const
export type AbcClass = (typeof abcClasses)[number]

/** Upper bounds of the cumulative share, in percent. */
export const abcBounds = { A: 80, B: 95 } as const

export const abcLabels: Record<AbcClass, string> = {
  A: 'A类（前 80% 销售额）',
  B: 'B类（其后 15%）',
  C: 'C类（最后 5%）',
}

/** The class of a customer whose cumulative share (in percent, own amount included) is `cumulativePercent`. */
export function abcClassOf(cumulativePercent: number): AbcClass {
  // Rounded to 4 places: sums of amounts in floating point are not exact.
  const share = Math.round(cumulativePercent * 1e4) / 1e4
  if (share <= abcBounds.A) return 'A'
  if (share <= abcBounds.B) return 'B'
  return 'C'
}

/** How many customers make up the top 20 %: ⌈n / 5⌉, so at least one when there are any. */
export function topFifthCount(customers: number): number {
  return Math.ceil(customers / 5)
}

/**
 * RFM segments (docs/product-rules.md#rfm). Each of R, F and M is scored 1–5 by quintile; a
 * score is "high" when strictly above the mean score of all scored customers.
 * M decides 重要/一般; R and F decide 价值 (both high), 发展 (R high, F low),
 * 保持 (R low, F high) and 挽留 (both low).
 */
export const rfmSegments = [
  '重要价值客户',
  '重要发展客户',
  '重要保持客户',
  '重要挽留客户',
  '一般价值客户',
  '一般发展客户',
  '一般保持客户',
  '一般挽留客户',
] as const
export type RfmSegment = (typeof rfmSegments)[number]

export interface RfmHighs {
  r: boolean
  f: boolean
  m: boolean
}

export function rfmSegmentOf({ r, f, m }: RfmHighs): RfmSegment {
  const worth = m ? '重要' : '一般'
  const kind = r ? (f ? '价值' : '发展') : f ? '保持' : '挽留'
  return `${worth}${kind}客户` as RfmSegment
}

/** Every combination of highs with its segment, for building the same rule into SQL. */
export const rfmSegmentRules: readonly (RfmHighs & { segment: RfmSegment })[] = [true, false].flatMap((m) =>
  [true, false].flatMap((r) => [true, false].map((f) => ({ r, f, m, segment: rfmSegmentOf({ r, f, m }) }))),
)

/**
 * The quintile score (1–5) of the customer at `rank` (1 = lowest value; ties share
 * the rank, as SQL's RANK() gives) among `count` customers: 1 + ⌊(rank − 1) × 5 / count⌋.
 * Ties therefore always share a score, unlike NTILE, which splits equal values
 * across buckets; the SQL computes exactly this expression.
 */
export function quintileScore(rank: number, count: number): number {
  return 1 + Math.floor(((rank - 1) * 5) / count)
}

/** The 价值分类 an RFM segment suggests (docs/product-rules.md#value-class: suggested, editable). */
export function suggestedValueClass(segment: RfmSegment): '重要客户' | '核心客户' | '潜力客户' | '一般客户' {
  if (segment === '重要价值客户') return '核心客户'
  if (segment.startsWith('重要')) return '重要客户'
  if (segment === '一般价值客户' || segment === '一般发展客户') return '潜力客户'
  return '一般客户'
}

import type { DictionaryCategory } from '../../../shared/dictionary'
import { labelKey, type LabelItem } from '../../../shared/importCleaning'
import { namePinyin } from '../customers/namePinyin'
import { labelSynonyms } from './labelSynonyms'

/** Why an unknown label is proposed as an existing item, as the preview says it. */
export const nearReasons = { synonym: '常用说法', pinyin: '拼音相同', similar: '名称相近' } as const

export interface NearLabel<T extends LabelItem> {
  item: T
  reason: string
}

/** Ranks of the reasons: a synonym says most, a shared run of characters least. */
const rankOf = { synonym: 3, pinyin: 2, similar: 1 } as const

/** Below this share of characters in common two labels are different words (展会/展览会 0.8, 广告/网站广告 0.67). */
const similarEnough = 0.75

const synonymKeys = new Map<string, Map<string, string>>()

/** Synonym (labelKey) → the item label it stands for, per category; built once. */
function synonymsOf(category: DictionaryCategory): Map<string, string> {
  let map = synonymKeys.get(category)
  if (!map) {
    map = new Map()
    for (const [item, words] of Object.entries(labelSynonyms[category] ?? {})) {
      for (const word of words) map.set(labelKey(word), labelKey(item))
    }
    synonymKeys.set(category, map)
  }
  return map
}

/**
 * The existing item an unknown label clearly means, or null: a known synonym
 * (电话联系 → 电话), the same 拼音 (华楠, huanan → 华南), or a near spelling
 * starting the same way — one contains the other (华南区 → 华南, 制造 → 制造业)
 * or they share most characters in order (展会 → 展览会). Starting the same way
 * keeps 新能源 from being taken for 能源. When two items fit equally well
 * nothing is proposed: the label does not clearly mean either. Called once per
 * distinct label (LabelResolver keeps the answer), not per row.
 */
export function nearLabel<T extends LabelItem>(
  label: string,
  items: T[],
  category: DictionaryCategory,
): NearLabel<T> | null {
  const key = labelKey(label)
  if (key.length === 0) return null
  const synonym = synonymsOf(category).get(key)
  let best: { item: T; rank: number; score: number; reason: string } | null = null
  let tied = false
  const consider = (item: T, kind: keyof typeof rankOf, score: number) => {
    const rank = rankOf[kind]
    if (best) {
      if (rank < best.rank || (rank === best.rank && score < best.score)) return
      if (rank === best.rank && score === best.score) {
        tied = true
        return
      }
    }
    best = { item, rank, score, reason: nearReasons[kind] }
    tied = false
  }
  const spelled = key.length >= 2 ? pinyinOf(key) : ''
  for (const item of items) {
    const other = labelKey(item.label)
    if (other === '' || other === key) continue
    if (synonym === other) {
      consider(item, 'synonym', 1)
      continue
    }
    if (spelled !== '' && other.length >= 2 && pinyinOf(other) === spelled) {
      consider(item, 'pinyin', 1)
      continue
    }
    const score = nearSpelling(key, other)
    if (score > 0) consider(item, 'similar', score)
  }
  const found = best as { item: T; reason: string } | null
  return found && !tied ? { item: found.item, reason: found.reason } : null
}

/** How close two spellings are (0: not near): the share of characters in order, when they start alike. */
function nearSpelling(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (short.length < 2 || short.charAt(0) !== long.charAt(0)) return 0
  const score = (2 * commonInOrder(short, long)) / (short.length + long.length)
  return long.startsWith(short) || score >= similarEnough ? score : 0
}

/** Length of the longest common subsequence (labels are a few characters: the table is tiny). */
function commonInOrder(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0)
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a.charAt(i - 1) === b.charAt(j - 1)
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number)
    }
    previous = current
  }
  return previous[b.length] as number
}

const pinyins = new Map<string, string>()

/** The label's 拼音, kept: the same few item labels are compared with every distinct unknown label. */
function pinyinOf(key: string): string {
  let read = pinyins.get(key)
  if (read === undefined) {
    if (pinyins.size >= 5000) pinyins.clear()
    read = namePinyin(key).pinyin
    pinyins.set(key, read)
  }
  return read
}

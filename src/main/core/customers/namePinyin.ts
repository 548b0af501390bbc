import { pinyin } from 'pinyin-pro'

/**
 * Pinyin of a name for search and sorting: `广州人易` → `guangzhourenyi` / `gzry`.
 * Without tones or spaces, lower case; Latin letters and digits kept as they are
 * (`ABC科技` → `abckeji` / `abckj`), other characters dropped.
 */
export function namePinyin(name: string): { pinyin: string; initials: string } {
  const clean = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Script=Han}a-z0-9]/gu, '')
  if (!clean) return { pinyin: '', initials: '' }
  const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const
  const full = pinyin(clean, options)
  const initials = pinyin(clean, { ...options, pattern: 'first' })
  return { pinyin: full.join(''), initials: initials.join('') }
}

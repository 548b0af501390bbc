import { pinyin } from 'pinyin-pro'

const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const
const hanOrRun = /\p{Script=Han}|[a-z0-9]+/gu
const syllable = /^[a-z]+$/

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
  const full = pinyin(clean, options)
  return {
    pinyin: full.join(''),
    initials: initialsOf(clean, full) ?? pinyin(clean, { ...options, pattern: 'first' }).join(''),
  }
}

/**
 * The initials read off the full pinyin, which halves the cost of an import (pinyin-pro
 * is most of it): each Han character's syllable gives its first letter, a run of
 * Latin letters and digits stays whole — what pinyin-pro's `pattern: 'first'` gives.
 * Null when the pieces do not line up one-to-one (a character pinyin-pro does not
 * know, a syllable outside a–z): the caller then asks pinyin-pro itself.
 */
function initialsOf(clean: string, full: string[]): string | null {
  const pieces = clean.match(hanOrRun) ?? []
  if (pieces.length !== full.length) return null
  let initials = ''
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string
    const read = full[i] as string
    const isRun = /^[a-z0-9]/.test(piece)
    if (isRun ? read !== piece : !syllable.test(read)) return null
    initials += isRun ? piece : read[0]
  }
  return initials
}

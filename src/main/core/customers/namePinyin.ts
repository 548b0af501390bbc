import { pinyin, polyphonic } from 'pinyin-pro'

const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const
const hanOrRun = /\p{Script=Han}|[a-z0-9]+/gu
const syllable = /^[a-z]+$/

/**
 * Pinyin of a name for search and sorting: `广州人易` → `guangzhourenyi` / `gzry`.
 * Without tones or spaces, lower case; Latin letters and digits kept as they are
 * (`ABC科技` → `abckeji` / `abckj`), other characters dropped.
 */
export function namePinyin(name: string): { pinyin: string; initials: string } {
  const lower = name.normalize('NFKC').toLowerCase()
  return readByCharacter(lower) ?? readInContextOnce(lower.replace(/[^\p{Script=Han}a-z0-9]/gu, ''))
}

/**
 * Names read in context, kept: contact names (曾伟, 单丽) repeat across a file.
 * Whole names only — pinyin-pro reads a run differently with other text beside
 * it (中国农业银行李 → …yin xing li, but …yin hang li abc).
 */
const contextReadings = new Map<string, { pinyin: string; initials: string }>()
const maxContextReadings = 20_000

function readInContextOnce(clean: string): { pinyin: string; initials: string } {
  let read = contextReadings.get(clean)
  if (!read) {
    if (contextReadings.size >= maxContextReadings) contextReadings.clear()
    read = namePinyinInContext(clean)
    contextReadings.set(clean, read)
  }
  return read
}

/** pinyin-pro over the whole name: it reads a character with several readings by the words around it (重庆 → chongqing). */
export function namePinyinInContext(clean: string): { pinyin: string; initials: string } {
  if (!clean) return { pinyin: '', initials: '' }
  const full = pinyin(clean, options)
  return {
    pinyin: full.join(''),
    initials: initialsOf(clean, full) ?? pinyin(clean, { ...options, pattern: 'first' }).join(''),
  }
}

/**
 * What a character adds to the pinyin: its one reading, '' for a character the
 * pinyin leaves out (punctuation, spaces), or null when the words around it
 * decide (several readings once tones are dropped: 重 zhong/chong, 行 xing/hang)
 * or pinyin-pro does not know it. Asked of pinyin-pro once per character and
 * kept: an import of 50,000 names spent most of its time reading the same few
 * hundred characters (有限公司 …) in context.
 */
const readings = new Map<string, string | null>()

function readingOf(character: string): string | null {
  let reading = readings.get(character)
  if (reading === undefined) {
    if (!/\p{Script=Han}/u.test(character)) reading = ''
    else {
      const [alone] = pinyin(character, options)
      const [all] = polyphonic(character, { toneType: 'none', type: 'array' })
      reading = alone && syllable.test(alone) && all?.length === 1 ? alone : null
    }
    readings.set(character, reading)
  }
  return reading
}

/**
 * The name read character by character — what pinyin-pro gives in context when
 * every Han character has one reading. Null when one has several (or is unknown).
 */
function readByCharacter(lower: string): { pinyin: string; initials: string } | null {
  let full = ''
  let initials = ''
  for (const character of lower) {
    const code = character.charCodeAt(0)
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      full += character
      // A run of Latin letters and digits stays whole in the initials (abc科技 → abckj).
      initials += character
      continue
    }
    const reading = readingOf(character)
    if (reading === null) return null
    if (reading === '') continue
    full += reading
    initials += reading[0]
  }
  return { pinyin: full, initials }
}

/**
 * The initials read off the full pinyin, which halves the cost of pinyin-pro:
 * each Han character's syllable gives its first letter, a run of Latin letters
 * and digits stays whole — what pinyin-pro's `pattern: 'first'` gives. Null
 * when the pieces do not line up one-to-one (a character pinyin-pro does not
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

/**
 * Characters that take no space and show nothing: control characters and Unicode's
 * default-ignorable ones (U+200B–U+200D zero-width space and joiners, U+FEFF, U+00AD
 * soft hyphen, U+2060 word joiner, bidi marks, the Hangul fillers, variation
 * selectors …), and the blank Braille pattern. A name pasted from a web page or a
 * chat often carries some; a name made only of them looks empty.
 */
const invisible = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]/gu

/**
 * The text without invisible characters. Names (customer, contact, project …) are
 * stored this way: two names that look the same must be the same string, or the
 * search, the sort, the pinyin and the duplicate check would each treat them apart
 * while the user sees one name. Free text (备注, 内容 …) keeps them: there a
 * zero-width joiner holds an emoji together, and the text is only read.
 */
export function visibleText(value: string): string {
  return value.replace(invisible, '')
}

/** Whether the text shows nothing at all: empty, spaces, or only invisible characters. */
export function isBlank(value: string): boolean {
  return visibleText(value).trim() === ''
}

/**
 * A UTF-16 surrogate without its partner is not a character: the SQLite driver
 * silently stores U+FFFD in its place, so what is saved would differ from what was
 * sent. Refused instead, so the user sees it.
 */
const loneSurrogate = /\p{Cs}/u

export function hasLoneSurrogate(value: string): boolean {
  return loneSurrogate.test(value)
}

/**
 * Path to the first string with a lone surrogate, or null when there is none; for an
 * object key, the path of its object (the key itself would carry the surrogate on).
 */
export function loneSurrogatePath(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = loneSurrogatePath(item, [...path, index])
      if (found) return found
    }
    return null
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (hasLoneSurrogate(key)) return path
      const found = loneSurrogatePath(item, [...path, key])
      if (found) return found
    }
  }
  return null
}

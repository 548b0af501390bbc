/** Excel refuses these in a sheet name; their full-width forms keep the name readable. */
const fullWidth: Record<string, string> = {
  '\\': '＼',
  '/': '／',
  '?': '？',
  '*': '＊',
  '[': '［',
  ']': '］',
  ':': '：',
}

export const maxSheetNameLength = 31

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair (Excel counts units). */
function cut(text: string, max: number): string {
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

/** Strips what Excel forbids at the ends of a name: apostrophes and spaces. */
function trimEnds(text: string): string {
  return text.replace(/^['\s]+|['\s]+$/g, '')
}

/** One name made legal on its own: the forbidden characters replaced, control characters dropped, ≤ 31 units. */
export function legalSheetName(name: string, fallback = '客户'): string {
  const replaced = [...name]
    .map((ch) => fullWidth[ch] ?? ch)
    .filter((ch) => ch >= ' ')
    .join('')
  const legal = trimEnds(cut(trimEnds(replaced), maxSheetNameLength))
  // "History" is reserved by Excel for its change tracking.
  if (legal === '' || legal.toLowerCase() === 'history') return legal === '' ? fallback : `${legal}_`
  return legal
}

/**
 * Sheet names for these names, in order: each legal, and unique ignoring case
 * (as Excel compares them), later duplicates suffixed (2), (3) … within 31 units.
 */
export function legalSheetNames(names: readonly string[], fallback = '客户'): string[] {
  const taken = new Set<string>()
  return names.map((name) => {
    const base = legalSheetName(name, fallback)
    let candidate = base
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = `(${n})`
      candidate = `${trimEnds(cut(base, maxSheetNameLength - suffix.length))}${suffix}`
    }
    taken.add(candidate.toLowerCase())
    return candidate
  })
}

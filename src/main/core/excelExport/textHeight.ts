/**
 * Row heights from text length. Excel and LibreOffice do not grow a merged
 * cell's row to fit wrapped text, so the export sets each height itself, or a
 * long 主营业务 would be cut off on paper.
 */

/** Width of a character in Excel column units (about one digit of the default font). */
export function charUnits(ch: string, fontSize: number): number {
  const code = ch.codePointAt(0) ?? 0
  // CJK, full-width forms, and symbols like ★ are about twice as wide as a digit.
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2460 && code <= 0x27bf) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  return ((wide ? 1.8 : 1) * fontSize) / 10
}

/** Width of `text` on one line, in column units. */
export function textUnits(text: string, fontSize: number): number {
  let units = 0
  for (const ch of text) units += charUnits(ch, fontSize)
  return units
}

/** Column units available for text in a cell `width` units wide (the cell's padding taken off). */
export function usableWidth(width: number): number {
  return Math.max(1, width - 0.6)
}

/** Lines `text` wraps to in a cell `width` column units wide. */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const usable = usableWidth(width)
  let lines = 0
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0
    let count = 1
    for (const ch of paragraph) {
      const w = charUnits(ch, fontSize)
      if (line + w > usable && line > 0) {
        count++
        line = 0
      }
      line += w
    }
    lines += count
  }
  return Math.max(1, lines)
}

/** Points for `lines` lines of text of `fontSize`, with a little air above and below. */
export function rowHeightFor(lines: number, fontSize: number, minimum: number): number {
  return Math.max(minimum, Math.ceil(lines * fontSize * 1.35 + 6))
}

import type { RawCell } from '../../../shared/importCleaning'
import type { SheetRow } from './sheetRow'
import { zipEntries } from './zipEntries'

/**
 * The first worksheet of an .xlsx as rows of plain cell values, read straight
 * from its XML: about five times faster than exceljs's streaming reader, which
 * builds a cell object with its style for every cell and was most of an
 * import's reading time. Null when the file is something this reader leaves to
 * exceljs (see zipEntries; a part missing or not UTF-8).
 *
 * Values as exceljs gives them (shared and inline strings, numbers, booleans,
 * date-formatted numbers as Dates, formula results, errors as empty), except
 * that a rich inline string keeps all of its runs and the first sheet is the
 * workbook's first tab rather than the first in the zip.
 */
export async function readXlsxSheet(bytes: Buffer): Promise<SheetRow[] | null> {
  const entries = await zipEntries(bytes)
  if (!entries) return null
  const text = async (path: string): Promise<string | null> => {
    const read = entries.get(path)
    if (!read) return null
    const data = await read()
    // UTF-16 parts (allowed, never seen from Excel or WPS) go to exceljs.
    if (data[0] === 0xff || data[0] === 0xfe) return null
    return data.toString('utf8')
  }
  const workbookPath = targetOf((await text('_rels/.rels')) ?? '', '/officeDocument', '') ?? 'xl/workbook.xml'
  const workbook = await text(workbookPath)
  if (workbook === null) return null
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1)
  const rels = (await text(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`)) ?? ''
  const sheetPath = firstWorksheet(workbook, rels, folder)
  const sheet = sheetPath === null ? null : await text(sheetPath)
  if (sheet === null) return null
  const strings = sharedStrings(
    (await text(targetOf(rels, '/sharedStrings', folder) ?? `${folder}sharedStrings.xml`)) ?? '',
  )
  const dates = dateStyles((await text(targetOf(rels, '/styles', folder) ?? `${folder}styles.xml`)) ?? '')
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook)
  return sheetRows(sheet, strings, dates, date1904)
}

/** Attributes of one tag, by name (namespace prefixes dropped). */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = (m[1] as string).replace(/^\w+:/, '')
    found.set(name, decodeXml(m[2] ?? m[3] ?? ''))
  }
  return found
}

/** A relationship's target by the end of its type, as a path inside the zip. */
function targetOf(rels: string, typeEnd: string, folder: string): string | null {
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0])
    if ((a.get('Type') ?? '').endsWith(typeEnd)) return resolvePath(folder, a.get('Target') ?? '')
  }
  return null
}

function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/')
  const resolved: string[] = []
  for (const part of parts) {
    if (part === '..') resolved.pop()
    else if (part !== '.' && part !== '') resolved.push(part)
  }
  return resolved.join('/')
}

/** The first visible worksheet tab (a chart sheet or hidden sheet is passed over). */
function firstWorksheet(workbook: string, rels: string, folder: string): string | null {
  const targets = new Map<string, { type: string; target: string }>()
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0])
    targets.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', target: a.get('Target') ?? '' })
  }
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attributes(m[0]))
  const worksheets = sheets.filter((a) => targets.get(a.get('id') ?? '')?.type.endsWith('/worksheet'))
  const chosen = worksheets.find((a) => !/hidden/i.test(a.get('state') ?? '')) ?? worksheets[0]
  const target = chosen && targets.get(chosen.get('id') ?? '')?.target
  return target ? resolvePath(folder, target) : null
}

/** Each shared string as plain text: rich-text runs joined, phonetic guides (rPh) left out. */
function sharedStrings(xml: string): string[] {
  const strings: string[] = []
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    strings.push(runsText((m[1] ?? '').replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '')))
  }
  return strings
}

function runsText(xml: string): string {
  let text = ''
  for (const m of xml.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g)) text += decodeXml(m[1] ?? '')
  return text
}

/** Built-in number formats that show a date or time (exceljs's list, zh-CN variants included). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
])

/** Which cell styles (cellXfs indexes) show numbers as dates. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>()
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = attributes(m[0])
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '')
  }
  const dates = new Set<number>()
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? ''
  let index = 0
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(attributes(m[0]).get('numFmtId') ?? 0)
    const code = custom.get(id)
    if (code !== undefined ? isDateFormat(code) : builtInDateFormats.has(id)) dates.add(index)
    index++
  }
  return dates
}

/** exceljs's rule: a date/time letter outside [colour/locale] blocks and quoted text. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}

function sheetRows(xml: string, strings: string[], dates: Set<number>, date1904: boolean): SheetRow[] {
  const start = xml.search(/<(?:\w+:)?sheetData\b/)
  if (start < 0) return []
  const end = xml.search(/<\/(?:\w+:)?sheetData>/)
  const tags = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g
  const cellEnd = /<\/(?:\w+:)?c>/g
  const rows: SheetRow[] = []
  let row: SheetRow | null = null
  let rowNumber = 0
  let column = 0
  tags.lastIndex = start
  for (let m = tags.exec(xml); m !== null && (end < 0 || m.index < end); m = tags.exec(xml)) {
    const [whole, tag, attrs, selfClosing] = m as unknown as [string, string, string, string]
    if (tag === 'row') {
      const r = /\br="(\d+)"/.exec(attrs)
      // A row without its number follows the one before.
      rowNumber = r ? Number(r[1]) : rowNumber + 1
      row = { rowNumber, cells: [] }
      rows.push(row)
      column = 0
      continue
    }
    const ref = /\br="([A-Za-z]+)\d*"/.exec(attrs)
    column = ref ? columnNumber(ref[1] as string) : column + 1
    if (selfClosing || !row) continue
    // A cell holds no other cell: its content runs to the next closing </c>.
    cellEnd.lastIndex = m.index + whole.length
    const closing = cellEnd.exec(xml)
    if (!closing) break
    tags.lastIndex = closing.index + closing[0].length
    const value = cellValue(attrs, xml.slice(m.index + whole.length, closing.index), strings, dates, date1904)
    if (value === null) continue
    while (row.cells.length < column - 1) row.cells.push(null)
    row.cells[column - 1] = value
  }
  return rows
}

function columnNumber(letters: string): number {
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64
  return n
}

function cellValue(attrs: string, inner: string, strings: string[], dates: Set<number>, date1904: boolean): RawCell {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n'
  if (type === 'inlineStr') return runsText(inner)
  const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(inner)?.[1]
  if (v === undefined) return null
  switch (type) {
    case 's':
      return strings[Number(v)] ?? null
    case 'str':
      return decodeXml(v)
    case 'b':
      return Number(v) !== 0
    case 'e':
      return null
    case 'd': {
      const date = new Date(v.length === 10 ? `${v}T00:00:00Z` : v)
      return Number.isNaN(date.getTime()) ? decodeXml(v) : date
    }
    default: {
      const n = Number(v)
      if (Number.isNaN(n)) return decodeXml(v)
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0)
      if (!dates.has(style)) return n
      // exceljs's conversion, so a date reads the same whichever reader took the file.
      return new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
    }
  }
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML entities, and the _xHHHH_ escapes OOXML uses for control characters in text. */
function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
      if (name[0] !== '#') return entities[name] ?? whole
      return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10))
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

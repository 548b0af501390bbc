import { posix } from 'node:path'
import { SaxesParser } from 'saxes'
import type { RawCell } from '../../../shared/importCleaning'
import type { SheetRow } from './sheetRow'
import { zipEntries } from './zipEntries'

/**
 * The first worksheet of an .xlsx as rows of plain cell values, read from its
 * XML with a streaming parser (saxes): several times faster than exceljs's
 * streaming reader, which builds a cell object with its style for every cell
 * and was most of an import's reading time. Null when the file is something
 * this reader leaves to exceljs (see zipEntries; a part missing, not UTF-8 or
 * not well-formed XML).
 *
 * Values as exceljs gives them (shared and inline strings, numbers, booleans,
 * date-formatted numbers as Dates, formula results, errors as empty), except
 * that a rich inline string keeps all of its runs, the first sheet is the
 * workbook's first tab rather than the first in the zip, and a cell merged down
 * a column gives its value to each row it spans (fillMerges).
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
    const xml = data.toString('utf8')
    return xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml
  }
  const workbookPath = targetOf(relationships((await text('_rels/.rels')) ?? ''), '/officeDocument', '')
  const workbookXml = await text(workbookPath ?? 'xl/workbook.xml')
  if (workbookXml === null) return null
  const folder = (workbookPath ?? 'xl/workbook.xml').replace(/[^/]*$/, '')
  const rels = relationships(
    (await text(`${folder}_rels/${(workbookPath ?? 'xl/workbook.xml').slice(folder.length)}.rels`)) ?? '',
  )
  const workbook = workbookSheets(workbookXml)
  const sheetPath = firstWorksheet(workbook.sheets, rels, folder)
  const sheet = sheetPath === null ? null : await text(sheetPath)
  if (sheet === null) return null
  const strings = sharedStrings(
    (await text(targetOf(rels, '/sharedStrings', folder) ?? `${folder}sharedStrings.xml`)) ?? '',
  )
  const dates = dateStyles((await text(targetOf(rels, '/styles', folder) ?? `${folder}styles.xml`)) ?? '')
  return sheetRows(sheet, strings, dates, workbook.date1904)
}

type Attributes = Record<string, string>

interface XmlHandlers {
  open?: (name: string, attributes: Attributes, selfClosing: boolean) => void
  close?: (name: string) => void
  text?: (text: string) => void
}

/**
 * Walks a part's elements by local name (x:c and c alike: the parts may be written
 * with a namespace prefix or without). Not well-formed XML throws, and the file
 * goes to exceljs.
 */
function walkXml(xml: string, handlers: XmlHandlers): void {
  if (xml === '') return
  const parser = new SaxesParser({ position: false })
  const { open, close, text } = handlers
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes as Attributes, tag.isSelfClosing))
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)))
  if (text) {
    parser.on('text', text)
    parser.on('cdata', text)
  }
  parser.write(xml).close()
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/** An attribute by its local name (r:id as id). */
function attribute(attributes: Attributes, name: string): string | undefined {
  if (name in attributes) return attributes[name]
  for (const key in attributes) if (localName(key) === name) return attributes[key]
  return undefined
}

interface Relationship {
  id: string
  type: string
  target: string
}

function relationships(xml: string): Relationship[] {
  const found: Relationship[] = []
  walkXml(xml, {
    open: (name, a) => {
      if (name !== 'Relationship') return
      found.push({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' })
    },
  })
  return found
}

/** A relationship's target by the end of its type, as a path inside the zip. */
function targetOf(rels: Relationship[], typeEnd: string, folder: string): string | null {
  const found = rels.find((r) => r.type.endsWith(typeEnd))
  return found ? resolvePath(folder, found.target) : null
}

/** A target relative to the part's folder, or absolute from the zip's root; `..` never climbs out of it. */
function resolvePath(folder: string, target: string): string {
  return (target.startsWith('/') ? posix.normalize(target) : posix.join('/', folder, target)).slice(1)
}

function workbookSheets(xml: string): { sheets: Attributes[]; date1904: boolean } {
  const sheets: Attributes[] = []
  let date1904 = false
  walkXml(xml, {
    open: (name, a) => {
      if (name === 'sheet') sheets.push(a)
      else if (name === 'workbookPr') date1904 = /^(1|true)$/.test(a.date1904 ?? '')
    },
  })
  return { sheets, date1904 }
}

/** The first visible worksheet tab (a chart sheet or hidden sheet is passed over). */
function firstWorksheet(sheets: Attributes[], rels: Relationship[], folder: string): string | null {
  const byId = new Map(rels.map((r) => [r.id, r]))
  const worksheets = sheets.filter((a) => byId.get(attribute(a, 'id') ?? '')?.type.endsWith('/worksheet'))
  const chosen = worksheets.find((a) => !/hidden/i.test(a.state ?? '')) ?? worksheets[0]
  const target = chosen && byId.get(attribute(chosen, 'id') ?? '')?.target
  return target ? resolvePath(folder, target) : null
}

/**
 * Each shared string as plain text: rich-text runs joined, phonetic guides (rPh)
 * left out. By regular expressions like the sheet, not saxes: a 50,000-row
 * import has a shared string for most text cells, and saxes made the whole read
 * about a quarter longer.
 */
function sharedStrings(xml: string): string[] {
  const strings: string[] = []
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
    strings.push(runsText((m[1] ?? '').replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '')))
  }
  return strings
}

/** Built-in number formats that show a date or time (exceljs's list, zh-CN variants included). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
])

/** Which cell styles (cellXfs indexes) show numbers as dates. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>()
  const formats: number[] = []
  let inCellXfs = false
  walkXml(xml, {
    open: (name, a) => {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '')
      else if (name === 'cellXfs') inCellXfs = true
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0))
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false
    },
  })
  const dates = new Set<number>()
  formats.forEach((id, index) => {
    const code = custom.get(id)
    if (code !== undefined ? isDateFormat(code) : builtInDateFormats.has(id)) dates.add(index)
  })
  return dates
}

/** exceljs's rule: a date/time letter outside [colour/locale] blocks and quoted text. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}

/**
 * The sheet's cells, by regular expressions over its XML rather than through
 * saxes: this is the import's hot loop (a 50,000-row sheet is ~300,000 cells),
 * and an event per tag, attribute map and text node made reading the sheet
 * about 1.8 times as long. The sheet's XML as Excel, WPS and exceljs write it
 * has no comments or CDATA around cells, and anything this does not read goes
 * to exceljs as before.
 */
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
  if (end >= 0) fillMerges(rows, xml, end)
  return rows
}

/**
 * Cells merged down one column (one 区域 or 客户名称 over a group of rows) give
 * their value to every row they span; Excel keeps it in the top cell only. A
 * merge wider than one column is a title or a note block, left as it is.
 */
function fillMerges(rows: SheetRow[], xml: string, from: number): void {
  const merge = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)"/g
  merge.lastIndex = from
  let byNumber: Map<number, SheetRow> | null = null
  for (let m = merge.exec(xml); m !== null; m = merge.exec(xml)) {
    const [, left, top, right, bottom] = m as unknown as [string, string, string, string, string]
    const [first, last] = [Number(top), Number(bottom)]
    if (left.toUpperCase() !== right.toUpperCase() || last <= first) continue
    byNumber ??= new Map(rows.map((row) => [row.rowNumber, row]))
    const column = columnNumber(left) - 1
    const value = byNumber.get(first)?.cells[column] ?? null
    if (value === null) continue
    for (let number = first + 1; number <= last; number++) {
      const row = byNumber.get(number)
      if (!row || (row.cells[column] ?? null) !== null) continue
      while (row.cells.length < column) row.cells.push(null)
      row.cells[column] = value
      ;(row.mergedFrom ??= [])[column] = first
    }
  }
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

/** XML entities (for the hand-read sheet; saxes decodes them elsewhere), then Office's escapes. */
function decodeXml(text: string): string {
  if (!text.includes('&')) return decodeEscapes(text)
  return decodeEscapes(
    text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
      if (name[0] !== '#') return entities[name] ?? whole
      return String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10))
    }),
  )
}

/**
 * The _xHHHH_ escapes OOXML uses for control characters in text. By hand: they
 * are Office's own, on top of XML, and no XML parser knows them.
 */
function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function runsText(xml: string): string {
  let text = ''
  for (const m of xml.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g)) text += decodeXml(m[1] ?? '')
  return text
}

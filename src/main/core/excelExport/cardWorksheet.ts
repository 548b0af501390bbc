import type { Style, stream, Worksheet } from 'exceljs'
import { cardSlotsPerRow, cardTitle, type CardBlock, type CardCell, type CardModel } from './cardContent'
import {
  bodyFontSize,
  cardColumnWidths,
  codeStyle,
  emptyTableStyle,
  labelStyle,
  minRowHeight,
  registeredStyle,
  sectionStyle,
  starFont,
  titleStyle,
  valueStyle,
} from './cardStyle'
import { keepPrintOptions } from './streamedWorkbook'
import { rowHeightFor, textUnits, usableWidth, wrappedLines } from './textHeight'

const lastColumn = cardColumnWidths.length
const widthOf = (from: number, to: number): number => cardColumnWidths.slice(from - 1, to).reduce((a, b) => a + b, 0)

/**
 * Usable height of an A4 page in points: 11.69 in less the top and bottom
 * margins, less a safety allowance. Row heights are set explicitly, so the
 * layout is known; erring low only starts a block on a new page a little early,
 * while erring high would leave a page with one orphaned row.
 */
const pageHeight = (11.69 - 0.6 - 0.7) * 72 - 20
/** The title rows repeat at the top of every page (print titles). */
const titleRowsHeight = 40 + 22

/** Writes rows top to bottom, styling every cell of a merge so its borders print. */
class CardWriter {
  row = 0
  /** Points used on the current printed page, starting below the title rows. */
  private pageUsed = titleRowsHeight

  constructor(private readonly ws: Worksheet) {}

  next(height: number): number {
    this.row++
    this.ws.getRow(this.row).height = height
    return this.row
  }

  /** A (merged) cell from column `from` to `to` of the current row, every cell of it styled so its borders print. */
  put(from: number, to: number, value: string | number | null, style: Partial<Style>): void {
    if (to > from) this.ws.mergeCells(this.row, from, this.row, to)
    this.restyle(from, to, style)
    this.ws.getCell(this.row, from).value = value
  }

  /** A changed look for the (merged) cell at `from`–`to`: a new object, as the shared styles are frozen. */
  restyle(from: number, to: number, style: Partial<Style>): void {
    for (let col = from; col <= to; col++) this.ws.getCell(this.row, col).style = style
  }

  styleOf(col: number): Partial<Style> {
    return this.ws.getCell(this.row, col).style
  }

  /**
   * Grows the current row to fit `text` in columns `from`–`to`. A code, number,
   * e-mail or address a little too long for its cell is shrunk instead: wrapping
   * would break it mid-word (`3602000109000123456` over two lines).
   */
  fit(text: string, from: number, to: number, fontSize = bodyFontSize): void {
    const units = textUnits(text, fontSize)
    const usable = usableWidth(widthOf(from, to))
    if (units > usable && units <= usable * 1.35 && /^[\x21-\x7e]+$/.test(text)) {
      const style = this.styleOf(from)
      this.restyle(from, to, { ...style, alignment: { ...style.alignment, wrapText: false, shrinkToFit: true } })
      return
    }
    const row = this.ws.getRow(this.row)
    const height = rowHeightFor(wrappedLines(text, widthOf(from, to), fontSize), fontSize, minRowHeight)
    if ((row.height ?? 0) < height) row.height = height
  }

  private heightOf(first: number, last: number): number {
    let sum = 0
    for (let r = first; r <= last; r++) sum += this.ws.getRow(r).height ?? minRowHeight
    return sum
  }

  /**
   * Writes a block (a section with its rows) and keeps it on one page: when it
   * would run over the page end but fits on a page of its own, a page break goes before it.
   */
  block(write: () => void): void {
    const first = this.row + 1
    write()
    const height = this.heightOf(first, this.row)
    if (this.pageUsed + height > pageHeight && height <= pageHeight - titleRowsHeight && first > 3) {
      this.ws.getRow(first - 1).addPageBreak()
      this.pageUsed = titleRowsHeight + height
    } else {
      this.pageUsed += height
      // A block taller than a page breaks where Excel puts it; carry on with what spills over.
      while (this.pageUsed > pageHeight) this.pageUsed -= pageHeight - titleRowsHeight
    }
  }
}

function writeFieldRow(w: CardWriter, cells: CardCell[]): void {
  w.next(minRowHeight)
  let col = 1
  for (const pair of cells) {
    const valueTo = col + pair.span * 2 - 1
    w.put(col, col, pair.label, labelStyle)
    w.fit(pair.label, col, col)
    w.put(col + 1, valueTo, pair.value, valueStyle)
    if (pair.numFmt) w.restyle(col + 1, valueTo, { ...valueStyle, numFmt: pair.numFmt })
    if (typeof pair.value === 'string' && pair.value.startsWith('★'))
      w.restyle(col + 1, valueTo, { ...w.styleOf(col + 1), font: starFont })
    if (pair.value !== null) w.fit(String(pair.value), col + 1, valueTo)
    col = valueTo + 1
  }
}

function writeBlock(w: CardWriter, block: CardBlock): void {
  w.next(22)
  w.put(1, lastColumn, block.title, sectionStyle)
  if (block.type === 'fields') {
    for (const cells of block.rows) writeFieldRow(w, cells)
    return
  }
  w.next(minRowHeight)
  block.headers.forEach((text, i) => w.put(i + 1, i + 1, text, labelStyle))
  if (block.rows.length === 0) {
    w.next(minRowHeight)
    w.put(1, lastColumn, block.empty, emptyTableStyle)
    return
  }
  for (const cells of block.rows) {
    w.next(minRowHeight)
    cells.forEach((text, i) => {
      w.put(i + 1, i + 1, text, valueStyle)
      w.fit(text, i + 1, i + 1)
    })
  }
}

/**
 * One 登记卡 on its own worksheet, set up to print on A4 portrait, one page wide.
 * Its rows stay open until the caller commits the worksheet: page breaks are
 * decided from the heights of the rows already written.
 */
export function addCardWorksheet(
  workbook: stream.xlsx.WorkbookWriter,
  sheetName: string,
  card: CardModel,
  exportedOn: string,
): Worksheet {
  const ws = workbook.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:2',
    },
    views: [{ showGridLines: false }],
  })
  keepPrintOptions(ws)
  ws.columns = cardColumnWidths.map((width) => ({ width }))
  ws.headerFooter.oddFooter = `&L&8${card.code} ${escapeFooter(card.name)}&R&8导出于 ${exportedOn}  第 &P 页 / 共 &N 页`

  const w = new CardWriter(ws)
  w.next(40)
  w.put(1, lastColumn, cardTitle, titleStyle)
  w.next(22)
  w.put(1, 3, `编号：${card.code}`, codeStyle)
  w.put(4, lastColumn, `登记日期：${card.registeredAt}`, registeredStyle)
  for (const block of card.blocks) w.block(() => writeBlock(w, block))
  w.block(() => {
    w.next(10)
    writeFieldRow(w, card.footer.map((cell) => ({ ...cell, span: 1 })).slice(0, cardSlotsPerRow))
  })
  ws.pageSetup.printArea = `A1:F${w.row}`
  return ws
}

/** `&` starts a code in Excel's header/footer text. */
function escapeFooter(text: string): string {
  return text.replace(/&/g, '&&')
}

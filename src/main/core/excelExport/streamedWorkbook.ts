import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'

/**
 * exceljs's streaming writer, its .xlsx collected in memory: a committed
 * worksheet is turned into XML and zipped straight away, so an export holds
 * the sheet being written and the zipped bytes, never every sheet as cell
 * objects (1,000 登记卡 in an in-memory Workbook peaked some 400 MB above idle).
 * Styles are shared by index (useStyles). Shared strings make a smaller file
 * (a card's labels repeat on every sheet) at the cost of a table of every
 * distinct string; inline strings keep no such table.
 */
export interface StreamedWorkbook {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter
  /** Commits the workbook and returns the .xlsx as base64. */
  finish(): Promise<string>
}

export function streamedWorkbook(useSharedStrings: boolean): StreamedWorkbook {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings })
  workbook.creator = '客情管家'
  return {
    workbook,
    finish: async () => {
      await workbook.commit()
      await done
      const file = Buffer.concat(chunks)
      chunks.length = 0
      return file.toString('base64')
    },
  }
}

/** Lets the zip take the committed sheets' XML before more is written, so it does not pile up. */
export function yieldToZip(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

interface PrintOptionsWriter {
  pageSetup: Partial<ExcelJS.PageSetup>
  stream: { write(xml: string): unknown }
  _writePageMargins(): void
}

/**
 * exceljs 4.4's streaming worksheet leaves out <printOptions>, which its
 * in-memory writer puts before <pageMargins>, so a page centred on paper
 * (pageSetup.horizontalCentered) would print flush left. Writes it there.
 */
export function keepPrintOptions(ws: ExcelJS.Worksheet): void {
  const writer = ws as unknown as PrintOptionsWriter
  const writeMargins = writer._writePageMargins.bind(writer)
  writer._writePageMargins = () => {
    const { horizontalCentered, verticalCentered } = writer.pageSetup
    const attributes = [
      horizontalCentered ? ' horizontalCentered="1"' : '',
      verticalCentered ? ' verticalCentered="1"' : '',
    ].join('')
    if (attributes) writer.stream.write(`<printOptions${attributes}/>`)
    writeMargins()
  }
}

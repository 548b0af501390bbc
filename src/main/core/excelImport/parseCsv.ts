import { CsvError, parse } from 'csv-parse/sync'
import { AppError } from '../appError'

/**
 * CSV as Excel and WPS write it (RFC 4180: quoted fields may hold the separator,
 * line breaks and doubled quotes), parsed by csv-parse. Lenient where those
 * programs are: rows of different widths, a stray quote inside an unquoted
 * field kept as text, and `\r\n`, `\n` or a lone `\r` (old Mac Excel) ending a row.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, {
      delimiter: guessSeparator(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
    })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = typeof error.lines === 'number' ? `（约第 ${error.lines} 行）` : ''
    const what = error.code === 'CSV_QUOTE_NOT_CLOSED' ? '有引号没有闭合' : '格式有误'
    throw new AppError('VALIDATION', `CSV 文件${what}${line}。请在 Excel/WPS 中打开并另存为 CSV 后再导入`)
  }
}

/**
 * The separator is the one among `,`, tab and `;` that the first line uses most
 * (Excel writes `;` where `,` is the decimal mark). Kept by hand: csv-parse takes
 * a separator but does not guess one, and several given to it would all split.
 */
function guessSeparator(text: string): string {
  const lineEnd = text.search(/\r|\n/)
  const firstLine = lineEnd === -1 ? text : text.slice(0, lineEnd)
  const counts = [',', '\t', ';'].map((s) => [s, firstLine.split(s).length] as const)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ','
}

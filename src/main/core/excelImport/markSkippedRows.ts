import { cleanText, type RawCell } from '../../../shared/importCleaning'
import type { SheetRow } from './sheetRow'

/** A character of a 合计/说明/签名 line's words, to look closer (one class: cheaper than the words). */
const summaryHint = /[计共制审核填编打]/
/** 合 计 and 制 表 人 are spread out to fill the cell's width. */
const spaceInWords = /(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g
/** 合计, 小计：, 本页合计, 总计（15 家）, 合计 120 — the word, then nothing or a separator (总计划部 is a name). */
const totalWord = /^(?:本页|本月|本年|本组|全部|总)?(?:合计|小计|总计|共计|累计)(?:$|[\s:(（\d¥￥])/
/** 华南小计, 华南区合计： */
const groupTotal = /^.{1,10}(?:合计|小计|总计)[:]?$/
/** 共 15 家, 合计：120 条, 共计 3 户 */
const countLine = /^(?:共|合计|总计|共计)[:\s]*\d+\s*(?:家|条|户|个|位|名|行|项|笔|人|单|次|份)/
/** 制表人：张三, 审核：, 制表日期：2026-12-01, and those words alone in a cell */
const signLine = /^(?:制表|审核|审批|复核|填报|填表|编制|打印|统计)(?:人|日期|时间|单位)?(?:\s*[:]|$)/
/** How a note under the table begins. */
const noteStart = /^(?:注|备注|说明|附注|注意|提示|温馨提示|以上|本表|数据来源|资料来源|截至|截止|[*※#])/
/** A note is a sentence: long, or with sentence punctuation. */
const sentence = /[。；！？!?]/
const noteLength = 30

/**
 * Marks the rows under the header that are not records: 合计/小计/总计 and 共 N 家
 * lines, 制表人/审核 lines and the header repeated ('header') anywhere, and notes
 * under the table (one long text in the first column, nothing else, after the
 * last record). One look at the first two filled cells of each row; notes only
 * at the end, read upwards.
 */
export function markSkippedRows(rows: SheetRow[], header: SheetRow): void {
  const headerTexts = header.cells.map((cell) => (typeof cell === 'string' ? cell : null))
  const firstColumn = header.cells.findIndex((cell) => cleanText(cell) !== null)
  for (const row of rows) {
    if (repeatsHeader(row.cells, headerTexts)) row.skip = 'header'
    else if (isSummaryLine(row.cells)) row.skip = 'summary'
  }
  for (let index = rows.length - 1; index >= 0; index--) {
    const row = rows[index] as SheetRow
    if (row.skip) continue
    if (!isNote(row, firstColumn)) break
    row.skip = 'summary'
  }
}

/** Most filled cells as the header has them (copied with it, so the same strings), at least two. */
function repeatsHeader(cells: RawCell[], header: (string | null)[]): boolean {
  let first = 0
  while (first < cells.length && cells[first] === null) first++
  if (first === cells.length || cells[first] !== header[first]) return false
  let filled = 0
  let same = 0
  for (const [index, cell] of cells.entries()) {
    if (cell === null) continue
    filled++
    if (cell === header[index]) same++
  }
  return same >= 2 && same * 2 >= filled
}

function isSummaryLine(cells: RawCell[]): boolean {
  let looked = 0
  for (const cell of cells) {
    if (cell === null) continue
    if (typeof cell === 'string' && summaryHint.test(cell)) {
      const text = (cleanText(cell) ?? '').replace(spaceInWords, '')
      if (totalWord.test(text) || groupTotal.test(text) || countLine.test(text) || signLine.test(text)) return true
    }
    if (++looked === 2) return false
  }
  return false
}

function isNote(row: SheetRow, firstColumn: number): boolean {
  const filled = row.cells.flatMap((cell, index) => (cleanText(cell) === null ? [] : [index]))
  if (filled.length !== 1 || filled[0] !== Math.max(firstColumn, 0)) return false
  const text = cleanText(row.cells[filled[0]] ?? null) ?? ''
  return noteStart.test(text) || sentence.test(text) || text.length >= noteLength
}

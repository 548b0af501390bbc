import { addCardWorksheet } from './cardWorksheet'
import { cardModel } from './cardContent'
import type { CardRecord } from './cardQueries'
import { legalSheetNames } from './sheetNames'
import { streamedWorkbook, yieldToZip } from './streamedWorkbook'

/**
 * A workbook of 登记卡, one worksheet per customer named after it, as base64.
 * Each card is committed (written out and zipped) before the next is built;
 * `step` hears of each card and may throw to stop the export there.
 */
export async function cardWorkbookBase64(
  records: CardRecord[],
  today: string,
  step?: (done: number) => Promise<void>,
): Promise<string> {
  const { workbook, finish } = streamedWorkbook(true)
  const names = legalSheetNames(records.map((r) => r.customer.name))
  for (const [i, record] of records.entries()) {
    addCardWorksheet(workbook, names[i] ?? `客户${i + 1}`, cardModel(record, today), today).commit()
    await yieldToZip()
    await step?.(i + 1)
  }
  return finish()
}

/** Suggested file name: the customer's name for one card, the count and date for many. */
export function cardFileName(records: CardRecord[], today: string): string {
  const only = records.length === 1 ? records[0] : undefined
  return only
    ? `客户信息登记卡-${fileSafe(only.customer.name)}.xlsx`
    : `客户信息登记卡-${records.length}个客户-${today}.xlsx`
}

/** A name any file system accepts: Windows forbids \ / : * ? " < > | and trailing dots. */
export function fileSafe(name: string): string {
  const safe = [...name.replace(/[\\/:*?"<>|]/g, '_')]
    .filter((ch) => ch >= ' ')
    .join('')
    .trim()
    .replace(/[.\s]+$/, '')
  return safe.slice(0, 80) || '客户'
}

import ExcelJS from 'exceljs'
import { addCardWorksheet } from './cardWorksheet'
import { cardModel } from './cardContent'
import type { CardRecord } from './cardQueries'
import { legalSheetNames } from './sheetNames'

/** A workbook of 登记卡, one worksheet per customer named after it. */
export function cardWorkbook(records: CardRecord[], today: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '客情管家'
  workbook.created = new Date()
  const names = legalSheetNames(records.map((r) => r.customer.name))
  records.forEach((record, i) =>
    addCardWorksheet(workbook, names[i] ?? `客户${i + 1}`, cardModel(record, today), today),
  )
  return workbook
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

export async function workbookBase64(workbook: ExcelJS.Workbook): Promise<string> {
  const buffer = await workbook.xlsx.writeBuffer()
  return Buffer.from(buffer as ArrayBuffer).toString('base64')
}

import { customerKindLabels, type CustomerDictField } from '../../../shared/customer'
import {
  cardFooterFields,
  cardSections,
  type CardField,
  type CardSection,
  type StatCell,
} from '../../../shared/customerCardSections'
import { computeDealGrade } from '../../../shared/grading/dealGrade'
import { divisionName } from '../../../shared/regions'
import type { CardContact, CardRecord } from './cardQueries'

/**
 * What a printed 客户信息登记卡 shows, worked out from the shared card layout
 * (customerCardSections.ts) so the paper form and the screen list the same
 * fields in the same order. Pure: the worksheet writer only places it.
 */

export const cardTitle = '客户信息登记卡'

/** Label/value pairs per printed row; a field of span 2 or 3 takes that many. */
export const cardSlotsPerRow = 3

export type CardValue = string | number | null

export interface CardCell {
  label: string
  value: CardValue
  /** Slots of the row the pair takes. */
  span: number
  numFmt?: string
}

export type CardBlock =
  | { type: 'fields'; title: string; rows: CardCell[][] }
  | { type: 'table'; title: string; headers: string[]; rows: string[][]; empty: string }

export interface CardModel {
  name: string
  code: string
  registeredAt: string
  blocks: CardBlock[]
  footer: CardCell[]
}

export const moneyFormat = '#,##0.00'

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** 信用状况 as five stars, filled for the rating. */
export function starText(rating: number | null): string | null {
  if (!rating) return null
  const filled = Math.max(0, Math.min(5, rating))
  return '★'.repeat(filled) + '☆'.repeat(5 - filled)
}

export const contactTableHeaders = ['姓名', '职务/部门', '决策关系', '手机/办公电话', '微信', '电子邮件']

function joinLines(...parts: (string | null)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join('\n')
}

function contactRow(c: CardContact): string[] {
  return [
    c.gender ? `${c.name}（${c.gender}）` : c.name,
    [c.title, c.department].filter(Boolean).join('/'),
    joinLines(c.decisionRole, c.isKey ? '关键人' : null),
    joinLines(c.mobile, c.officePhone),
    c.wechat ?? '',
    c.email ?? '',
  ]
}

function fieldCell(field: CardField, record: CardRecord, today: string): CardCell {
  const c = record.customer
  const cell = (value: CardValue, numFmt?: string): CardCell => ({
    label: field.label,
    value,
    span: field.span ?? 1,
    ...(numFmt ? { numFmt } : {}),
  })
  if (field.key === 'groups') return cell(record.groups.join('、') || null)
  const key = field.key
  switch (field.widget.type) {
    case 'kind':
      return cell(customerKindLabels[c.kind])
    case 'dict':
      return cell(record.labels[key as CustomerDictField] ?? null)
    case 'division':
      return cell(divisionName(c[key] as string | null) ?? null)
    case 'stars':
      return cell(starText(c.creditRating))
    case 'yesNo':
      return cell(c.hasDecisionPower === null ? null : c.hasDecisionPower ? '是' : '否')
    case 'money':
      return cell(c[key] as number | null, moneyFormat)
    case 'integer':
      return cell(c[key] as number | null)
    case 'calendarDate':
      return cell(c.birthDate ? `${c.birthDate}${c.birthCalendar === 'lunar' ? '（农历）' : ''}` : null)
    default:
      if (key === 'dealGradeOverride') return { ...cell(dealGradeText(record, today)), label: '成交级别' }
      return cell((c[key] as string | null) ?? null)
  }
}

/** 成交级别 as of today: the override if set, else computed (docs/product-rules.md#deal-grade), flagged when late. */
function dealGradeText(record: CardRecord, today: string): string | null {
  const c = record.customer
  if (c.dealGradeOverride) return `${c.dealGradeOverride} 级（手动）`
  const { grade, overdue } = computeDealGrade(
    { demandStatus: c.demandStatus, expectedCloseDate: c.expectedCloseDate },
    today,
  )
  return grade ? `${grade} 级${overdue ? '（已过预计成交日期）' : ''}` : null
}

function statCell(stat: StatCell, record: CardRecord): CardCell {
  const c = record.customer
  if (stat.key === 'receivable') {
    return { label: stat.label, value: record.credit.receivable, span: 1, numFmt: moneyFormat }
  }
  if (stat.key === 'creditExcess') {
    // Said in words when not over: an empty cell would read as not worked out.
    const excess = record.credit.excess
    const value = excess > 0 ? excess : c.creditLimit && c.creditLimit > 0 ? '否' : '未设信用额度'
    return { label: stat.label, value, span: 1, ...(excess > 0 ? { numFmt: moneyFormat } : {}) }
  }
  const value =
    stat.key === 'transactionAmount'
      ? c.transactionAmount
      : stat.key === 'transactionCount'
        ? c.transactionCount
        : c[stat.key]
  return { label: stat.label, value, span: 1, ...(stat.key === 'transactionAmount' ? { numFmt: moneyFormat } : {}) }
}

/**
 * Packs cells into rows of `cardSlotsPerRow` slots in order; when the next cell
 * does not fit, the last cell of the row is widened to the edge so a printed
 * row has no hole.
 */
export function packRows(cells: CardCell[], slots = cardSlotsPerRow): CardCell[][] {
  const rows: CardCell[][] = []
  let row: CardCell[] = []
  let used = 0
  const close = (): void => {
    const last = row[row.length - 1]
    if (last) last.span += slots - used
    if (row.length > 0) rows.push(row)
    row = []
    used = 0
  }
  for (const original of cells) {
    const cell = { ...original, span: Math.min(original.span, slots) }
    if (used + cell.span > slots) close()
    row.push(cell)
    used += cell.span
    if (used === slots) close()
  }
  close()
  return rows
}

function sectionBlock(section: CardSection, record: CardRecord, today: string, title: string): CardBlock {
  if (section.key === 'contacts') {
    return {
      type: 'table',
      title,
      headers: contactTableHeaders,
      rows: record.contacts.map(contactRow),
      empty: '（尚未登记联系人）',
    }
  }
  const cells = section.fields.map((field) => fieldCell(field, record, today))
  const rows = packRows(cells)
  if (section.stats) rows.push(...packRows(section.stats.map((stat) => statCell(stat, record))))
  return { type: 'fields', title, rows }
}

const footerLabels: Record<string, string> = {
  ownerStaffId: '负责业务员',
  registrar: '填表人',
  registeredAt: '填表日期',
}

/** The card of one customer; `today` grades 成交级别 as the screen does. */
export function cardModel(record: CardRecord, today: string): CardModel {
  const sections = cardSections.filter((s) => !s.onlyFor || s.onlyFor === record.customer.kind)
  return {
    name: record.customer.name,
    code: record.customer.code,
    registeredAt: record.customer.registeredAt,
    blocks: sections.map((section, i) =>
      sectionBlock(section, record, today, `${numerals[i] ?? i + 1}、${section.title}`),
    ),
    footer: cardFooterFields.map((field) => ({
      ...fieldCell(field, record, today),
      label: footerLabels[field.key] ?? field.label,
    })),
  }
}

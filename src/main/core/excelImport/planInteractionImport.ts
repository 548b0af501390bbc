import type {
  DroppedValue,
  DuplicateAction,
  ImportDecisions,
  ImportPreview,
  PreviewRow,
} from '../../../shared/excelImport'
import { cleanText } from '../../../shared/importCleaning'
import { interactionCreateInput } from '../../../shared/interaction'
import type { Caller } from '../accounts/caller'
import { normalizeName } from '../customers/normalizeName'
import type { SqlReader } from '../db/sqlHandles'
import { cellTime } from './cellTime'
import { LabelResolver } from './importColumns'
import { saleTargets, type SaleTarget } from './importQueries'
import { inFileOrder, leaveOutSkippedRows } from './leaveOutSkippedRows'
import { callerStaff, contactsNamed, visitsAt, visitCustomerFacts } from './interactionImportQueries'
import { planContext } from './planImport'
import type { SheetData } from './readImportFile'
import { addProblem, headerOf, placeholderId, readRow, type Mapped, type PendingLabel } from './readRow'

export interface InteractionPlanRow {
  rowNumber: number
  customerId: number
  contactId: number | null
  occurredAt: string
  /** The 交往方式 item, or the placeholder until the commit creates the label in `pending`. */
  typeId: number
  subject: string | null
  content: string | null
  result: string | null
  nextFollowUp: string | null
  staffId: number | null
  pending: PendingLabel[]
}

export interface InteractionPlan {
  preview: ImportPreview
  interactions: InteractionPlanRow[]
}

/** The import key of each field of interactionCreateInput, for naming a refused value's column. */
const keyOfInput: Record<string, string> = {
  customerId: 'customerName',
  contactId: 'contact',
  occurredAt: 'date',
  typeId: 'type',
  staffId: 'staff',
}

/** Columns a row can import without when their value is bad (badValueRows 'blank'); the input key each fills. */
const optionalKeys = new Set(['contact', 'subject', 'content', 'result', 'nextFollowUp'])
const inputKeyOf: Record<string, string> = { contact: 'contactId' }

/**
 * A visit log's rows as 交往记录: each row's customer by 客户编号, else by name
 * (as a 交易记录 file's), refused when the caller may not see it; the values
 * checked by the same schema as interactions.create, and the 业务员 a row leaves
 * empty defaulted as createInteraction does. The preview shows it, the commit
 * writes exactly it.
 */
export async function planInteractionImport(
  db: SqlReader,
  sheet: SheetData,
  decisions: ImportDecisions,
  caller: Caller,
): Promise<InteractionPlan> {
  const { mapped, reading } = await planContext(db, 'interactions', sheet, decisions)
  const labels = new LabelResolver(reading.labels)
  const dateColumn = mapped.find((m) => m.field.key === 'date')?.column
  // 合计/说明 lines and a repeated header are left out (and listed), as in a customer file.
  const { rows: kept, skipped } = leaveOutSkippedRows(sheet.rows, decisions.importRows)
  const read = kept.map((row) => ({ row, ...readRow(row, mapped, labels) }))
  const codeOf = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : null)
  const targets = await saleTargets(
    db,
    read.flatMap((r) => codeOf(r.values.customerCode) ?? []),
    read.flatMap((r) => (typeof r.values.customerName === 'string' ? [normalizeName(r.values.customerName)] : [])),
  )
  const facts = await visitCustomerFacts(
    db,
    targets.map((t) => t.id),
    caller,
  )
  const ownStaff = await callerStaff(db, caller)
  const contactOf = new Map<string, number>()
  const contacts = await contactsNamed(
    db,
    targets.map((t) => t.id),
    read.flatMap((r) => (typeof r.values.contact === 'string' ? [r.values.contact] : [])),
  )
  // The first of a customer's contacts of that name, in the card's order.
  for (const c of contacts.reverse()) contactOf.set(`${c.customerId}\u0000${c.name}`, c.id)
  const byCode = new Map(targets.map((t) => [t.code, t]))
  const byName = new Map<string, SaleTarget[]>()
  for (const t of targets) byName.set(t.nameNorm, [...(byName.get(t.nameNorm) ?? []), t])

  const rows: PreviewRow[] = []
  const planned: { preview: PreviewRow; row: InteractionPlanRow; code: string }[] = []
  for (const r of read) {
    const { values, problems } = r
    const name = typeof values.customerName === 'string' ? values.customerName : ''
    const customer = findCustomer(codeOf(values.customerCode), name, { byCode, byName }, facts, mapped, problems)
    const date = typeof values.date === 'string' ? values.date : null
    let time: string | null = null
    if (date !== null && dateColumn !== undefined) {
      const cleaned = cellTime(r.row.cells[dateColumn] ?? null, '交往日期')
      if (cleaned.ok) time = cleaned.value
      else addProblem(problems, headerOf(mapped, 'date'), cleaned.error)
    }
    const contactName = typeof values.contact === 'string' ? values.contact : null
    const contactId = customer && contactName ? (contactOf.get(`${customer.id}\u0000${contactName}`) ?? null) : null
    if (customer && contactName && contactId === null) {
      problems.push({
        column: headerOf(mapped, 'contact'),
        message: `客户「${customer.name}」没有联系人「${contactName}」：请先在登记卡中添加，或清空该格`,
      })
    }
    const staffId =
      typeof values.staff === 'number'
        ? values.staff
        : customer
          ? ((ownStaff === undefined ? facts.get(customer.id)?.ownerStaffId : ownStaff) ?? null)
          : null
    const given = {
      customerId: customer?.id ?? placeholderId,
      contactId,
      occurredAt: date === null ? undefined : `${date} ${time ?? '00:00'}`,
      typeId: values.type,
      subject: values.subject ?? null,
      content: values.content ?? null,
      result: values.result ?? null,
      nextFollowUp: values.nextFollowUp ?? null,
      staffId,
    }
    let parsed = interactionCreateInput.safeParse(given)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0])
        addProblem(problems, headerOf(mapped, keyOfInput[key] ?? key), issue.message)
      }
    }
    // 导入但留空该项: a row whose only problems are in optional columns imports without those values.
    let dropped: DroppedValue[] | undefined
    if (decisions.badValueRows === 'blank' && customer && problems.length > 0) {
      const bad = problems.map((p) => mapped.find((m) => m.header === p.column && optionalKeys.has(m.field.key)))
      if (bad.every((m) => m !== undefined)) {
        const blanked: Record<string, unknown> = { ...given }
        for (const m of bad) blanked[inputKeyOf[m.field.key] ?? m.field.key] = null
        const again = interactionCreateInput.safeParse(blanked)
        if (again.success) {
          dropped = problems.map((p, i) => ({
            column: p.column,
            value: cleanText(r.row.cells[bad[i]?.column ?? -1] ?? null) ?? '',
            message: p.message,
          }))
          problems.length = 0
          parsed = again
        }
      }
    }
    const ok = parsed.success && customer !== null && problems.length === 0
    const preview: PreviewRow = {
      rowNumber: r.row.rowNumber,
      name: customer?.name ?? name,
      action: ok ? 'create' : 'error',
      problems,
      duplicate: null,
    }
    if (r.notes) preview.notes = r.notes
    if (dropped) preview.dropped = dropped
    rows.push(preview)
    if (!ok || !parsed.success || !customer) continue
    const input = parsed.data
    planned.push({
      preview,
      code: customer.code,
      row: {
        rowNumber: r.row.rowNumber,
        customerId: customer.id,
        contactId: input.contactId ?? null,
        occurredAt: input.occurredAt,
        typeId: input.typeId,
        subject: input.subject ?? null,
        content: input.content ?? null,
        result: input.result ?? null,
        nextFollowUp: input.nextFollowUp ?? null,
        staffId: input.staffId ?? null,
        pending: r.pending,
      },
    })
  }
  const interactions = await leaveOutRepeats(db, planned, decisions)
  const all = inFileOrder(rows, skipped)
  const counts = { create: 0, update: 0, skip: 0, error: 0 }
  for (const row of all) counts[row.action]++
  return {
    preview: {
      total: all.length,
      counts,
      // Whatever the label matching says of each (its proposal too), as a customer file's preview.
      unknownLabels: [...labels.unknown.values()].map((u) => ({
        ...u,
        suggestions: u.suggestions.map((s) => ({ id: s.id, label: s.label })),
      })),
      rows: all,
    },
    interactions,
  }
}

/** What a row shares with a record already there: an office re-importing a log that overlaps the last one. */
const sameVisit = '相同（时间、交往方式、主题、内容）'

/**
 * The rows to write: a row repeating a 交往记录 already in the database (or an
 * earlier row of the file) — same customer, time, 交往方式, 主题 and 内容 — is
 * shown as a duplicate and skipped unless the user chooses 仍然导入 for it.
 */
async function leaveOutRepeats(
  db: SqlReader,
  planned: { preview: PreviewRow; row: InteractionPlanRow; code: string }[],
  decisions: ImportDecisions,
): Promise<InteractionPlanRow[]> {
  const keyOf = (v: {
    customerId: number
    occurredAt: string
    type: string
    subject: string | null
    content: string | null
  }) => JSON.stringify([v.customerId, v.occurredAt, v.type, v.subject ?? '', v.content ?? ''])
  // A label the import creates is in no stored record; rows naming it match each other only.
  const typeOf = (row: InteractionPlanRow) => row.pending.find((p) => p.field === 'type')?.key ?? String(row.typeId)
  const stored = await visitsAt(
    db,
    planned.map((p) => p.row.customerId),
    planned.map((p) => p.row.occurredAt),
  )
  const inDatabase = new Set(stored.map((v) => keyOf({ ...v, type: String(v.typeId) })))
  const inFile = new Map<string, number>()
  const kept: InteractionPlanRow[] = []
  for (const { preview, row, code } of planned) {
    const key = keyOf({ ...row, type: typeOf(row) })
    const earlier = inFile.get(key)
    if (inDatabase.has(key)) {
      preview.duplicate = {
        source: 'database',
        rowNumber: null,
        customerId: row.customerId,
        code,
        name: preview.name,
        reason: `与已有交往记录${sameVisit}`,
      }
    } else if (earlier !== undefined) {
      preview.duplicate = {
        source: 'file',
        rowNumber: earlier,
        customerId: null,
        code: null,
        name: preview.name,
        reason: `与前面的行${sameVisit}`,
      }
    } else inFile.set(key, row.rowNumber)
    // 更新 has nothing to update for a record: as 跳过.
    const decision: DuplicateAction = decisions.duplicateRows[String(row.rowNumber)] ?? decisions.duplicateDefault
    if (preview.duplicate && decision !== 'import') preview.action = 'skip'
    else kept.push(row)
  }
  return kept
}

/**
 * The row's customer: by 客户编号, else by name (an exact spelling first, then the
 * normalised one), among those the caller may see; one the caller may not see is
 * refused with the reason, as interactions.create refuses it.
 */
function findCustomer(
  code: string | null,
  name: string,
  index: { byCode: Map<string, SaleTarget>; byName: Map<string, SaleTarget[]> },
  facts: Map<number, { inScope: boolean }>,
  mapped: Mapped[],
  problems: { column: string; message: string }[],
): SaleTarget | null {
  const inScope = (c: SaleTarget) => facts.get(c.id)?.inScope === true
  const notYours = (c: SaleTarget) => `没有权限：客户「${c.name}」不属于您，只能导入自己负责的客户与公海客户的交往记录`
  if (code) {
    const column = headerOf(mapped, 'customerCode')
    const customer = index.byCode.get(code)
    if (!customer) problems.push({ column, message: `找不到客户编号「${code}」` })
    else if (!inScope(customer)) problems.push({ column, message: notYours(customer) })
    else return customer
    return null
  }
  const column = headerOf(mapped, 'customerName')
  if (!name) {
    problems.push({ column, message: '请填写客户名称或客户编号' })
    return null
  }
  const all = index.byName.get(normalizeName(name)) ?? []
  const candidates = all.filter(inScope)
  const exact = candidates.filter((c) => c.name === name)
  const chosen = exact.length === 1 ? exact : candidates
  if (chosen.length === 1) return chosen[0] as SaleTarget
  if (chosen.length > 1) {
    problems.push({ column, message: `有 ${chosen.length} 个客户名称与「${name}」相同，请填写客户编号以区分` })
  } else if (all.length > 0) {
    problems.push({ column, message: notYours(all[0] as SaleTarget) })
  } else problems.push({ column, message: `找不到客户「${name}」，请先导入或新建该客户` })
  return null
}

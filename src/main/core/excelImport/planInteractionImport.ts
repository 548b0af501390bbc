import type { ImportDecisions, ImportPreview, PreviewRow } from '../../../shared/excelImport'
import { interactionCreateInput } from '../../../shared/interaction'
import type { Caller } from '../accounts/caller'
import { normalizeName } from '../customers/normalizeName'
import type { SqlReader } from '../db/sqlHandles'
import { cellTime } from './cellTime'
import { LabelResolver } from './importColumns'
import { saleTargets, type SaleTarget } from './importQueries'
import { callerStaff, visitCustomerFacts } from './interactionImportQueries'
import { planContext } from './planImport'
import type { SheetData } from './readImportFile'
import { addProblem, headerOf, placeholderId, readRow, type Mapped, type PendingLabel } from './readRow'

export interface InteractionPlanRow {
  rowNumber: number
  customerId: number
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
  occurredAt: 'date',
  typeId: 'type',
  staffId: 'staff',
}

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
  const read = sheet.rows.map((row) => ({ row, ...readRow(row, mapped, labels) }))
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
  const byCode = new Map(targets.map((t) => [t.code, t]))
  const byName = new Map<string, SaleTarget[]>()
  for (const t of targets) byName.set(t.nameNorm, [...(byName.get(t.nameNorm) ?? []), t])

  const rows: PreviewRow[] = []
  const interactions: InteractionPlanRow[] = []
  for (const r of read) {
    const { values, problems } = r
    const name = typeof values.customerName === 'string' ? values.customerName : ''
    const customer = findCustomer(codeOf(values.customerCode), name, { byCode, byName }, facts, mapped, problems)
    const date = typeof values.date === 'string' ? values.date : null
    const time = dateColumn === undefined ? null : cellTime(r.row.cells[dateColumn] ?? null)
    const staffId =
      typeof values.staff === 'number'
        ? values.staff
        : customer
          ? ((ownStaff === undefined ? facts.get(customer.id)?.ownerStaffId : ownStaff) ?? null)
          : null
    const parsed = interactionCreateInput.safeParse({
      customerId: customer?.id ?? placeholderId,
      occurredAt: date === null ? undefined : `${date} ${time ?? '00:00'}`,
      typeId: values.type,
      subject: values.subject ?? null,
      content: values.content ?? null,
      result: values.result ?? null,
      nextFollowUp: values.nextFollowUp ?? null,
      staffId,
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0])
        addProblem(problems, headerOf(mapped, keyOfInput[key] ?? key), issue.message)
      }
    }
    const ok = parsed.success && customer !== null && problems.length === 0
    rows.push({
      rowNumber: r.row.rowNumber,
      name: customer?.name ?? name,
      action: ok ? 'create' : 'error',
      problems,
      duplicate: null,
    })
    if (!ok || !parsed.success || !customer) continue
    const input = parsed.data
    interactions.push({
      rowNumber: r.row.rowNumber,
      customerId: customer.id,
      occurredAt: input.occurredAt,
      typeId: input.typeId,
      subject: input.subject ?? null,
      content: input.content ?? null,
      result: input.result ?? null,
      nextFollowUp: input.nextFollowUp ?? null,
      staffId: input.staffId ?? null,
      pending: r.pending,
    })
  }
  const counts = { create: 0, update: 0, skip: 0, error: 0 }
  for (const row of rows) counts[row.action]++
  return {
    preview: {
      total: rows.length,
      counts,
      // Whatever the label matching says of each (its proposal too), as a customer file's preview.
      unknownLabels: [...labels.unknown.values()].map((u) => ({
        ...u,
        suggestions: u.suggestions.map((s) => ({ id: s.id, label: s.label })),
      })),
      rows,
    },
    interactions,
  }
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

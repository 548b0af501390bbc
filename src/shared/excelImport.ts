import { z } from 'zod'
import { importKinds } from './excelImportFields'
import { recordId, strictError } from './fieldSchemas'
import { base64Text } from './base64Text'

/**
 * Import of customers (with one contact per row), of 交易记录 and of 交往记录 from .xlsx/.csv
 * (docs/product-rules.md#excel-import). import.open reads the file once and keeps it in the core under a
 * session id; import.preview plans every row with the user's decisions;
 * import.commit runs the same plan in ONE transaction as a job (import.progress,
 * import.cancel); import.errorReport gives the rows with problems as .xlsx.
 */

const kind = z.enum(importKinds, { error: '导入类型只能是 customers、sales 或 interactions' })
const sessionId = z.string({ error: '请先选择文件' }).min(1, '请先选择文件').max(64)

export const importTemplateInput = z.strictObject({ kind }, { error: strictError('模板') })
export const fileOutput = z.object({ fileName: z.string(), base64: z.string() })

/** The file as base64 (the preview server speaks JSON); at most ~60 MB of file. */
export const importOpenInput = z.strictObject(
  {
    kind,
    fileName: z
      .string({ error: '文件名必须是文字' })
      .trim()
      .regex(/\.(xlsx|csv)$/i, '只能导入 .xlsx 或 .csv 文件（.xls 请先在 Excel/WPS 中另存为 .xlsx）'),
    base64: base64Text({ maxLength: 80_000_000, tooLarge: '文件过大：最多约 60 MB' }),
  },
  { error: strictError('导入文件') },
)

export const importOpenOutput = z.object({
  sessionId: z.string(),
  fileName: z.string(),
  /** The header row as found in the file (1-based row number in the file). */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** Per column: the field key it is mapped to (remembered, else matched by header), or null. */
  mapping: z.array(z.string().nullable()),
  rowCount: z.number().int(),
  /** The first rows as display text, for the mapping step. */
  sample: z.array(z.array(z.string())),
})
export type ImportOpenOutput = z.infer<typeof importOpenOutput>

export const duplicateActions = ['skip', 'update', 'import'] as const
export type DuplicateAction = (typeof duplicateActions)[number]
export const duplicateActionLabels: Record<DuplicateAction, string> = {
  skip: '跳过',
  update: '更新已有客户',
  import: '仍然导入',
}

const duplicateAction = z.enum(duplicateActions, { error: '重复处理方式只能是 跳过、更新 或 仍然导入' })

/**
 * What the user decided for an unknown dictionary label: create it (itemId null) or use an existing item.
 * A label without a choice takes the item proposed for it (UnknownLabel.proposed), else is created.
 */
export const labelChoiceSchema = z.strictObject(
  {
    field: z.string().max(64),
    label: z.string().max(200),
    itemId: recordId('字典项').nullable(),
  },
  { error: strictError('字典项选择') },
)
export type LabelChoice = z.infer<typeof labelChoiceSchema>

export const badValueRowActions = ['blank', 'skip'] as const
export type BadValueRowAction = (typeof badValueRowActions)[number]
export const badValueRowLabels: Record<BadValueRowAction, string> = { blank: '导入但留空该项', skip: '跳过整行' }

export const importDecisionsInput = z.strictObject(
  {
    sessionId,
    mapping: z.array(z.string().max(64).nullable()).max(500, '列太多：最多 500 列'),
    labelChoices: z.array(labelChoiceSchema).max(5000).default([]),
    duplicateDefault: duplicateAction.default('skip'),
    /** Per file row number (as in the file): overrides duplicateDefault. */
    duplicateRows: z.record(z.string().regex(/^\d+$/), duplicateAction).default({}),
    /** A row whose only problems are bad values in optional fields: imported without them, or refused as before. */
    badValueRows: z.enum(badValueRowActions, { error: '含错误值的行只能 导入但留空该项 或 跳过整行' }).default('skip'),
    /** File row numbers recognised as 合计/说明 or a repeated header (PreviewRow.skipped) to import after all. */
    importRows: z.array(z.number().int().min(1)).max(10_000).optional(),
  },
  { error: strictError('导入设置') },
)
export type ImportDecisions = z.output<typeof importDecisionsInput>

export const importCommitInput = importDecisionsInput.extend({
  /** Rows with problems are left out (and stay in the error report) instead of stopping the import. */
  skipErrorRows: z.boolean({ error: 'skipErrorRows 只能是 true 或 false' }).default(false),
})

export const rowActions = ['create', 'update', 'skip', 'error'] as const
export type RowAction = (typeof rowActions)[number]
export const rowActionLabels: Record<RowAction, string> = {
  create: '新建',
  update: '更新',
  skip: '跳过',
  error: '有问题',
}

export const skippedRowKinds = ['summary', 'header'] as const
export type SkippedRowKind = (typeof skippedRowKinds)[number]
export const skippedRowLabels: Record<SkippedRowKind, string> = {
  summary: '跳过（合计/说明行）',
  header: '跳过（重复的表头）',
}

export const rowProblemSchema = z.object({ column: z.string(), message: z.string() })

export const duplicateOfSchema = z.object({
  /** Another row of the same file, or a customer already in the database. */
  source: z.enum(['file', 'database']),
  rowNumber: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  reason: z.string(),
})

/** A value left out of a row that imports without it (badValueRows 'blank'). */
export const droppedValueSchema = z.object({ column: z.string(), value: z.string(), message: z.string() })
export type DroppedValue = z.infer<typeof droppedValueSchema>

export const previewRowSchema = z.object({
  /** The row number as in the file (what Excel shows at the left). */
  rowNumber: z.number().int(),
  /** 客户名称 as read, for orientation. */
  name: z.string(),
  action: z.enum(rowActions),
  problems: z.array(rowProblemSchema),
  duplicate: duplicateOfSchema.nullable(),
  /** Bad values of optional fields the row is imported without. */
  dropped: z.array(droppedValueSchema).optional(),
  /** Left out unread: a 合计/小计/说明 line ('summary') or the header repeated ('header'); importRows overrides. */
  skipped: z.enum(skippedRowKinds).optional(),
  /** What the import did to the row's values that the user should see: merged cells filled in, phones split. */
  notes: z.array(z.string()).optional(),
})
export type PreviewRow = z.infer<typeof previewRowSchema>

export const unknownLabelSchema = z.object({
  field: z.string(),
  fieldLabel: z.string(),
  label: z.string(),
  rows: z.number().int(),
  suggestions: z.array(z.object({ id: z.number().int(), label: z.string() })),
  /** The existing item the label clearly means (华南区 → 华南), taken unless the user chooses otherwise. */
  proposed: z.object({ id: z.number().int(), label: z.string(), reason: z.string() }).nullable().optional(),
})
export type UnknownLabel = z.infer<typeof unknownLabelSchema>

export const importCountsSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  skip: z.number().int(),
  error: z.number().int(),
})

export const importPreviewOutput = z.object({
  total: z.number().int(),
  counts: importCountsSchema,
  unknownLabels: z.array(unknownLabelSchema),
  rows: z.array(previewRowSchema),
})
export type ImportPreview = z.infer<typeof importPreviewOutput>

export const jobInput = z.strictObject({ jobId: z.string().min(1).max(64) }, { error: strictError('导入任务') })
export const jobStartOutput = z.object({ jobId: z.string() })

export const importResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  contacts: z.number().int(),
  sales: z.number().int(),
  interactions: z.number().int(),
  createdItems: z.number().int(),
})
export type ImportResult = z.infer<typeof importResultSchema>

export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const
export const importProgressOutput = z.object({
  state: z.enum(jobStates),
  done: z.number().int(),
  total: z.number().int(),
  /** Why it failed, in Chinese; the database is as before. */
  message: z.string().nullable(),
  result: importResultSchema.nullable(),
})
export type ImportProgress = z.infer<typeof importProgressOutput>

export const importErrorReportInput = z.strictObject({ sessionId }, { error: strictError('错误报告') })

import { z } from 'zod'
import { base64Text } from './base64Text'
import { strictError } from './fieldSchemas'

/**
 * Backups of the database (docs/product-rules.md#backups). A backup file's name carries when it was
 * taken and why: kqgj-20261123-141500-auto.sqlite; only names of this form are
 * listed, restored or deleted, so a name from the renderer can never reach
 * another file.
 */
export const backupKinds = ['auto', 'manual', 'undo', 'premigration'] as const
export type BackupKind = (typeof backupKinds)[number]
export const backupKindLabels: Record<BackupKind, string> = {
  auto: '每日自动',
  manual: '手动',
  undo: '恢复前自动保存',
  premigration: '升级前自动保存',
}

export const backupNamePattern = /^kqgj-(\d{8})-(\d{6})(?:-(\d{1,3}))?-(auto|manual|undo|premigration)\.sqlite$/

/** Row counts shown next to each backup, so the user can tell a full one from an empty one. */
export const backupTables = ['customer', 'contact', 'interaction', 'sale'] as const
export const backupTableLabels: Record<(typeof backupTables)[number], string> = {
  customer: '客户',
  contact: '联系人',
  interaction: '交往记录',
  sale: '交易记录',
}

export const backupInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(backupKinds),
  /** Local time the backup was taken, ISO without zone: 2026-11-23T14:15:00. */
  takenAt: z.string(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  /** Null when the file could not be read (it is then not offered for restore). */
  rowCounts: z.record(z.string(), z.number().int()).nullable(),
  ok: z.boolean(),
})
export type BackupInfo = z.infer<typeof backupInfoSchema>

export const backupSettingsSchema = z.object({
  /** Null: the data folder's backups/. */
  folder: z.string().nullable(),
  enabled: z.boolean(),
})
export type BackupSettings = z.infer<typeof backupSettingsSchema>
export const backupSettingsOutput = backupSettingsSchema.extend({ effectiveFolder: z.string() })

export const backupListOutput = z.object({
  folder: z.string(),
  backups: z.array(backupInfoSchema),
  /** The copy saved by the last restore, while it can still be put back. */
  undo: backupInfoSchema.nullable(),
})

const backupName = z
  .string({ error: '备份名称必须是文字' })
  .max(80, '备份名称无效')
  .regex(backupNamePattern, '备份名称无效')

/** A file the user picked, sent as base64: the preview speaks JSON, so bytes travel as text. */
export const maxUploadBase64Length = 400_000_000
const upload = z.strictObject(
  {
    fileName: z.string({ error: '文件名必须是文字' }).min(1, '请选择文件').max(260, '文件名过长'),
    base64: base64Text({ maxLength: maxUploadBase64Length, tooLarge: '文件过大' }),
  },
  { error: strictError('上传的文件') },
)

/**
 * What the Electron app's own dialog handed the page for the file or folder the user picked: a
 * one-time token the shell turns back into the path. The page never sends a path, so it cannot
 * point the app at any file it likes; the browser preview has no dialogs and uploads instead.
 */
export const pickedToken = z
  .string({ error: '请选择文件' })
  .min(1, '请选择文件')
  .max(100, '所选的文件已失效，请重新选择')

export const backupRestoreInput = z.union(
  [
    z.strictObject({ name: backupName }, { error: strictError('恢复备份') }),
    z.strictObject({ upload }, { error: strictError('恢复备份') }),
    z.strictObject({ token: pickedToken }, { error: strictError('恢复备份') }),
  ],
  { error: '请选择要恢复的备份或文件' },
)

export const backupRestoreOutput = z.object({
  /** The undo copy of the database as it was just before the restore. */
  undo: backupInfoSchema,
  schemaVersion: z.number().int(),
  rowCounts: z.record(z.string(), z.number().int()),
})

/** folder: left out keeps the current one, null goes back to the default, a token is a folder picked in the dialog. */
export const backupSettingsSetInput = z.strictObject(
  {
    folder: z
      .union([z.null(), z.strictObject({ token: pickedToken }, { error: strictError('备份文件夹') })], {
        error: '请用“选择文件夹…”选择备份文件夹',
      })
      .optional(),
    enabled: z.boolean({ error: '自动备份开关必须是 是/否' }),
  },
  { error: strictError('备份设置') },
)

export const startupNoticeSchema = z.object({
  /** Set when the database file could not be used and was renamed, untouched, beside it. */
  movedAside: z
    .object({
      reason: z.enum(['corrupt', 'foreign', 'newer']),
      message: z.string(),
      movedTo: z.string(),
    })
    .nullable(),
  /** The newest backup that passed integrity_check, offered for restore. */
  newestBackup: backupInfoSchema.nullable(),
  /** The data folder is on a network share, where SQLite's WAL is unsafe. */
  networkWarning: z.string().nullable(),
})
export type StartupNotice = z.infer<typeof startupNoticeSchema>

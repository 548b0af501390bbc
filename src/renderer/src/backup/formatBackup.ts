import { backupTableLabels, backupTables, type BackupInfo } from '../../../shared/backup'

/** 2026-11-23T14:15:00 → 2026-11-23 14:15 */
export function formatTakenAt(takenAt: string): string {
  return takenAt.replace('T', ' ').slice(0, 16)
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** 客户 120 · 联系人 300 · 交往记录 800 · 交易记录 2000 */
export function formatRowCounts(info: BackupInfo): string {
  if (!info.rowCounts) return '文件已损坏，无法读取'
  return backupTables.map((t) => `${backupTableLabels[t]} ${info.rowCounts?.[t] ?? 0}`).join(' · ')
}

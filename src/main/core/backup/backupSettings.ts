import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { backupSettingsSchema, type BackupSettings } from '../../../shared/backup'

/**
 * Backup settings live in a small JSON file in the data folder, not in the
 * database: a restore replaces the database, and must not also change where
 * backups go or switch them off.
 */
export const backupSettingsFileName = 'backup-settings.json'
export const defaultBackupSettings: BackupSettings = { folder: null, enabled: true }

export function readBackupSettings(dataDir: string): BackupSettings {
  const path = join(dataDir, backupSettingsFileName)
  if (!existsSync(path)) return defaultBackupSettings
  try {
    const parsed = backupSettingsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    // A damaged settings file must not stop the daily backup: fall back to the defaults.
    return parsed.success ? parsed.data : defaultBackupSettings
  } catch {
    return defaultBackupSettings
  }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  const path = join(dataDir, backupSettingsFileName)
  writeFileSync(`${path}.tmp`, JSON.stringify(settings, null, 2))
  renameSync(`${path}.tmp`, path)
}

/** Where backups go: the chosen folder, or the data folder's backups/. */
export function backupFolder(dataDir: string, settings = readBackupSettings(dataDir)): string {
  return settings.folder ?? join(dataDir, 'backups')
}

import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { backupTables, type BackupInfo } from '../../../shared/backup'
import { rawAll, withRaw } from '../db/rawSqlite'
import { localIso, newestFirst, parseBackupName, type ParsedBackupName } from './backupNames'

/** The backup files in `folder` (only names of our form), newest first. */
export function backupFilesIn(folder: string): ParsedBackupName[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map(parseBackupName)
    .filter((parsed): parsed is ParsedBackupName => parsed !== null)
    .sort(newestFirst)
}

/**
 * What a backup holds, read from the file itself opened read-only: its schema
 * version and the row counts of the main tables. A file that cannot be read is
 * listed with `ok: false` rather than hidden, so the user sees it is broken.
 */
export async function describeBackup(folder: string, parsed: ParsedBackupName): Promise<BackupInfo> {
  const path = join(folder, parsed.name)
  const base = {
    name: parsed.name,
    kind: parsed.kind,
    takenAt: localIso(parsed.takenAt),
    sizeBytes: statSync(path).size,
  }
  try {
    const { schemaVersion, rowCounts } = await withRaw(path, 'readonly', async (db) => {
      const [version] = await rawAll(db, 'PRAGMA user_version')
      const present = new Set(
        (await rawAll(db, `SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) => String(r.name)),
      )
      const counts: Record<string, number> = {}
      for (const table of backupTables) {
        // Table names come from a fixed list, never from input; older schemas may lack some tables.
        counts[table] = present.has(table)
          ? Number((await rawAll(db, `SELECT COUNT(*) AS n FROM "${table}"`))[0]?.n ?? 0)
          : 0
      }
      return { schemaVersion: Number(version?.user_version ?? 0), rowCounts: counts }
    })
    return { ...base, schemaVersion, rowCounts, ok: true }
  } catch {
    return { ...base, schemaVersion: 0, rowCounts: null, ok: false }
  }
}

export async function listBackups(folder: string): Promise<BackupInfo[]> {
  const infos: BackupInfo[] = []
  for (const parsed of backupFilesIn(folder)) infos.push(await describeBackup(folder, parsed))
  return infos
}

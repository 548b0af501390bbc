import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { backupFilesIn } from './backupCatalog'
import { backupsToPrune } from './backupRetention'

/** Deletes the backups the retention schedule no longer keeps; returns their names. */
export function pruneBackups(folder: string): string[] {
  const doomed = backupsToPrune(backupFilesIn(folder))
  for (const name of doomed) rmSync(join(folder, name), { force: true })
  return doomed
}

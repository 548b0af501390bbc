import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { backupNamePattern } from '../../../shared/backup'
import { flushFolder, writeFileDurably } from './durableFiles'

/**
 * The undo copy of the last restore, remembered in the data folder so 撤销恢复
 * survives a restart; cleared once used. While a restore swaps the database file
 * the record carries the step it is at, written to the disk before the swap,
 * so a start-up after a crash can finish the job (finishInterruptedRestore).
 */
export const lastRestoreFileName = 'last-restore.json'
const restoreRecordSchema = z.object({
  folder: z.string(),
  undoName: z.string().regex(backupNamePattern),
  /**
   * 'replacing': the chosen file's copy is complete beside the database (or already in its place);
   * 'puttingBack': a failed restore is putting the undo copy back. Absent once done.
   */
  step: z.enum(['replacing', 'puttingBack']).optional(),
})
export type RestoreRecord = z.infer<typeof restoreRecordSchema>
export type LastRestore = Omit<RestoreRecord, 'step'>

/** The record as written, whatever its step; null when there is none or it cannot be read. */
export function readRestoreRecord(dataDir: string): RestoreRecord | null {
  const path = join(dataDir, lastRestoreFileName)
  if (!existsSync(path)) return null
  try {
    const parsed = restoreRecordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The finished restore that 撤销恢复 can take back, while its undo copy is still there. */
export function readLastRestore(dataDir: string): LastRestore | null {
  const record = readRestoreRecord(dataDir)
  if (!record || record.step || !existsSync(join(record.folder, record.undoName))) return null
  return { folder: record.folder, undoName: record.undoName }
}

export function writeRestoreRecord(dataDir: string, record: RestoreRecord): void {
  writeFileDurably(join(dataDir, lastRestoreFileName), JSON.stringify(record))
}

export function clearLastRestore(dataDir: string): void {
  rmSync(join(dataDir, lastRestoreFileName), { force: true })
  flushFolder(dataDir)
}

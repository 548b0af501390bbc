import { hasStagedFile, swapInStagedFile } from './stageDatabaseFile'
import { clearLastRestore, readRestoreRecord, writeRestoreRecord } from './lastRestore'

/**
 * Start-up's part of a restore the process did not live to finish (see
 * restoreDatabase for the order of its steps). The record is on the disk only
 * once the undo copy and a complete copy of the chosen file are, so:
 * - the copy still lies beside the database: the rename did not happen; it is
 *   done now (the old file is safe in the undo copy);
 * - the copy is gone: the rename did happen.
 * A restore ends restored with 撤销恢复 on offer; a failed one that was putting
 * the undo copy back ends with it back and nothing to undo.
 * Returns what it found, for the tests and the log.
 */
export function finishInterruptedRestore(dataDir: string, databasePath: string): 'none' | 'restored' | 'putBack' {
  const record = readRestoreRecord(dataDir)
  if (!record?.step) return 'none'
  if (hasStagedFile(databasePath)) swapInStagedFile(databasePath)
  if (record.step === 'replacing') {
    writeRestoreRecord(dataDir, { folder: record.folder, undoName: record.undoName })
    return 'restored'
  }
  clearLastRestore(dataDir)
  return 'putBack'
}

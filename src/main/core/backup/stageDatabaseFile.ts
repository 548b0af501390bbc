import { existsSync, rmSync } from 'node:fs'
import { renameDurably } from './durableFiles'
import { onlineBackup } from './onlineBackup'
import { removeDatabaseFile } from './removeDatabaseFile'

/**
 * Replacing the database file is two steps, so that a crash between them can be
 * finished at the next start: `stageDatabaseFile` makes a complete copy beside
 * the database (kqgj.sqlite.restoring, on the disk before it has that name), and
 * `swapInStagedFile` renames it over the closed database in one step. A file
 * under the staged name is always a whole copy.
 */
export const stagedFile = (targetPath: string) => `${targetPath}.restoring`

export async function stageDatabaseFile(sourcePath: string, targetPath: string): Promise<void> {
  removeDatabaseFile(stagedFile(targetPath))
  await onlineBackup(sourcePath, stagedFile(targetPath))
}

export function hasStagedFile(targetPath: string): boolean {
  return existsSync(stagedFile(targetPath))
}

/**
 * Only with the database closed. The old file's -wal/-shm go first: they belong
 * to it and would be replayed into the new one. Whatever they held that the
 * main file did not is in the undo copy, taken through SQLite before the close.
 */
export function swapInStagedFile(targetPath: string): void {
  rmSync(`${targetPath}-wal`, { force: true })
  rmSync(`${targetPath}-shm`, { force: true })
  renameDurably(stagedFile(targetPath), targetPath)
}

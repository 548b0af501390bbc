import { renameSync, rmSync } from 'node:fs'
import { onlineBackup } from './onlineBackup'

/**
 * Puts a copy of the database at `sourcePath` in place of the (closed) file at
 * `targetPath`: copied beside it first, then renamed over it, so a failure
 * half-way leaves the old file whole. The old file's -wal/-shm go too: they
 * belong to the old file and would be replayed into the new one.
 */
export async function installDatabaseFile(sourcePath: string, targetPath: string): Promise<void> {
  const incoming = `${targetPath}.restoring`
  rmSync(incoming, { force: true })
  await onlineBackup(sourcePath, incoming)
  rmSync(`${targetPath}-wal`, { force: true })
  rmSync(`${targetPath}-shm`, { force: true })
  renameSync(incoming, targetPath)
}

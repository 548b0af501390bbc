import { readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { backupNamePattern } from '../../../shared/backup'
import { backupFolder } from './backupSettings'
import { finishInterruptedRestore } from './finishInterruptedRestore'
import { lastRestoreFileName } from './lastRestore'
import { stagedFile } from './stageDatabaseFile'

/** kqgj-20261123-141500-manual.sqlite.partial and its journal, -wal, -shm: a backup the process did not finish. */
const partialSuffix = /\.partial(?:-journal|-wal|-shm)?$/
/** A file the preview uploaded for a restore, and what SQLite left beside it while reading it. */
const uploadName = /^upload-[\w-]+\.sqlite(?:-journal|-wal|-shm)?$/
const companions = ['', '-journal', '-wal', '-shm']

/**
 * Run at start-up, before the database is opened, with nothing else at work in
 * the data folder: finishes a restore a crash cut short, then removes what
 * unfinished work leaves behind — half-written backups, the restore's staged
 * copy, uploaded files. Only names the app itself gives such files are touched.
 * Returns the paths removed.
 */
export function cleanUpAfterCrash(dataDir: string, databasePath: string): string[] {
  finishInterruptedRestore(dataDir, databasePath)
  const staged = basename(stagedFile(databasePath))
  const leftovers = new Set([
    `${lastRestoreFileName}.tmp`,
    ...companions.flatMap((suffix) => [`${staged}${suffix}`, `${staged}.partial${suffix}`]),
  ])
  const removed = removeWhere(dirname(databasePath), (name) => leftovers.has(name) || uploadName.test(name))
  // Pre-upgrade backups always go to the data folder's backups/, the others to the chosen folder.
  for (const folder of new Set([backupFolder(dataDir), join(dataDir, 'backups')])) {
    removed.push(
      ...removeWhere(
        folder,
        (name) => partialSuffix.test(name) && backupNamePattern.test(name.replace(partialSuffix, '')),
      ),
    )
  }
  return removed
}

function removeWhere(folder: string, doomed: (name: string) => boolean): string[] {
  const removed: string[] = []
  for (const name of namesIn(folder)) {
    if (!doomed(name)) continue
    rmSync(join(folder, name), { force: true })
    removed.push(join(folder, name))
  }
  return removed
}

/** A backup folder on a U 盘 that is not plugged in is simply skipped. */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}

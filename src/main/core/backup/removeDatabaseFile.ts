import { rmSync } from 'node:fs'

/** The files SQLite keeps beside a database while it is open or after a crash. */
export const companionSuffixes = ['-journal', '-wal', '-shm'] as const

/** Deletes a database file the app made for itself (a temporary copy, an upload) with its journal, -wal and -shm. */
export function removeDatabaseFile(path: string): void {
  rmSync(path, { force: true })
  for (const suffix of companionSuffixes) rmSync(`${path}${suffix}`, { force: true })
}

import { existsSync, renameSync } from 'node:fs'
import { companionSuffixes } from '../backup/removeDatabaseFile'
import type { FileProblem } from './preflight'

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * Renames an unusable database file out of the way, byte for byte as it was,
 * with its -wal, -shm and -journal under matching names (SQLite finds `<file>-wal` next to
 * `<file>`, so the set can still be opened by someone trying to rescue it):
 * kqgj.sqlite → kqgj.sqlite.corrupt-20261123-1415. Returns the new path.
 */
export function moveAside(path: string, reason: FileProblem, now: Date): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`
  let target = `${path}.${reason}-${stamp}`
  for (let n = 2; [target, ...companionSuffixes.map((suffix) => `${target}${suffix}`)].some(existsSync); n++)
    target = `${path}.${reason}-${stamp}-${n}`
  // The logs first: a main file without its log would look like an older database to anyone opening
  // it, and a -journal left under the old name would be rolled back into the new, empty database.
  for (const suffix of companionSuffixes) {
    if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${target}${suffix}`)
  }
  renameSync(path, target)
  return target
}

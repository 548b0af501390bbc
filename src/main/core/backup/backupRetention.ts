import type { ParsedBackupName } from './backupNames'
import { newestFirst } from './backupNames'

export interface RetentionPolicy {
  daily: number
  weekly: number
  monthly: number
  /** Undo copies saved by restores. */
  undo: number
  /** Copies saved before a schema upgrade. */
  premigration: number
}

export const defaultRetention: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, undo: 5, premigration: 3 }

/**
 * Which backups to delete. Automatic backups are kept on a rolling schedule:
 * the newest of each of the last `daily` days that have one, of the last
 * `weekly` weeks (Monday to Sunday) and of the last `monthly` months, so a
 * year of history costs about 23 files. Manual backups are the user's own and
 * are never deleted; undo and pre-upgrade copies keep only the newest few.
 */
export function backupsToPrune(backups: readonly ParsedBackupName[], policy = defaultRetention): string[] {
  const keep = new Set<string>()
  const auto = backups.filter((b) => b.kind === 'auto').sort(newestFirst)
  keepNewestPerPeriod(auto, dayKey, policy.daily, keep)
  keepNewestPerPeriod(auto, weekKey, policy.weekly, keep)
  keepNewestPerPeriod(auto, monthKey, policy.monthly, keep)
  for (const kind of ['undo', 'premigration'] as const) {
    for (const b of backups
      .filter((x) => x.kind === kind)
      .sort(newestFirst)
      .slice(0, policy[kind]))
      keep.add(b.name)
  }
  return backups.filter((b) => b.kind !== 'manual' && !keep.has(b.name)).map((b) => b.name)
}

function keepNewestPerPeriod(
  newestFirstList: readonly ParsedBackupName[],
  period: (date: Date) => string,
  count: number,
  keep: Set<string>,
): void {
  const seen = new Set<string>()
  for (const backup of newestFirstList) {
    const key = period(backup.takenAt)
    if (seen.has(key)) continue
    if (seen.size >= count) break
    seen.add(key)
    keep.add(backup.name)
  }
}

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
const monthKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}`
/** The Monday that starts the date's week, as a day key. */
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7))
  return dayKey(monday)
}

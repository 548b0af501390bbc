import type { BackupInfo } from '../../../shared/backup'
import type { CoreContext } from '../handlerTypes'
import { backupFilesIn, describeBackup } from './backupCatalog'
import { backupFolder, readBackupSettings } from './backupSettings'
import { oneBackupAtATime } from './oneBackupAtATime'
import { pruneBackups } from './pruneBackups'
import { takeBackup } from './takeBackup'

/** True when automatic backups are on and none was taken yet on `now`'s (local) day. */
export function isDailyBackupDue(backupDates: readonly Date[], now: Date, enabled: boolean): boolean {
  if (!enabled) return false
  return !backupDates.some(
    (d) => d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate(),
  )
}

/**
 * The daily backup: called at start-up and then periodically by the shell,
 * which only owns the timer. The once-a-day guard is the backup folder itself,
 * so a restart, a second call or a changed clock never piles up copies.
 */
export async function runDailyBackupIfDue(ctx: CoreContext, now: Date): Promise<BackupInfo | null> {
  // Just after a damaged file was set aside the database is new and empty: a backup of it would only
  // crowd the good backups the user is about to restore from.
  if (ctx.startup?.notice.movedAside) return null
  // The look at the folder takes the same turn as the backup: two runs started together take one backup, not two.
  return oneBackupAtATime(async () => {
    const settings = readBackupSettings(ctx.dataDir)
    const folder = backupFolder(ctx.dataDir, settings)
    const autoDates = backupFilesIn(folder)
      .filter((b) => b.kind === 'auto')
      .map((b) => b.takenAt)
    if (!isDailyBackupDue(autoDates, now, settings.enabled)) return null
    const taken = await takeBackup(ctx.store.databasePath, folder, 'auto', now)
    pruneBackups(folder)
    return describeBackup(folder, taken)
  })
}

/** The daily backup is due once per calendar day; an hourly look catches a PC left on past midnight. */
export const dailyBackupCheckMs = 60 * 60 * 1000

/**
 * The runner shared by the Electron shell and the browser preview: the core's
 * `runIfDue` now and then hourly. Returns the function that stops it.
 */
export function startDailyBackups(
  runIfDue: (now: Date) => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  const run = () => {
    runIfDue(new Date()).catch(onError)
  }
  run()
  const timer = setInterval(run, dailyBackupCheckMs)
  // The timer alone never keeps the process alive.
  timer.unref()
  return () => clearInterval(timer)
}

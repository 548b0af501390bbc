import { join } from 'node:path'
import type { BackupInfo, StartupNotice } from '../../../shared/backup'
import { AppError } from '../appError'
import { moveAside } from '../db/moveAside'
import { inspectDatabaseFile, type DatabaseFileState, type FileProblem, type PreflightResult } from '../db/preflight'
import { backupFilesIn, describeBackup } from './backupCatalog'

export interface StartupOptions {
  /**
   * A file from a newer version holds data this program cannot show. By default
   * start-up refuses it (the shell asks the user); 'moveAside' is the user's
   * explicit choice to set it aside and carry on from a backup.
   */
  newerFile?: 'refuse' | 'moveAside'
  now: Date
}

export type MovedAside = NonNullable<StartupNotice['movedAside']>

/** Start-up refused a file from a newer version: the shell asks whether to set it aside. */
export class NewerDatabaseError extends AppError {
  constructor(message: string) {
    super('DB_OPEN', message)
  }
}

/**
 * Start-up's look at the database file before opening it: a corrupt, truncated,
 * empty (0 bytes) or foreign file is renamed aside untouched with its -wal/-shm
 * (never overwritten, never deleted) and the app starts on a new, empty
 * database; the notice tells the user and offers the newest good backup.
 */
export async function setAsideUnusableDatabase(
  path: string,
  latestVersion: number,
  options: StartupOptions,
): Promise<{ movedAside: MovedAside | null; checked: PreflightResult }> {
  const state = await inspectDatabaseFile(path, latestVersion, { rollBackHotJournal: true })
  if (state.state === 'missing' || state.state === 'ok') return { movedAside: null, checked: state }
  if (state.state === 'newer' && options.newerFile !== 'moveAside') throw new NewerDatabaseError(state.message)
  const movedTo = moveAside(path, state.state, options.now)
  const what = whatWasWrong(state)
  return {
    movedAside: {
      reason: state.state,
      movedTo,
      message: `${what}，已原样改名保存为 ${movedTo}（未删除、未修改），程序已换用新的空白数据库。`,
    },
    checked: { state: 'missing' },
  }
}

function whatWasWrong(state: DatabaseFileState & { state: FileProblem }): string {
  if (state.empty) {
    const { walBytes } = state.empty
    const wal = walBytes > 0 ? `，但旁边的日志文件（-wal）还有 ${walBytes} 字节数据，可能是异常关机后留下的` : ''
    return `数据文件是空的（0 字节）${wal}`
  }
  return {
    corrupt: '数据文件已损坏或不完整',
    foreign: '数据文件不是客情管家的数据库',
    newer: '数据文件来自更新版本的客情管家',
  }[state.state]
}

/** The newest backup that passes integrity_check and this program can open. */
export async function newestGoodBackup(folder: string, latestVersion: number): Promise<BackupInfo | null> {
  for (const parsed of backupFilesIn(folder)) {
    const state = await inspectDatabaseFile(join(folder, parsed.name), latestVersion, { check: 'integrity_check' })
    if (state.state === 'ok' && state.schemaVersion >= 1) return describeBackup(folder, parsed)
  }
  return null
}

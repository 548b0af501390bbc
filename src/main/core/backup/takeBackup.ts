import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupKind } from '../../../shared/backup'
import { AppError } from '../appError'
import { backupFileName, parseBackupName, type ParsedBackupName } from './backupNames'
import { failureText } from './failureText'
import { oneBackupAtATime } from './oneBackupAtATime'
import { onlineBackup } from './onlineBackup'

/**
 * Takes an online backup of the database at `databasePath` into `folder`, under
 * a name no other backup has, after any backup already running (oneBackupAtATime).
 */
export function takeBackup(
  databasePath: string,
  folder: string,
  kind: BackupKind,
  now: Date,
): Promise<ParsedBackupName> {
  return oneBackupAtATime(async () => {
    let name = backupFileName(now, kind)
    for (let serial = 2; existsSync(join(folder, name)); serial++) name = backupFileName(now, kind, serial)
    try {
      await onlineBackup(databasePath, join(folder, name))
    } catch (error) {
      throw new AppError('INTERNAL', `备份失败：${failureText(error)}。备份文件夹：${folder}`)
    }
    const parsed = parseBackupName(name)
    if (!parsed) throw new Error(`unparseable backup name ${name}`)
    return parsed
  })
}

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupKind } from '../../../shared/backup'
import { AppError } from '../appError'
import { backupFileName, parseBackupName, type ParsedBackupName } from './backupNames'
import { onlineBackup } from './onlineBackup'

/** Takes an online backup of the database at `databasePath` into `folder`, under a name no other backup has. */
export async function takeBackup(
  databasePath: string,
  folder: string,
  kind: BackupKind,
  now: Date,
): Promise<ParsedBackupName> {
  let name = backupFileName(now, kind)
  for (let serial = 2; existsSync(join(folder, name)); serial++) name = backupFileName(now, kind, serial)
  try {
    await onlineBackup(databasePath, join(folder, name))
  } catch (error) {
    throw new AppError('INTERNAL', `备份失败：${backupFailure(error)}。备份文件夹：${folder}`)
  }
  const parsed = parseBackupName(name)
  if (!parsed) throw new Error(`unparseable backup name ${name}`)
  return parsed
}

function backupFailure(error: unknown): string {
  const code = (error as { code?: string } | null)?.code
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') {
    return '无法写入备份文件夹（U 盘是否已拔出，或文件夹没有写入权限？）'
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return '磁盘已满'
  return error instanceof Error ? error.message : String(error)
}

import { randomUUID } from 'node:crypto'
import { accessSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, isAbsolute, join } from 'node:path'
import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { takePickedPath } from '../pickedPaths'
import { describeBackup, listBackups } from './backupCatalog'
import { parseBackupName } from './backupNames'
import { backupFolder, readBackupSettings, writeBackupSettings } from './backupSettings'
import { checkNotLiveDatabase, checkRestorePath } from './checkRestoreSource'
import { clearLastRestore, readLastRestore } from './lastRestore'
import { oneBackupAtATime } from './oneBackupAtATime'
import { pruneBackups } from './pruneBackups'
import { recordRestore } from './recordRestore'
import { removeDatabaseFile } from './removeDatabaseFile'
import { restoreDatabase } from './restoreDatabase'
import { takeBackup } from './takeBackup'

type BackupChannels =
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'backups.undoRestore'
  | 'backups.settings.get'
  | 'backups.settings.set'
  | 'app.startupNotice'

export function backupHandlers(ctx: CoreContext): DomainHandlers<BackupChannels> {
  const now = () => (ctx.clock ?? (() => new Date()))()

  return {
    'backups.list': async () => {
      const folder = backupFolder(ctx.dataDir)
      const last = readLastRestore(ctx.dataDir)
      const undoParsed = last ? parseBackupName(last.undoName) : null
      return {
        folder,
        backups: await listBackups(folder),
        undo: last && undoParsed ? await describeBackup(last.folder, undoParsed) : null,
      }
    },

    // A second 立即备份 while one runs waits for it and takes its own copy (see oneBackupAtATime).
    'backups.create': () =>
      oneBackupAtATime(async () => {
        const folder = backupFolder(ctx.dataDir)
        const taken = await takeBackup(ctx.store.databasePath, folder, 'manual', now())
        // Pruning and describing inside the turn: no other backup's pruning can remove the file being described.
        pruneBackups(folder)
        return describeBackup(folder, taken)
      }),

    'backups.restore': async (input, caller) => {
      const restored = async (path: string, detail: string) => {
        const at = now()
        const result = await restoreDatabase(ctx, path, at)
        await recordRestore(ctx.store, caller, detail, at)
        return result
      }
      if ('name' in input) {
        const folder = backupFolder(ctx.dataDir)
        const path = join(folder, input.name)
        if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到备份 ${input.name}，可能已被删除`)
        checkNotLiveDatabase(path, ctx.store.databasePath)
        return restored(path, `从备份 ${input.name} 恢复`)
      }
      if ('token' in input) {
        const path = takePickedPath(ctx.pickedPaths, input.token, 'restoreFile')
        checkRestorePath(path, ctx.store.databasePath)
        return restored(path, `从文件 ${basename(path)} 恢复`)
      }
      // The chosen file is written into the data folder first, so it is checked and copied like any backup.
      // Its own name: two uploads in the same second must not share a file. Start-up removes one a crash left.
      const uploaded = join(ctx.dataDir, `upload-${randomUUID()}.sqlite`)
      writeFileSync(uploaded, Buffer.from(input.upload.base64, 'base64'))
      try {
        return await restored(uploaded, `从上传的文件 ${input.upload.fileName} 恢复`)
      } finally {
        // Reading a file marked as a WAL database leaves a -wal/-shm beside it.
        removeDatabaseFile(uploaded)
      }
    },

    'backups.undoRestore': async (_input, caller) => {
      const last = readLastRestore(ctx.dataDir)
      if (!last) throw new AppError('NOT_FOUND', '没有可以撤销的恢复')
      const at = now()
      const result = await restoreDatabase(ctx, join(last.folder, last.undoName), at)
      await recordRestore(ctx.store, caller, `撤销恢复（回到 ${last.undoName}）`, at)
      // Undoing saved its own undo copy; offering to undo the undo would only confuse.
      clearLastRestore(ctx.dataDir)
      return result
    },

    'backups.settings.get': async () => {
      const settings = readBackupSettings(ctx.dataDir)
      return { ...settings, effectiveFolder: backupFolder(ctx.dataDir, settings) }
    },

    'backups.settings.set': async (input) => {
      const folder =
        input.folder === undefined
          ? readBackupSettings(ctx.dataDir).folder
          : input.folder === null
            ? null
            : takePickedPath(ctx.pickedPaths, input.folder.token, 'backupFolder')
      if (folder !== null) checkWritableFolder(folder)
      const settings = { folder, enabled: input.enabled }
      writeBackupSettings(ctx.dataDir, settings)
      return { ...settings, effectiveFolder: backupFolder(ctx.dataDir, settings) }
    },

    'app.startupNotice': async () => {
      return ctx.startup?.notice ?? { movedAside: null, newestBackup: null, networkWarning: null }
    },
  }
}

function checkWritableFolder(folder: string): void {
  if (!isAbsolute(folder)) {
    throw new AppError('VALIDATION', '备份文件夹须是完整路径，如 E:\\客情管家备份', { folder: '须是完整路径' })
  }
  try {
    mkdirSync(folder, { recursive: true })
    accessSync(folder, constants.W_OK)
  } catch {
    throw new AppError('VALIDATION', `无法写入备份文件夹：${folder}（U 盘是否已插好，或文件夹没有写入权限？）`, {
      folder: '无法写入',
    })
  }
}

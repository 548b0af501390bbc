import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { AppError } from '../appError'
import type { CoreContext, DomainHandlers } from '../handlerTypes'
import { takePickedPath } from '../pickedPaths'
import { describeBackup, listBackups } from './backupCatalog'
import { backupFileName, parseBackupName } from './backupNames'
import { backupFolder, readBackupSettings, writeBackupSettings } from './backupSettings'
import { clearLastRestore, readLastRestore } from './lastRestore'
import { oneBackupAtATime } from './oneBackupAtATime'
import { pruneBackups } from './pruneBackups'
import { restoreDatabase } from './restoreDatabase'
import { takeBackupNow } from './takeBackup'

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
        const taken = await takeBackupNow(ctx.store.databasePath, folder, 'manual', now())
        // Pruning and describing inside the turn: no other backup's pruning can remove the file being described.
        pruneBackups(folder)
        return describeBackup(folder, taken)
      }),

    'backups.restore': async (input) => {
      if ('name' in input) {
        const folder = backupFolder(ctx.dataDir)
        const path = join(folder, input.name)
        if (!existsSync(path)) throw new AppError('NOT_FOUND', `找不到备份 ${input.name}，可能已被删除`)
        return restoreDatabase(ctx, path, now())
      }
      if ('token' in input) {
        const path = takePickedPath(ctx.pickedPaths, input.token, 'restoreFile')
        checkRestorePath(path, ctx.store.databasePath)
        return restoreDatabase(ctx, path, now())
      }
      // The chosen file is written into the data folder first, so it is checked and copied like any backup.
      const uploaded = join(ctx.dataDir, `upload-${backupFileName(now(), 'manual')}`)
      writeFileSync(uploaded, Buffer.from(input.upload.base64, 'base64'))
      try {
        return await restoreDatabase(ctx, uploaded, now())
      } finally {
        rmSync(uploaded, { force: true })
      }
    },

    'backups.undoRestore': async () => {
      const last = readLastRestore(ctx.dataDir)
      if (!last) throw new AppError('NOT_FOUND', '没有可以撤销的恢复')
      const result = await restoreDatabase(ctx, join(last.folder, last.undoName), now())
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

/** A chosen file is read where it lies: it must be a file, and not the database in use. */
function checkRestorePath(path: string, databasePath: string): void {
  if (!isAbsolute(path)) throw new AppError('VALIDATION', '文件路径须是完整路径')
  let isFile: boolean
  try {
    isFile = statSync(path).isFile()
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件：${path}（是否已被移动或删除？）`)
  }
  if (!isFile) throw new AppError('VALIDATION', `所选的不是文件：${path}`)
  // Windows paths differ in case only when they name the same file.
  const same = (p: string) => (process.platform === 'win32' ? resolve(p).toLowerCase() : resolve(p))
  if (same(path) === same(databasePath)) {
    throw new AppError('VALIDATION', '所选的是正在使用的数据文件，不能用它恢复；请选择一份备份')
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

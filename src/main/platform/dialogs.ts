import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { StartupNotice } from '../../shared/backup'
import { AppError } from '../core/appError'
import type { PlatformHandlers } from './platformDispatch'

export const startupErrorTitle = '客情管家无法启动'

/**
 * What the user reads when the app cannot start. A refused database (DB_OPEN)
 * already carries a Chinese message naming the file, which was left untouched.
 */
export function startupErrorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message
  const detail = error instanceof Error ? error.message : String(error)
  return `启动时出错：${detail}\n请重新启动客情管家；如反复出现，请联系技术支持。`
}

/** Blocks until the user closes the box, so the app quits only after it was read. */
export function showStartupError(error: unknown): void {
  dialog.showErrorBox(startupErrorTitle, startupErrorMessage(error))
}

export const newerFileButtons = ['退出，先升级程序', '把文件移到一旁，用备份继续'] as const

/**
 * A database from a newer version is the user's newest data: quitting (to
 * upgrade) is the default; setting it aside, renamed and untouched, is offered
 * for an office that must keep working on an older copy today.
 */
export function askSetAsideNewerFile(message: string): boolean {
  const response = dialog.showMessageBoxSync({
    type: 'warning',
    title: startupErrorTitle,
    message: '数据文件来自更新版本的客情管家',
    detail: `${message}\n\n也可以把这个文件原样移到一旁（不删除、不修改），先用最近的备份继续工作；升级后可再恢复它。`,
    buttons: [...newerFileButtons],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  return response === 1
}

/** The start-up notice as one Chinese text; null when there is nothing to tell. */
export function startupNoticeText(notice: StartupNotice): string | null {
  const parts: string[] = []
  if (notice.movedAside) {
    parts.push(notice.movedAside.message)
    parts.push(
      notice.newestBackup
        ? `最近一份完好的备份是 ${notice.newestBackup.takenAt.replace('T', ' ')}，可在“数据 › 备份与恢复”中恢复。`
        : '没有找到可用的备份。',
    )
  }
  if (notice.networkWarning) parts.push(notice.networkWarning)
  return parts.length > 0 ? parts.join('\n\n') : null
}

/** Shown beside the window, not before it: the app is usable, the renderer repeats it as a banner. */
export function showStartupNotice(notice: StartupNotice): void {
  const text = startupNoticeText(notice)
  if (!text) return
  void dialog.showMessageBox({
    type: 'warning',
    title: '客情管家',
    message: notice.movedAside ? '数据文件无法使用，已移到一旁' : '数据文件夹位置不安全',
    detail: text,
    buttons: ['知道了'],
    noLink: true,
  })
}

/** Backups are .sqlite files; older habits (.db, .bak) are offered too, and the core checks what it gets. */
export const restoreFileFilters = [
  { name: '客情管家备份', extensions: ['sqlite', 'db', 'bak'] },
  { name: '所有文件', extensions: ['*'] },
]

/**
 * The native dialogs behind the shell's channels (src/shared/platformContract.ts),
 * each modal to the main window when there is one. They only pick a path: what
 * is done with it goes through the core, which checks it like any input.
 */
export function platformHandlers(parentWindow: () => BrowserWindow | undefined): PlatformHandlers {
  const choose = async (options: OpenDialogOptions): Promise<{ path: string | null }> => {
    const parent = parentWindow()
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    return { path: result.canceled ? null : (result.filePaths[0] ?? null) }
  }
  return {
    'dialog.chooseBackupFolder': ({ defaultPath }) =>
      choose({
        title: '选择备份文件夹',
        buttonLabel: '选择此文件夹',
        defaultPath,
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
      }),
    'dialog.chooseRestoreFile': ({ defaultPath }) =>
      choose({
        title: '选择要恢复的备份文件',
        buttonLabel: '打开',
        defaultPath,
        filters: restoreFileFilters,
        properties: ['openFile', 'dontAddToRecent'],
      }),
  }
}

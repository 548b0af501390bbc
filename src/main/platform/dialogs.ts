import { basename } from 'node:path'
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import type { StartupNotice } from '../../shared/backup'
import type { PlatformChannel, PlatformOutput } from '../../shared/platformContract'
import { AppError } from '../core/appError'
import type { PickedPathKind } from '../core/pickedPaths'
import type { PickedPathTokens } from './pickedPathTokens'
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

export const discardUnsavedButtons = ['继续编辑', '放弃'] as const

/** The window is going (退出 from the tray) while a form holds unsaved changes: true for 放弃. */
export function askDiscardUnsaved(window: BrowserWindow): boolean {
  const response = dialog.showMessageBoxSync(window, {
    type: 'warning',
    title: '客情管家',
    message: '放弃未保存的修改？',
    detail: '填写的内容还没有保存，退出后将丢失。',
    buttons: [...discardUnsavedButtons],
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
 * each modal to the main window when there is one. The page gets a one-time token
 * for what was picked, never the path: the core exchanges the token with `tokens`,
 * and checks the path like any input.
 */
export function platformHandlers(
  parentWindow: () => BrowserWindow | undefined,
  tokens: PickedPathTokens,
): PlatformHandlers {
  const choose = async (kind: PickedPathKind, options: OpenDialogOptions): Promise<PlatformOutput<PlatformChannel>> => {
    const parent = parentWindow()
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
    const path = result.canceled ? undefined : result.filePaths[0]
    return { picked: path ? { token: tokens.issue(path, kind), name: basename(path) || path } : null }
  }
  return {
    'dialog.chooseBackupFolder': ({ defaultPath }) =>
      choose('backupFolder', {
        title: '选择备份文件夹',
        buttonLabel: '选择此文件夹',
        defaultPath,
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
      }),
    'dialog.chooseRestoreFile': ({ defaultPath }) =>
      choose('restoreFile', {
        title: '选择要恢复的备份文件',
        buttonLabel: '打开',
        defaultPath,
        filters: restoreFileFilters,
        properties: ['openFile', 'dontAddToRecent'],
      }),
  }
}

export const insecureLinkButtons = ['在浏览器中打开', '取消'] as const

/**
 * An http: link travels unencrypted and may not be the site it names; the user
 * says yes once per host, and the answer is kept until the app quits.
 */
export async function askOpenInsecureLink(url: string, host: string, parent?: BrowserWindow): Promise<boolean> {
  const options = {
    type: 'question' as const,
    title: '客情管家',
    message: `要在浏览器中打开 ${host} 吗？`,
    detail: `${url}\n\n这个网址没有加密（http），网页内容可能被他人篡改。只在确认是客户的网站时打开；本次运行期间不再询问这个网站。`,
    buttons: [...insecureLinkButtons],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
  return response === 0
}

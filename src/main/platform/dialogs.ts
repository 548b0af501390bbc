import { dialog } from 'electron'
import { AppError } from '../core/appError'

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

import { AppError } from './appError'

/**
 * Paths reach the core only from the shell's own dialogs: the dialog hands the
 * page a one-time token, the page sends the token back, and the core asks the
 * shell for the path behind it. A page that could send a path itself could
 * make the app read or write any file the user can reach.
 */
export type PickedPathKind = 'restoreFile' | 'backupFolder'

export interface PickedPaths {
  /** The path the user picked, once; undefined for a token never issued for this kind, or already used. */
  take(token: string, kind: PickedPathKind): string | undefined
}

const expiredMessages: Record<PickedPathKind, string> = {
  restoreFile: '所选的文件已失效，请重新选择',
  backupFolder: '所选的文件夹已失效，请重新选择',
}

/** The picked path, or a Chinese refusal: where no shell issues tokens (the browser preview) every token is refused. */
export function takePickedPath(pickedPaths: PickedPaths | undefined, token: string, kind: PickedPathKind): string {
  const path = pickedPaths?.take(token, kind)
  if (path === undefined) throw new AppError('VALIDATION', expiredMessages[kind])
  return path
}

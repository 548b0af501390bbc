/**
 * A failure of SQLite or the file system in the words the user reads. SQLite's
 * and Node's own messages are English; they are named by their code only, and
 * the app's own (Chinese) messages pass through.
 */
export function failureText(error: unknown): string {
  const code = (error as { code?: string } | null)?.code
  switch (code) {
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return '磁盘已满'
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case 'EBUSY':
      return '文件正被占用，请稍后重试'
    case 'SQLITE_IOERR':
    case 'EIO':
      return '读写磁盘出错'
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return '文件已损坏'
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'ENOENT':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '无法读写文件（U 盘是否已拔出，或文件夹没有写入权限？）'
  }
  const message = error instanceof Error ? error.message : String(error)
  if (/[\u4e00-\u9fff]/.test(message)) return message
  return code ? `意外错误（${code}）` : '意外错误'
}

import { realpathSync, statSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { AppError } from '../appError'

/** A chosen file is read where it lies: it must be a file, and not the database in use. */
export function checkRestorePath(path: string, databasePath: string): void {
  if (!isAbsolute(path)) throw new AppError('VALIDATION', '文件路径须是完整路径')
  let isFile: boolean
  try {
    isFile = statSync(path).isFile()
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件：${path}（是否已被移动或删除？）`)
  }
  if (!isFile) throw new AppError('VALIDATION', `所选的不是文件：${path}`)
  checkNotLiveDatabase(path, databasePath)
}

/**
 * The database in use, or its -wal/-shm/-journal, reached under any name — the
 * path itself, a symbolic link, a linked folder or a hard link — cannot be a
 * restore's source: the restore would read the very file it replaces.
 */
export function checkNotLiveDatabase(path: string, databasePath: string): void {
  const chosen = fileIdentity(path)
  const live = ['', '-wal', '-shm', '-journal'].map((suffix) => fileIdentity(`${databasePath}${suffix}`))
  if (chosen && live.some((file) => file !== null && sameFile(file, chosen))) {
    throw new AppError('VALIDATION', '所选的是正在使用的数据文件（或指向它的链接），不能用它恢复；请选择一份备份')
  }
}

interface FileIdentity {
  real: string
  dev: bigint
  ino: bigint
}

function fileIdentity(path: string): FileIdentity | null {
  try {
    const { dev, ino } = statSync(path, { bigint: true })
    return { real: realpathSync.native(path), dev, ino }
  } catch {
    return null
  }
}

/** Windows paths differ in case only when they name the same file; some file systems report no file index (0). */
function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  const fold = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p)
  if (fold(a.real) === fold(b.real)) return true
  return a.ino !== 0n && a.dev === b.dev && a.ino === b.ino
}

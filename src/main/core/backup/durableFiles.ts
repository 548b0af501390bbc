import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Small steps that make a file change survive a power cut, not only a crash of
 * the process: a rename is only on the disk once its folder is flushed, and a
 * file renamed into place must have its bytes on the disk before the rename.
 */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Windows cannot open a folder as a file; there NTFS journals the rename itself. */
export function flushFolder(folder: string): void {
  let fd: number
  try {
    fd = openSync(folder, 'r')
  } catch (error) {
    if (isFolderFlushUnsupported(error)) return
    throw error
  }
  try {
    fsyncSync(fd)
  } catch (error) {
    if (!isFolderFlushUnsupported(error)) throw error
  } finally {
    closeSync(fd)
  }
}

/** Renames `from` over `to` in one step and flushes the folder, so after a crash either name holds the whole file. */
export function renameDurably(from: string, to: string): void {
  renameSync(from, to)
  flushFolder(dirname(to))
}

/** Writes `text` under a temporary name, flushes it, then renames it over `path`. */
export function writeFileDurably(path: string, text: string): void {
  const temporary = `${path}.tmp`
  writeFileSync(temporary, text)
  flushFile(temporary)
  renameDurably(temporary, path)
}

function isFolderFlushUnsupported(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code
  return code === 'EISDIR' || code === 'EPERM' || code === 'EACCES' || code === 'EINVAL' || code === 'EBADF'
}

import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { createDispatch, type Dispatch } from '../dispatch'
import type { ChannelsOf, DomainHandlers, Handlers } from '../handlerTypes'
import type { PickedPaths } from '../pickedPaths'

/**
 * The host refuses bodies over 64 MB (preview/apiServer.ts); base64 makes a file a
 * third larger, and the JSON around it needs a little room.
 */
export const maxRestoreUploadBytes = Math.floor(((64 * 1024 * 1024 - 4096) * 3) / 4)

export interface ClientDispatchOptions {
  /** Everything about the data goes to the host. */
  remote: Dispatch
  /** The 办公室共享 channels over this PC's own office.json (office/officeHandlers.ts). */
  office: DomainHandlers<ChannelsOf<'office'>>
  /** The shell's dialogs' tokens: a file picked on this PC is read here and sent, as the host cannot read it. */
  pickedPaths?: PickedPaths
  maxUploadBytes?: number
}

/**
 * A client PC's one dispatch, behind the same IPC as a 单机 PC's core. The
 * 办公室共享 channels are about this PC and answered here, whatever the host says
 * (switching back to 单机 or accepting a new certificate must work while the host
 * is away or refused); they need no host session, as office.json is this PC's own
 * file. A restore from a file picked in this PC's dialog sends the file's bytes.
 * Everything else is forwarded as it came.
 */
export function createClientDispatch(options: ClientDispatchOptions): Dispatch {
  // Only the office channels are ever routed here, so the other handlers are never looked up.
  const local = createDispatch(options.office as unknown as Handlers)
  const maxUploadBytes = options.maxUploadBytes ?? maxRestoreUploadBytes
  return async (channel, input, token) => {
    if (typeof channel === 'string' && Object.prototype.hasOwnProperty.call(options.office, channel)) {
      return local(channel, input)
    }
    if (channel === 'backups.settings.set' && hasFolderToken(input)) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: '备份保存在主机电脑上：备份文件夹请在主机电脑上设置' },
      }
    }
    if (channel === 'backups.restore' && isTokenInput(input)) {
      const path = options.pickedPaths?.take(input.token, 'restoreFile')
      if (path === undefined) {
        return { ok: false, error: { code: 'VALIDATION', message: '所选的文件已失效，请重新选择' } }
      }
      const size = await stat(path).then(
        (info) => info.size,
        () => -1,
      )
      if (size < 0) return { ok: false, error: { code: 'NOT_FOUND', message: '所选的文件无法读取，请重新选择' } }
      if (size > maxUploadBytes) {
        const limit = Math.floor(maxUploadBytes / 1024 / 1024)
        return {
          ok: false,
          error: { code: 'VALIDATION', message: `文件过大：从其他电脑恢复最多 ${limit} MB，请在主机电脑上恢复` },
        }
      }
      const base64 = (await readFile(path)).toString('base64')
      return options.remote('backups.restore', { upload: { fileName: basename(path), base64 } }, token)
    }
    return options.remote(channel, input, token)
  }
}

function isTokenInput(input: unknown): input is { token: string } {
  return typeof input === 'object' && input !== null && typeof (input as { token?: unknown }).token === 'string'
}

function hasFolderToken(input: unknown): boolean {
  const folder = (input as { folder?: unknown } | null)?.folder
  return typeof folder === 'object' && folder !== null
}

import type { KqBridge } from '../../../shared/bridge'
import type { PlatformChannel, PlatformInput, PlatformOutput } from '../../../shared/platformContract'
import { ApiError } from '../api/client'

export interface NativeDialogs {
  /** The folder the user chose, or null when cancelled. */
  chooseBackupFolder(defaultPath?: string): Promise<string | null>
  /** The backup file the user chose, or null when cancelled. */
  chooseRestoreFile(defaultPath?: string): Promise<string | null>
}

/**
 * The Electron app's native dialogs, or null where the bridge offers none (the
 * browser preview, tests): there the panel keeps the typed path and the file input.
 */
export function nativeDialogs(): NativeDialogs | null {
  const platform = (window.kqBridge as KqBridge | undefined)?.platform
  if (!platform) return null
  const ask = async <C extends PlatformChannel>(channel: C, input: PlatformInput<C>): Promise<PlatformOutput<C>> => {
    const result = await platform(channel, input)
    if (!result.ok) throw new ApiError(result.error)
    return result.value as PlatformOutput<C>
  }
  return {
    chooseBackupFolder: async (defaultPath) => (await ask('dialog.chooseBackupFolder', { defaultPath })).path,
    chooseRestoreFile: async (defaultPath) => (await ask('dialog.chooseRestoreFile', { defaultPath })).path,
  }
}

/** The file's own name, for the confirmation: Windows and POSIX separators alike. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path
}

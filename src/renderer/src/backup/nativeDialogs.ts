import type { KqBridge } from '../../../shared/bridge'
import type { PlatformChannel, PlatformInput, PlatformOutput } from '../../../shared/platformContract'
import { ApiError } from '../api/client'

/** What the user picked: a one-time token the core exchanges for the path with the shell, and its name to show. */
export interface Picked {
  token: string
  name: string
}

export interface NativeDialogs {
  /** The folder the user chose, or null when cancelled. */
  chooseBackupFolder(defaultPath?: string): Promise<Picked | null>
  /** The backup file the user chose, or null when cancelled. */
  chooseRestoreFile(defaultPath?: string): Promise<Picked | null>
}

/**
 * The Electron app's native dialogs, or null where the bridge offers none (the
 * browser preview, tests): there a file to restore is uploaded, and backups stay
 * in the default folder, since the page may never name a path itself.
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
    chooseBackupFolder: async (defaultPath) => (await ask('dialog.chooseBackupFolder', { defaultPath })).picked,
    chooseRestoreFile: async (defaultPath) => (await ask('dialog.chooseRestoreFile', { defaultPath })).picked,
  }
}

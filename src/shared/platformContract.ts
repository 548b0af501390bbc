import { z } from 'zod'
import { strictError } from './fieldSchemas'

/**
 * The Electron shell's own channels: native dialogs, which only the shell can
 * show. They sit beside the core's contract, not in it, because the browser
 * preview serves the core's handler map and has no shell; its bridge offers
 * none of these, and the renderer then uploads a file to restore and keeps the
 * default backup folder.
 */

/** Where the dialog opens; the user may go anywhere from there. */
const defaultPath = z.string({ error: '路径必须是文字' }).max(1000, '路径过长').optional()

/**
 * What the user picked, or null when they cancelled: not the path, which the page
 * never holds, but a one-time token the core exchanges for it with the shell, and
 * the file or folder's own name to show in the confirmation.
 */
const picked = z.object({ picked: z.object({ token: z.string(), name: z.string() }).nullable() })

export const platformContract = {
  'dialog.chooseBackupFolder': {
    input: z.strictObject({ defaultPath }, { error: strictError('选择文件夹') }),
    output: picked,
  },
  'dialog.chooseRestoreFile': {
    input: z.strictObject({ defaultPath }, { error: strictError('选择文件') }),
    output: picked,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type PlatformChannel = keyof typeof platformContract
export type PlatformInput<C extends PlatformChannel> = z.input<(typeof platformContract)[C]['input']>
export type PlatformOutput<C extends PlatformChannel> = z.output<(typeof platformContract)[C]['output']>

export function isPlatformChannel(name: string): name is PlatformChannel {
  return Object.prototype.hasOwnProperty.call(platformContract, name)
}

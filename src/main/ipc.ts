import { ipcMain } from 'electron'
import type { Result } from '../shared/result'
import type { Dispatch } from './core/dispatch'

/** The core's IPC channel; the contract's channel names travel as its first argument. */
export const invokeChannel = 'kq:invoke'
/** The shell's own channel (native dialogs), named by src/shared/platformContract.ts the same way. */
export const platformChannel = 'kq:platform'

export const untrustedSenderResult: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '来源不可信，已拒绝' },
}

/**
 * Serves the core's dispatch and the shell's over IPC. Every call is checked
 * against the frame that sent it: only the top frame of our page is served, so a
 * page that is not ours, or a frame inside ours (should one ever load), gets
 * nothing; each dispatch validates the channel and the input against its contract.
 */
export function registerIpc(
  dispatch: Dispatch,
  isTrustedSender: (senderUrl: string) => boolean,
  platformDispatch: Dispatch,
): void {
  const serve = (ipcChannel: string, served: Dispatch) =>
    ipcMain.handle(ipcChannel, (event, channel: unknown, input: unknown) => {
      const frame = event.senderFrame
      if (!frame || frame.parent || !isTrustedSender(frame.url)) return untrustedSenderResult
      return served(typeof channel === 'string' ? channel : '', input)
    })
  serve(invokeChannel, dispatch)
  serve(platformChannel, platformDispatch)
}

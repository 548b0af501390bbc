import { ipcMain } from 'electron'
import type { Result } from '../shared/result'
import type { Dispatch } from './core/dispatch'

/** The one IPC channel; the contract's channel names travel as its first argument. */
export const invokeChannel = 'kq:invoke'

export const untrustedSenderResult: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '来源不可信，已拒绝' },
}

/**
 * Serves the core's dispatch over IPC. Every call is checked against the frame
 * that sent it, so a page that is not ours (should one ever load) gets nothing;
 * the dispatch validates the channel and the input against the contract.
 */
export function registerIpc(dispatch: Dispatch, isTrustedSender: (senderUrl: string) => boolean): void {
  ipcMain.handle(invokeChannel, (event, channel: unknown, input: unknown) => {
    const senderUrl = event.senderFrame?.url
    if (senderUrl === undefined || !isTrustedSender(senderUrl)) return untrustedSenderResult
    return dispatch(typeof channel === 'string' ? channel : '', input)
  })
}

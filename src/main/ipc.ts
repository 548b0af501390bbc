import { ipcMain, type WebContents } from 'electron'
import type { LiveChange } from '../shared/liveTopics'
import type { Result } from '../shared/result'
import type { Dispatch } from './core/dispatch'

/** The core's IPC channel; the contract's channel names travel as its first argument. */
export const invokeChannel = 'kq:invoke'
/** The shell's own channel (native dialogs), named by src/shared/platformContract.ts the same way. */
export const platformChannel = 'kq:platform'
/** Live updates, main → window (the preload's kqBridge.subscribe). */
export const liveChannel = 'kq:live'

export const untrustedSenderResult: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: '来源不可信，已拒绝' },
}

/** The session the window works in, as its calls carry it: whose reminders the tray shows. */
export interface WindowSession {
  /** The token of the window's latest core call; null before any, or once it calls without one (logged out). */
  token(): string | null
}

/**
 * Serves the core's dispatch and the shell's over IPC. Every call is checked
 * against the frame that sent it: only the top frame of our page is served, so a
 * page that is not ours, or a frame inside ours (should one ever load), gets
 * nothing; each dispatch validates the channel and the input against its contract
 * and resolves the caller from the session token the call carries.
 * `onSessionChange` runs when the window's token changes (login, logout, 切换用户).
 */
export function registerIpc(
  dispatch: Dispatch,
  isTrustedSender: (senderUrl: string) => boolean,
  platformDispatch: Dispatch,
  onSessionChange: () => void = () => {},
): WindowSession {
  let latest: string | null = null
  const serve = (ipcChannel: string, served: Dispatch) =>
    ipcMain.handle(ipcChannel, (event, channel: unknown, input: unknown, token: unknown) => {
      const frame = event.senderFrame
      if (!frame || frame.parent || !isTrustedSender(frame.url)) return untrustedSenderResult
      const name = typeof channel === 'string' ? channel : ''
      // The shell's own channel needs no user: its dialogs only hand tokens for paths to the core.
      if (ipcChannel === platformChannel) return served(name, input)
      const session = typeof token === 'string' && token !== '' ? token : null
      if (session !== latest) {
        latest = session
        onSessionChange()
      }
      return served(name, input, session)
    })
  serve(invokeChannel, dispatch)
  serve(platformChannel, platformDispatch)
  return { token: () => latest }
}

/**
 * Passes each committed change (the core's feed, or a client PC's relay of the
 * host's /events) to the window while it shows our page. Returns the stop.
 */
export function forwardLiveChanges(
  changes: { subscribe(listener: (change: LiveChange) => void): () => void },
  contents: WebContents,
  isTrustedPage: (url: string) => boolean,
): () => void {
  const stop = changes.subscribe((change) => {
    if (!contents.isDestroyed() && isTrustedPage(contents.getURL())) contents.send(liveChannel, change)
  })
  contents.once('destroyed', stop)
  return stop
}

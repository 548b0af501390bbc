import type { AuthStatus } from '../../../shared/accounts'
import { localCaller, userCaller, type Caller } from '../accounts/caller'
import type { Dispatch } from '../dispatch'

/**
 * Who sits at this PC, for the reminder scheduler: their reminders are announced and
 * shown in the tray. Null when accounts are on and no one is signed in.
 */
export type ReminderViewer = () => Promise<Caller | null>

/** Single-PC mode and tests: the PC's one user, who sees every customer. */
export const everyoneViewer: ReminderViewer = async () => localCaller

/**
 * The user of the session token the window used last, as the dispatch knows it
 * (auth.status): the shell passes only the token, never a user it decided on itself.
 */
export function signedInViewer(dispatch: Dispatch, token: () => string | null): ReminderViewer {
  return async () => {
    const result = await dispatch('auth.status', {}, token())
    if (!result.ok) return null
    const status = result.value as AuthStatus
    if (!status.enabled) return localCaller
    return status.user ? userCaller(status.user) : null
  }
}

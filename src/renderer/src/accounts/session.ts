import { useSyncExternalStore } from 'react'
import { permissions as allPermissions, type Permission, type SessionUser } from '../../../shared/accounts'
import { call, errorMessage } from '../api/client'
import { dropSessionToken, keepSessionToken, onSessionLost } from '../api/sessionToken'

/**
 * Who is using the app, as the renderer knows it: from auth.status at start, from
 * auth.login / auth.enable afterwards. It only decides what is shown; the core
 * checks every call itself.
 */
export interface Session {
  phase: 'loading' | 'failed' | 'ready'
  /** 多用户 is on: the app needs a signed-in user. */
  enabled: boolean
  user: SessionUser | null
  /** The data folder holds the recovery file: the login screen offers 重设管理员密码. */
  recoveryOpen: boolean
  /** Why auth.status failed (phase 'failed'), or why the login is shown again (session ended). */
  message?: string
}

let session: Session = { phase: 'loading', enabled: false, user: null, recoveryOpen: false }
const listeners = new Set<() => void>()

function update(next: Session): void {
  session = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session)
}

/** Asks the core who holds this window's token (or whether accounts are off). */
export async function refreshSession(message?: string): Promise<void> {
  try {
    const status = await call('auth.status', {})
    if (!status.user) dropSessionToken()
    update({ phase: 'ready', enabled: status.enabled, user: status.user, recoveryOpen: status.recoveryOpen, message })
  } catch (error) {
    update({ ...session, phase: 'failed', message: errorMessage(error) })
  }
}

/** After auth.login or auth.enable: keep the token and show the app as that user. */
export function signedIn(answer: { token: string; user: SessionUser }, remember: boolean): void {
  keepSessionToken(answer.token, remember)
  update({ phase: 'ready', enabled: true, user: answer.user, recoveryOpen: false })
}

/** 注销 / 切换用户: the core ends the session; the login screen follows either way. */
export async function signOut(): Promise<void> {
  try {
    await call('auth.logout', {})
  } finally {
    dropSessionToken()
    await refreshSession()
  }
}

// Any call refused as UNAUTHENTICATED (expired, disabled) brings the login back, with the core's reason.
onSessionLost((message) => {
  if (session.enabled && session.user) void refreshSession(message)
})

/** What the current user may do: everything in single-PC mode, their role's permissions when signed in. */
export function sessionPermissions(current: Session): readonly Permission[] {
  if (!current.enabled) return allPermissions
  return current.user?.permissions ?? []
}

/** Whether the screen should offer what needs `permission` (the core refuses it anyway). */
export function useCan(permission: Permission): boolean {
  return sessionPermissions(useSession()).includes(permission)
}

/** A signed-in user who sees every customer (主管, 管理员); false in single-PC mode, where there is no "mine". */
export function useAccountRole(): { accounts: boolean; user: SessionUser | null; seesAll: boolean } {
  const current = useSession()
  const user = current.enabled ? current.user : null
  return { accounts: user !== null, user, seesAll: user !== null && user.role !== 'sales' }
}

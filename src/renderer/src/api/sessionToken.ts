/**
 * The signed-in user's session token (accounts on). Kept in sessionStorage, so it ends
 * with the window, or in localStorage when 记住我（本机） was ticked, so it survives a
 * restart of this PC's app. Every call sends it (client.ts); the core decides what it is worth.
 */
const key = 'kq.sessionToken'

export function sessionToken(): string | null {
  return window.sessionStorage.getItem(key) ?? window.localStorage.getItem(key)
}

export function keepSessionToken(token: string, remember: boolean): void {
  dropSessionToken()
  ;(remember ? window.localStorage : window.sessionStorage).setItem(key, token)
}

export function dropSessionToken(): void {
  window.sessionStorage.removeItem(key)
  window.localStorage.removeItem(key)
}

type Listener = (message: string) => void
const listeners = new Set<Listener>()

/** Runs `listener` whenever the core answers UNAUTHENTICATED (expired, disabled, logged out elsewhere). */
export function onSessionLost(listener: Listener): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function reportSessionLost(message: string): void {
  for (const listener of listeners) listener(message)
}

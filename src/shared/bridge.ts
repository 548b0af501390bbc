import type { LiveChange } from './liveTopics'
import type { Result } from './result'

/**
 * What the preload puts on `window.kqBridge` (and the browser preview's bridge.js
 * imitates): one call by channel name, answered with the core's Result.
 */
export interface KqBridge {
  /**
   * `token`: the signed-in user's session (accounts on, src/shared/accounts.ts);
   * absent or null before a login and in single-PC mode.
   */
  invoke(channel: string, input: unknown, token?: string | null): Promise<Result<unknown>>
  /**
   * The Electron shell's own channels (src/shared/platformContract.ts), such as
   * native dialogs. Absent in the browser preview: its presence is how the
   * renderer knows it may use them.
   */
  platform?(channel: string, input: unknown): Promise<Result<unknown>>
  /**
   * Live updates: `listener` hears every change another user (or this one) commits,
   * as topics and customer ids only (src/shared/liveTopics.ts). Returns the
   * unsubscribe. Absent where nothing pushes changes (an older bridge).
   */
  subscribe?(listener: (change: LiveChange) => void): () => void
}

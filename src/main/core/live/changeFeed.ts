import { isChannel } from '../../../shared/contract'
import { liveChangeOf, type LiveChange } from '../../../shared/liveTopics'
import { localNow } from '../common/localTime'
import type { Authenticate, Dispatch } from '../dispatch'
import type { Store } from '../store'

export type ChangeListener = (change: LiveChange) => void

/**
 * Committed changes, as they happen, for whoever shows data: the window of this PC
 * (over IPC) and every browser or office PC on /events. In memory only: a subscriber
 * that was away loads afresh when it comes back, it does not replay.
 */
export interface ChangeFeed {
  publish(change: Omit<LiveChange, 'at'> & { at?: string }): void
  /** Returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void
}

export function createChangeFeed(clock: () => Date = () => new Date()): ChangeFeed {
  const listeners = new Set<ChangeListener>()
  return {
    publish: (change) => {
      if (change.topics.length === 0) return
      const event: LiveChange = { ...change, at: change.at ?? localNow(clock()) }
      for (const listener of [...listeners]) {
        // One broken subscriber (a closed socket) must not keep the change from the others, nor fail the write.
        try {
          listener(event)
        } catch (error) {
          console.error('[live updates]', error)
        }
      }
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

const feeds = new WeakMap<Store, ChangeFeed>()

/**
 * The feed of one database. Kept by the store, so that code writing on its own
 * schedule (the reminder scan, an import job) publishes with one line, without the
 * feed being handed through every layer.
 */
export function changeFeedOf(store: Store): ChangeFeed {
  let feed = feeds.get(store)
  if (!feed) {
    feed = createChangeFeed()
    feeds.set(store, feed)
  }
  return feed
}

/**
 * The dispatch, publishing each successful write (shared/liveTopics.ts says which
 * channels write and what). A refused or failed call changed nothing and publishes
 * nothing. The dispatch itself stays about checking.
 */
export function publishingDispatch(
  dispatch: Dispatch,
  feed: ChangeFeed,
  authenticate: Authenticate,
  clock: () => Date,
): Dispatch {
  return async (channel, input, token) => {
    const result = await dispatch(channel, input, token)
    if (!result.ok || typeof channel !== 'string' || !isChannel(channel)) return result
    const change = liveChangeOf(channel, (input ?? {}) as never, result.value as never)
    if (change) {
      const { caller } = await authenticate(typeof token === 'string' ? token : null)
      feed.publish({ ...change, byUserId: caller?.userId ?? null, at: localNow(clock()) })
    }
    return result
  }
}

import { useEffect, useRef } from 'react'
import type { LiveChange, LiveTopic } from '../../../shared/liveTopics'

type Listener = (change: LiveChange) => void

const listeners = new Set<Listener>()
let subscribed = false

/**
 * Every change committed anywhere (this window, another user's PC, a browser
 * preview), as the bridge pushes it: topics and customer ids, no data. One
 * subscription to the bridge for the whole app, kept while it runs, so moving
 * between screens neither drops changes nor reopens the host's stream.
 */
export function onLiveChange(listener: Listener): () => void {
  listeners.add(listener)
  if (!subscribed && window.kqBridge?.subscribe) {
    subscribed = true
    window.kqBridge.subscribe((change) => {
      for (const each of [...listeners]) each(change)
    })
  }
  return () => void listeners.delete(listener)
}

/** Whether a change may alter what a screen showing `topics` (of one customer, when given) shows. */
export function concerns(change: LiveChange, topics: readonly LiveTopic[], customerId?: number): boolean {
  if (!change.topics.some((topic) => topics.includes(topic))) return false
  // No ids: the call could not tell which customers (a record deleted by its id, an import).
  return customerId === undefined || change.customerIds === undefined || change.customerIds.includes(customerId)
}

/** A burst of changes (a batch edit, an import, someone typing fast) loads once, after it. */
export const liveRefreshDelayMs = 300

/**
 * Calls `refetch` when a change concerning `topics` (and `customerId`, when
 * given) is committed, at most once per burst. The screen's own saves come back
 * too: they already reload what they changed, and one more quiet reload of the
 * same data costs less than telling one's own change from a colleague's made
 * at the same moment.
 */
export function useLiveRefresh(
  topics: readonly LiveTopic[],
  refetch: () => unknown,
  options: { customerId?: number } = {},
): void {
  const latest = useRef(refetch)
  // The newest refetch, without subscribing again on every render.
  useEffect(() => {
    latest.current = refetch
  })
  const topicsKey = topics.join(',')
  const { customerId } = options
  useEffect(() => {
    const watched = topicsKey.split(',') as LiveTopic[]
    let timer: number | undefined
    const stop = onLiveChange((change) => {
      if (!concerns(change, watched, customerId)) return
      window.clearTimeout(timer)
      timer = window.setTimeout(() => void latest.current(), liveRefreshDelayMs)
    })
    return () => {
      stop()
      window.clearTimeout(timer)
    }
  }, [topicsKey, customerId])
}

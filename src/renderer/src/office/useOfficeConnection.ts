import { useEffect, useSyncExternalStore } from 'react'
import type { OfficeConnection } from '../../../shared/office'
import { call } from '../api/client'

/** Often enough that a dropped host is noticed before the user presses 保存; cheap, as the client answers it itself. */
export const connectionPollMs = 3000

let current: OfficeConnection | null = null
const listeners = new Set<() => void>()
let users = 0
let timer: number | undefined
// Each refresh starts a new chain of polls; an older one still waiting for its answer then stops.
let generation = 0

function publish(next: OfficeConnection | null): void {
  if (JSON.stringify(next) === JSON.stringify(current)) return
  current = next
  for (const listener of listeners) listener()
}

async function poll(chain: number): Promise<void> {
  try {
    const answer = await call('office.connection', {})
    if (chain === generation) publish(answer)
  } catch {
    // An older core without the channel, or the preview's server gone: nothing to show, ask again later.
  }
  if (chain !== generation || users === 0) return
  // A 单机 or 主机 PC stays 'local' until the next start, so one answer is enough.
  if (current?.state !== 'local') timer = window.setTimeout(() => void poll(chain), connectionPollMs)
}

function stop(): void {
  generation += 1
  if (timer !== undefined) window.clearTimeout(timer)
  timer = undefined
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Asks at once (after accepting a new certificate, say) rather than at the next tick. */
export function refreshConnection(): void {
  stop()
  void poll(generation)
}

/**
 * This PC's link to the office host, shared by the header and the banner: one poll
 * of office.connection for the whole window while anything shows it. There is no
 * pushed event for it (the live-updates stream comes from the host, which is what
 * may be gone).
 */
export function useOfficeConnection(): OfficeConnection | null {
  useEffect(() => {
    users += 1
    if (users === 1) refreshConnection()
    return () => {
      users -= 1
      if (users === 0) stop()
    }
  }, [])
  return useSyncExternalStore(subscribe, () => current)
}

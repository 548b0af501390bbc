import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract'
import { liveTopicNames, type LiveTopic } from '../../../shared/liveTopics'
import { call } from './client'
import { concerns, onLiveChange } from './liveUpdates'

/**
 * Long enough for a screen's code to load and mount and take its answer; short enough that an
 * answer nobody took (the user moved on) is not shown later as if it were fresh.
 */
export const prefetchKeptMs = 5000

interface Prefetched {
  answer: Promise<unknown>
  /** The answer once it has come, for a screen to show in its very first render. */
  arrived?: { value: unknown }
  expiry: number
  dependsOn: readonly LiveTopic[]
}

const waiting = new Map<string, Prefetched>()
let watching = false

const keyOf = (channel: Channel, inputJson: string): string => `${channel}\n${inputJson}`

function forget(key: string): void {
  const entry = waiting.get(key)
  if (!entry) return
  window.clearTimeout(entry.expiry)
  waiting.delete(key)
}

/**
 * Asks the core now for what a screen about to open will ask on its first load, so the request
 * leaves while the screen's code is still loading; the screen's `useQuery` takes the answer
 * (takePrefetched) instead of asking again. A change committed meanwhile to what the answer
 * depends on (`dependsOn`, every topic unless told) drops it, kept or on its way: it may predate
 * the change, and the screen then asks afresh.
 */
export function prefetch<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  dependsOn: readonly LiveTopic[] = liveTopicNames,
): Promise<unknown> {
  const key = keyOf(channel, JSON.stringify(input))
  const asked = waiting.get(key)
  if (asked) return asked.answer
  if (!watching) {
    watching = true
    onLiveChange((change) => {
      for (const [each, entry] of [...waiting]) if (concerns(change, entry.dependsOn)) forget(each)
    })
  }
  const answer = call(channel, input)
  const entry: Prefetched = { answer, expiry: window.setTimeout(() => forget(key), prefetchKeptMs), dependsOn }
  waiting.set(key, entry)
  answer.then(
    (value) => void (entry.arrived = { value }),
    // Nobody may take it; its failure then is nobody's to report (the screen asks again and shows its own).
    () => undefined,
  )
  return answer
}

/**
 * The answer asked ahead for exactly this call, if it has already come (taken once): a screen
 * mounting after it shows it at once, in its first render, instead of rendering empty first.
 */
export function takeArrived<C extends Channel>(channel: C, inputJson: string): { value: ChannelOutput<C> } | undefined {
  const key = keyOf(channel, inputJson)
  const arrived = waiting.get(key)?.arrived
  if (!arrived) return undefined
  forget(key)
  return arrived as { value: ChannelOutput<C> }
}

/** The answer asked ahead for exactly this call (input as JSON, as useQuery keys it), once. */
export function takePrefetched<C extends Channel>(
  channel: C,
  inputJson: string,
): Promise<ChannelOutput<C>> | undefined {
  const key = keyOf(channel, inputJson)
  const entry = waiting.get(key)
  if (!entry) return undefined
  forget(key)
  return entry.answer as Promise<ChannelOutput<C>>
}

import { useCallback, useEffect, useRef, useState } from 'react'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract'
import { call, errorMessage } from './client'
import { takeArrived, takePrefetched } from './prefetch'

export interface QueryState<T> {
  data: T | undefined
  /** The Chinese message of the last failed load, until a load succeeds; show it with `Loaded`/`LoadFailed`. */
  error: string | undefined
  loading: boolean
  /** Loads again (重试, or after a write); keeps the error shown, its button spinning, until the answer. */
  reload: () => Promise<void>
}

/** What a failure display needs of a load, whatever it loads. */
export type LoadState = Pick<QueryState<unknown>, 'error' | 'loading' | 'reload'>

/** Several loads shown as one (a panel's dictionary and groups): failed if any failed; 重试 reloads the failed ones. */
export function combinedLoad(...loads: LoadState[]): LoadState {
  const failed = loads.filter((load) => load.error !== undefined)
  return {
    error: failed[0]?.error,
    loading: loads.some((load) => load.loading),
    reload: async () => {
      await Promise.all(failed.map((load) => load.reload()))
    },
  }
}

/**
 * The one way a screen loads from the core: a channel's output, reloaded when the input
 * (compared as JSON) changes, with the failure kept for the screen to show.
 */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C>): QueryState<ChannelOutput<C>> {
  const key = JSON.stringify(input)
  const shownOnMount = useRef(false)
  const [state, setState] = useState<{ data?: ChannelOutput<C>; error?: string; loading: boolean }>(() => {
    const arrived = takeArrived(channel, key)
    shownOnMount.current = arrived !== undefined
    return arrived ? { data: arrived.value, loading: false } : { loading: true }
  })
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    // The first load may already be on its way, asked when the route changed (prefetch.ts); later
    // loads (重试, a live change, another input) always ask anew.
    const prefetched = ticket === 1 ? takePrefetched(channel, key) : undefined
    // Already loading on mount: a new state object would only render the screen once more for nothing.
    setState((s) => (s.loading ? s : { ...s, loading: true }))
    try {
      const data = await (prefetched ?? call(channel, JSON.parse(key) as ChannelInput<C>))
      if (ticket === latest.current) setState({ data, loading: false })
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, error: errorMessage(error), loading: false }))
    }
  }, [channel, key])

  useEffect(() => {
    // The answer asked ahead had come before the mount and is shown already; later inputs load.
    if (shownOnMount.current) {
      shownOnMount.current = false
      return
    }
    void reload()
  }, [reload])

  return { data: state.data, error: state.error, loading: state.loading, reload }
}

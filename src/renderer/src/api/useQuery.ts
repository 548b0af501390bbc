import { useCallback, useEffect, useRef, useState } from 'react'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract'
import { call, errorMessage } from './client'

export interface QueryState<T> {
  data: T | undefined
  error: string | undefined
  loading: boolean
  reload: () => Promise<void>
}

/** Loads a channel's output and reloads when the input (compared as JSON) changes. */
export function useQuery<C extends Channel>(channel: C, input: ChannelInput<C>): QueryState<ChannelOutput<C>> {
  const key = JSON.stringify(input)
  const [state, setState] = useState<{ data?: ChannelOutput<C>; error?: string; loading: boolean }>({ loading: true })
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true }))
    try {
      const data = await call(channel, JSON.parse(key) as ChannelInput<C>)
      if (ticket === latest.current) setState({ data, loading: false })
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ ...s, error: errorMessage(error), loading: false }))
    }
  }, [channel, key])

  useEffect(() => {
    void reload()
  }, [reload])

  return { data: state.data, error: state.error, loading: state.loading, reload }
}

import type { z } from 'zod'
import {
  isPlatformChannel,
  platformContract,
  type PlatformChannel,
  type PlatformOutput,
} from '../../shared/platformContract'
import type { Dispatch } from '../core/dispatch'

type PlatformHandler<C extends PlatformChannel> = (
  input: z.output<(typeof platformContract)[C]['input']>,
) => Promise<PlatformOutput<C>>

/** One handler per shell channel: a missing one is a compile error, as for the core. */
export type PlatformHandlers = { [C in PlatformChannel]: PlatformHandler<C> }

/**
 * The shell's channels served like the core's: the input checked against the
 * platform contract, the answer a Result, nothing thrown across the boundary.
 */
export function createPlatformDispatch(
  handlers: PlatformHandlers,
  onUnexpected?: (channel: string, error: unknown) => void,
): Dispatch {
  return async (channel, input) => {
    if (!isPlatformChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的操作' } }
    const parsed = platformContract[channel].input.safeParse(input ?? {})
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: `输入有误：${parsed.error.issues[0]?.message ?? ''}` } }
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      onUnexpected?.(channel, error)
      return { ok: false, error: { code: 'INTERNAL', message: '无法打开系统对话框，请重试' } }
    }
  }
}

import { userCaller, type Caller } from '../../src/main/core/accounts/caller'
import type { Core } from '../../src/main/core/openCore'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract'
import type { Role } from '../../src/shared/accounts'

/**
 * A caller of a given role standing for a 业务员 item, for tests that call a
 * handler directly as that user (no session): `asCaller(core, caller, channel, input)`.
 * The user id need not exist unless the handler writes it (who-did-what columns).
 */
export function testCaller(role: Role, staffId: number | null, userId = 1, name = '测试用户'): Caller {
  return userCaller({ id: userId, login: `user${userId}`, name, role, staffId })
}

/** Runs a channel's handler as `caller`, after the contract's input validation, like the dispatch does. */
export async function asCaller<C extends Channel>(
  core: Core,
  caller: Caller,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const { contract } = await import('../../src/shared/contract')
  const parsed = contract[channel].input.parse(input ?? {})
  const handler = core.handlers[channel] as (input: unknown, caller: Caller) => Promise<ChannelOutput<C>>
  return handler(parsed, caller)
}

import { openCore, type Core, type OpenCoreOptions } from '../../src/main/core/openCore'
import { tempDir } from './tempDir'
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract'

/** A core over a brand-new SQLite file in its own folder, checking outputs against the contract. */
export async function testCore(
  prefix = 'core',
  options: Pick<OpenCoreOptions, 'pickedPaths'> = {},
): Promise<Core & { dataDir: string }> {
  const dataDir = tempDir(prefix)
  const core = await openCore(dataDir, {
    ...options,
    checkOutput: true,
    onUnexpected: (channel, error) => {
      throw new Error(`unexpected error in ${channel}: ${String(error)}`)
    },
  })
  return { ...core, dataDir }
}

/**
 * Calls a channel and returns its value, failing the test on an error Result.
 * Typed from the contract: a misspelt channel or a wrong input fails the typecheck.
 * A test that sends a deliberately wrong input uses `core.dispatch` instead.
 */
export async function call<C extends Channel>(
  core: Pick<Core, 'dispatch'>,
  channel: C,
  input: ChannelInput<C>,
  /** The session of a signed-in user (多用户 on); none in single-PC mode. */
  token?: string,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input, token)
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
  return result.value as ChannelOutput<C>
}

/** `call` with a session token, as a signed-in user's window sends it. */
export async function callAs<C extends Channel>(
  core: Core,
  token: string,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input, token)
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
  return result.value as ChannelOutput<C>
}

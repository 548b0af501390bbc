import { openCore, type Core, type OpenCoreOptions } from '../../src/main/core/openCore'
import { tempDir } from './tempDir'

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

/** Calls a channel and returns its value, failing the test on an error Result. */
export async function call<T = unknown>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

import { join } from 'node:path'
import { databaseFileName, openCore } from '../../src/main/core/openCore'
import type { BenchContext } from './benchCase'
import { openRawDatabase } from './rawDatabase'

/** The app's core over a bench data folder and a raw connection to its file; close() closes both. */
export async function openBenchContext(
  dataDir: string,
  workDir: string,
  scale: BenchContext['scale'],
): Promise<BenchContext & { close(): Promise<void> }> {
  // Every run computes: the bench measures the analyses themselves, not their kept answers.
  const core = await openCore(dataDir, { keepAnalyses: false })
  const databasePath = join(dataDir, databaseFileName)
  const raw = await openRawDatabase(databasePath)
  return {
    call: async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await core.dispatch(channel, input)
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
      return result.value as T
    },
    core,
    raw,
    dataDir,
    databasePath,
    workDir,
    scale,
    close: async () => {
      await raw.close()
      await core.close()
    },
  }
}

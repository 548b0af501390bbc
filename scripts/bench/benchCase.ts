import type { Core } from '../../src/main/core/openCore'
import type { RawDatabase } from './rawDatabase'

/** What a benchmark case gets: the app's core over the bench database, and a raw connection to the same file. */
export interface BenchContext {
  /** Calls a channel through the same dispatch as IPC (validation included) and returns its value. */
  call: <T = unknown>(channel: string, input: unknown) => Promise<T>
  core: Core
  /** The same SQL run raw through the same sqlite3 driver, on a separate read connection to the same file. */
  raw: RawDatabase
  dataDir: string
  databasePath: string
  /** Folder for files a case writes (imports, exports). */
  workDir: string
  /** 'full' (100k customers / 1M sales) or 'smoke' (CI: a small dataset). */
  scale: 'full' | 'smoke'
}

/**
 * One measured path. `app` and `baseline` run interleaved, several times after
 * a warm-up; the table reports their medians and app ÷ baseline. A case without
 * a baseline reports an absolute time against `targetMs`.
 */
export interface BenchCase {
  name: string
  /** Runs once before the measurements (e.g. writing an input file). */
  setup?: (ctx: BenchContext) => Promise<void>
  app: (ctx: BenchContext) => Promise<unknown>
  /** Runs once after the measurements (e.g. turning accounts off again). */
  teardown?: (ctx: BenchContext) => Promise<void>
  baseline?: (ctx: BenchContext) => Promise<unknown>
  /** The target ratio (app ÷ baseline), e.g. 1.3, or with no baseline the target in ms. */
  target: { ratio: number } | { ms: number }
  /**
   * Replay the app's SQL raw as the baseline (default: when the target is a
   * ratio and no baseline is given). An absolute target can still show its ratio.
   */
  replaySql?: boolean
  /** Measured runs (default 7); heavy cases use fewer. */
  runs?: number
  /** Also run the app side once in a process of its own for its peak memory (appAlone.ts): the heaviest cases. */
  memoryAlone?: boolean
}

import type { BenchCase, BenchContext } from './benchCase'
import { captureSql, replay } from './sqlCapture'

export interface BenchResult {
  name: string
  app_ms: number
  baseline_ms: number | null
  ratio: number | null
  target: string
  met: boolean
  /** Highest RSS of this process while the app side ran (each run after a full GC). */
  app_peak_mb: number
  /** The app side's peak RSS in a process of its own (BenchCase.memoryAlone), else null. */
  alone_peak_mb: number | null
  /** Every measured run, in order: how far the medians can be trusted. */
  app_runs_ms: number[]
  baseline_runs_ms: number[]
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const at = (i: number): number => sorted[i] ?? Number.NaN
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

/** A full GC, then a pause while V8 finishes sweeping (timed right away, a 1 ms query paid for it). */
async function collectGarbage(): Promise<void> {
  global.gc?.()
  await new Promise((resolve) => setTimeout(resolve, 100))
}

/**
 * Peak RSS while the app side runs. A full GC first (untimed) lets go of what the
 * baseline left behind — exceljs parsing a 50,000-row file, say — so the figure
 * is the app's own: the memory target is about the app, not about its yardstick.
 */
function appMemory() {
  let peak = 0
  const sample = (): void => void (peak = Math.max(peak, process.memoryUsage().rss))
  return {
    async during<T>(work: () => Promise<T>): Promise<T> {
      await collectGarbage()
      sample()
      const sampler = setInterval(sample, 20)
      try {
        return await work()
      } finally {
        clearInterval(sampler)
        sample()
      }
    },
    peakMb: (): number => round(peak / 1024 / 1024),
  }
}

/**
 * A case quicker than this gets 21 runs rather than 7: this VM now and then runs
 * everything a third slower for a while (23 ms or 33 ms for the same list, on
 * either side), and with 7 runs the medians of the two sides could fall into
 * different modes. A second more is nothing next to the import's runs.
 */
const quickMs = 100

/**
 * One warm-up of each side, then `runs` pairs, interleaved and alternating
 * which goes first, so drift (page cache, GC, a busy CPU) hits both alike. A
 * ratio case without its own baseline replays, raw, the SQL the app sent in
 * its warm-up.
 */
export async function measure(benchCase: BenchCase, ctx: BenchContext): Promise<BenchResult> {
  await benchCase.setup?.(ctx)
  const replaySql = benchCase.replaySql ?? 'ratio' in benchCase.target
  let baseline = benchCase.baseline
  const warmUpStarted = performance.now()
  if (!baseline && replaySql) {
    const captured = await captureSql(ctx.core.store.dataSource, () => benchCase.app(ctx))
    baseline = () => replay(ctx.raw, captured)
  } else {
    await benchCase.app(ctx)
  }
  const warmUpMs = performance.now() - warmUpStarted
  if (baseline) await baseline(ctx)
  const appTimes: number[] = []
  const baseTimes: number[] = []
  const memory = appMemory()
  const runs = benchCase.runs ?? (ctx.scale === 'smoke' ? 3 : warmUpMs < quickMs ? 21 : 7)
  for (let i = 0; i < runs; i++) {
    const pair = [
      async () => appTimes.push(await memory.during(() => time(() => benchCase.app(ctx)))),
      async () => {
        // The same quiet start as the app side gets.
        if (baseline) baseTimes.push(await collectGarbage().then(() => time(() => baseline(ctx))))
      },
    ]
    for (const step of i % 2 ? pair.reverse() : pair) await step()
  }
  await benchCase.teardown?.(ctx)
  const appMs = median(appTimes)
  const baseMs = baseTimes.length ? median(baseTimes) : null
  const ratio = baseMs === null ? null : appMs / Math.max(baseMs, 0.001)
  const target = benchCase.target
  return {
    name: benchCase.name,
    app_ms: round(appMs),
    baseline_ms: baseMs === null ? null : round(baseMs),
    ratio: ratio === null ? null : round(ratio),
    target: 'ratio' in target ? `≤ ${target.ratio}×` : `< ${target.ms} ms`,
    met: 'ratio' in target ? ratio !== null && ratio <= target.ratio : appMs < target.ms,
    app_peak_mb: memory.peakMb(),
    alone_peak_mb: null,
    app_runs_ms: appTimes.map(round),
    baseline_runs_ms: baseTimes.map(round),
  }
}

export function round(value: number): number {
  return Math.round(value * 100) / 100
}

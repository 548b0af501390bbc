/**
 * `npm run bench`: the app's hot paths against the same work done raw, on the
 * demo dataset of 100,000 customers and 1,000,000 transactions (built once
 * into .tmp/bench, then reused). Prints medians and app ÷ baseline ratios.
 *   --json      JSON lines {"name","app_ms","baseline_ms","ratio"} instead of the table
 *   --smoke     a small dataset and fewer runs (what CI runs)
 *   --only <s>  only the cases whose name contains s
 *   --no-browser  skip the Chromium timings
 *   --browser-only  only the Chromium timings
 *   --runs      also print every measured run's time
 */
import { execFile } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import type { BenchCase, BenchContext } from './bench/benchCase'
import { browserTimings, type BrowserTiming } from './bench/browserTimings'
import { benchCases } from './bench/cases'
import { ensureDataset, workingCopy, type Scale } from './bench/dataset'
import { measure, type BenchResult } from './bench/measure'
import { openBenchContext } from './bench/openBenchContext'

/** The heavy analysis pages the browser timings open (the ones the core warms): [route, name]. */
const analysisRoutes: [string, string][] = [
  ['/analysis/retention', '保持与流失'],
  ['/analysis/ratios', '比率分析'],
  ['/analysis/extremes', '极端情况'],
  ['/analysis/rfm', 'RFM 分析'],
  ['/analysis/pareto', '二八分析'],
  ['/analysis/sales', '销售业绩'],
]
const peakMemoryTargetMb = 500

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      only: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      'browser-only': { type: 'boolean', default: false },
      runs: { type: 'boolean', default: false },
    },
  })
  const scale: Scale = values.smoke ? 'smoke' : 'full'
  const root = resolve(__dirname, '..')
  const benchRoot = join(root, '.tmp', 'bench')
  const log = (line: string): void => void (values.json ? process.stderr : process.stdout).write(`${line}\n`)

  const base = await ensureDataset(benchRoot, scale, log)
  // One working copy per run, so two runs at once never share a database.
  const dataDir = workingCopy(base, join(benchRoot, `work-${scale}-${process.pid}`))
  const workDir = join(benchRoot, `files-${scale}`)
  mkdirSync(workDir, { recursive: true })
  const ctx = await openBenchContext(dataDir, workDir, scale)

  const results: BenchResult[] = []
  try {
    for (const benchCase of benchCases) {
      if (values['browser-only'] || (values.only && !benchCase.name.includes(values.only))) continue
      global.gc?.()
      const result = await measure(benchCase, ctx)
      if (benchCase.memoryAlone) result.alone_peak_mb = await peakAlone(benchCase, ctx)
      results.push(result)
      if (values.json) console.log(JSON.stringify(result))
      else log(row(result))
      if (values.runs && !values.json) {
        log(
          `  应用各次 ${result.app_runs_ms.join(' / ')} ms；基准各次 ${result.baseline_runs_ms.join(' / ') || '—'} ms`,
        )
      }
    }
    // The browser preview takes the day's backup when it starts, like the app; here it
    // would copy the 0.5 GB bench file while the first paint is being timed.
    await ctx.call('backups.settings.set', { folder: null, enabled: false })
  } finally {
    await ctx.close()
  }
  // A case run on its own counts by that figure: in this process the baseline's leftovers count too.
  const peakMb = Math.max(0, ...results.map((r) => r.alone_peak_mb ?? r.app_peak_mb))
  const memoryMet = peakMb < peakMemoryTargetMb
  if (values.json) console.log(JSON.stringify({ name: '峰值内存 MB', value: peakMb, met: memoryMet }))
  else
    log(
      `应用峰值内存（导入在单独进程中测，其余为本进程 RSS）：${peakMb} MB，目标 < ${peakMemoryTargetMb} MB ${memoryMet ? '达标' : '未达标'}`,
    )

  let timings: BrowserTiming[] = []
  if (!values['no-browser'] && (!values.only || values['browser-only'])) {
    timings = await browserTimings(
      root,
      dataDir,
      analysisRoutes,
      // The smoke run proves the visits work; the full one measures them.
      values.smoke ? { rounds: 1, rewarmWaitMs: 3_500 } : { rounds: 3, rewarmWaitMs: 10_000 },
    )
    for (const timing of timings) {
      if (values.json)
        console.log(JSON.stringify({ name: timing.name, app_ms: timing.ms, baseline_ms: null, ratio: null }))
      else
        log(
          `Chromium：${timing.name} ${timing.ms} ms${values.runs && timing.runs ? `（各次 ${timing.runs.join(' / ')} ms）` : ''}`,
        )
    }
  }
  rmSync(dataDir, { recursive: true, force: true })
  const missed = results.filter((r) => !r.met)
  log(
    `${results.length} 项，${results.length - missed.length} 项达标${missed.length ? `，未达标：${missed.map((r) => r.name).join('、')}` : ''}`,
  )
}

function row(result: BenchResult): string {
  const base = result.baseline_ms === null ? '—' : `${result.baseline_ms} ms`
  const ratio = result.ratio === null ? '—' : `${result.ratio}×`
  const alone = result.alone_peak_mb === null ? '' : `（单独进程 ${result.alone_peak_mb} MB）`
  return `${result.met ? '✓' : '✗'} ${result.name.padEnd(28, '　')} 应用 ${result.app_ms} ms  基准 ${base}  比值 ${ratio}  目标 ${result.target}  应用内存峰值 ${result.app_peak_mb} MB${alone}`
}

/** The case's app side once more, in a process of its own (appAlone.ts), for its own peak memory. */
async function peakAlone(benchCase: BenchCase, ctx: BenchContext): Promise<number> {
  const script = join(__dirname, 'bench', 'appAlone.ts')
  const args = ['--import', 'tsx', script, benchCase.name, ctx.dataDir, ctx.workDir, ctx.scale]
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 })
  const last = stdout.trim().split('\n').at(-1) ?? ''
  return (JSON.parse(last) as { peak_mb: number }).peak_mb
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

/**
 * Runs one bench case's app side once in a process of its own and prints
 * {"peak_mb"} on stdout: the app's own peak RSS. In the bench's process the
 * figure also counts what the baseline left behind — V8 and malloc keep the
 * pages of exceljs's parse after it is collected — which the app never has.
 *   node --import tsx scripts/bench/appAlone.ts <case name> <dataDir> <workDir> <scale>
 */
import { benchCases } from './cases'
import { openBenchContext } from './openBenchContext'

async function main(): Promise<void> {
  const [name, dataDir, workDir, scale] = process.argv.slice(2)
  const benchCase = benchCases.find((c) => c.name === name)
  if (!benchCase || !dataDir || !workDir || (scale !== 'full' && scale !== 'smoke')) {
    throw new Error(
      `usage: appAlone <case name> <dataDir> <workDir> <full|smoke> (got ${process.argv.slice(2).join(' ')})`,
    )
  }
  const ctx = await openBenchContext(dataDir, workDir, scale)
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => void (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  try {
    await benchCase.app(ctx)
  } finally {
    clearInterval(sampler)
    await ctx.close()
  }
  peak = Math.max(peak, process.memoryUsage().rss)
  console.log(JSON.stringify({ peak_mb: Math.round((peak / 1024 / 1024) * 100) / 100 }))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

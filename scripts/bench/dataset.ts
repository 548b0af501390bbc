import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { generateDemoData } from '../../src/main/core/demo/generateDemoData'
import { databaseFileName, openCore } from '../../src/main/core/openCore'

export type Scale = 'full' | 'smoke'

/** The sizes the issue names (full), and a small one CI can afford (smoke). */
export const scales = {
  full: { customers: 100_000, transactions: 1_000_000, interactions: 300_000 },
  smoke: { customers: 2_000, transactions: 20_000, interactions: 6_000 },
} as const

interface Marker {
  customers: number
  transactions: number
  interactions: number
  generator: string
}

/** A fingerprint of the demo generator's sources: a changed generator means a new dataset. */
function generatorFingerprint(): string {
  const dir = join(__dirname, '../../src/main/core/demo')
  const hash = createHash('sha1')
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(join(dir, file)))
  return hash.digest('hex').slice(0, 12)
}

/**
 * A pristine demo dataset per scale, built once and reused (100k customers and
 * 1M sales take a few minutes). It is rebuilt when the demo generator changed;
 * a newer schema needs no rebuild, since opening the working copy migrates it.
 * Returns the folder holding it.
 */
export async function ensureDataset(root: string, scale: Scale, log: (line: string) => void): Promise<string> {
  const dir = join(root, `base-${scale}`)
  const markerPath = join(dir, 'dataset.json')
  const wanted: Marker = { ...scales[scale], generator: generatorFingerprint() }
  if (existsSync(markerPath) && readFileSync(markerPath, 'utf8') === JSON.stringify(wanted)) return dir
  // Built aside and renamed into place, so a run started meanwhile never sees half a dataset.
  const building = `${dir}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  mkdirSync(building, { recursive: true })
  log(
    `正在生成${scale === 'full' ? '完整' : '小型'}测试数据：${wanted.customers} 个客户，${wanted.transactions} 条交易…`,
  )
  const started = performance.now()
  const core = await openCore(building)
  try {
    await generateDemoData(core.store, { ...scales[scale], seed: 1 })
  } finally {
    await core.close()
  }
  writeFileSync(join(building, 'dataset.json'), JSON.stringify(wanted))
  rmSync(dir, { recursive: true, force: true })
  renameSync(building, dir)
  log(`测试数据生成用时 ${((performance.now() - started) / 1000).toFixed(0)} 秒`)
  return dir
}

/** A working copy, so cases that write (imports) never change the pristine dataset. */
export function workingCopy(baseDir: string, workDir: string): string {
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(workDir, { recursive: true })
  // The base was closed cleanly, so its WAL is checkpointed into the main file.
  copyFileSync(join(baseDir, databaseFileName), join(workDir, databaseFileName))
  return workDir
}

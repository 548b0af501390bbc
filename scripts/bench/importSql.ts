/**
 * How much of the bench's import is SQLite's own work: captures the SQL of one
 * import of the bench file (the second, so that its customers exist and the
 * duplicate check finds them, as in the bench's measured runs), then replays it
 * raw through the same driver on a second copy in the same state, inside a
 * transaction that is rolled back, and prints the time per kind of statement.
 * The import's baseline is exceljs plus its own INSERTs, not this SQL; this is
 * what the README's explanation of the import's ratio rests on. The duplicate
 * lookups are not among it: they run beside the writes, on a connection of
 * their own (importLookups).
 *   node --expose-gc --import tsx scripts/bench/importSql.ts [full|smoke]
 */
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { excelImportCases } from './cases/excelImport'
import { ensureDataset, workingCopy, type Scale } from './dataset'
import { openBenchContext } from './openBenchContext'
import { captureSql } from './sqlCapture'

const transactionStatement = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i

async function main(): Promise<void> {
  const scale: Scale = process.argv[2] === 'smoke' ? 'smoke' : 'full'
  const benchRoot = join(resolve(__dirname, '..', '..'), '.tmp', 'bench')
  const base = await ensureDataset(benchRoot, scale, console.log)
  const workDir = join(benchRoot, `files-${scale}`)
  const importCase = excelImportCases[0]
  if (!importCase) throw new Error('no import case')
  const copies = ['captured', 'replayed'].map((name) => join(benchRoot, `importSql-${name}-${process.pid}`))
  const [captured, replayed] = await Promise.all(
    copies.map((dir) => openBenchContext(workingCopy(base, dir), workDir, scale)),
  )
  if (!captured || !replayed) throw new Error('no bench context')
  try {
    await importCase.setup?.(captured)
    // Both copies import the file once, so both hold its customers and the next ids match.
    await importCase.app(captured)
    await importCase.app(replayed)
    const started = performance.now()
    const queries = await captureSql(captured.core.store.dataSource, () => importCase.app(captured))
    const appMs = performance.now() - started

    const byKind = new Map<string, { count: number; ms: number }>()
    await replayed.raw.exec('BEGIN')
    try {
      for (const query of queries) {
        if (transactionStatement.test(query.sql)) continue
        const queryStarted = performance.now()
        await replayed.raw.all(query.sql, query.params)
        const kind = query.sql.replace(/\s+/g, ' ').trim().slice(0, 48)
        const entry = byKind.get(kind) ?? { count: 0, ms: 0 }
        entry.count++
        entry.ms += performance.now() - queryStarted
        byKind.set(kind, entry)
      }
    } finally {
      await replayed.raw.exec('ROLLBACK')
    }
    const sqlMs = [...byKind.values()].reduce((sum, e) => sum + e.ms, 0)
    console.log(`导入（应用，含打开文件）${appMs.toFixed(0)} ms；其 SQL 直接重放 ${sqlMs.toFixed(0)} ms`)
    for (const [kind, entry] of [...byKind].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) {
      console.log(`${entry.ms.toFixed(0).padStart(7)} ms  ${String(entry.count).padStart(4)} 次  ${kind}`)
    }
    // Once untimed: its first run reads back the rows it inserts (see excelImport's Written).
    await importCase.baseline?.(replayed)
    global.gc?.()
    const baselineStarted = performance.now()
    await importCase.baseline?.(replayed)
    console.log(`基准（exceljs 解析 + 原始多行 INSERT）${(performance.now() - baselineStarted).toFixed(0)} ms`)
  } finally {
    await Promise.all([captured.close(), replayed.close()])
    for (const dir of copies) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})

import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import type sqlite3 from 'sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeRaw, openRaw, rawAll } from '../../../../src/main/core/db/rawSqlite'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { channels, contract, type Channel } from '../../../../src/shared/contract'
import { errorCodes, type Result } from '../../../../src/shared/result'
import { everyRowSql } from '../../../helpers/databaseDigest'
import { tempDir } from '../../../helpers/tempDir'
import { fieldsOf, isWhitelistedString, setAt, takesString, validSample } from './schemaWalk'

/**
 * Every channel of the contract (iterated, so channels added later are covered
 * too) called through the dispatch with hostile inputs: at the top level, and
 * in every field of an otherwise valid input. Each call must come back as a
 * Result with a known code, never throw and never be an unexpected INTERNAL
 * error; a refused call must leave every table as it was.
 */

const sqlFragments = [
  `'; DROP TABLE customer;--`,
  `name; DELETE FROM sale`,
  `1 OR 1=1`,
  `") UNION SELECT key, value FROM app_setting --`,
  `%' ESCAPE '`,
]
const megabyte = '客'.repeat(1024 * 1024)
function deep(levels: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? [value] : { a: value }
  return value
}
const protoPayload = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}')

/** Values put in place of a whole input. */
const topLevel: unknown[] = [
  null,
  undefined,
  0,
  NaN,
  Infinity,
  '',
  megabyte,
  ...sqlFragments,
  true,
  [],
  [{}],
  deep(3000),
  protoPayload,
  new Date(0),
  new Map([['a', 1]]),
  new Uint8Array([1, 2, 3]),
]

/** Values put in place of one field. */
const fieldValues: unknown[] = [
  null,
  -1,
  0.5,
  NaN,
  Infinity,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  megabyte,
  ...sqlFragments.slice(0, 3),
  true,
  [sqlFragments[0]],
  { [sqlFragments[0]]: sqlFragments[1] },
  deep(300),
  protoPayload,
]

interface Stats {
  calls: number
  refused: number
  accepted: number
  byChannel: Map<string, number>
  failures: string[]
}

let core: Core
let reader: sqlite3.Database
let dataDir: string
const unexpected: string[] = []
const stats: Stats = { calls: 0, refused: 0, accepted: 0, byChannel: new Map(), failures: [] }

async function digest(): Promise<string> {
  const tables = await rawAll(
    reader,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  )
  const hash = createHash('sha256')
  for (const { name } of tables) {
    hash.update(String(name))
    hash.update(JSON.stringify(await rawAll(reader, await everyRowSql(reader, String(name)))))
  }
  return hash.digest('hex')
}

function describeInput(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    )
    return (text ?? String(value)).slice(0, 120)
  } catch {
    return String(value).slice(0, 120)
  }
}

/**
 * The database's state before a call, as a hash of every row. Recomputed only
 * when the core's connection has changed rows since it was taken (SQLite's
 * total_changes(), which also counts changes a rollback undid): a refused call
 * that changed nothing needs no hash, one that wrote and rolled back gets compared.
 */
let baseline = ''
let baselineChanges = -1
let baselineSource: unknown

async function totalChanges(): Promise<number> {
  const [{ n }] = await core.store.manager.query('SELECT total_changes() AS n')
  return Number(n)
}

async function freshBaseline(): Promise<void> {
  const changes = await totalChanges()
  if (changes === baselineChanges && baselineSource === core.store.dataSource) return
  baseline = await digest()
  baselineChanges = changes
  baselineSource = core.store.dataSource
}

async function probe(channel: string, input: unknown): Promise<void> {
  stats.calls++
  stats.byChannel.set(channel, (stats.byChannel.get(channel) ?? 0) + 1)
  await freshBaseline()
  let result: Result<unknown>
  try {
    result = await core.dispatch(channel, input)
  } catch (error) {
    stats.failures.push(`${channel} threw ${String(error)} on ${describeInput(input)}`)
    return
  }
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    stats.failures.push(`${channel} returned a non-Result on ${describeInput(input)}`)
    return
  }
  if (result.ok) {
    stats.accepted++
    return
  }
  stats.refused++
  if (!errorCodes.includes(result.error.code) || typeof result.error.message !== 'string') {
    stats.failures.push(`${channel} returned an unknown error shape ${describeInput(result.error)}`)
  }
  if (result.error.code === 'INTERNAL') {
    stats.failures.push(`${channel} INTERNAL on ${describeInput(input)}: ${result.error.message}`)
  }
  if (!/[\u4e00-\u9fff]/.test(result.error.message)) {
    stats.failures.push(`${channel} message not in Chinese: ${result.error.message}`)
  }
  if (baselineSource !== core.store.dataSource || (await totalChanges()) !== baselineChanges) {
    if ((await digest()) !== baseline) {
      stats.failures.push(`${channel} changed the database although it refused ${describeInput(input)}`)
    }
  }
}

beforeAll(async () => {
  dataDir = tempDir('fuzz')
  core = await openCore(dataDir, {
    checkOutput: true,
    onUnexpected: (channel, error) => unexpected.push(`${channel}: ${String(error)}`),
  })
  const loaded = await core.dispatch('demo.load', { customers: 8 })
  if (!loaded.ok) throw new Error(loaded.error.message)
  reader = await openRaw(core.store.databasePath, 'readonly')
  baseline = await digest()
})

afterAll(async () => {
  await closeRaw(reader)
  await core.close()
})

describe('IPC fuzzing', () => {
  it('every channel, every field: a typed Result, no unexpected error, nothing changed when refused', async () => {
    for (const channel of channels) {
      const schema = contract[channel].input
      for (const value of topLevel) await probe(channel, value)
      const base = validSample(schema)
      if (typeof base === 'object' && base !== null && !Array.isArray(base)) {
        await probe(channel, { ...base, unexpectedKey: sqlFragments[0] })
        await probe(channel, { ...protoPayload, ...base })
      }
      for (const field of fieldsOf(schema)) {
        for (const value of fieldValues) await probe(channel, setAt(base, field.path, value))
      }
    }
    await probe('no.such.channel', {})
    await probe('__proto__', {})
    await probe('constructor', {})

    const report = [
      `fuzz: ${stats.calls} calls over ${channels.length} channels, ${stats.refused} refused, ${stats.accepted} accepted`,
      ...stats.failures.slice(0, 40),
    ]
    console.log(report.join('\n'))
    expect(stats.failures).toEqual([])
    expect(unexpected).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    // Every channel was really exercised, beyond its top-level corpus.
    for (const channel of channels) expect(stats.byChannel.get(channel), channel).toBeGreaterThan(topLevel.length)
    const [{ integrity_check }] = await core.store.manager.query('PRAGMA integrity_check')
    expect(integrity_check).toBe('ok')
    expect(await core.store.manager.query('PRAGMA foreign_key_check')).toEqual([])
    // Nothing from the fuzz reached the file system outside the data folder's own files.
    expect(readdirSync(dataDir).filter((n) => n.startsWith('upload-'))).toEqual([])
  }, 600_000)

  it('every sort, order, column and filter key in the contract is a whitelist (enum or pattern), not free text', () => {
    // Keys that never reach SQL: the export's column key picks a value out of the rows sent with it, and
    // the import's label choice is matched against the file's own headers (src/main/core/excelImport/importColumns.ts).
    const lookupOnly = new Set([
      'analysis.exportXlsx: columns.0.key',
      'import.preview: labelChoices.0.field',
      'import.commit: labelChoices.0.field',
    ])
    const free: string[] = []
    for (const channel of channels as Channel[]) {
      for (const field of fieldsOf(contract[channel].input)) {
        const key = String(field.path.filter((p) => typeof p === 'string').at(-1))
        const path = field.path.join('.')
        if (
          !/^(sort|sortBy|sortOrder|order|orderBy|colId|column|field|direction|groupBy|by|key|metric|dimension)$/i.test(
            key,
          )
        )
          continue
        const name = `${channel}: ${path}`
        if (takesString(field.schema) && !isWhitelistedString(field.schema) && !lookupOnly.has(name)) free.push(name)
      }
    }
    expect(free).toEqual([])
  })

  it('SQL in a sort key of customers.list is refused with a Chinese message naming it', async () => {
    const result = await core.dispatch('customers.list', {
      sort: [{ colId: 'name; DROP TABLE customer', sort: 'asc' }],
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('不支持按') },
    })
    // Text from a search box is data: it is matched, never run.
    const [{ n: before }] = await core.store.manager.query('SELECT COUNT(*) AS n FROM customer')
    for (const quick of sqlFragments) {
      expect(await core.dispatch('customers.list', { quick })).toMatchObject({ ok: true })
    }
    const [{ n: after }] = await core.store.manager.query('SELECT COUNT(*) AS n FROM customer')
    expect(after).toBe(before)
  })
})

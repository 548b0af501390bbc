import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import type sqlite3 from 'sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { closeRaw, openRaw, rawAll } from '../../../../src/main/core/db/rawSqlite'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { channels, contract, type Channel } from '../../../../src/shared/contract'
import { errorCodes, type Result } from '../../../../src/shared/result'
import { everyRowSql } from '../../../helpers/databaseDigest'
import { tempDir } from '../../../helpers/tempDir'
import { loneSurrogateMessage } from '../../../../src/shared/wellFormedInputs'
import {
  fieldsOf,
  isWhitelistedString,
  objectSchemasOf,
  setAt,
  takesString,
  unionOptions,
  validSample,
} from './schemaWalk'

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
/** Text that shows nothing: zero-width space, non-joiner, joiner, BOM, soft hyphen, word joiner. */
const invisibleOnly = '\u200B\u200C\u200D\uFEFF\u00AD\u2060'
const loneSurrogates = ['\uD800', '甲\uDC00乙', '\uDBFF']

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
  invisibleOnly,
  ...loneSurrogates,
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
    // A signed-in session is touched every few minutes of use (accountCache.ts), refused call or not:
    // by design, like a refused login's count. The 业务员 pass runs longer than that on a busy machine.
    const sql =
      name === 'user_session'
        ? `SELECT token_hash, user_id, remember, created_at FROM user_session ORDER BY token_hash`
        : await everyRowSql(reader, String(name))
    hash.update(JSON.stringify(await rawAll(reader, sql)))
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

/** The signed-in user's session while the fuzz runs as a 业务员 (accounts on); null in single-PC mode. */
const session: { token: string | null; login: (() => Promise<string>) | null } = { token: null, login: null }

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

/** Calls the channel, records what a failure broke (see the suite's rules) and returns its Result, if any. */
async function probe(channel: string, input: unknown): Promise<Result<unknown> | undefined> {
  stats.calls++
  stats.byChannel.set(channel, (stats.byChannel.get(channel) ?? 0) + 1)
  await freshBaseline()
  let result: Result<unknown>
  try {
    result = await core.dispatch(channel, input, session.token)
  } catch (error) {
    stats.failures.push(`${channel} threw ${String(error)} on ${describeInput(input)}`)
    return undefined
  }
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    stats.failures.push(`${channel} returned a non-Result on ${describeInput(input)}`)
    return undefined
  }
  if (result.ok) {
    stats.accepted++
    // Turning 多用户 on would make every later call need a login: this fuzz runs in single-PC mode
    // (the accounts' own tests and roleFuzz.test.ts cover it turned on).
    if (channel === 'auth.enable') await core.dispatch('auth.disable', {}, (result.value as { token: string }).token)
    // 注销 ends the 业务员's session: sign in again so the rest of the fuzz still runs as them.
    if (channel === 'auth.logout' && session.login) session.token = await session.login()
    return result
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
  // A refused login still counts the wrong password towards the lockout (accounts.test.ts): by design, a write.
  const countsTowardsLockout = channel === 'auth.login'
  if (
    !countsTowardsLockout &&
    (baselineSource !== core.store.dataSource || (await totalChanges()) !== baselineChanges)
  ) {
    if ((await digest()) !== baseline) {
      stats.failures.push(`${channel} changed the database although it refused ${describeInput(input)}`)
    }
  }
  return result
}

/** The refusal's code, message and field messages as one text, to look for a word in; null when accepted. */
function refusalText(result: Result<unknown> | undefined): string | null {
  if (!result || result.ok) return null
  return [result.error.code, result.error.message, ...Object.values(result.error.fields ?? {})].join(' ')
}

/** Whether zod's issues (those inside a union's too) name the key `unexpectedKey` as unknown. */
function flagsUnknownKey(issues: readonly z.core.$ZodIssue[]): boolean {
  return issues.some(
    (issue) =>
      (issue.code === 'unrecognized_keys' && issue.keys.includes('unexpectedKey')) ||
      (issue.code === 'invalid_union' && issue.errors.some(flagsUnknownKey)),
  )
}

/** Whether the channel's input schema takes `value` at `path` of its sample input. */
function takes(channel: Channel, base: unknown, path: (string | number)[], value: unknown): boolean {
  return contract[channel].input.safeParse(setAt(base, path, value)).success
}

/** Every channel: the top-level corpus, then each field of a valid input replaced by each hostile value. */
async function fuzzEveryChannel(): Promise<void> {
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
    await fuzzEveryChannel()
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

  it('every object in every input refuses unknown keys, nested objects too', () => {
    const loose: string[] = []
    for (const channel of channels) {
      const objects = objectSchemasOf(contract[channel].input)
      // Every input is an object at the top (the dispatch turns a missing input into {}).
      if (!objects.some((o) => o.path.length === 0)) loose.push(`${channel}: input is not an object`)
      for (const at of objects) if (!at.strict) loose.push(`${channel}: ${at.path.join('.') || '(input)'}`)
    }
    expect(loose).toEqual([])
  })

  it('the strictness walk finds a loose object behind arrays, unions, records, pipes and wrappers', () => {
    const loose = (schema: z.ZodType) =>
      objectSchemasOf(schema)
        .filter((o) => !o.strict)
        .map((o) => o.path.join('.'))
    expect(loose(z.strictObject({ a: z.string() }))).toEqual([])
    expect(loose(z.strictObject({ a: z.array(z.object({ b: z.string() })).optional() }))).toEqual(['a.0'])
    expect(loose(z.strictObject({ a: z.union([z.string(), z.object({})]).nullable() }))).toEqual(['a'])
    expect(loose(z.strictObject({ a: z.record(z.string(), z.object({})) }))).toEqual(['a.0'])
    expect(loose(z.strictObject({ a: z.object({}).transform(() => 1) }))).toEqual(['a'])
    expect(loose(z.strictObject({ a: z.object({}).passthrough().default({}) }))).toEqual(['a'])
    expect(loose(z.object({}).superRefine(() => undefined))).toEqual([''])
    expect(loose(z.strictObject({ a: z.lazy(() => z.object({})) }))).toEqual(['a'])
  })

  it('an unknown key is refused with VALIDATION by every channel, at the top and in every nested object', async () => {
    const missed: string[] = []
    let tried = 0
    for (const channel of channels) {
      const schema = contract[channel].input
      // One sample per option of a union input, so that each option's own objects are reached.
      const bases = [validSample(schema), ...unionOptions(schema).map(validSample)]
      for (const { path } of objectSchemasOf(schema)) {
        tried++
        const input = bases
          .map((base) => setAt(base, [...path, 'unexpectedKey'], sqlFragments[0]))
          .find((candidate) => flagsUnknownKey(schema.safeParse(candidate).error?.issues ?? []))
        const where = `${channel}: ${path.join('.') || '(input)'}`
        if (input === undefined) missed.push(`${where}: the schema lets the key through`)
        else {
          const result = await probe(channel, input)
          if (result?.ok !== false || result.error.code !== 'VALIDATION')
            missed.push(`${where} → ${describeInput(result)}`)
        }
      }
    }
    expect(missed).toEqual([])
    expect(tried).toBeGreaterThan(channels.length)
    expect(stats.failures).toEqual([])
  }, 300_000)

  it('a lone surrogate is refused in every string of every input, and in a key', async () => {
    const missed: string[] = []
    let freeText = 0
    for (const channel of channels) {
      const base = validSample(contract[channel].input)
      for (const field of fieldsOf(contract[channel].input)) {
        if (!takesString(field.schema)) continue
        // Where plain text is taken, nothing but the surrogate can be the reason for a refusal.
        const plain = takes(channel, base, field.path, '甲乙丙')
        if (plain) freeText++
        for (const value of loneSurrogates) {
          const text = refusalText(await probe(channel, setAt(base, field.path, value)))
          if (text === null || (plain && !text.includes(loneSurrogateMessage))) {
            missed.push(`${channel}: ${field.path.join('.')} ${JSON.stringify(value)} → ${text ?? 'accepted'}`)
          }
        }
      }
    }
    const keyed = await probe('analysis.exportXlsx', {
      title: '导出',
      columns: [{ key: 'a', header: '甲' }],
      rows: [{ a: 1, ['\uD800']: 2 }],
    })
    expect(refusalText(keyed)).toContain(loneSurrogateMessage)
    expect(missed).toEqual([])
    expect(freeText).toBeGreaterThan(100)
    // A surrogate pair (an emoji) is a character like any other.
    expect(await probe('customers.list', { quick: '😀' })).toMatchObject({ ok: true })
    expect(stats.failures).toEqual([])
  }, 300_000)

  it('text that only looks empty (invisible characters) is refused wherever empty text is', async () => {
    const refusedAsInvisible: string[] = []
    const missed: string[] = []
    for (const channel of channels) {
      const base = validSample(contract[channel].input)
      for (const field of fieldsOf(contract[channel].input)) {
        if (!takesString(field.schema) || isWhitelistedString(field.schema)) continue
        if (!takes(channel, base, field.path, '甲') || takes(channel, base, field.path, '')) continue
        const name = `${channel}: ${field.path.join('.')}`
        const text = refusalText(await probe(channel, setAt(base, field.path, invisibleOnly)))
        if (text === null) missed.push(name)
        else if (text.includes('看不见的字符')) refusedAsInvisible.push(name)
      }
    }
    // Names the sample inputs above do not reach (a list of names, a 纪念日 needs its date, an export its columns).
    const column = { key: 'a', header: '甲' }
    const nested: [Channel, string, Record<string, unknown>][] = [
      ['customers.create', 'groups.0', { name: '甲', groups: [invisibleOnly] }],
      [
        'customers.create',
        'contacts.0.importantDates.0.label',
        { name: '甲', contacts: [{ name: '乙', importantDates: [{ label: invisibleOnly, date: '2020-01-01' }] }] },
      ],
      ['analysis.exportXlsx', 'title', { title: invisibleOnly, columns: [column], rows: [] }],
      ['analysis.exportXlsx', 'columns.0.header', { title: '甲', columns: [{ ...column, header: invisibleOnly }] }],
    ]
    for (const [channel, path, input] of nested) {
      const text = refusalText(await probe(channel, input))
      if (text === null) missed.push(`${channel}: ${path}`)
      else if (text.includes('看不见的字符')) refusedAsInvisible.push(`${channel}: ${path}`)
    }
    expect(missed).toEqual([])
    expect(refusedAsInvisible).toEqual(
      expect.arrayContaining([
        'customers.create: name',
        'customers.create: contacts.0.name',
        'customers.create: contacts.0.importantDates.0.label',
        'customers.create: groups.0',
        'customers.update: name',
        'customers.update: contacts.0.name',
        'groups.create: name',
        'groups.rename: name',
        'dictionary.create: label',
        'dictionary.update: label',
        'projects.create: name',
        'projects.update: name',
        'competitors.create: name',
        'competitors.update: name',
        'analysis.exportXlsx: title',
        'analysis.exportXlsx: columns.0.header',
      ]),
    )
    expect(stats.failures).toEqual([])
  }, 300_000)

  it('a sale whose 数量 × 单价 passes the 金额 cap is refused (1e9 × 1e10 = 1e19), created or updated', async () => {
    const m = core.store.manager
    const [{ id: customerId }] = await m.query(`SELECT id FROM customer ORDER BY id LIMIT 1`)
    const amountsBefore = await m.query(`SELECT id, transaction_amount FROM customer ORDER BY id`)
    const tooLarge = { code: 'VALIDATION', fields: { amount: expect.stringContaining('金额过大') } }
    const overflow = { quantity: 1e9, unitPrice: 1e10 }
    expect(await probe('sales.create', { customerId, date: '2026-01-05', ...overflow })).toMatchObject({
      ok: false,
      error: tooLarge,
    })
    const [{ id: saleId }] = await m.query(`SELECT id FROM sale ORDER BY id LIMIT 1`)
    expect(await probe('sales.update', { id: saleId, ...overflow })).toMatchObject({ ok: false, error: tooLarge })
    expect(await probe('sales.update', { id: saleId, amount: 1e12 + 1 })).toMatchObject({ ok: false })
    const [{ largest }] = await m.query(`SELECT MAX(amount) AS largest FROM sale`)
    expect(largest).toBeLessThanOrEqual(1e12)
    expect(await m.query(`SELECT id, transaction_amount FROM customer ORDER BY id`)).toEqual(amountsBefore)
    expect(stats.failures).toEqual([])
  })

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
  it('the same fuzz as a 业务员 with accounts on: refusals in Chinese, nothing unexpected, nothing changed when refused', async () => {
    const value = async (channel: string, input: unknown, token?: string) => {
      const result = await core.dispatch(channel, input, token)
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value as { token: string }
    }
    // The single-PC pass above may have created users (the PC's one user may): turning accounts on then
    // takes an existing 管理员's login, so one is made for it first.
    await value('users.create', {
      login: 'fuzz-admin',
      name: '管理员',
      role: 'admin',
      password: 'fuzz-secret',
      staffId: null,
      customerLimit: null,
    })
    const admin = await value('auth.enable', {
      login: 'fuzz-admin',
      name: '管理员',
      password: 'fuzz-secret',
      staffId: null,
    })
    const [owner] = await core.store.manager.query(
      `SELECT owner_staff_id AS id FROM customer WHERE owner_staff_id IS NOT NULL GROUP BY owner_staff_id LIMIT 1`,
    )
    await value(
      'users.create',
      {
        login: 'fuzz-sales',
        name: '业务员',
        role: 'sales',
        password: 'fuzz-secret',
        staffId: owner?.id ?? null,
        customerLimit: null,
      },
      admin.token,
    )
    session.login = async () =>
      (await value('auth.login', { login: 'fuzz-sales', password: 'fuzz-secret', remember: false })).token
    session.token = await session.login()
    const failuresBefore = stats.failures.length
    const refusedBefore = stats.refused
    try {
      await fuzzEveryChannel()
    } finally {
      session.login = null
      session.token = null
      const again = await value('auth.login', { login: 'fuzz-admin', password: 'fuzz-secret', remember: false })
      await value('auth.disable', {}, again.token)
    }
    expect(stats.failures.slice(failuresBefore)).toEqual([])
    expect(unexpected).toEqual([])
    expect(stats.refused).toBeGreaterThan(refusedBefore)
    const [{ integrity_check }] = await core.store.manager.query('PRAGMA integrity_check')
    expect(integrity_check).toBe('ok')
  }, 600_000)
})

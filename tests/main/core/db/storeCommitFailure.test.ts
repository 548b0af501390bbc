import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { QueryRunner } from 'typeorm'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { tempDir } from '../../../helpers/tempDir'

/**
 * An answer of 成功 means the row is on disk, whatever SQLite said on the way:
 * a COMMIT that fails (injected, or a real full disk on a tmpfs) is reported as
 * a failure, and the writes after it commit normally — proven by reopening the file.
 */

const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close().catch(() => undefined)
})

async function open(dataDir: string): Promise<Core> {
  const core = await openCore(dataDir)
  cores.push(core)
  return core
}

async function create(core: Core, name: string, remarks = ''): Promise<boolean> {
  const result = await core.dispatch('customers.create', { name, kind: 'enterprise', remarks })
  return result.ok
}

async function namesOnDisk(dataDir: string, before: Core): Promise<string[]> {
  await before.close()
  cores.splice(cores.indexOf(before), 1)
  const reopened = await open(dataDir)
  const rows: { name: string }[] = await reopened.store.manager.query('SELECT name FROM customer ORDER BY id')
  const [check] = await reopened.store.manager.query('PRAGMA integrity_check')
  expect(check.integrity_check).toBe('ok')
  return rows.map((r) => r.name)
}

type FailureMode = 'left-open' | 'rolled-back'

/**
 * Makes the shared connection's next statements that end a transaction (COMMIT, or
 * RELEASE of a savepoint) fail, one mode each. SQLite rolls back by itself after
 * some failures (SQLITE_FULL, SQLITE_IOERR); after others the transaction stays open.
 */
function failNextCommits(core: Core, ...modes: FailureMode[]): void {
  const runner = core.store.dataSource.createQueryRunner() as QueryRunner & { query: QueryRunner['query'] }
  const original = runner.query.bind(runner)
  runner.query = (async (sql: string, ...rest: unknown[]) => {
    if (modes.length > 0 && (sql === 'COMMIT' || sql.startsWith('RELEASE SAVEPOINT'))) {
      const mode = modes.shift()
      if (mode === 'rolled-back') await original('ROLLBACK')
      throw Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' })
    }
    return (original as (...args: unknown[]) => Promise<unknown>)(sql, ...rest)
  }) as QueryRunner['query']
}

describe('a failed COMMIT', () => {
  for (const mode of ['left-open', 'rolled-back'] as const) {
    it(`is answered as not saved, and later writes commit (transaction ${mode})`, async () => {
      const dataDir = tempDir('commit-fail')
      const core = await open(dataDir)
      expect(await create(core, '甲公司')).toBe(true)
      failNextCommits(core, mode)
      const failed = await core.dispatch('customers.create', { name: '乙公司', kind: 'enterprise' })
      expect(failed.ok).toBe(false)
      if (!failed.ok) expect(failed.error.message).toContain('磁盘已满')
      expect(await create(core, '丙公司')).toBe(true)
      expect(await create(core, '丁公司')).toBe(true)
      // Seen by the same connection…
      const listed = await core.store.read((db) => db.all<{ name: string }>('SELECT name FROM customer'))
      expect(listed.map((r) => r.name).sort()).toEqual(['丁公司', '丙公司', '甲公司'])
      // …and on disk after a normal stop.
      expect(await namesOnDisk(dataDir, core)).toEqual(['甲公司', '丙公司', '丁公司'])
    })
  }

  it('after two failures in a row (the disk stays full), the writes that follow are on disk', async () => {
    const dataDir = tempDir('commit-fail')
    const core = await open(dataDir)
    failNextCommits(core, 'rolled-back', 'left-open')
    expect(await create(core, '乙公司')).toBe(false)
    expect(await create(core, '丙公司')).toBe(false)
    expect(await create(core, '丁公司')).toBe(true)
    expect(await create(core, '戊公司')).toBe(true)
    expect(await namesOnDisk(dataDir, core)).toEqual(['丁公司', '戊公司'])
  })

  it('reopens the connection when SQLite cannot be brought back to autocommit', async () => {
    const dataDir = tempDir('commit-fail')
    const core = await open(dataDir)
    const before = core.store.dataSource
    const runner = before.createQueryRunner() as QueryRunner & { query: QueryRunner['query'] }
    const original = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>
    // COMMIT, ROLLBACK and the store's probe all fail on this connection: only a new one helps.
    runner.query = (async (sql: string, ...rest: unknown[]) => {
      if (sql === 'COMMIT' || sql === 'ROLLBACK' || sql === 'BEGIN') throw new Error('SQLITE_IOERR: disk I/O error')
      return original(sql, ...rest)
    }) as QueryRunner['query']
    expect(await create(core, '乙公司')).toBe(false)
    expect(core.store.dataSource).not.toBe(before)
    expect(before.isInitialized).toBe(false)
    expect(await create(core, '丙公司')).toBe(true)
    expect(await namesOnDisk(dataDir, core)).toEqual(['丙公司'])
  })

  it('keeps the store usable when the failed body leaves SQLite inside a savepoint', async () => {
    const dataDir = tempDir('commit-fail')
    const core = await open(dataDir)
    // A body that opens a savepoint of its own and then throws: the store still ends the whole transaction.
    await expect(
      core.store.write(async ({ manager: m }) => {
        await m.query(`SAVEPOINT stray`)
        await m.query(`INSERT INTO app_setting (key, value) VALUES ('probe', '1')`)
        throw new Error('body failed')
      }),
    ).rejects.toThrow('body failed')
    expect(await create(core, '戊公司')).toBe(true)
    expect(await namesOnDisk(dataDir, core)).toEqual(['戊公司'])
  })

  it('runs on a connection with synchronous = FULL, so a commit is on disk when it is answered', async () => {
    const core = await open(tempDir('commit-sync'))
    const [row] = await core.store.manager.query('PRAGMA synchronous')
    expect(row.synchronous).toBe(2)
  })
})

/** A real full disk: a small tmpfs (needs root and mount, as on the developers' machines and CI). */
function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, { recursive: true })
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function freeBytes(dir: string): number {
  const out = execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' })
  return Number(out.trim().split('\n').pop())
}

const canMount = process.getuid?.() === 0 && process.platform === 'linux'

describe.skipIf(!canMount)('a full disk (tmpfs)', () => {
  it('answers 成功 only for customers that are in the file after a restart', async () => {
    const mountPoint = join(tempDir('full-disk'), 'mnt')
    if (!mountTmpfs(mountPoint, '3m')) {
      console.warn('tmpfs could not be mounted: the full-disk case did not run')
      return
    }
    try {
      const dataDir = join(mountPoint, 'data')
      const core = await open(dataDir)
      const filler = join(mountPoint, 'filler')
      // Leave about 300 KB free.
      writeFileSync(filler, Buffer.alloc(Math.max(0, freeBytes(mountPoint) - 300 * 1024)))
      const text = '客户情况说明'.repeat(700)
      const answered: string[] = []
      let refused = 0
      for (let i = 0; i < 6; i++) {
        if (await create(core, `满盘客户${i}`, text)) answered.push(`满盘客户${i}`)
        else refused++
      }
      rmSync(filler)
      for (let i = 0; i < 3; i++) {
        if (await create(core, `之后客户${i}`, text)) answered.push(`之后客户${i}`)
        else refused++
      }
      // The disk really filled up, and the writes after it had room again.
      expect(refused).toBeGreaterThan(0)
      expect(answered).toEqual(expect.arrayContaining(['之后客户0', '之后客户1', '之后客户2']))
      expect(await namesOnDisk(dataDir, core)).toEqual(answered)
    } finally {
      for (const core of cores.splice(0)) await core.close().catch(() => undefined)
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' })
    }
  })
})

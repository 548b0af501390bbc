import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { takeBackup } from '../../../../src/main/core/backup/takeBackup'
import { rawAll, withRaw } from '../../../../src/main/core/db/rawSqlite'
import type { Core } from '../../../../src/main/core/openCore'
import type { BackupInfo } from '../../../../src/shared/backup'
import { call, testCore } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

/** What a finished backup must be: one self-contained file in rollback-journal mode that passes integrity_check. */
async function expectSelfContained(path: string): Promise<void> {
  expect(existsSync(`${path}-wal`), `${path}-wal`).toBe(false)
  expect(existsSync(`${path}-shm`), `${path}-shm`).toBe(false)
  expect(existsSync(`${path}-journal`), `${path}-journal`).toBe(false)
  const { mode, integrity } = await withRaw(path, 'readonly', async (db) => ({
    mode: String((await rawAll(db, 'PRAGMA journal_mode'))[0]?.journal_mode),
    integrity: String((await rawAll(db, 'PRAGMA integrity_check'))[0]?.integrity_check),
  }))
  expect(mode, path).toBe('delete')
  expect(integrity, path).toBe('ok')
  // Opening it read-only left nothing beside it either.
  expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`), path).toBe(false)
}

describe('backups that overlap', () => {
  it('five 立即备份 at once, two daily runs and customers being created: all succeed, each its own file, each self-contained', async () => {
    const core = await testCore('parallel-backups')
    cores.push(core)
    await call(core, 'demo.load', { customers: 80 })
    const writes = Array.from({ length: 6 }, (_, i) =>
      core.dispatch('customers.create', { name: `备份时新建的客户${i}` }),
    )
    const creates = Array.from({ length: 5 }, () => core.dispatch('backups.create', {}))
    const daily = core.runDailyBackupIfDue(new Date())
    const secondDaily = core.runDailyBackupIfDue(new Date())
    const results = await Promise.all([...creates, ...writes])
    expect(results.filter((r) => !r.ok)).toEqual([])
    const dailyInfos = await Promise.all([daily, secondDaily])
    // The once-a-day guard holds between two runs started together: exactly one of them took the backup.
    expect(dailyInfos.filter((info) => info !== null)).toHaveLength(1)

    const infos = [
      ...creates.map((_, i) => (results[i] as { ok: true; value: BackupInfo }).value),
      ...dailyInfos.filter((info): info is BackupInfo => info !== null),
    ]
    expect(new Set(infos.map((info) => info.name)).size).toBe(6)
    for (const info of infos) expect(info.ok).toBe(true)

    const { folder } = await call(core, 'backups.list', {})
    const files = readdirSync(folder)
    expect(files.filter((n) => !n.endsWith('.sqlite'))).toEqual([])
    expect(files.sort()).toEqual(infos.map((info) => info.name).sort())
    for (const name of files) await expectSelfContained(join(folder, name))
  })

  it('backups of every kind asked for in the same second get distinct names, and none fails', async () => {
    const core = await testCore('parallel-kinds')
    cores.push(core)
    await call(core, 'demo.load', { customers: 20 })
    const folder = join(core.dataDir, 'backups')
    const now = new Date(2026, 10, 23, 14, 15, 0)
    const kinds = ['manual', 'manual', 'auto', 'undo', 'premigration', 'premigration', 'manual'] as const
    const taken = await Promise.all(kinds.map((kind) => takeBackup(core.store.databasePath, folder, kind, now)))
    expect(new Set(taken.map((t) => t.name)).size).toBe(kinds.length)
    expect(taken.map((t) => t.name)).toContain('kqgj-20261123-141500-2-manual.sqlite')
    expect(readdirSync(folder).sort()).toEqual(taken.map((t) => t.name).sort())
    for (const t of taken) await expectSelfContained(join(folder, t.name))
  })
})

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { closeRaw, openRaw, rawAll, rawExec } from '../../../../src/main/core/db/rawSqlite'
import type { Core } from '../../../../src/main/core/openCore'
import { createPickedPathTokens } from '../../../../src/main/platform/pickedPathTokens'
import type { BackupInfo } from '../../../../src/shared/backup'
import { latestSchemaVersion } from '../../../../src/main/core/db/migrations'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'
import { databaseDigest, type TableDigest } from '../../../helpers/databaseDigest'
import { tempDir } from '../../../helpers/tempDir'
import { call, testCore } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

async function coreWithData(customers = 60) {
  const core = await testCore('backup')
  cores.push(core)
  await call(core, 'demo.load', { customers })
  return core
}

async function sumsOf(core: Core) {
  const [row] = await core.store.manager.query(
    `SELECT (SELECT COUNT(*) FROM customer) AS customers, (SELECT COUNT(*) FROM sale) AS sales,
            (SELECT ROUND(SUM(amount), 2) FROM sale) AS amount, (SELECT COUNT(*) FROM interaction) AS interactions`,
  )
  return row as { customers: number; sales: number; amount: number; interactions: number }
}

describe('backups', () => {
  it('an online backup taken while another connection writes holds one committed moment, and restores to it', async () => {
    const core = await coreWithData()
    // A second connection writes in small transactions; after each commit it records the table's digest.
    const writer = await openRaw(core.store.databasePath, 'readwrite')
    await rawExec(writer, 'PRAGMA busy_timeout = 5000')
    const committed = new Set<string>()
    const settingDigest = async () => JSON.stringify(await rawAll(writer, 'SELECT * FROM app_setting ORDER BY 1'))
    committed.add(await settingDigest())
    let writing = true
    let commits = 0
    const writes = (async () => {
      for (let i = 0; writing || commits < 20; i++) {
        await rawExec(
          writer,
          `BEGIN IMMEDIATE; INSERT INTO app_setting (key, value) VALUES ('w${i}a', '${i}');
           INSERT INTO app_setting (key, value) VALUES ('w${i}b', '${-i}'); COMMIT;`,
        )
        commits++
        committed.add(await settingDigest())
      }
    })()
    const taken: BackupInfo[] = []
    let overlapped = 0
    for (let n = 0; n < 4; n++) {
      const commitsBefore = commits
      taken.push(await call(core, 'backups.create', {}))
      if (commits > commitsBefore) overlapped++
    }
    writing = false
    await writes
    await closeRaw(writer)
    expect(commits).toBeGreaterThanOrEqual(20)
    expect(overlapped).toBeGreaterThan(0)

    const { folder } = await call(core, 'backups.list', {})
    const before = await sumsOf(core)
    for (const info of taken) {
      const path = join(folder, info.name)
      // Never half a transaction: the backup's app_setting equals one state a commit left.
      const rows = await openRaw(path, 'readonly').then(async (db) => {
        const r = await rawAll(db, 'SELECT * FROM app_setting ORDER BY 1')
        await closeRaw(db)
        return JSON.stringify(r)
      })
      expect(committed.has(rows)).toBe(true)
      expect(info.rowCounts).toMatchObject({ customer: before.customers, sale: before.sales })
      expect(existsSync(`${path}-wal`)).toBe(false)
    }

    // Restoring the last one gives exactly its rows: per-table counts and hashes, and the sums.
    const last = taken.at(-1) as BackupInfo
    const expected = await databaseDigest(join(folder, last.name))
    await call(core, 'backups.restore', { name: last.name })
    await core.store.manager.query('PRAGMA wal_checkpoint(TRUNCATE)')
    const restored = await databaseDigest(core.store.databasePath)
    expect(withoutMigrationsTable(restored)).toEqual(withoutMigrationsTable(expected))
    expect(await sumsOf(core)).toEqual(before)
    const [{ integrity_check }] = await core.store.manager.query('PRAGMA integrity_check')
    expect(integrity_check).toBe('ok')
  })

  it('a restore can be undone, and the app keeps serving through the same handlers', async () => {
    const core = await coreWithData(30)
    const backup = await call(core, 'backups.create', {})
    const customerCount = backup.rowCounts?.customer
    // Changes after the backup: a new customer and a deleted sale's worth of data.
    await call(core, 'customers.create', { name: '恢复后应消失的客户' })
    await core.store.write(({ manager: m }) => m.query(`DELETE FROM sale WHERE id IN (SELECT id FROM sale LIMIT 5)`))
    const changed = await sumsOf(core)
    const changedDigest = await checkpointedDigest(core)

    const result = await call(core, 'backups.restore', {
      name: backup.name,
    })
    expect(result.rowCounts.customer).toBe(customerCount)
    expect(result.undo.kind).toBe('undo')
    const list = await call(core, 'backups.list', {})
    expect(list.undo?.name).toBe(result.undo.name)
    const found = await call(core, 'customers.list', { quick: '恢复后应消失' })
    expect(found.total).toBe(0)

    await call(core, 'backups.undoRestore', {})
    const audit = await core.store.manager.query(`SELECT action, detail FROM audit_event`)
    expect(audit).toEqual([{ action: 'restore', detail: `撤销恢复（回到 ${result.undo.name}）` }])
    expect(await sumsOf(core)).toEqual(changed)
    expect(await checkpointedDigest(core)).toEqual(changedDigest)
    expect((await call(core, 'backups.list', {})).undo).toBeNull()
    const undoAgain = await core.dispatch('backups.undoRestore', {})
    expect(undoAgain).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('calls made during a restore wait for it: none fails, each lands either in the undo copy or the restored data', async () => {
    const core = await coreWithData(10)
    const backup = await call(core, 'backups.create', {})
    const restoring = core.dispatch('backups.restore', { name: backup.name })
    const creates = Array.from({ length: 8 }, (_, i) => core.dispatch('customers.create', { name: `并发客户${i}` }))
    const lists = Array.from({ length: 4 }, () => core.dispatch('customers.list', {}))
    const results = await Promise.all([restoring, ...creates, ...lists])
    expect(results.filter((r) => !r.ok)).toEqual([])
    const restored = (await restoring) as { ok: true; value: { undo: BackupInfo } }
    const { folder } = await call(core, 'backups.list', {})
    const inUndo = await openRaw(join(folder, restored.value.undo.name), 'readonly').then(async (db) => {
      const rows = await rawAll(db, `SELECT name FROM customer WHERE name LIKE '并发客户%'`)
      await closeRaw(db)
      return rows.length
    })
    const [{ n: inLive }] = await core.store.manager.query(
      `SELECT COUNT(*) AS n FROM customer WHERE name LIKE '并发客户%'`,
    )
    expect(inUndo + Number(inLive)).toBe(8)
  })

  it('restores from an uploaded file, and refuses a corrupt or foreign one leaving the data as it was', async () => {
    const core = await coreWithData(20)
    const backup = await call(core, 'backups.create', {})
    const { folder } = await call(core, 'backups.list', {})
    await call(core, 'customers.create', { name: '上传恢复前的客户' })
    const before = await checkpointedDigest(core)

    const garbage = Buffer.from('PK\u0003\u0004 not a database'.repeat(100)).toString('base64')
    const refused = await core.dispatch('backups.restore', { upload: { fileName: '客户.xlsx', base64: garbage } })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('不能用这个文件恢复') },
    })
    const bytes = readFileSync(join(folder, backup.name))
    const zeroed = Buffer.from(bytes)
    zeroed.fill(0, bytes.readUInt16BE(16) * 2, bytes.readUInt16BE(16) * 4)
    const corrupt = await core.dispatch('backups.restore', {
      upload: { fileName: 'x.sqlite', base64: zeroed.toString('base64') },
    })
    expect(corrupt).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await checkpointedDigest(core)).toEqual(before)
    expect(readdirSync(core.dataDir).filter((n) => n.startsWith('upload-'))).toEqual([])

    const ok = await call(core, 'backups.restore', {
      upload: { fileName: backup.name, base64: bytes.toString('base64') },
    })
    expect(ok.rowCounts.customer).toBe(backup.rowCounts?.customer)
  })

  it('restoring an older-schema backup migrates it; bad names never reach the file system', async () => {
    const core = await coreWithData(5)
    const old = await databaseAtVersion(2)
    await old.db.query(
      `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, registered_at, created_at, updated_at) VALUES ('KH-2020-00001', 'enterprise', '老版本客户', '老版本客户', 'laobanbenkehu', 'lbbkh', '2020-01-01', '2020-01-01', '2020-01-01')`,
    )
    await old.db.destroy()
    const { folder } = await call(core, 'backups.list', {})
    mkdirSync(folder, { recursive: true })
    copyFileSync(old.path, join(folder, 'kqgj-20200101-080000-manual.sqlite'))
    const listed = (await call(core, 'backups.list', {})).backups.find((b) => b.name.startsWith('kqgj-2020'))
    expect(listed).toMatchObject({ schemaVersion: 2, ok: true, rowCounts: { customer: 1, sale: 0 } })
    const restored = await call(core, 'backups.restore', {
      name: 'kqgj-20200101-080000-manual.sqlite',
    })
    expect(restored.schemaVersion).toBe(latestSchemaVersion)
    expect(restored.rowCounts.customer).toBe(1)
    for (const name of ['../kqgj.sqlite', 'kqgj-20261123-141500-auto.sqlite/../../x', 'C:\\x.sqlite']) {
      expect(await core.dispatch('backups.restore', { name })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
    }
    expect(await core.dispatch('backups.restore', { name: 'kqgj-20200101-000000-auto.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('daily backup: once a day, into the chosen folder, pruned on schedule, off when switched off', async () => {
    // The folder comes from the shell's dialog, as a token; the page never sends a path.
    const tokens = createPickedPathTokens()
    const core = await testCore('backup', { pickedPaths: tokens })
    cores.push(core)
    await call(core, 'demo.load', { customers: 5 })
    const usb = join(tempDir('usb'), '客情管家备份')
    const settings = await call(core, 'backups.settings.set', {
      folder: { token: tokens.issue(usb, 'backupFolder') },
      enabled: true,
    })
    expect(settings.effectiveFolder).toBe(usb)
    const relative = await core.dispatch('backups.settings.set', {
      folder: { token: tokens.issue('backups', 'backupFolder') },
      enabled: true,
    })
    expect(relative).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { folder: expect.any(String) } } })
    for (const folder of [usb, 'E:\\客情管家备份', { token: usb }, { token: tokens.issue(usb, 'restoreFile') }]) {
      const typed = await core.dispatch('backups.settings.set', { folder, enabled: false })
      expect(typed, JSON.stringify(folder)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    // Switching automatic backups off and on keeps the folder.
    await call(core, 'backups.settings.set', { enabled: false })
    expect(await call(core, 'backups.settings.get', {})).toMatchObject({ folder: usb, enabled: false })
    await call(core, 'backups.settings.set', { enabled: true })

    for (let day = 0; day < 30; day++) {
      const morning = new Date(2026, 9, 1 + day, 9)
      expect(await core.runDailyBackupIfDue(morning)).not.toBeNull()
      expect(await core.runDailyBackupIfDue(new Date(2026, 9, 1 + day, 15))).toBeNull()
    }
    const autos = readdirSync(usb).filter((n) => n.endsWith('-auto.sqlite'))
    // 7 daily + the newest of earlier weeks (4 weeks overlap the days) + month ends: 2026-10-31 … 10-01 gives ≤ 11.
    expect(autos.length).toBeGreaterThanOrEqual(7)
    expect(autos.length).toBeLessThanOrEqual(11)
    expect(autos).toContain('kqgj-20261030-090000-auto.sqlite')

    await call(core, 'backups.settings.set', { folder: null, enabled: false })
    expect(await core.runDailyBackupIfDue(new Date(2026, 10, 5, 9))).toBeNull()
    expect(await call(core, 'backups.settings.get', {})).toEqual({
      folder: null,
      enabled: false,
      effectiveFolder: join(core.dataDir, 'backups'),
    })
  })
})

async function checkpointedDigest(core: Core): Promise<Record<string, TableDigest>> {
  await core.store.manager.query('PRAGMA wal_checkpoint(TRUNCATE)')
  return withoutMigrationsTable(await databaseDigest(core.store.databasePath))
}

/** A restore adds its own audit line to the restored data (checked on its own); the rest must match. */
function withoutMigrationsTable(digest: Record<string, TableDigest>): Record<string, TableDigest> {
  return Object.fromEntries(Object.entries(digest).filter(([name]) => name !== 'migrations' && name !== 'audit_event'))
}

import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readRestoreRecord, writeRestoreRecord } from '../../../../src/main/core/backup/lastRestore'
import { stageDatabaseFile, swapInStagedFile } from '../../../../src/main/core/backup/stageDatabaseFile'
import { takeBackup } from '../../../../src/main/core/backup/takeBackup'
import { databaseFileName, openCore, type Core } from '../../../../src/main/core/openCore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'
import { tempDir } from '../../../helpers/tempDir'
import { call, testCore } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

const afterBackup = '备份之后新建的客户'

/** A running core whose backup holds 30 customers, with one more added after it (so the two differ). */
async function runningCore() {
  const core = await testCore('interrupted')
  cores.push(core)
  await call(core, 'demo.load', { customers: 30 })
  const backup = await call(core, 'backups.create', {})
  await call(core, 'customers.create', { name: afterBackup })
  const folder = join(core.dataDir, 'backups')
  return { core, backup, folder, live: core.store.databasePath }
}

/**
 * The data folder as a SIGKILL at this moment leaves it: every file as it is now,
 * the open database's -wal and -shm included (a killed process's writes are in them).
 */
function crashCopy(dataDir: string): string {
  const copy = tempDir('after-crash')
  cpSync(dataDir, copy, { recursive: true })
  // The record names the backup folder by its full path; the copy's is its own.
  const record = readRestoreRecord(copy)
  if (record) writeRestoreRecord(copy, { ...record, folder: join(copy, 'backups') })
  return copy
}

async function start(dataDir: string) {
  const core = await openCore(dataDir, { checkOutput: true })
  cores.push(core)
  const rows: { name: string }[] = await core.store.manager.query('SELECT name FROM customer')
  const { undo } = await call(core, 'backups.list', {})
  const [{ integrity_check }] = await core.store.manager.query('PRAGMA integrity_check')
  return { core, names: rows.map((r) => r.name), undo, integrity: integrity_check as string }
}

describe('start-up after a restore cut short', () => {
  it('the chosen file copied beside the database and the undo recorded, not yet renamed: the restore is finished, 撤销恢复 offered', async () => {
    const { core, backup, folder, live } = await runningCore()
    const undo = await takeBackup(live, folder, 'undo', new Date())
    await stageDatabaseFile(join(folder, backup.name), live)
    writeRestoreRecord(core.dataDir, { folder, undoName: undo.name, step: 'replacing' })
    const copy = crashCopy(core.dataDir)
    expect(existsSync(join(copy, `${databaseFileName}.restoring`))).toBe(true)
    expect(existsSync(join(copy, `${databaseFileName}-wal`))).toBe(true)

    const after = await start(copy)
    expect(after.integrity).toBe('ok')
    expect(after.names).toHaveLength(30)
    expect(after.names).not.toContain(afterBackup)
    expect(after.undo?.name).toBe(undo.name)
    expect(readdirSync(copy).filter((n) => n.includes('.restoring'))).toEqual([])
    await call(after.core, 'backups.undoRestore', {})
    const [{ n }] = await after.core.store.manager.query(`SELECT COUNT(*) AS n FROM customer WHERE name = ?`, [
      afterBackup,
    ])
    expect(Number(n)).toBe(1)
  })

  it('renamed into place but not yet opened: the restored data stays, 撤销恢复 offered', async () => {
    const { core, backup, folder, live } = await runningCore()
    const undo = await takeBackup(live, folder, 'undo', new Date())
    await stageDatabaseFile(join(folder, backup.name), live)
    writeRestoreRecord(core.dataDir, { folder, undoName: undo.name, step: 'replacing' })
    await core.store.dataSource.destroy()
    swapInStagedFile(live)
    const copy = crashCopy(core.dataDir)
    cores.splice(cores.indexOf(core), 1)

    const after = await start(copy)
    expect(after.integrity).toBe('ok')
    expect(after.names).toHaveLength(30)
    expect(after.undo?.name).toBe(undo.name)
    expect(readRestoreRecord(copy)?.step).toBeUndefined()
  })

  it('a failed restore putting the undo copy back: it is put back, nothing to undo', async () => {
    const { core, backup, folder, live } = await runningCore()
    const undo = await takeBackup(live, folder, 'undo', new Date())
    await core.store.dataSource.destroy()
    cores.splice(cores.indexOf(core), 1)
    // The restored file is in place (as if it then failed to open); the undo copy is staged to go back.
    await stageDatabaseFile(join(folder, backup.name), live)
    swapInStagedFile(live)
    await stageDatabaseFile(join(folder, undo.name), live)
    writeRestoreRecord(core.dataDir, { folder, undoName: undo.name, step: 'puttingBack' })
    const copy = crashCopy(core.dataDir)

    const after = await start(copy)
    expect(after.integrity).toBe('ok')
    expect(after.names).toHaveLength(31)
    expect(after.names).toContain(afterBackup)
    expect(after.undo).toBeNull()
    expect(existsSync(join(copy, 'last-restore.json'))).toBe(false)
  })

  it('removes what unfinished work left, and only that', async () => {
    const { core, backup, folder, live } = await runningCore()
    await core.close()
    cores.splice(cores.indexOf(core), 1)
    const dataDir = core.dataDir
    const bytes = readFileSync(join(folder, backup.name))
    const leftovers = [
      join(dataDir, `${databaseFileName}.restoring`),
      join(dataDir, `${databaseFileName}.restoring.partial`),
      join(dataDir, `${databaseFileName}.restoring.partial-journal`),
      join(dataDir, 'upload-kqgj-20261123-141500-manual.sqlite'),
      join(dataDir, 'upload-kqgj-20261123-141500-manual.sqlite-wal'),
      join(dataDir, 'upload-kqgj-20261123-141500-manual.sqlite-shm'),
      join(dataDir, 'upload-0b7f6c1e-4f0a-4d8e-9a51-3c2d1e0f9a8b.sqlite-wal'),
      join(dataDir, 'last-restore.json.tmp'),
      join(folder, 'kqgj-20261123-141500-manual.sqlite.partial'),
      join(folder, 'kqgj-20261123-141500-manual.sqlite.partial-journal'),
      join(folder, 'kqgj-20261123-141501-2-undo.sqlite.partial-wal'),
    ]
    for (const path of leftovers) writeFileSync(path, bytes)
    const kept = [
      join(dataDir, 'notes.partial'),
      join(dataDir, 'upload-notes.txt'),
      join(folder, 'my-copy.sqlite.partial'),
      join(folder, 'kqgj-20261123-141502-manual.sqlite'),
    ]
    for (const path of kept) writeFileSync(path, bytes)
    // Backups in a folder of the user's choosing are cleaned there too.
    const usb = join(tempDir('usb'), '备份')
    mkdirSync(usb, { recursive: true })
    writeFileSync(join(dataDir, 'backup-settings.json'), JSON.stringify({ folder: usb, enabled: true }))
    writeFileSync(join(usb, 'kqgj-20261123-141500-auto.sqlite.partial'), bytes)

    const after = await start(dataDir)
    for (const path of leftovers) expect(existsSync(path), path).toBe(false)
    for (const path of kept) expect(existsSync(path), path).toBe(true)
    expect(readdirSync(usb)).toEqual([])
    expect(after.names).toHaveLength(31)
    expect(after.undo).toBeNull()
    expect(existsSync(live)).toBe(true)
  })
})

describe('a restore that fails once the file is swapped', () => {
  it('puts the undo copy back, answers in Chinese, keeps serving and keeps the earlier restore’s 撤销恢复', async () => {
    const { core, backup, folder } = await runningCore()
    // An earlier restore, whose undo stays on offer.
    const first = await call(core, 'backups.restore', { name: backup.name })
    await call(core, 'customers.create', { name: afterBackup })
    // A version-2 file that passes every check but whose upgrade fails: a later migration's table is already there.
    const old = await databaseAtVersion(2)
    await old.db.query('CREATE TABLE sale (id INTEGER PRIMARY KEY)')
    await old.db.destroy()
    const bad = 'kqgj-20200101-080000-manual.sqlite'
    copyFileSync(old.path, join(folder, bad))

    const result = await core.dispatch('backups.restore', { name: bad })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const message = result.ok ? '' : result.error.message
    expect(message).toMatch(/^恢复失败，已回到恢复前的数据：/)
    expect(message).not.toMatch(/table|already|exists/i)
    const names: { name: string }[] = await core.store.manager.query('SELECT name FROM customer')
    expect(names).toHaveLength(31)
    expect(names.map((r) => r.name)).toContain(afterBackup)
    await call(core, 'customers.create', { name: '失败之后新建的客户' })
    expect((await call(core, 'backups.list', {})).undo?.name).toBe(first.undo.name)
    expect(readRestoreRecord(core.dataDir)?.step).toBeUndefined()
    expect(readdirSync(core.dataDir).filter((n) => n.includes('.restoring'))).toEqual([])
  })
})

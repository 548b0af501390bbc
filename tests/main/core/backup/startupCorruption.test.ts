import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { isNetworkPath, networkShareWarning } from '../../../../src/main/core/backup/networkShare'
import { latestSchemaVersion } from '../../../../src/main/core/db/migrations'
import { closeRaw, openRaw, rawAll, rawExec } from '../../../../src/main/core/db/rawSqlite'
import { databaseFileName, openCore, type Core } from '../../../../src/main/core/openCore'
import type { BackupInfo } from '../../../../src/shared/backup'
import { tempDir } from '../../../helpers/tempDir'
import { call } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

const clock = () => new Date(2026, 10, 23, 14, 15)

async function open(dataDir: string, options: Parameters<typeof openCore>[1] = {}): Promise<Core> {
  const core = await openCore(dataDir, { clock, checkOutput: true, ...options })
  cores.push(core)
  return core
}

/** A data folder whose database has customers and one good backup, closed again. */
async function folderWithBackup(): Promise<{ dataDir: string; backup: BackupInfo }> {
  const dataDir = tempDir('startup')
  const core = await openCore(dataDir, { clock })
  await call(core, 'demo.load', { customers: 40 })
  const backup = await call(core, 'backups.create', {})
  // Rows after the backup, so the database file spans many pages and differs from the backup.
  await core.store.manager.query(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
     INSERT INTO app_setting (key, value) SELECT 'k' || i, printf('%0200d', i) FROM n`,
  )
  await core.close()
  return { dataDir, backup }
}

async function xlsxBytes(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.addWorksheet('客户').addRows([
    ['客户名称', '电话'],
    ['某某公司', '020-12345678'],
  ])
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function customerCount(dataDir: string): Promise<number> {
  const db = await openRaw(join(dataDir, databaseFileName), 'readonly')
  try {
    return Number((await rawAll(db, 'SELECT COUNT(*) AS n FROM customer'))[0]?.n)
  } finally {
    await closeRaw(db)
  }
}

/**
 * A second process switches the database to rollback-journal mode, starts a
 * large write and is killed inside it (as a restore killed while the restored
 * file is switched to WAL): a hot -journal is left beside the file.
 */
function killedInsideJournalWrite(path: string): void {
  const script = `
    const sqlite3 = require('sqlite3')
    const db = new sqlite3.Database(${JSON.stringify(path)})
    db.serialize(() => {
      db.run('PRAGMA journal_mode = DELETE')
      db.run('PRAGMA cache_size = 1')
      db.run('BEGIN')
      db.run("UPDATE app_setting SET value = value || value")
      db.run("DELETE FROM customer", () => process.kill(process.pid, 'SIGKILL'))
    })`
  const run = spawnSync(process.execPath, ['-e', script], { cwd: resolve(__dirname, '../../../..') })
  expect(run.signal).toBe('SIGKILL')
}

type Damage = (path: string) => Promise<void>
const damages: Record<string, { damage: Damage; reason: 'corrupt' | 'foreign' }> = {
  garbage: { reason: 'foreign', damage: async (p) => writeFileSync(p, Buffer.alloc(50_000, 0x5a)) },
  truncated: {
    reason: 'corrupt',
    damage: async (p) => writeFileSync(p, readFileSync(p).subarray(0, Math.floor(readFileSync(p).length / 3))),
  },
  'header only': { reason: 'corrupt', damage: async (p) => writeFileSync(p, readFileSync(p).subarray(0, 40)) },
  'a middle page zeroed': {
    reason: 'corrupt',
    damage: async (p) => {
      const bytes = readFileSync(p)
      const pageSize = bytes.readUInt16BE(16)
      const middle = Math.floor(bytes.length / pageSize / 2)
      bytes.fill(0, pageSize * middle, pageSize * (middle + 2))
      writeFileSync(p, bytes)
    },
  },
  'an .xlsx renamed to .db': { reason: 'foreign', damage: async (p) => writeFileSync(p, await xlsxBytes()) },
  'another program’s SQLite file': {
    reason: 'foreign',
    damage: async (p) => {
      writeFileSync(p, '')
      const db = await openRaw(p, 'readwrite')
      await rawExec(db, `CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders VALUES (1, 9.5)`)
      await closeRaw(db)
    },
  },
}

describe('start-up with an unusable database file', () => {
  for (const [label, { damage, reason }] of Object.entries(damages)) {
    it(`${label}: moved aside byte for byte, the user told in Chinese and offered the newest good backup`, async () => {
      const { dataDir, backup } = await folderWithBackup()
      const path = join(dataDir, databaseFileName)
      await damage(path)
      const damaged = readFileSync(path)

      const core = await open(dataDir)
      const notice = await call(core, 'app.startupNotice', {})
      expect(notice.movedAside).toMatchObject({
        reason,
        movedTo: join(dataDir, 'kqgj.sqlite.' + reason + '-20261123-1415'),
        message: expect.stringContaining('已原样改名保存'),
      })
      expect(readFileSync(notice.movedAside?.movedTo ?? '').equals(damaged)).toBe(true)
      expect(notice.newestBackup?.name).toBe(backup.name)
      // The app runs on a new, empty database, not worth a daily backup; restoring the offered one brings the customers back.
      expect(await call(core, 'app.firstRun', {})).toMatchObject({ isEmpty: true })
      expect(await core.runDailyBackupIfDue(new Date(2026, 10, 24, 9))).toBeNull()
      await call(core, 'backups.restore', { name: backup.name })
      expect(await call(core, 'app.firstRun', {})).toMatchObject({ isEmpty: false })
      expect((await call(core, 'app.startupNotice', {})).movedAside).toBeNull()
      expect(await core.runDailyBackupIfDue(new Date(2026, 10, 24, 9))).toMatchObject({ kind: 'auto' })
    })
  }

  it('the -wal and -shm go aside with their file, and a second damaged file gets its own name', async () => {
    const { dataDir } = await folderWithBackup()
    const path = join(dataDir, databaseFileName)
    writeFileSync(path, 'garbage')
    writeFileSync(`${path}-wal`, 'wal bytes')
    writeFileSync(`${path}-shm`, 'shm bytes')
    const first = await open(dataDir)
    const moved = first.startupNotice.movedAside?.movedTo ?? ''
    expect(readFileSync(`${moved}-wal`, 'utf8')).toBe('wal bytes')
    expect(readFileSync(`${moved}-shm`, 'utf8')).toBe('shm bytes')
    await first.close()
    cores.length = 0
    writeFileSync(path, 'garbage again')
    const second = await open(dataDir)
    expect(second.startupNotice.movedAside?.movedTo).toBe(`${moved}-2`)
    expect(
      readdirSync(dataDir)
        .filter((n) => n.includes('.foreign-'))
        .sort(),
    ).toEqual(
      [
        'kqgj.sqlite.foreign-20261123-1415',
        'kqgj.sqlite.foreign-20261123-1415-2',
        'kqgj.sqlite.foreign-20261123-1415-shm',
        'kqgj.sqlite.foreign-20261123-1415-wal',
      ].sort(),
    )
  })

  it('a newer-version file is refused untouched unless the user chose to set it aside', async () => {
    const { dataDir, backup } = await folderWithBackup()
    const path = join(dataDir, databaseFileName)
    const db = await openRaw(path, 'readwrite')
    await rawExec(db, `PRAGMA user_version = ${latestSchemaVersion + 1}`)
    await closeRaw(db)
    const before = readFileSync(path)
    await expect(openCore(dataDir, { clock })).rejects.toMatchObject({
      code: 'DB_OPEN',
      message: expect.stringContaining('更新版本'),
    })
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(readdirSync(dataDir).some((n) => n.includes('.newer-'))).toBe(false)

    const core = await open(dataDir, { newerFile: 'moveAside' })
    expect(core.startupNotice.movedAside).toMatchObject({
      reason: 'newer',
      message: expect.stringContaining('更新版本'),
    })
    expect(readFileSync(join(dataDir, 'kqgj.sqlite.newer-20261123-1415')).equals(before)).toBe(true)
    expect(core.startupNotice.newestBackup?.name).toBe(backup.name)
  })

  it('skips a damaged backup when offering the newest good one', async () => {
    const { dataDir, backup } = await folderWithBackup()
    const broken = join(dataDir, 'backups', 'kqgj-20261123-150000-manual.sqlite')
    copyFileSync(join(dataDir, 'backups', backup.name), broken)
    const bytes = readFileSync(broken)
    writeFileSync(broken, bytes.subarray(0, bytes.length - bytes.readUInt16BE(16)))
    writeFileSync(join(dataDir, databaseFileName), 'garbage')
    const core = await open(dataDir)
    expect(backup.name < 'kqgj-20261123-150000-manual.sqlite').toBe(true)
    expect(core.startupNotice.newestBackup?.name).toBe(backup.name)
  })

  it('a process killed inside a rollback-journal write leaves a hot -journal: rolled back at start, not set aside', async () => {
    const { dataDir } = await folderWithBackup()
    const path = join(dataDir, databaseFileName)
    const before = await customerCount(dataDir)
    killedInsideJournalWrite(path)
    expect(existsSync(`${path}-journal`)).toBe(true)

    const core = await open(dataDir)
    expect(core.startupNotice.movedAside).toBeNull()
    expect(existsSync(`${path}-journal`)).toBe(false)
    const [{ integrity_check }] = await core.store.manager.query('PRAGMA integrity_check')
    expect(integrity_check).toBe('ok')
    // What the killed transaction wrote is gone; what was committed before it is all there.
    const [{ n }] = await core.store.manager.query(`SELECT COUNT(*) AS n FROM customer`)
    expect(n).toBe(before)
    expect(readdirSync(dataDir).some((name) => name.includes('.corrupt-'))).toBe(false)
  })

  it('a damaged file goes aside with its -journal, which is never rolled back into the new database', async () => {
    const { dataDir } = await folderWithBackup()
    const path = join(dataDir, databaseFileName)
    killedInsideJournalWrite(path)
    const journal = readFileSync(`${path}-journal`)
    writeFileSync(path, readFileSync(path).subarray(0, 40))
    const core = await open(dataDir)
    const moved = core.startupNotice.movedAside?.movedTo ?? ''
    expect(readFileSync(`${moved}-journal`).equals(journal)).toBe(true)
    expect(existsSync(`${path}-journal`)).toBe(false)
    expect(await call(core, 'app.firstRun', {})).toMatchObject({ isEmpty: true })
  })

  it('a good file starts with no notice', async () => {
    const { dataDir } = await folderWithBackup()
    const core = await open(dataDir)
    expect(core.startupNotice).toEqual({ movedAside: null, newestBackup: null, networkWarning: null })
    expect(existsSync(join(dataDir, databaseFileName))).toBe(true)
  })
})

describe('network share warning', () => {
  it('recognises UNC paths and platform-reported remote folders, not local ones', () => {
    for (const p of [
      '\\\\server\\share\\客情管家',
      '//nas/共享/data',
      '\\\\?\\UNC\\server\\share\\x',
      '\\\\192.168.1.5\\d',
    ]) {
      expect(isNetworkPath(p)).toBe(true)
    }
    for (const p of [
      'C:\\Users\\张三\\AppData\\客情管家',
      '/home/x/data',
      'D:/备份',
      '\\\\?\\C:\\data',
      '\\\\.\\C:\\x',
    ]) {
      expect(isNetworkPath(p)).toBe(false)
    }
    expect(isNetworkPath('Z:\\客情管家', true)).toBe(true)
    expect(networkShareWarning('\\\\server\\share')).toContain('网络共享')
    expect(networkShareWarning('C:\\data')).toBeNull()
  })

  it('reaches the renderer through app.startupNotice', async () => {
    const core = await open(tempDir('remote'), { dataDirIsRemote: true })
    expect((await call(core, 'app.startupNotice', {})).networkWarning).toContain('网络共享')
  })
})

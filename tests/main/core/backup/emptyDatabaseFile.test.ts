import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { databaseFileName, openCore, type Core } from '../../../../src/main/core/openCore'
import type { BackupInfo } from '../../../../src/shared/backup'
import { tempDir } from '../../../helpers/tempDir'
import { call } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

const clock = () => new Date(2026, 10, 23, 14, 15)

async function open(dataDir: string): Promise<Core> {
  const core = await openCore(dataDir, { clock, checkOutput: true })
  cores.push(core)
  return core
}

/**
 * A data folder with customers and a backup, whose last changes are still only
 * in the -wal: the bytes of that -wal, taken while the database was open, are returned.
 */
async function folderWithWal(): Promise<{ dataDir: string; backup: BackupInfo; wal: Buffer }> {
  const dataDir = tempDir('empty-db')
  const core = await openCore(dataDir, { clock })
  await call(core, 'demo.load', { customers: 20 })
  const backup = await call(core, 'backups.create', {})
  for (let i = 0; i < 5; i++) await call(core, 'customers.create', { name: `只在日志里的客户${i}` })
  const wal = readFileSync(join(dataDir, `${databaseFileName}-wal`))
  await core.close()
  return { dataDir, backup, wal }
}

describe('start-up with a zero-byte database file', () => {
  it('beside a non-empty -wal (a crash and a truncation): both set aside untouched, the user told, a backup offered', async () => {
    const { dataDir, backup, wal } = await folderWithWal()
    expect(wal.length).toBeGreaterThan(0)
    const path = join(dataDir, databaseFileName)
    truncateSync(path, 0)
    writeFileSync(`${path}-wal`, wal)

    const core = await open(dataDir)
    const notice = await call(core, 'app.startupNotice', {})
    const movedTo = join(dataDir, 'kqgj.sqlite.corrupt-20261123-1415')
    expect(notice.movedAside).toMatchObject({ reason: 'corrupt', movedTo })
    expect(notice.movedAside?.message).toContain('数据文件是空的（0 字节）')
    expect(notice.movedAside?.message).toContain(`还有 ${wal.length} 字节数据`)
    expect(notice.movedAside?.message).toContain('已原样改名保存')
    expect(statSync(movedTo).size).toBe(0)
    expect(readFileSync(`${movedTo}-wal`).equals(wal)).toBe(true)
    expect(notice.newestBackup?.name).toBe(backup.name)
    // The app runs on a new database of its own, with no trace of the old log in it.
    expect(await call(core, 'app.firstRun', {})).toMatchObject({ isEmpty: true })
    expect(statSync(path).size).toBeGreaterThan(0)
  })

  it('on its own: set aside with the notice too, not silently replaced', async () => {
    const { dataDir } = await folderWithWal()
    const path = join(dataDir, databaseFileName)
    truncateSync(path, 0)
    for (const suffix of ['-wal', '-shm']) writeFileSync(`${path}${suffix}`, '')

    const core = await open(dataDir)
    expect(core.startupNotice.movedAside).toMatchObject({
      reason: 'corrupt',
      movedTo: join(dataDir, 'kqgj.sqlite.corrupt-20261123-1415'),
      message: expect.stringMatching(
        /^数据文件是空的（0 字节），已原样改名保存为 .*kqgj\.sqlite\.corrupt-20261123-1415/,
      ),
    })
    expect(core.startupNotice.newestBackup).not.toBeNull()
    expect(
      readdirSync(dataDir)
        .filter((n) => n.includes('.corrupt-'))
        .sort(),
    ).toEqual([
      'kqgj.sqlite.corrupt-20261123-1415',
      'kqgj.sqlite.corrupt-20261123-1415-shm',
      'kqgj.sqlite.corrupt-20261123-1415-wal',
    ])
  })

  it('a missing file is still a first start, with no notice', async () => {
    const dataDir = tempDir('first-start')
    const core = await open(dataDir)
    expect(core.startupNotice).toEqual({ movedAside: null, newestBackup: null, networkWarning: null })
    expect(existsSync(join(dataDir, databaseFileName))).toBe(true)
  })
})

import { copyFileSync, linkSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkRestorePath } from '../../../../src/main/core/backup/checkRestoreSource'
import type { Core } from '../../../../src/main/core/openCore'
import { tempDir } from '../../../helpers/tempDir'
import { call, testCore } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

const customerCount = async (core: Core): Promise<number> => (await call(core, 'customers.list', {})).total

/** The error checkRestorePath throws, as { code, message }; null when the path is accepted. */
function refusal(path: string, databasePath: string): { code: string; message: string } | null {
  try {
    checkRestorePath(path, databasePath)
    return null
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message }
  }
}

describe('a restore source that is the live database under another name', () => {
  it('a symbolic link, a linked folder or a hard link to the database or its -wal/-shm is refused in Chinese', async () => {
    const core = await testCore('restore-links')
    cores.push(core)
    await call(core, 'demo.load', { customers: 5 })
    const live = core.store.databasePath
    const dir = tempDir('links')
    const links: Record<string, string> = {
      'symlink to the database': join(dir, '备份.sqlite'),
      'symlink to its -wal': join(dir, 'wal.sqlite'),
      'symlink to its -shm': join(dir, 'shm.sqlite'),
      'hard link to the database': join(dir, 'hard.sqlite'),
      'the database through a linked folder': join(dir, 'data-folder', 'kqgj.sqlite'),
    }
    symlinkSync(live, links['symlink to the database'])
    symlinkSync(`${live}-wal`, links['symlink to its -wal'])
    symlinkSync(`${live}-shm`, links['symlink to its -shm'])
    linkSync(live, links['hard link to the database'])
    symlinkSync(core.dataDir, join(dir, 'data-folder'))
    for (const [label, path] of Object.entries(links)) {
      expect(refusal(path, live), label).toEqual({
        code: 'VALIDATION',
        message: '所选的是正在使用的数据文件（或指向它的链接），不能用它恢复；请选择一份备份',
      })
    }
    // A link to a real backup elsewhere is fine.
    const backup = await call(core, 'backups.create', {})
    const linkToBackup = join(dir, '上周.sqlite')
    symlinkSync(join(core.dataDir, 'backups', backup.name), linkToBackup)
    expect(refusal(linkToBackup, live)).toBeNull()
  })

  it('a backup name in the backup folder that links to the database is refused, nothing changes', async () => {
    const core = await testCore('restore-name-link')
    cores.push(core)
    await call(core, 'demo.load', { customers: 7 })
    const folder = join(core.dataDir, 'backups')
    const good = await call(core, 'backups.create', {})
    const before = readdirSync(folder).sort()
    const name = 'kqgj-20261123-141500-manual.sqlite'
    symlinkSync(core.store.databasePath, join(folder, name))
    const result = await core.dispatch('backups.restore', { name })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('正在使用的数据文件') },
    })
    // No undo copy was taken, nothing was replaced, and an ordinary backup still restores.
    expect(readdirSync(folder).sort()).toEqual([...before, name].sort())
    expect(await customerCount(core)).toBe(7)
    const copy = join(tempDir('linked-backup'), 'copy.sqlite')
    copyFileSync(join(folder, good.name), copy)
    const linked = 'kqgj-20261123-141501-manual.sqlite'
    symlinkSync(copy, join(folder, linked))
    expect(await call(core, 'backups.restore', { name: linked })).toMatchObject({
      rowCounts: { customer: 7 },
    })
  })
})

describe('an uploaded file', () => {
  it('marked as a WAL database (a copy of a live file) restores and leaves no upload-* or its -wal/-shm behind', async () => {
    const core = await testCore('upload-wal')
    cores.push(core)
    await call(core, 'demo.load', { customers: 9 })
    await core.store.manager.query('PRAGMA wal_checkpoint(TRUNCATE)')
    const bytes = readFileSync(core.store.databasePath)
    // Bytes 18–19 of the header: 2 marks a WAL database, which SQLite opens with a -wal and -shm beside it.
    expect([bytes[18], bytes[19]]).toEqual([2, 2])
    await call(core, 'customers.create', { name: '上传恢复后应消失的客户' })
    const restored = await call(core, 'backups.restore', {
      upload: { fileName: 'kqgj.sqlite', base64: bytes.toString('base64') },
    })
    expect(restored.rowCounts.customer).toBe(9)
    expect(readdirSync(core.dataDir).filter((n) => n.startsWith('upload-'))).toEqual([])
  })
})

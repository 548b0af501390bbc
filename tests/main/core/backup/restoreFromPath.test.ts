import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/main/core/openCore'
import type { BackupInfo } from '../../../../src/shared/backup'
import { tempDir } from '../../../helpers/tempDir'
import { call, testCore } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

async function coreWithData(customers: number): Promise<Core & { dataDir: string }> {
  const core = await testCore('restore-path')
  cores.push(core)
  await call(core, 'demo.load', { customers })
  return core
}

const customerCount = async (core: Core): Promise<number> =>
  (await call<{ total: number }>(core, 'customers.list', {})).total

describe('backups.restore from a path (the Electron open dialog)', () => {
  it('restores a backup file lying elsewhere, leaving that file as it was', async () => {
    const core = await coreWithData(12)
    const backup = await call<BackupInfo>(core, 'backups.create', {})
    const { folder } = await call<{ folder: string }>(core, 'backups.list', {})
    const usbStick = join(tempDir('usb'), '客情管家备份')
    mkdirSync(usbStick, { recursive: true })
    const chosen = join(usbStick, '上周的备份.sqlite')
    copyFileSync(join(folder, backup.name), chosen)
    const bytes = readFileSync(chosen)
    await call(core, 'customers.create', { name: '恢复后应消失的客户' })
    expect(await customerCount(core)).toBe(13)

    const restored = await call<{ rowCounts: Record<string, number>; undo: BackupInfo }>(core, 'backups.restore', {
      path: chosen,
    })
    expect(restored.rowCounts.customer).toBe(12)
    expect(restored.undo.kind).toBe('undo')
    expect(await customerCount(core)).toBe(12)
    expect(readFileSync(chosen).equals(bytes)).toBe(true)
  })

  it('refuses a missing file, a folder, a relative path, the database in use and a file that is not a database', async () => {
    const core = await coreWithData(3)
    const dir = tempDir('restore-path-bad')
    const notDb = join(dir, '客户.sqlite')
    writeFileSync(notDb, '这不是数据库'.repeat(200))
    const refusals: [unknown, string, string][] = [
      [{ path: join(dir, '没有这个文件.sqlite') }, 'NOT_FOUND', '找不到文件'],
      [{ path: dir }, 'VALIDATION', '所选的不是文件'],
      [{ path: 'backups/x.sqlite' }, 'VALIDATION', '须是完整路径'],
      [{ path: join(core.dataDir, 'kqgj.sqlite') }, 'VALIDATION', '正在使用的数据文件'],
      [{ path: notDb }, 'VALIDATION', '不能用这个文件恢复'],
      [{ path: '' }, 'VALIDATION', '请选择文件'],
    ]
    for (const [input, code, text] of refusals) {
      const result = await core.dispatch('backups.restore', input)
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } })
      expect(result.ok ? '' : result.error.message, JSON.stringify(input)).toContain(text)
    }
    expect(await customerCount(core)).toBe(3)
  })
})

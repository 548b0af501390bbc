import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/main/core/openCore'
import { createPickedPathTokens } from '../../../../src/main/platform/pickedPathTokens'
import { tempDir } from '../../../helpers/tempDir'
import { call, testCore } from '../../../helpers/testCore'

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

/** A core with data, and the tokens the shell's dialogs would issue to it. */
async function coreWithData(customers: number) {
  const tokens = createPickedPathTokens()
  const core = await testCore('restore-path', { pickedPaths: tokens })
  cores.push(core)
  await call(core, 'demo.load', { customers })
  return { core, tokens }
}

const customerCount = async (core: Core): Promise<number> => (await call(core, 'customers.list', {})).total

const refusal = (result: Awaited<ReturnType<Core['dispatch']>>) =>
  result.ok ? 'ok' : `${result.error.code} ${result.error.message}`

describe('backups.restore from a file picked in the Electron open dialog', () => {
  it('restores a backup file lying elsewhere by the dialog’s token, once, leaving that file as it was', async () => {
    const { core, tokens } = await coreWithData(12)
    const backup = await call(core, 'backups.create', {})
    const { folder } = await call(core, 'backups.list', {})
    const usbStick = join(tempDir('usb'), '客情管家备份')
    mkdirSync(usbStick, { recursive: true })
    const chosen = join(usbStick, '上周的备份.sqlite')
    copyFileSync(join(folder, backup.name), chosen)
    const bytes = readFileSync(chosen)
    await call(core, 'customers.create', { name: '恢复后应消失的客户' })
    expect(await customerCount(core)).toBe(13)

    const token = tokens.issue(chosen, 'restoreFile')
    const restored = await call(core, 'backups.restore', {
      token,
    })
    expect(restored.rowCounts.customer).toBe(12)
    expect(restored.undo.kind).toBe('undo')
    expect(await customerCount(core)).toBe(12)
    expect(readFileSync(chosen).equals(bytes)).toBe(true)

    // The token was spent: the page cannot restore that file again on its own.
    await call(core, 'customers.create', { name: '之后新建的客户' })
    expect(refusal(await core.dispatch('backups.restore', { token }))).toBe('VALIDATION 所选的文件已失效，请重新选择')
    expect(await customerCount(core)).toBe(13)
  })

  it('refuses a path the page sends itself, whatever its spelling, and a token it made up', async () => {
    const { core, tokens } = await coreWithData(3)
    const backup = await call(core, 'backups.create', {})
    const { folder } = await call(core, 'backups.list', {})
    const real = join(folder, backup.name)
    const folderToken = tokens.issue(folder, 'backupFolder')
    const inputs: unknown[] = [
      { path: real },
      { path: real, token: 'x' },
      { file: real },
      { token: real },
      { token: folderToken },
      { token: '00000000-0000-0000-0000-000000000000' },
      { token: '' },
      { token: 'x'.repeat(101) },
      real,
    ]
    await call(core, 'customers.create', { name: '不应被覆盖的客户' })
    for (const input of inputs) {
      const result = await core.dispatch('backups.restore', input)
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(await customerCount(core)).toBe(4)
    // Trying the folder's token as a file did not spend it.
    expect(tokens.take(folderToken, 'backupFolder')).toBe(folder)
  })

  it('refuses every token where no shell issues them (the browser preview)', async () => {
    const core = await testCore('restore-path-preview')
    cores.push(core)
    const elsewhere = createPickedPathTokens()
    const token = elsewhere.issue(join(core.dataDir, 'backups', 'x.sqlite'), 'restoreFile')
    expect(refusal(await core.dispatch('backups.restore', { token }))).toBe('VALIDATION 所选的文件已失效，请重新选择')
  })

  it('checks the picked file: a missing file, a folder, a relative path, the database in use, not a database', async () => {
    const { core, tokens } = await coreWithData(3)
    const dir = tempDir('restore-path-bad')
    const notDb = join(dir, '客户.sqlite')
    writeFileSync(notDb, '这不是数据库'.repeat(200))
    const refusals: [string, string, string][] = [
      [join(dir, '没有这个文件.sqlite'), 'NOT_FOUND', '找不到文件'],
      [dir, 'VALIDATION', '所选的不是文件'],
      ['backups/x.sqlite', 'VALIDATION', '须是完整路径'],
      [join(core.dataDir, 'kqgj.sqlite'), 'VALIDATION', '正在使用的数据文件'],
      [notDb, 'VALIDATION', '不能用这个文件恢复'],
    ]
    for (const [path, code, text] of refusals) {
      const result = await core.dispatch('backups.restore', { token: tokens.issue(path, 'restoreFile') })
      expect(result, path).toMatchObject({ ok: false, error: { code } })
      expect(result.ok ? '' : result.error.message, path).toContain(text)
    }
    expect(await customerCount(core)).toBe(3)
  })
})

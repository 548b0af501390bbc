import { spawn } from 'node:child_process'
import { cpSync, existsSync, readdirSync, watch } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { rawAll, withRaw } from '../../../../src/main/core/db/rawSqlite'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import type { BackupInfo } from '../../../../src/shared/backup'
import { tempDir } from '../../../helpers/tempDir'
import { call } from '../../../helpers/testCore'

const child = resolve(__dirname, 'backupChild.ts')

const cores: Core[] = []
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.close()))
})

interface ChildRun {
  lines: string[]
  killed: boolean
}

/** When to SIGKILL the child: some time after it prints `ready`, or after a file appears in a folder. */
type KillAt = { afterReadyMs: number } | { folder: string; appears: RegExp; afterMs: number } | null

/** Runs the child and kills it as `killAt` says (null: lets it finish). */
function runChild(args: string[], killAt: KillAt): Promise<ChildRun> {
  return new Promise((done, fail) => {
    // Node itself with tsx's loader, not the tsx command: that runs the script in a second process,
    // which a SIGKILL of the first leaves running.
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let buffer = ''
    let stderr = ''
    const kill = (afterMs: number) => setTimeout(() => proc.kill('SIGKILL'), afterMs)
    const watcher =
      killAt && 'appears' in killAt
        ? watch(killAt.folder, (_event, name) => {
            if (name && killAt.appears.test(name) && existsSync(join(killAt.folder, name))) {
              watcher?.close()
              kill(killAt.afterMs)
            }
          })
        : null
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const parts = buffer.split('\n')
      buffer = parts.pop() ?? ''
      for (const line of parts) {
        lines.push(line)
        if (line === 'ready' && killAt && 'afterReadyMs' in killAt) kill(killAt.afterReadyMs)
      }
    })
    proc.on('error', fail)
    proc.on('exit', (code, signal) => {
      watcher?.close()
      if (signal !== 'SIGKILL' && code !== 0) fail(new Error(`child failed (${code}): ${stderr}`))
      else done({ lines, killed: signal === 'SIGKILL' })
    })
  })
}

/** Names a crash may leave and the next start must clear away. */
function leftovers(dataDir: string): string[] {
  const inData = readdirSync(dataDir).filter((n) => n.startsWith('upload-') || n.includes('.restoring'))
  const inBackups = readdirSync(join(dataDir, 'backups')).filter((n) => !n.endsWith('.sqlite'))
  return [...inData, ...inBackups]
}

async function expectSelfContainedBackups(dataDir: string): Promise<void> {
  const folder = join(dataDir, 'backups')
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    const { mode, integrity } = await withRaw(path, 'readonly', async (db) => ({
      mode: String((await rawAll(db, 'PRAGMA journal_mode'))[0]?.journal_mode),
      integrity: String((await rawAll(db, 'PRAGMA integrity_check'))[0]?.integrity_check),
    }))
    expect({ name, mode, integrity }).toEqual({ name, mode: 'delete', integrity: 'ok' })
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`), name).toBe(false)
  }
}

async function customerNames(core: Core): Promise<string[]> {
  const rows: { name: string }[] = await core.store.manager.query('SELECT name FROM customer')
  return rows.map((r) => r.name)
}

const afterBackup = '备份之后新建的客户'
let template = ''
let backup: BackupInfo

beforeAll(async () => {
  template = tempDir('kill-template')
  const core = await openCore(template, {})
  await call(core, 'demo.load', { customers: 60 })
  backup = await call(core, 'backups.create', {})
  await call(core, 'customers.create', { name: afterBackup })
  await core.close()
}, 60_000)

function copyOfTemplate(prefix: string): string {
  const dataDir = tempDir(prefix)
  cpSync(template, dataDir, { recursive: true })
  return dataDir
}

/**
 * The next start after a kill: leftovers cleared, a valid database, and exactly
 * one of two states — as before the restore with nothing to undo, or restored
 * with 撤销恢复 on offer, which brings back what was there before.
 */
async function startAfterKill(dataDir: string): Promise<'restored' | 'not restored'> {
  const core = await openCore(dataDir, { checkOutput: true })
  cores.push(core)
  expect(leftovers(dataDir)).toEqual([])
  expect(core.startupNotice.movedAside).toBeNull()
  const [{ integrity_check }] = await core.store.manager.query('PRAGMA integrity_check')
  expect(integrity_check).toBe('ok')
  await expectSelfContainedBackups(dataDir)
  const names = await customerNames(core)
  const { undo } = await call(core, 'backups.list', {})
  if (!names.includes(afterBackup)) {
    expect(names).toHaveLength(backup.rowCounts?.customer ?? -1)
    expect(undo?.kind).toBe('undo')
    await call(core, 'backups.undoRestore', {})
    expect(await customerNames(core)).toContain(afterBackup)
    return 'restored'
  }
  expect(names).toHaveLength((backup.rowCounts?.customer ?? -1) + 1)
  expect(undo).toBeNull()
  return 'not restored'
}

describe('a restore killed with SIGKILL at a random moment', () => {
  it('the next start cleans up, opens a valid database, and offers 撤销恢复 whenever the file was replaced', async () => {
    // Each child costs seconds of loading; the kills are few and aimed: one anywhere in the restore
    // (which takes 150–300 ms here), the others soon after a step's file appears — the undo copy,
    // then the chosen file's complete copy beside the database, after which the file is replaced,
    // and the replaced file's switch to WAL.
    const staged = /^kqgj\.sqlite\.restoring$/
    const plans: { upload: boolean; killAt: (dataDir: string) => KillAt }[] = [
      { upload: false, killAt: () => ({ afterReadyMs: Math.random() * 300 }) },
      {
        upload: true,
        killAt: (dataDir) => ({
          folder: join(dataDir, 'backups'),
          appears: /-undo\.sqlite$/,
          afterMs: Math.random() * 30,
        }),
      },
      { upload: false, killAt: (dataDir) => ({ folder: dataDir, appears: staged, afterMs: Math.random() * 40 }) },
      { upload: true, killAt: (dataDir) => ({ folder: dataDir, appears: staged, afterMs: Math.random() * 40 }) },
      // The restored file is switched to WAL under a rollback journal. A kill while its -journal exists
      // lands here every time; the narrower moment when that journal is hot (start-up once took it for
      // damage and set the restored database aside) is made certain in startupCorruption.test.ts.
      { upload: false, killAt: (dataDir) => ({ folder: dataDir, appears: /^kqgj\.sqlite-journal$/, afterMs: 0 }) },
    ]
    for (const { upload, killAt } of plans) {
      const dataDir = copyOfTemplate('restore-kill')
      const args = upload
        ? [dataDir, 'upload', join(dataDir, 'backups', backup.name)]
        : [dataDir, 'restore', backup.name]
      const run = await runChild(args, killAt(dataDir))
      await startAfterKill(dataDir)
      await Promise.all(cores.splice(0).map((c) => c.close()))
      if (!run.killed) expect(run.lines).toContain('closed')
    }
  }, 120_000)
})

describe('backups killed with SIGKILL at a random moment', () => {
  it('the next start removes the half-written copy; every backup left is whole and self-contained', async () => {
    for (let i = 0; i < 2; i++) {
      const dataDir = copyOfTemplate('backup-kill')
      const run = await runChild([dataDir, 'backups'], { afterReadyMs: 300 + Math.random() * 700 })
      expect(run.killed).toBe(true)
      const core = await openCore(dataDir, { checkOutput: true })
      cores.push(core)
      expect(leftovers(dataDir)).toEqual([])
      await expectSelfContainedBackups(dataDir)
      const taken = run.lines.filter((l) => l.startsWith('backup ')).map((l) => l.slice('backup '.length))
      const listed = (await call(core, 'backups.list', {})).backups
      // Every backup the child reported is listed and readable.
      for (const name of taken) expect(listed.find((b) => b.name === name)?.ok, name).toBe(true)
      const [{ integrity_check }] = await core.store.manager.query('PRAGMA integrity_check')
      expect(integrity_check).toBe('ok')
      await Promise.all(cores.splice(0).map((c) => c.close()))
    }
  }, 120_000)
})

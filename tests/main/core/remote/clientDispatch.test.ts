import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupFolder } from '../../../../src/main/core/backup/backupSettings'
import { officeConfigPath, readOfficeConfig } from '../../../../src/main/core/office/officeConfig'
import { noNetworkMessage, type OfficeNetwork } from '../../../../src/main/core/office/officeNetwork'
import { databaseFileName, openCore } from '../../../../src/main/core/openCore'
import type { PickedPathKind, PickedPaths } from '../../../../src/main/core/pickedPaths'
import { createClientDispatch } from '../../../../src/main/core/remote/clientDispatch'
import { probeHost } from '../../../../src/main/core/remote/probeHost'
import { createRemoteDispatch } from '../../../../src/main/core/remote/remoteDispatch'
import {
  clientWindowTitle,
  startOfficeClient,
  type OfficeClient,
} from '../../../../src/main/core/remote/startOfficeClient'
import { officeSettingsHandlers } from '../../../../src/main/core/office/officeHandlers'
import type { Result } from '../../../../src/shared/result'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'
import { startHost, stopHost, type HostProcess } from './hostProcess'

const admin = { login: 'admin', password: 'office-secret-1' }

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code} ${result.error.message}`)
  return result.value as T
}

async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((done) => setTimeout(done, 20))
  }
}

/** The shell's dialog tokens, as a test hands them out: one path per token, taken once. */
function fakePickedPaths(): PickedPaths & { issue(path: string, kind: PickedPathKind): string } {
  const issued = new Map<string, { path: string; kind: PickedPathKind }>()
  return {
    issue: (path, kind) => {
      const token = `token-${issued.size + 1}`
      issued.set(token, { path, kind })
      return token
    },
    take: (token, kind) => {
      const entry = issued.get(token)
      issued.delete(token)
      return entry?.kind === kind ? entry.path : undefined
    },
  }
}

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('a PC becoming a client, then working as one', () => {
  let hostDir: string
  let clientDir: string
  let host: HostProcess | undefined
  let client: OfficeClient | undefined
  const picked = fakePickedPaths()
  /** Stands in for mDNS: the hosts "found" on the LAN. No test sends multicast. */
  let network: OfficeNetwork

  beforeAll(async () => {
    hostDir = tempDir('client-host')
    const hostCore = await openCore(hostDir)
    await call(hostCore, 'customers.create', { name: '主机上的客户有限公司' })
    await call(hostCore, 'auth.enable', { login: admin.login, name: '管理员', password: admin.password, staffId: null })
    await hostCore.close()
    host = await startHost(hostDir)
    const port = host.port
    network = {
      probe: (address, at) => probeHost(address, at),
      discover: async () => [{ name: 'office-host', host: '127.0.0.1', port }],
    }
    clientDir = tempDir('client-pc')
  }, 60_000)
  afterAll(async () => {
    client?.close()
    await stopHost(host)
  })

  it('on its own core: finds the host, reads its fingerprint, pins only the one the host shows', async () => {
    const core = await openCore(clientDir, { officeNetwork: network })
    try {
      await call(core, 'customers.create', { name: '本机的客户' })
      const found = await call(core, 'office.discover', {})
      expect(found).toEqual([{ name: 'office-host', host: '127.0.0.1', port: host?.port }])
      const seen = await call(core, 'office.probe', { host: '127.0.0.1', port: host?.port ?? 0 })
      expect(seen).toEqual({ hostname: 'office-host', fingerprint: host?.fingerprint, accountsEnabled: true })

      const wrong = await core.dispatch('office.connect', {
        host: '127.0.0.1',
        port: host?.port,
        fingerprint: Array.from({ length: 32 }, () => 'CD').join(':'),
      })
      expect(wrong).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(!wrong.ok && wrong.error.message).toContain('与核对的不同，未保存')
      expect(existsSync(officeConfigPath(clientDir))).toBe(false)

      const status = await call(core, 'office.connect', {
        host: '127.0.0.1',
        port: host?.port ?? 0,
        fingerprint: seen.fingerprint,
      })
      expect(status).toMatchObject({ mode: 'client' })
      expect(readOfficeConfig(clientDir).config.client).toEqual({
        address: '127.0.0.1',
        port: host?.port,
        fingerprint: host?.fingerprint,
        hostname: 'office-host',
      })
      expect(await call(core, 'office.connection', {})).toMatchObject({ state: 'local', hostName: null })
    } finally {
      await core.close()
    }
  })

  it('a core the shell gave no network reaches no other machine', async () => {
    const core = await openCore(tempDir('client-none'))
    try {
      for (const [channel, input] of [
        ['office.probe', { host: '127.0.0.1', port: host?.port }],
        ['office.discover', {}],
        ['office.connect', { host: '127.0.0.1', port: host?.port, fingerprint: host?.fingerprint }],
      ] as const) {
        expect(await core.dispatch(channel, input)).toEqual({
          ok: false,
          error: { code: 'CONFLICT', message: noNetworkMessage },
        })
      }
    } finally {
      await core.close()
    }
  })

  it('at its next start works on the host’s data and leaves its own database file untouched', async () => {
    const localFile = join(clientDir, databaseFileName)
    const before = fileHash(localFile)
    const config = readOfficeConfig(clientDir).config
    if (!config.client) throw new Error('no client settings')
    client = startOfficeClient({ dataDir: clientDir, client: config.client, pickedPaths: picked, network })
    const dispatch = client.dispatch

    await until('connected', () => client?.status().state === 'connected')
    const connection = value<{ state: string; hostName: string }>(await dispatch('office.connection', {}))
    expect(connection).toMatchObject({ state: 'connected', hostName: 'office-host', port: host?.port })
    expect(clientWindowTitle('客情管家', client.status())).toBe('客情管家 — 已连接到 office-host')
    // This PC's own settings, answered here without a host session.
    expect(value<{ mode: string }>(await dispatch('office.status', {})).mode).toBe('client')

    const token = value<{ token: string }>(await dispatch('auth.login', { ...admin, remember: false })).token
    const list = value<{ rows: { name: string }[] }>(await dispatch('customers.list', {}, token))
    expect(list.rows.map((row) => row.name)).toEqual(['主机上的客户有限公司'])
    expect(fileHash(localFile)).toBe(before)
    expect(existsSync(`${localFile}-wal`) ? readFileSync(`${localFile}-wal`).length : 0).toBe(0)
  })

  it('restores a backup file picked on this PC by sending its bytes to the host', async () => {
    const dispatch = client?.dispatch ?? (() => Promise.reject(new Error('no client')))
    const token = value<{ token: string }>(await dispatch('auth.login', { ...admin, remember: false })).token
    const backup = value<{ name: string }>(await dispatch('backups.create', {}, token))
    await dispatch('customers.create', { name: '备份之后的客户' }, token)
    // The file stands where a client's dialog would find it; only its bytes travel.
    const picking = picked.issue(join(backupFolder(hostDir), backup.name), 'restoreFile')
    const restored = await dispatch('backups.restore', { token: picking }, token)
    expect(restored).toMatchObject({ ok: true })
    const relogin = value<{ token: string }>(await dispatch('auth.login', { ...admin, remember: false })).token
    const list = value<{ rows: { name: string }[] }>(await dispatch('customers.list', {}, relogin))
    expect(list.rows.map((row) => row.name)).toEqual(['主机上的客户有限公司'])
    // The token was used up: a second restore with it is refused here.
    expect(await dispatch('backups.restore', { token: picking }, relogin)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '所选的文件已失效，请重新选择' },
    })
  }, 60_000)

  it('refuses what cannot travel before sending it: a backup folder on this PC, a file over the host’s limit', async () => {
    const calls = host?.calls.length ?? 0
    const remote = createRemoteDispatch({
      host: '127.0.0.1',
      port: host?.port ?? 0,
      fingerprint: host?.fingerprint ?? null,
      backoff: { firstMs: 60_000, maxMs: 60_000 },
    })
    // Its first probe, then nothing more.
    await until('the first probe', () => remote.status().state === 'connected')
    const small = createClientDispatch({
      remote,
      office: officeSettingsHandlers({
        dataDir: clientDir,
        accountsEnabled: null,
        connection: () => remote.status(),
      }),
      pickedPaths: picked,
      maxUploadBytes: 1000,
    })
    try {
      const folder = await small('backups.settings.set', { folder: { token: 'x' }, enabled: true }, 'A'.repeat(43))
      expect(folder).toEqual({
        ok: false,
        error: { code: 'VALIDATION', message: '备份保存在主机电脑上：备份文件夹请在主机电脑上设置' },
      })
      const big = picked.issue(join(hostDir, databaseFileName), 'restoreFile')
      const tooLarge = await small('backups.restore', { token: big }, 'A'.repeat(43))
      expect(tooLarge).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(!tooLarge.ok && tooLarge.error.message).toMatch(/^文件过大：从其他电脑恢复最多 0 MB，请在主机电脑上恢复$/)
      await new Promise((done) => setTimeout(done, 200))
      // The probe's call (the door's auth.status and the call's own) and nothing else.
      expect(host?.calls.slice(calls)).toEqual(['auth.status', 'auth.status'])
    } finally {
      remote.close()
    }
  })

  it('switches back to 单机 while the host is away: its own settings need no host', async () => {
    const port = host?.port ?? 0
    await stopHost(host)
    const dispatch = client?.dispatch ?? (() => Promise.reject(new Error('no client')))
    expect(await dispatch('customers.list', {}, 'A'.repeat(43))).toMatchObject({
      ok: false,
      error: { code: 'UNREACHABLE' },
    })
    expect(value<{ state: string }>(await dispatch('office.connection', {})).state).toBe('reconnecting')
    expect(value<{ mode: string }>(await dispatch('office.setMode', { mode: 'single' })).mode).toBe('single')
    expect(readOfficeConfig(clientDir).config).toMatchObject({ mode: 'single', client: { port } })
    // The PC's own data is there as it was left.
    const core = await openCore(clientDir)
    try {
      const list = await call(core, 'customers.list', {})
      expect(list.rows.map((row) => row.name)).toEqual(['本机的客户'])
    } finally {
      await core.close()
    }
  })
})

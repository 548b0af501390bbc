import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import type { Customer } from '../../src/shared/customer'
import type { OfficeConfig, OfficeStatus } from '../../src/shared/office'
import type { Result } from '../../src/shared/result'
import { tempDir } from '../helpers/tempDir'
import { invoke, startApp, type RunningApp } from './harness'

interface Counted {
  total: number
}

/** A call to the host preview's own API (loopback), with a session of the host's. */
async function hostApi<T>(app: RunningApp, channel: string, input: unknown, token: string | null): Promise<T> {
  const response = await fetch(`${app.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  })
  const result = (await response.json()) as Result<T>
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`)
  return result.value
}

/** The session the renderer keeps after its login. */
async function pageToken(page: Page): Promise<string> {
  const token = await page.evaluate(
    () => sessionStorage.getItem('kq.sessionToken') ?? localStorage.getItem('kq.sessionToken'),
  )
  if (!token) throw new Error('the page holds no session')
  return token
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise((done) => server.close(done))
  return port
}

function writeOffice(dataDir: string, config: OfficeConfig): void {
  writeFileSync(join(dataDir, 'office.json'), JSON.stringify(config))
}

async function logIn(page: Page, login: string, password: string, name: string): Promise<void> {
  await page.getByLabel('登录名').fill(login)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /^登\s*录$/ }).click()
  await page.getByRole('button', { name: '当前用户' }).getByText(name).waitFor()
}

const countText = (n: number): string => `共 ${n.toLocaleString('zh-CN')} 个客户`

test('two Chromium clients as two 业务员 on one host: each one’s scope, a save seen live by the other, a stale save refused naming who saved first', async () => {
  const apps: RunningApp[] = []
  try {
    // The host: office.json says 主机 from the start; its LAN door stays shut until 多用户 is on.
    const hostDir = tempDir('e2e-office-host')
    writeOffice(hostDir, { mode: 'host', hostPort: await freePort(), client: null })
    const host = await startApp({ dataDir: hostDir, serverArgs: ['--office-bind', '127.0.0.1'] })
    apps.push(host)
    expect(host.serverOutput()).toMatch(/方式：主机 127\.0\.0\.1:\d+/)
    await invoke(host.page, 'demo.load', { customers: 200 })

    // Two 业务员 items that own demo customers, and a few customers of a third put in the 公海.
    const staff = await invoke<{ id: number; label: string }[]>(host.page, 'dictionary.list', { category: 'staff' })
    const owned = async (id: number): Promise<number> =>
      (
        await invoke<Counted>(host.page, 'customers.list', {
          startRow: 0,
          endRow: 1,
          filters: { ownerStaffId: [id] },
        })
      ).total
    const counts = await Promise.all(staff.map(async (s) => ({ ...s, owns: await owned(s.id) })))
    const [staffA, staffB, third] = counts.filter((s) => s.owns > 3)
    if (!staffA || !staffB || !third)
      throw new Error(`demo data lacks three 业务员 with customers: ${JSON.stringify(counts)}`)
    const thirds = await invoke<{ ids: number[] }>(host.page, 'customers.ids', {
      filters: { ownerStaffId: [third.id] },
    })
    await invoke(host.page, 'customers.batchUpdate', { ids: thirds.ids.slice(0, 3), set: { ownerStaffId: null } })
    const pool = (
      await invoke<Counted>(host.page, 'customers.list', { startRow: 0, endRow: 1, filters: { owner: 'pool' } })
    ).total
    expect(pool).toBeGreaterThanOrEqual(3)
    const poolId = thirds.ids[0] as number

    const admin = await invoke<{ token: string }>(host.page, 'auth.enable', {
      login: 'wang',
      name: '王经理',
      password: 'admin-pass-1',
      staffId: null,
    })
    for (const [login, name, item] of [
      ['li', '李业务', staffA],
      ['zhao', '赵业务', staffB],
    ] as const) {
      await hostApi(
        host,
        'users.create',
        { login, name, role: 'sales', password: 'sales-pass-1', staffId: item.id, customerLimit: null },
        admin.token,
      )
    }
    const status = await hostApi<OfficeStatus>(host, 'office.status', {}, admin.token)
    expect(status.hosting).toBe(true)
    if (!status.fingerprint) throw new Error('the host has no certificate')

    // Two client PCs: no database of their own, the host's address and pinned fingerprint in office.json.
    const client = async (name: string): Promise<RunningApp> => {
      const dataDir = tempDir(`e2e-office-${name}`)
      writeOffice(dataDir, {
        mode: 'client',
        hostPort: status.port,
        client: { address: '127.0.0.1', port: status.port, fingerprint: status.fingerprint, hostname: status.hostname },
      })
      // The first-run question is the host's, answered there already.
      const app = await startApp({ dataDir, firstRun: true })
      apps.push(app)
      expect(app.serverOutput()).toContain(`方式：连接到主机 127.0.0.1:${status.port}`)
      return app
    }
    const a = await client('a')
    const b = await client('b')

    // Each logs in on its own login screen and sees their own customers and the 公海, as the host counts them.
    for (const [app, login, name, item] of [
      [a, 'li', '李业务', staffA],
      [b, 'zhao', '赵业务', staffB],
    ] as const) {
      await logIn(app.page, login, 'sales-pass-1', name)
      // The window says where its data lives.
      await app.page.getByText(`已连接到 ${status.hostname}`).first().waitFor()
      await app.page.goto(`${app.url}#/customers`)
      const token = await pageToken(app.page)
      const direct = (await hostApi<Counted>(host, 'customers.list', { startRow: 0, endRow: 1 }, token)).total
      expect(direct).toBe(item.owns + pool)
      await app.page.getByText(countText(direct)).waitFor()
    }

    // B has the 公海 customer's page open; A renames it: B's page follows without a reload.
    const before = await hostApi<Customer>(host, 'customers.get', { id: poolId }, admin.token)
    const renamed = `${before.name}（已改名）`
    await b.page.goto(`${b.url}#/customers/${poolId}`)
    await b.page.getByRole('heading', { name: before.name, exact: true }).waitFor()
    let navigations = 0
    b.page.on('framenavigated', () => navigations++)
    await a.page.goto(`${a.url}#/customers/${poolId}`)
    await a.page.getByRole('button', { name: '编辑' }).click()
    await a.page.getByLabel('客户名称', { exact: true }).fill(renamed)
    await a.page.getByRole('button', { name: /保存/ }).click()
    await a.page.getByRole('button', { name: '编辑' }).waitFor()
    await b.page.getByRole('heading', { name: renamed, exact: true }).waitFor({ timeout: 10_000 })
    expect(navigations).toBe(0)

    // B opens the card; A saves another change meanwhile; B's save is refused, naming A, with what B typed kept.
    await b.page.getByRole('button', { name: '编辑' }).click()
    const bName = b.page.getByLabel('客户名称', { exact: true })
    await bName.waitFor()
    await a.page.getByRole('button', { name: '编辑' }).click()
    await a.page.getByLabel('电话', { exact: true }).fill('020-66668888')
    await a.page.getByRole('button', { name: /保存/ }).click()
    await a.page.getByRole('button', { name: '编辑' }).waitFor()
    await bName.fill(`${renamed}B`)
    await b.page.getByRole('button', { name: /保存/ }).click()
    const stale = b.page.getByRole('alert').filter({ hasText: '该客户已被 李业务 于' })
    await stale.waitFor({ timeout: 10_000 })
    await stale.getByRole('button', { name: '重新载入' }).waitFor()
    expect(await bName.inputValue()).toBe(`${renamed}B`)
    const onHost = await hostApi<Customer>(host, 'customers.get', { id: poolId }, admin.token)
    expect(onHost.name).toBe(renamed)
    expect(onHost.phone).toBe('020-66668888')

    await a.page.getByText('020-66668888').first().waitFor()
    await a.screenshot('office-client-a')
    await b.screenshot('office-client-b')

    // 重新载入 puts B's change over the latest: saved, with A's phone kept.
    await stale.getByRole('button', { name: '重新载入' }).click()
    await b.page.getByRole('button', { name: /保存/ }).click()
    await b.page.getByRole('button', { name: '编辑' }).waitFor()
    const merged = await hostApi<Customer>(host, 'customers.get', { id: poolId }, admin.token)
    expect(merged.name).toBe(`${renamed}B`)
    expect(merged.phone).toBe('020-66668888')
  } finally {
    // Clients first: their relays would otherwise retry against a host that is gone.
    for (const app of apps.reverse()) await app.close()
  }
}, 180_000)

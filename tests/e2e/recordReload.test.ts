import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page, Route } from 'playwright-core'
import { expect, test } from 'vitest'
import type { KqBridge } from '../../src/shared/bridge'
import type { Interaction } from '../../src/shared/interaction'
import type { OfficeConnection, OfficeStatus } from '../../src/shared/office'
import { invoke, screenshotDir, startApp } from './harness'

/** A call through the page's bridge with the session the renderer keeps for its signed-in user. */
async function asPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([c, i]) => {
      const token = sessionStorage.getItem('kq.sessionToken') ?? localStorage.getItem('kq.sessionToken')
      return (globalThis as unknown as { kqBridge: KqBridge }).kqBridge.invoke(c as string, i, token)
    },
    [channel, input] as const,
  )
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`)
  return result.value as T
}

async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(login)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /^登\s*录$/ }).click()
  await page.getByRole('button', { name: '当前用户' }).waitFor()
}

/** The customer's page, its 交往记录 tab, and 修改 of its one record: the dialog. */
async function openRecord(page: Page, url: string, customerId: number) {
  await page.goto(`${url}#/customers/${customerId}`)
  await page.getByRole('tab', { name: '交往记录' }).click()
  await page.getByTestId('interaction-item').first().getByRole('button', { name: '修改交往记录' }).click()
  const dialog = page.locator('.ant-modal', { hasText: '修改交往记录' })
  await dialog.getByLabel('主题', { exact: true }).waitFor()
  return dialog
}

// Not anchored at the start: after a refused save, antd may leave the collapsed spinner (named "loading") in the button.
const save = /保\s*存$/
const folder = join(screenshotDir, 'records-reload')

async function shot(page: Page, name: string): Promise<void> {
  // A dialog's zoom-in has ended (spinners never do, so only the finite animations).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
  await page.screenshot({ path: join(folder, `${name}.png`) })
}

test('two users edit one 交往记录: the later save is refused, 重新载入 shows the latest, 用我的 puts a change back, and it saves; a changed dialog asks before closing; 连接信息 for a 业务员', async () => {
  mkdirSync(folder, { recursive: true })
  const app = await startApp()
  const a = app.page
  const browser = a.context().browser()
  if (!browser) throw new Error('no browser')
  const other = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN' })
  const b = await other.newPage()
  const problems: string[] = []
  b.on('pageerror', (error) => problems.push(error.message))
  try {
    const staff = await invoke<{ id: number }>(a, 'dictionary.create', { category: 'staff', label: '李业务' })
    const types = await invoke<{ id: number; label: string }[]>(a, 'dictionary.list', { category: 'interactionType' })
    // A 公海 customer: the 业务员 sees it too.
    const customer = await invoke<{ id: number }>(a, 'customers.create', { name: '广州人易科技有限公司' })
    const record = await invoke<Interaction>(a, 'interactions.create', {
      customerId: customer.id,
      occurredAt: '2026-11-20 10:30',
      typeId: types.find((t) => t.label === '拜访')?.id,
      subject: '上门介绍新款中央空调',
    })
    await invoke(a, 'auth.enable', { login: 'zhang', name: '张经理', password: 'zhang-2026', staffId: null })
    await a.reload()
    await logIn(a, 'zhang', 'zhang-2026')
    await asPage(a, 'users.create', {
      login: 'li',
      name: '李业务',
      role: 'sales',
      password: 'li-2026-x',
      staffId: staff.id,
      customerLimit: null,
    })
    await b.goto(app.url)
    await logIn(b, 'li', 'li-2026-x')

    // Both open the record; A saves a new 主题 first.
    const dialogA = await openRecord(a, app.url, customer.id)
    const dialogB = await openRecord(b, app.url, customer.id)
    await dialogA.getByLabel('主题', { exact: true }).fill('上门演示节能款')
    await dialogA.getByRole('button', { name: save }).click()
    await a.getByText('已保存交往记录').waitFor()

    // B changed 主题 and 结果: the save is refused, naming A, and what B typed stays.
    await dialogB.getByLabel('主题', { exact: true }).fill('电话确认报价')
    await dialogB.getByLabel('结果', { exact: true }).fill('客户同意下周签约')
    await dialogB.getByRole('button', { name: save }).click()
    const refusal = dialogB.getByRole('alert').filter({ hasText: '该交往记录已被 张经理 于' })
    await refusal.waitFor()
    expect(await dialogB.getByLabel('主题', { exact: true }).inputValue()).toBe('电话确认报价')
    expect(await dialogB.getByLabel('结果', { exact: true }).inputValue()).toBe('客户同意下周签约')
    expect((await asPage<Interaction>(a, 'interactions.get', { id: record.id })).subject).toBe('上门演示节能款')
    await shot(b, 'stale-refused')

    // 重新载入: A's 主题 in the form, B's two changes listed with what B typed.
    await refusal.getByRole('button', { name: '重新载入' }).click()
    const kept = dialogB.getByLabel('您的改动')
    await kept.waitFor()
    expect(await dialogB.getByLabel('主题', { exact: true }).inputValue()).toBe('上门演示节能款')
    expect(await dialogB.getByLabel('结果', { exact: true }).inputValue()).toBe('')
    await kept.getByText('您填写的：电话确认报价').waitFor()
    await kept.getByText('您填写的：客户同意下周签约').waitFor()
    expect(await refusal.count()).toBe(0)
    await shot(b, 'stale-reloaded')

    // B keeps A's 主题 and puts back their own 结果, then saves at the new version.
    await kept.getByRole('button', { name: '结果用我的' }).click()
    expect(await dialogB.getByLabel('结果', { exact: true }).inputValue()).toBe('客户同意下周签约')
    await kept.getByText('您填写的：客户同意下周签约').waitFor({ state: 'detached' })
    await dialogB.getByRole('button', { name: save }).click()
    await b.getByText('已保存交往记录').waitFor()
    await dialogB.waitFor({ state: 'hidden' })
    const saved = await asPage<Interaction>(a, 'interactions.get', { id: record.id })
    expect(saved).toMatchObject({ subject: '上门演示节能款', result: '客户同意下周签约', version: record.version + 2 })

    // Unchanged, 取消 closes at once.
    const again = await openRecord(b, app.url, customer.id)
    await again.getByRole('button', { name: /^取\s*消$/ }).click()
    await again.waitFor({ state: 'hidden' })
    expect(await b.locator('.ant-modal-confirm').count()).toBe(0)

    // Changed, 取消 asks; 继续编辑 keeps the text; Esc asks again and 放弃 closes without saving.
    const typed = await openRecord(b, app.url, customer.id)
    await typed.getByLabel('内容', { exact: true }).fill('带样册再去一次')
    await typed.getByRole('button', { name: /^取\s*消$/ }).click()
    const ask = b.locator('.ant-modal-confirm', { hasText: '放弃未保存的修改？' })
    await ask.waitFor()
    await shot(b, 'unsaved-ask')
    await ask.getByRole('button', { name: '继续编辑' }).click()
    await ask.waitFor({ state: 'detached' })
    expect(await typed.getByLabel('内容', { exact: true }).inputValue()).toBe('带样册再去一次')
    // The X and a click beside the dialog ask too.
    for (const leave of [() => typed.locator('.ant-modal-close').click(), () => b.mouse.click(1320, 780)]) {
      await leave()
      await ask.waitFor()
      await ask.getByRole('button', { name: '继续编辑' }).click()
      await ask.waitFor({ state: 'detached' })
    }
    expect(await typed.getByLabel('内容', { exact: true }).inputValue()).toBe('带样册再去一次')
    await typed.getByLabel('内容', { exact: true }).press('Escape')
    await ask.waitFor()
    await ask.getByRole('button', { name: /^放\s*弃$/ }).click()
    await typed.waitFor({ state: 'hidden' })
    expect((await asPage<Interaction>(b, 'interactions.get', { id: record.id })).content).toBeNull()

    // 连接信息 from the header, for the 业务员 (系统设置 is not theirs): this PC, and who they are.
    await b.getByRole('button', { name: '连接信息：单机' }).click()
    const info = b.locator('.ant-modal', { hasText: '连接信息' })
    await info.getByText('单机：客户资料只保存在这台电脑上').waitFor()
    await info.getByText('李业务（登录名 li）').waitFor()
    await info.locator('.ant-tag', { hasText: '业务员' }).waitFor()
    await shot(b, 'connection-info')
    expect(problems).toEqual([])
  } finally {
    await other.close()
    await app.close()
  }
}, 180_000)

/**
 * The preview reaches no other PC, so a client PC's and a host's answers are played by
 * routes in the contract's shape: for what 连接信息 shows, not for the connection itself
 * (tests/main/core/remote test that between processes).
 */
function answer(value: unknown): (route: Route) => Promise<void> {
  return (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value }) })
}

const fingerprint = Array.from({ length: 32 }, (_, i) => ((i * 53 + 7) % 256).toString(16).padStart(2, '0'))
  .join(':')
  .toUpperCase()

test('连接信息 on a client PC names the host, its address, port and the pinned fingerprint; on a host its addresses', async () => {
  mkdirSync(folder, { recursive: true })
  const app = await startApp()
  const { page } = app
  const status = await invoke<OfficeStatus>(page, 'office.status', {})
  const connected: OfficeConnection = {
    state: 'connected',
    hostName: 'OFFICE-PC',
    address: '192.168.1.20',
    port: 17890,
    since: '2026-12-06T02:00:00.000Z',
    message: null,
    seenFingerprint: null,
  }
  try {
    await page.route('**/api/office.connection', answer(connected))
    await page.route(
      '**/api/office.status',
      answer({ ...status, mode: 'client', client: { address: '192.168.1.20', port: 17890, fingerprint } }),
    )
    await page.reload()
    await page.getByRole('button', { name: '连接信息：已连接到 OFFICE-PC' }).click()
    const info = page.locator('.ant-modal', { hasText: '连接信息' })
    await info.getByText('已连接到 OFFICE-PC').waitFor()
    await info.getByText('https://192.168.1.20:17890').waitFor()
    const rows = fingerprint.split(':')
    await info.getByLabel('证书指纹').getByText(rows.slice(0, 8).join(':')).waitFor()
    await info.getByText('未开启多用户：这台电脑不需要登录').waitFor()
    await shot(page, 'connection-info-client')
    await info.locator('.ant-modal-close').click()
    await info.waitFor({ state: 'hidden' })

    // A host: the label says 主机, the dialog the addresses the other PCs type.
    await page.unroute('**/api/office.connection')
    await page.unroute('**/api/office.status')
    await page.route(
      '**/api/office.connection',
      answer({ ...connected, state: 'local', hostName: null, address: null, port: null }),
    )
    await page.route(
      '**/api/office.status',
      answer({ ...status, mode: 'host', hosting: true, addresses: ['192.168.1.20'], port: 17890, fingerprint }),
    )
    await page.reload()
    await page.getByRole('button', { name: '连接信息：主机' }).click()
    await info.getByText('主机：这台电脑保存全办公室的客户资料').waitFor()
    await info.getByText('https://192.168.1.20:17890').waitFor()
    await info.getByLabel('证书指纹').waitFor()
    await shot(page, 'connection-info-host')
  } finally {
    await app.close()
  }
}, 120_000)

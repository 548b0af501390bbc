import type { Page, Route } from 'playwright-core'
import { expect, test } from 'vitest'
import type { KqBridge } from '../../src/shared/bridge'
import type { OfficeConnection, OfficeStatus } from '../../src/shared/office'
import { invoke, startApp } from './harness'

/** A call with the session the renderer keeps, as the page's own calls make it. */
async function valueAsPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
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

/** The typed address's 连接, by its place rather than its name (which a loading icon changes). */
const connectTyped = (page: Page) =>
  page.locator('.ant-card', { hasText: '或输入主机地址' }).locator('button[type="submit"]')

const mode = (page: Page, title: string) =>
  page
    .locator('.kq-office-modes .ant-radio-wrapper')
    .filter({ has: page.locator('.kq-office-mode-title').getByText(title, { exact: true }) })
const isChecked = async (page: Page, title: string): Promise<boolean> =>
  (await mode(page, title).getAttribute('class'))?.includes('ant-radio-wrapper-checked') ?? false

/** A dialog's zoom-in has finished: a screenshot shows it as the user reads it (spinners never finish, so not those). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
}

/**
 * The browser preview reaches no other PC (its core has no network), so what only a
 * client PC or a real host would answer is played here by a route that answers in the
 * contract's shape: for looking at the banners and the fingerprint check, not for
 * testing the connection itself (tests/main/core/remote do that against host processes).
 */
function answer(value: unknown): (route: Route) => Promise<void> {
  return (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(value) })
}

const fingerprint = Array.from({ length: 32 }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0'))
  .join(':')
  .toUpperCase()

test('办公室共享: three ways, 主机 needs 多用户 and is saved once it is on; the client form checks the address in Chinese', async () => {
  const app = await startApp()
  const { page } = app
  try {
    await page.goto(`${app.url}#/settings/office`)
    for (const title of ['单机（默认）', '主机', '连接到主机']) await mode(page, title).waitFor()
    expect(await isChecked(page, '单机（默认）')).toBe(true)
    expect(await isChecked(page, '主机')).toBe(false)
    expect(await mode(page, '单机（默认）').getByText('当前').count()).toBe(1)
    await page.getByText('它原有的本机资料原样保留，改回「单机」后就会回来').waitFor()
    await app.screenshot('office-single')

    // Accounts off: 主机 says what it needs and where, and offers no way to save it.
    await mode(page, '主机').click()
    await page.getByText('作为主机需要先开启多用户').waitFor()
    expect(await page.getByRole('button', { name: '设为主机' }).count()).toBe(0)
    await app.screenshot('office-host-needs-accounts')
    await page.getByRole('button', { name: '去开启多用户' }).click()
    await page.getByText('现在是单机模式').waitFor()
    expect(page.url()).toContain('#/settings/users')
    expect((await invoke<OfficeStatus>(page, 'office.status', {})).mode).toBe('single')

    // 多用户 on through the API, then signed in through the login screen.
    await invoke(page, 'auth.enable', { login: 'wang', name: '王经理', password: 'admin-pass-1', staffId: null })
    await page.reload()
    await page.getByLabel('登录名').fill('wang')
    await page.getByLabel('密码').fill('admin-pass-1')
    await page.getByRole('button', { name: /^登\s*录$/ }).click()
    await page.getByRole('button', { name: '当前用户' }).getByText('王经理').waitFor()

    await page.goto(`${app.url}#/settings/office`)
    await mode(page, '主机').click()
    await page.getByRole('button', { name: '设为主机' }).click()
    await page.getByText('已改为「主机」，重新启动客情管家后生效').first().waitFor()
    const status = await valueAsPage<OfficeStatus>(page, 'office.status', {})
    expect(status.mode).toBe('host')
    expect(status.accountsEnabled).toBe(true)
    // What the other PCs need: each address as https://<ip>:<port>, the port, the firewall's question.
    expect(await isChecked(page, '主机')).toBe(true)
    for (const address of status.addresses) await page.getByText(`https://${address}:${status.port}`).waitFor()
    if (status.addresses.length === 0) await page.getByText('这台电脑没有连接局域网').waitFor()
    await page.getByText('请勾选「专用网络」并点「允许访问」；不要勾选公用网络').waitFor()
    await page.getByText('允许应用通过防火墙').waitFor()
    // The preview never serves the LAN, so no certificate was made yet.
    expect(status.fingerprint).toBeNull()
    await page.getByText('第一次作为主机启动时生成').waitFor()
    await app.screenshot('office-host')

    // 连接到主机: the preview cannot search the LAN and says so in Chinese; an empty address is refused before any call.
    await mode(page, '连接到主机').click()
    await page.getByText('只有桌面程序能搜索和连接主机').first().waitFor()
    await page.getByLabel('主机地址').fill('')
    await connectTyped(page).click()
    await page.getByText('请填写主机地址').waitFor()
    await page.getByLabel('主机地址').fill('192.168.1.20 x')
    await connectTyped(page).click()
    await page.getByText('主机地址应为电脑名或 IP 地址，如 192.168.1.20').waitFor()
    await app.screenshot('office-client-form')
    // A valid address reaches the core, whose refusal is shown as it said it.
    await page.getByLabel('主机地址').fill('192.168.1.20')
    await connectTyped(page).click()
    await page
      .locator('.ant-card', { hasText: '或输入主机地址' })
      .getByRole('alert')
      .getByText('这里不能连接其他电脑：只有桌面程序能搜索和连接主机')
      .waitFor()
    expect((await valueAsPage<OfficeStatus>(page, 'office.status', {})).mode).toBe('host')

    // The fingerprint check as a desktop client shows it (the host's answer played by a route, see `answer`).
    await page.route(
      '**/api/office.probe',
      answer({ ok: true, value: { hostname: 'OFFICE-PC', fingerprint, accountsEnabled: true } }),
    )
    await connectTyped(page).click()
    const check = page.getByRole('dialog', { name: '核对主机的证书指纹' })
    await check.getByText('OFFICE-PC').waitFor()
    expect((await check.getByLabel('证书指纹').textContent())?.replace(/\s/g, ':')).toBe(fingerprint)
    await check.getByRole('button', { name: '确认一致，连接' }).waitFor()
    await settled(page)
    await app.screenshot('office-fingerprint-check')
    await check.getByRole('button', { name: /^取\s*消$/ }).click()
    await check.waitFor({ state: 'hidden' })
    expect((await valueAsPage<OfficeStatus>(page, 'office.status', {})).mode).toBe('host')
  } finally {
    await app.close()
  }
})

test('a client PC: 已连接到 in the header, the yellow banner while the host is away, the red one when its certificate changed; an UNREACHABLE save keeps the card open with what was typed', async () => {
  const app = await startApp()
  const { page } = app
  const connection = (state: OfficeConnection['state'], message: string | null): OfficeConnection => ({
    state,
    hostName: 'OFFICE-PC',
    address: '192.168.1.20',
    port: 17890,
    since: '2026-12-06T02:00:00.000Z',
    message,
    seenFingerprint: state === 'certificateChanged' ? fingerprint : null,
  })
  try {
    await page.route('**/api/office.connection', answer({ ok: true, value: connection('connected', null) }))
    await page.goto(`${app.url}#/customers/new`)
    await page.reload()
    await page.getByText('已连接到 OFFICE-PC').waitFor()

    // The host goes away mid-edit: a save answers UNREACHABLE, the card stays open with what was typed.
    await page.getByLabel('客户名称', { exact: true }).fill('广州人易科技有限公司')
    await page.getByLabel('电话', { exact: true }).fill('020-87654321')
    await page.unroute('**/api/office.connection')
    await page.route(
      '**/api/office.connection',
      answer({ ok: true, value: connection('reconnecting', '主机 OFFICE-PC 没有答复') }),
    )
    const unsaved = '与主机 OFFICE-PC 的连接中断：未保存，请等连接恢复后再保存'
    await page.route('**/api/customers.create', answer({ ok: false, error: { code: 'UNREACHABLE', message: unsaved } }))
    await page.getByRole('button', { name: /保存/ }).click()
    await page.getByText(unsaved).waitFor()
    await page.getByText('与主机的连接已断开，正在重新连接…（未保存的内容不会丢失，请等连接恢复后再保存）').waitFor()
    expect(await page.getByLabel('客户名称', { exact: true }).inputValue()).toBe('广州人易科技有限公司')
    expect(await page.getByLabel('电话', { exact: true }).inputValue()).toBe('020-87654321')
    await app.screenshot('office-banner-reconnecting')

    // Back: the same card saves (the real core this time).
    await page.unroute('**/api/customers.create')
    await page.unroute('**/api/office.connection')
    await page.route('**/api/office.connection', answer({ ok: true, value: connection('connected', null) }))
    await page.getByText('已连接到 OFFICE-PC').waitFor()
    await page.getByRole('button', { name: /保存/ }).click()
    await page.getByRole('button', { name: '编辑' }).waitFor()
    const listed = await invoke<{ total: number }>(page, 'customers.list', { startRow: 0, endRow: 10 })
    expect(listed.total).toBe(1)

    // A changed certificate: the red banner, and (single PC = everything allowed) the review of the new fingerprint.
    await page.unroute('**/api/office.connection')
    await page.route(
      '**/api/office.connection',
      answer({
        ok: true,
        value: connection(
          'certificateChanged',
          '主机的证书已改变（可能是另一台电脑冒充主机），已拒绝连接。请管理员在「办公室共享」中核对指纹后接受新证书',
        ),
      }),
    )
    await page.getByText('主机 OFFICE-PC 的证书已改变，已拒绝连接').waitFor()
    await page.route(
      '**/api/office.probe',
      answer({ ok: true, value: { hostname: 'OFFICE-PC', fingerprint, accountsEnabled: true } }),
    )
    await page.getByRole('button', { name: '核对新指纹…' }).click()
    const check = page.getByRole('dialog', { name: '核对主机的新证书' })
    await check.getByText('只有确知主机换了证书').waitFor()
    await settled(page)
    await app.screenshot('office-banner-certificate')
    await check.getByRole('button', { name: /^取\s*消$/ }).click()
  } finally {
    await app.close()
  }
})

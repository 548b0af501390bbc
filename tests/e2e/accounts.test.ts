import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import type { KqBridge } from '../../src/shared/bridge'
import type { Result } from '../../src/shared/result'
import { invoke, startApp } from './harness'

interface Counted {
  total: number
}

/**
 * A call through the page's bridge with the token the renderer keeps for the signed-in user
 * (or none): the same path, and the same session, as the screen's own calls.
 */
async function callAsPage<T>(page: Page, channel: string, input: unknown): Promise<Result<T>> {
  const result = await page.evaluate(
    ([c, i]) => {
      const token = sessionStorage.getItem('kq.sessionToken') ?? localStorage.getItem('kq.sessionToken')
      return (globalThis as unknown as { kqBridge: KqBridge }).kqBridge.invoke(c as string, i, token)
    },
    [channel, input] as const,
  )
  return result as Result<T>
}

async function valueAsPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await callAsPage<T>(page, channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`)
  return result.value
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click()
}

const segment = (page: Page, label: string) => page.locator('.ant-segmented-item', { hasText: label })

const countText = (n: number): string => `共 ${n.toLocaleString('zh-CN')} 个客户`

async function logIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('登录名').fill(login)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: /^登\s*录$/ }).click()
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '当前用户' }).click()
  await page.getByRole('menuitem', { name: '注销' }).click()
  await page.getByRole('button', { name: /^登\s*录$/ }).waitFor()
}

test('turn on accounts, create a 业务员, who sees only their customers and the 公海, claims one, is refused 系统设置 and logs out', async () => {
  const app = await startApp()
  const { page } = app
  try {
    // Single-PC: the app opens without a login, as it always did.
    await invoke(page, 'demo.load', { customers: 200 })
    await page.goto(`${app.url}#/customers`)
    await page.reload()
    await page.getByText(countText(200)).waitFor()
    expect(await page.getByRole('button', { name: /^登\s*录$/ }).count()).toBe(0)

    // A 业务员 item that owns some demo customers, and three customers of another put in the 公海.
    const staff = await invoke<{ id: number; label: string }[]>(page, 'dictionary.list', { category: 'staff' })
    const owned = async (id: number): Promise<number> =>
      (await invoke<Counted>(page, 'customers.list', { startRow: 0, endRow: 1, filters: { ownerStaffId: [id] } })).total
    const counts = await Promise.all(staff.map(async (s) => ({ ...s, owns: await owned(s.id) })))
    const [mine, other] = counts.filter((s) => s.owns > 3)
    if (!mine || !other) throw new Error(`demo data lacks two 业务员 with customers: ${JSON.stringify(counts)}`)
    const others = await invoke<{ ids: number[] }>(page, 'customers.ids', { filters: { ownerStaffId: [other.id] } })
    await invoke(page, 'customers.batchUpdate', { ids: others.ids.slice(0, 3), set: { ownerStaffId: null } })
    const pool = (await invoke<Counted>(page, 'customers.list', { startRow: 0, endRow: 1, filters: { owner: 'pool' } }))
      .total
    expect(pool).toBeGreaterThanOrEqual(3)

    // 开启多用户 as the first 管理员.
    await page.goto(`${app.url}#/settings/users`)
    await page.getByText('现在是单机模式').waitFor()
    await page.getByLabel('登录名').fill('wang')
    await page.getByLabel('姓名').fill('王经理')
    await page.getByLabel('密码', { exact: true }).fill('admin-pass-1')
    await page.getByLabel('再输一次密码').fill('admin-pass-1')
    await app.screenshot('accounts-enable')
    await page.getByRole('button', { name: '开启多用户' }).click()
    await page.getByRole('button', { name: '当前用户' }).getByText('王经理').waitFor()
    await page.getByRole('button', { name: '新建用户' }).waitFor()

    // A 业务员 standing for `mine`.
    await page.getByRole('button', { name: '新建用户' }).click()
    const dialog = page.getByRole('dialog', { name: '新建用户' })
    await dialog.getByLabel('登录名').fill('li')
    await dialog.getByLabel('姓名').fill('李业务')
    await pick(page, '对应业务员', mine.label)
    await dialog.getByLabel('密码', { exact: true }).fill('sales-pass-1')
    await dialog.getByLabel('再输一次密码').fill('sales-pass-1')
    await app.screenshot('accounts-user-dialog')
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
    const liRow = page.getByRole('row', { name: /李业务/ })
    await liRow.waitFor()
    expect(await liRow.textContent()).toContain('业务员')
    expect(await liRow.textContent()).toContain(`${mine.owns} / 不限`)
    await app.screenshot('accounts-users')

    // The 管理员 may look at one 业务员's customers, and at anyone's reminders.
    await page.goto(`${app.url}#/customers`)
    await pick(page, '某业务员的客户', mine.label)
    await page.getByText(countText(mine.owns)).waitFor()
    await app.screenshot('accounts-sheet-admin')
    await page.goto(`${app.url}#/workbench`)
    await page.getByLabel('谁的提醒').waitFor()
    await app.screenshot('accounts-workbench-admin')
    await page.goto(`${app.url}#/settings/reclaim`)
    await page.getByLabel('启用回收规则').waitFor()
    await app.screenshot('accounts-reclaim')

    await logOut(page)
    await app.screenshot('accounts-login')
    // A wrong password is told in Chinese, with the attempts left before the lockout.
    await logIn(page, 'li', 'wrong-pass')
    await page
      .getByRole('alert')
      .getByText(/登录名或密码不正确/)
      .waitFor()

    await logIn(page, 'li', 'sales-pass-1')
    await page.getByRole('button', { name: '当前用户' }).getByText('李业务').waitFor()

    // The sheet: their own and the 公海, the same count the core gives this session directly.
    await page.goto(`${app.url}#/customers`)
    const direct = (await valueAsPage<Counted>(page, 'customers.list', { startRow: 0, endRow: 1 })).total
    expect(direct).toBe(mine.owns + pool)
    await page.getByText(countText(direct)).waitFor()
    await segment(page, '我的客户').click()
    await page.getByText(countText(mine.owns)).waitFor()
    await segment(page, '公海').click()
    await page.getByText(countText(pool)).waitFor()
    const firstPoolRow = page.locator('.ag-row').first()
    await firstPoolRow.waitFor()
    await app.screenshot('accounts-pool')

    // 领取 one from the 公海: it leaves the 公海 and becomes theirs.
    await page
      .getByRole('button', { name: /^领取 / })
      .first()
      .click()
    await page.getByText('已领取 1 个客户').waitFor()
    await page.getByText(countText(pool - 1)).waitFor()
    await segment(page, '我的客户').click()
    await page.getByText(countText(mine.owns + 1)).waitFor()
    const mineNow = await valueAsPage<Counted>(page, 'customers.list', {
      startRow: 0,
      endRow: 1,
      filters: { owner: 'mine' },
    })
    expect(mineNow.total).toBe(mine.owns + 1)

    // 系统设置 is not offered, a typed address shows 没有权限, and the core refuses a direct call.
    const sider = page.locator('.ant-layout-sider')
    await sider.getByRole('menuitem', { name: '客户列表' }).waitFor()
    expect(await sider.getByRole('menuitem', { name: '系统设置' }).count()).toBe(0)
    await page.goto(`${app.url}#/settings/dictionary`)
    await page.getByText('没有权限').waitFor()
    const refused = await callAsPage(page, 'dictionary.create', { category: 'source', label: '业务员偷加' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('FORBIDDEN')
      expect(refused.error.message).toContain('系统字典维护')
    }
    const users = await callAsPage(page, 'users.create', {
      login: 'x',
      name: 'x',
      role: 'admin',
      password: 'xxxxxx',
      staffId: null,
      customerLimit: null,
    })
    expect(users.ok).toBe(false)

    const token = await page.evaluate(() => sessionStorage.getItem('kq.sessionToken'))
    expect(token).toBeTruthy()
    await logOut(page)
    // The session is over on the core's side too: the old token no longer works, and the page forgot it.
    expect(await page.evaluate(() => sessionStorage.getItem('kq.sessionToken'))).toBeNull()
    const after = await page.evaluate(
      (t) =>
        (globalThis as unknown as { kqBridge: KqBridge }).kqBridge.invoke(
          'customers.list',
          { startRow: 0, endRow: 1 },
          t,
        ),
      token,
    )
    expect(after.ok).toBe(false)
    if (!after.ok) expect(after.error.code).toBe('UNAUTHENTICATED')

    // A forgotten 管理员 password: the recovery file in the data folder opens 重设管理员密码 on the login screen.
    writeFileSync(join(app.dataDir, 'reset-admin-password.txt'), '')
    await page.reload()
    await page.getByRole('button', { name: '重设管理员密码' }).click()
    await pick(page, '管理员', '王经理')
    await page.getByLabel('新密码', { exact: true }).fill('new-admin-9')
    await page.getByLabel('再输一次新密码').fill('new-admin-9')
    await app.screenshot('accounts-recovery')
    await page.getByRole('button', { name: /^重设密码$/ }).click()
    await page.getByText('已重设管理员密码，请用新密码登录').waitFor()
    expect(existsSync(join(app.dataDir, 'reset-admin-password.txt'))).toBe(false)
    await logIn(page, 'wang', 'new-admin-9')
    await page.getByRole('button', { name: '当前用户' }).getByText('王经理').waitFor()
  } finally {
    await app.close()
  }
})

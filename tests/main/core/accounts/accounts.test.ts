import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { recoveryFileName } from '../../../../src/main/core/accounts/recoveryFile'
import type { Result } from '../../../../src/shared/result'
import { call } from '../../../helpers/testCore'
import { tempDir } from '../../../helpers/tempDir'

let core: Core | undefined
let now = new Date('2026-03-02T09:00:00')
const clock = () => now

afterEach(async () => {
  await core?.close()
  core = undefined
})

async function open(dir = tempDir('accounts')): Promise<Core & { dir: string }> {
  core = await openCore(dir, { clock, checkOutput: true })
  return Object.assign(core, { dir })
}

function refused(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal')
  return result.error
}

async function staffItem(c: Core, label: string): Promise<number> {
  return (await call(c, 'dictionary.create', { category: 'staff', label })).id
}

describe('staff accounts', () => {
  it('single-PC mode needs no login and turning accounts on creates the first 管理员', async () => {
    now = new Date('2026-03-02T09:00:00')
    const c = await open()
    expect(await call(c, 'auth.status', {})).toEqual({ enabled: false, user: null, recoveryOpen: false })
    await call(c, 'customers.list', {})
    const login = await call(c, 'auth.enable', { login: 'Boss', name: '王老板', password: 'secret-1', staffId: null })
    expect(login.user).toMatchObject({ login: 'Boss', role: 'admin' })
    // From now on a call without a session is refused, one with it answers.
    expect(refused(await c.dispatch('customers.list', {}))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '请先登录',
    })
    await call(c, 'customers.list', {}, login.token)
    const status = await call(c, 'auth.status', {}, login.token)
    expect(status).toMatchObject({ enabled: true, user: { login: 'Boss', role: 'admin' } })
    // The login is compared without case or width; the password is stored only as a salted scrypt hash.
    const again = await call(c, 'auth.login', { login: 'ｂｏｓｓ', password: 'secret-1', remember: false })
    expect(again.token).not.toBe(login.token)
    const stored = await c.store.read((db) => db.all<{ password_hash: string }>(`SELECT password_hash FROM app_user`))
    expect(stored[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(JSON.stringify(await call(c, 'users.list', {}, login.token))).not.toContain('scrypt')
  })

  it('each role gets what its permissions allow, refused calls say which permission in Chinese', async () => {
    now = new Date('2026-03-02T09:00:00')
    const c = await open()
    const admin = await call(c, 'auth.enable', {
      login: 'admin',
      name: '管理员甲',
      password: 'secret-1',
      staffId: null,
    })
    await call(
      c,
      'users.create',
      { login: 'li', name: '李四', role: 'sales', password: 'secret-2', staffId: null, customerLimit: null },
      admin.token,
    )
    await call(
      c,
      'users.create',
      { login: 'zhao', name: '赵主管', role: 'manager', password: 'secret-3', staffId: null, customerLimit: 10 },
      admin.token,
    )
    const sales = await call(c, 'auth.login', { login: 'li', password: 'secret-2', remember: false })
    const manager = await call(c, 'auth.login', { login: 'zhao', password: 'secret-3', remember: false })
    // A 业务员 without a chosen 业务员 item stands for a new one of their name.
    const staff = await call(c, 'dictionary.list', { category: 'staff' }, admin.token)
    expect(staff.find((s) => s.label === '李四')?.id).toBe(sales.user.staffId)

    const salesSettings = refused(await c.dispatch('backups.list', {}, sales.token))
    expect(salesSettings).toEqual({
      code: 'FORBIDDEN',
      message: '没有「备份与恢复」的权限（当前角色：业务员），请联系管理员',
    })
    expect(
      refused(
        await c.dispatch(
          'users.create',
          { login: 'x', name: 'x', role: 'admin', password: '123456', staffId: null, customerLimit: null },
          sales.token,
        ),
      ).message,
    ).toContain('用户与权限管理')
    expect(refused(await c.dispatch('customers.purge', { ids: [1] }, manager.token)).message).toContain('彻底删除')
    expect(
      refused(await c.dispatch('dictionary.create', { category: 'staff', label: '新人' }, manager.token)).code,
    ).toBe('FORBIDDEN')
    await call(c, 'ownership.getReclaimRule', {}, sales.token).catch(() => undefined)
    await call(c, 'customers.list', {}, sales.token)
    await call(c, 'backups.list', {}, admin.token)
    // The refusal comes before the input is looked at: no hint about valid input to an unauthorised caller.
    expect(refused(await c.dispatch('backups.restore', { nonsense: true }, sales.token)).code).toBe('FORBIDDEN')
    expect((await call(c, 'users.list', {}, admin.token)).map((u) => u.login)).toEqual(['admin', 'li', 'zhao'])
  })

  it('locks a login after five wrong passwords, for fifteen minutes on the clock', async () => {
    now = new Date('2026-03-02T09:00:00')
    const c = await open()
    await call(c, 'auth.enable', { login: 'admin', name: '管理员', password: 'right-pass', staffId: null })
    for (let i = 1; i <= 4; i++) {
      expect(
        refused(await c.dispatch('auth.login', { login: 'admin', password: 'wrong', remember: false })).message,
      ).toBe(`登录名或密码不正确（再错 ${5 - i} 次将锁定 15 分钟）`)
    }
    expect(
      refused(await c.dispatch('auth.login', { login: 'admin', password: 'wrong', remember: false })).message,
    ).toBe('连续 5 次密码错误，该账号已锁定 15 分钟')
    // Locked: even the right password is refused until the time has passed.
    now = new Date('2026-03-02T09:14:00')
    expect(
      refused(await c.dispatch('auth.login', { login: 'admin', password: 'right-pass', remember: false })).message,
    ).toBe('连续输错密码次数过多，该账号已锁定，请于 09:15 后再试')
    now = new Date('2026-03-02T09:15:01')
    await call(c, 'auth.login', { login: 'admin', password: 'right-pass', remember: false })
    // A success resets the count: four more wrong ones do not lock.
    for (let i = 0; i < 4; i++) await c.dispatch('auth.login', { login: 'admin', password: 'wrong', remember: false })
    await call(c, 'auth.login', { login: 'admin', password: 'right-pass', remember: false })
    // An unknown login gets the same message as a wrong password.
    expect(refused(await c.dispatch('auth.login', { login: 'nobody', password: 'x', remember: false })).message).toBe(
      '登录名或密码不正确',
    )
  })

  it('sessions expire (12 h unused, 30 days with 记住我), end at 注销, and a disabled user is refused at the next call', async () => {
    now = new Date('2026-03-02T09:00:00')
    const c = await open()
    const admin = await call(c, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
    await call(
      c,
      'users.create',
      { login: 'li', name: '李四', role: 'sales', password: 'secret-2', staffId: null, customerLimit: null },
      admin.token,
    )
    const short = await call(c, 'auth.login', { login: 'li', password: 'secret-2', remember: false })
    const long = await call(c, 'auth.login', { login: 'li', password: 'secret-2', remember: true })
    now = new Date('2026-03-02T20:59:00')
    await call(c, 'customers.list', {}, short.token) // used: slides another 12 h
    now = new Date('2026-03-03T08:58:00')
    await call(c, 'customers.list', {}, short.token)
    now = new Date('2026-03-03T21:00:00')
    expect(refused(await c.dispatch('customers.list', {}, short.token))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '登录已过期或账号已停用，请重新登录',
    })
    await call(c, 'customers.list', {}, long.token)

    // 记住我 survives a restart of the app (the session is in the file, as a hash).
    await c.close()
    const reopened = await open(c.dir)
    await call(reopened, 'customers.list', {}, long.token)
    const admin2 = await call(reopened, 'auth.login', { login: 'admin', password: 'secret-1', remember: false })
    const li = (await call(reopened, 'users.list', {}, admin2.token)).find((u) => u.login === 'li') as { id: number }
    await call(reopened, 'users.update', { id: li.id, enabled: false }, admin2.token)
    expect(refused(await reopened.dispatch('customers.list', {}, long.token)).code).toBe('UNAUTHENTICATED')
    expect(
      refused(await reopened.dispatch('auth.login', { login: 'li', password: 'secret-2', remember: false })).message,
    ).toBe('该账号已停用，请联系管理员')

    await call(reopened, 'auth.logout', {}, admin2.token)
    expect(refused(await reopened.dispatch('customers.list', {}, admin2.token)).code).toBe('UNAUTHENTICATED')
    const sessions = await reopened.store.read((db) =>
      db.all<{ token_hash: string }>(`SELECT token_hash FROM user_session`),
    )
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.token_hash))).toBe(true)
    expect(sessions.map((s) => s.token_hash)).not.toContain(long.token)
  })

  it('keeps one enabled 管理员, changes passwords, and recovers a forgotten one only through the data folder', async () => {
    now = new Date('2026-03-02T09:00:00')
    const c = await open()
    const admin = await call(c, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
    expect(refused(await c.dispatch('users.update', { id: admin.user.id, role: 'sales' }, admin.token)).message).toBe(
      '至少要保留一位启用的管理员',
    )
    expect(
      refused(await c.dispatch('auth.changePassword', { oldPassword: 'nope', newPassword: 'secret-2' }, admin.token))
        .message,
    ).toBe('原密码不正确')
    await call(c, 'auth.changePassword', { oldPassword: 'secret-1', newPassword: 'secret-2' }, admin.token)

    expect(refused(await c.dispatch('auth.recoveryAdmins', {})).code).toBe('FORBIDDEN')
    expect(refused(await c.dispatch('auth.recover', { userId: admin.user.id, password: 'new-pass' })).code).toBe(
      'FORBIDDEN',
    )
    writeFileSync(join(c.dir, recoveryFileName), '')
    expect((await call(c, 'auth.status', {})).recoveryOpen).toBe(true)
    expect(await call(c, 'auth.recoveryAdmins', {})).toEqual([{ id: admin.user.id, login: 'admin', name: '管理员' }])
    await call(c, 'auth.recover', { userId: admin.user.id, password: 'new-pass' })
    expect((await call(c, 'auth.status', {})).recoveryOpen).toBe(false)
    // Every session of that 管理员 ended; the new password works, the old does not.
    expect(refused(await c.dispatch('customers.list', {}, admin.token)).code).toBe('UNAUTHENTICATED')
    expect(
      refused(await c.dispatch('auth.login', { login: 'admin', password: 'secret-2', remember: false })).code,
    ).toBe('FORBIDDEN')
    await call(c, 'auth.login', { login: 'admin', password: 'new-pass', remember: false })
    const audit = await c.store.read((db) =>
      db.all<{ action: string; detail: string }>(`SELECT action, detail FROM audit_event ORDER BY id`),
    )
    expect(audit.map((a) => a.detail)).toEqual([
      '开启了多用户，第一位管理员为「admin」',
      '修改了自己的密码',
      '凭数据文件夹中的重置文件重设了管理员「admin」的密码',
    ])
  })

  it('maps an existing 负责业务员 onto the user who stands for it, and turning accounts off and on keeps the users', async () => {
    now = new Date('2026-03-02T09:00:00')
    const c = await open()
    const zhang = await staffItem(c, '张三')
    const customer = await call(c, 'customers.create', { kind: 'enterprise', name: '甲公司', ownerStaffId: zhang })
    const admin = await call(c, 'auth.enable', { login: 'admin', name: '管理员', password: 'secret-1', staffId: null })
    const created = await call(
      c,
      'users.create',
      { login: 'zs', name: '张三', role: 'sales', password: 'secret-2', staffId: zhang, customerLimit: null },
      admin.token,
    )
    expect(created).toMatchObject({ staffId: zhang, staffName: '张三', ownedCustomers: 1 })
    expect(
      refused(
        await c.dispatch(
          'users.create',
          { login: 'zs2', name: '张三二', role: 'sales', password: 'secret-2', staffId: zhang, customerLimit: null },
          admin.token,
        ),
      ).message,
    ).toBe('业务员「张三」已对应用户「张三」，一个业务员只能对应一个用户')
    const zs = await call(c, 'auth.login', { login: 'zs', password: 'secret-2', remember: false })
    expect((await call(c, 'customers.get', { id: customer.id }, zs.token)).name).toBe('甲公司')

    await call(c, 'auth.disable', {}, admin.token)
    // Off again: single-PC, no login; a left-over token changes nothing.
    await call(c, 'customers.list', {}, zs.token)
    expect((await call(c, 'auth.status', {})).enabled).toBe(false)
    await call(c, 'customers.list', {})
    expect(
      refused(await c.dispatch('auth.enable', { login: 'zs', name: 'x', password: 'secret-2', staffId: null })).code,
    ).toBe('FORBIDDEN')
    const back = await call(c, 'auth.enable', { login: 'admin', name: '任意', password: 'secret-1', staffId: null })
    expect(back.user.login).toBe('admin')
    expect(await call(c, 'users.list', {}, back.token)).toHaveLength(2)
  })
})

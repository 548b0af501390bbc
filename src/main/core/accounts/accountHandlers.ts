import dayjs from 'dayjs'
import { lockoutAttempts, lockoutMinutes, roleLabels, type SessionUser, type User } from '../../../shared/accounts'
import { AppError } from '../appError'
import { localNow } from '../common/localTime'
import { mustFind } from '../common/mustFind'
import type { ChannelsOf, CoreContext, DomainHandlers } from '../handlerTypes'
import { setSetting } from '../prefs/prefsQueries'
import { accountsEnabledKey, newToken } from './accountCache'
import { recordAudit } from './auditLog'
import { userCaller, type Caller } from './caller'
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwordHash'
import { closeRecovery, recoveryOpen } from './recoveryFile'
import { deleteSession, deleteSessions, insertSession } from './sessionQueries'
import { staffOfUser } from './staffOfUser'
import {
  countEnabledAdmins,
  findUserByLogin,
  findUserSecrets,
  insertUser,
  listUsers,
  updateUser,
  type UserBrief,
} from './userQueries'

type AccountChannel = ChannelsOf<'auth'> | ChannelsOf<'users'>

function sessionUser(user: UserBrief): SessionUser {
  const caller = userCaller(user)
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    staffId: user.staffId,
    permissions: [...caller.permissions],
  }
}

/** 登录, 注销, 开启/关闭多用户, 用户与权限 (docs/product-rules.md#accounts). */
export function accountHandlers(ctx: CoreContext): DomainHandlers<AccountChannel> {
  const { store, accounts, dataDir } = ctx
  const clock = ctx.clock ?? (() => new Date())

  async function startSession(user: UserBrief, remember: boolean, work?: Parameters<typeof store.write>[0]) {
    const token = newToken()
    const session = accounts.session(token, user.id, remember)
    await store.write(async (db) => {
      await work?.(db)
      await insertSession(db, session, localNow(clock()))
    })
    await accounts.load()
    return { token, user: sessionUser(user), expiresAt: session.expiresAt }
  }

  async function findUser(id: number): Promise<User> {
    const users = await store.read((db) => listUsers(db))
    return mustFind(
      users.find((u) => u.id === id),
      '用户',
    )
  }

  async function afterChange<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } finally {
      await accounts.load()
    }
  }

  return {
    'auth.status': async (_input, caller) => {
      const enabled = await accounts.isEnabled()
      return {
        enabled,
        user: enabled && caller.userId !== null ? sessionUserOfCaller(caller) : null,
        recoveryOpen: enabled && recoveryOpen(dataDir),
      }
    },

    'auth.login': async (input) => {
      if (!(await accounts.isEnabled())) throw new AppError('CONFLICT', '未开启多用户，无需登录')
      const user = await store.read((db) => findUserByLogin(db, input.login))
      const now = clock()
      if (!user) {
        await verifyAgainstNothing(input.password)
        throw new AppError('FORBIDDEN', '登录名或密码不正确')
      }
      if (user.lockedUntil && user.lockedUntil > localNow(now)) {
        throw new AppError(
          'FORBIDDEN',
          `连续输错密码次数过多，该账号已锁定，请于 ${user.lockedUntil.slice(11, 16)} 后再试`,
        )
      }
      if (!(await verifyPassword(input.password, user.passwordHash))) {
        const failed = user.failedLogins + 1
        const locks = failed >= lockoutAttempts
        const lockedUntil = localNow(dayjs(now).add(lockoutMinutes, 'minute').toDate())
        await store.write((db) =>
          updateUser(
            db,
            user.id,
            locks ? { failedLogins: 0, lockedUntil } : { failedLogins: failed, lockedUntil: null },
            localNow(now),
          ),
        )
        throw new AppError(
          'FORBIDDEN',
          locks
            ? `连续 ${lockoutAttempts} 次密码错误，该账号已锁定 ${lockoutMinutes} 分钟`
            : `登录名或密码不正确（再错 ${lockoutAttempts - failed} 次将锁定 ${lockoutMinutes} 分钟）`,
        )
      }
      if (!user.enabled) throw new AppError('FORBIDDEN', '该账号已停用，请联系管理员')
      return startSession(user, input.remember, async (db) => {
        if (user.failedLogins > 0 || user.lockedUntil) {
          await updateUser(db, user.id, { failedLogins: 0, lockedUntil: null }, localNow(now))
        }
      })
    },

    'auth.logout': async (_input, caller) => {
      const key = caller.sessionKey
      if (key) await afterChange(() => store.write((db) => deleteSession(db, key)))
      return {}
    },

    'auth.recoveryAdmins': async () => {
      if (!recoveryOpen(dataDir)) throw closedRecovery()
      const users = await store.read((db) => listUsers(db))
      return users.filter((u) => u.role === 'admin').map(({ id, login, name }) => ({ id, login, name }))
    },

    'auth.recover': async (input) => {
      if (!recoveryOpen(dataDir)) throw closedRecovery()
      const hash = await hashPassword(input.password)
      const now = localNow(clock())
      await afterChange(() =>
        store.write(async (db) => {
          const user = mustFind(await findUserSecrets(db, input.userId), '用户')
          if (user.role !== 'admin') throw new AppError('VALIDATION', '只能重设管理员的密码')
          await updateUser(db, user.id, { passwordHash: hash, enabled: true, failedLogins: 0, lockedUntil: null }, now)
          await deleteSessions(db, user.id, now)
          await recordAudit(
            db,
            userCaller(user),
            'accounts',
            `凭数据文件夹中的重置文件重设了管理员「${user.login}」的密码`,
            clock(),
          )
        }),
      )
      closeRecovery(dataDir)
      return {}
    },

    'auth.changePassword': async (input, caller) => {
      const userId = caller.userId
      if (userId === null) throw new AppError('CONFLICT', '未开启多用户，没有登录密码')
      const user = mustFind(await store.read((db) => findUserSecrets(db, userId)), '用户')
      if (!(await verifyPassword(input.oldPassword, user.passwordHash))) {
        throw new AppError('VALIDATION', '原密码不正确', { oldPassword: '原密码不正确' })
      }
      const hash = await hashPassword(input.newPassword)
      const now = localNow(clock())
      await store.write(async (db) => {
        await updateUser(db, userId, { passwordHash: hash }, now)
        await recordAudit(db, caller, 'users', '修改了自己的密码', clock())
      })
      return {}
    },

    'auth.enable': async (input) => {
      if (await accounts.isEnabled()) throw new AppError('CONFLICT', '多用户已开启')
      const existing = await store.read((db) => listUsers(db))
      if (existing.length > 0) return reenable(input.login, input.password)
      const hash = await hashPassword(input.password)
      const now = localNow(clock())
      let admin: UserBrief | undefined
      const token = newToken()
      await afterChange(() =>
        store.write(async (db) => {
          const staffId = await staffOfUser(db, {
            staffId: input.staffId,
            role: 'admin',
            name: input.name,
            userId: null,
          })
          const id = await insertUser(db, {
            login: input.login,
            name: input.name,
            role: 'admin',
            staffId,
            customerLimit: null,
            passwordHash: hash,
            now,
          })
          admin = { id, login: input.login.trim(), name: input.name, role: 'admin', enabled: true, staffId }
          await setSetting(db, accountsEnabledKey, 'true')
          await insertSession(db, accounts.session(token, id, false), now)
          await recordAudit(
            db,
            userCaller(admin),
            'accounts',
            `开启了多用户，第一位管理员为「${admin.login}」`,
            clock(),
          )
        }),
      )
      const user = admin as UserBrief
      return { token, user: sessionUser(user), expiresAt: accounts.session(token, user.id, false).expiresAt }
    },

    'auth.disable': async (_input, caller) => {
      await afterChange(() =>
        store.write(async (db) => {
          await setSetting(db, accountsEnabledKey, 'false')
          await deleteSessions(db, null, localNow(clock()))
          await recordAudit(db, caller, 'accounts', '关闭了多用户（用户保留，再次开启时沿用）', clock())
        }),
      )
      return {}
    },

    'users.list': async () => store.read((db) => listUsers(db)),

    'users.create': async (input, caller) => {
      const hash = await hashPassword(input.password)
      const now = localNow(clock())
      const id = await afterChange(() =>
        store.write(async (db) => {
          if (await findUserByLogin(db, input.login)) {
            throw new AppError('CONFLICT', `登录名「${input.login}」已被使用`, { login: '登录名已被使用' })
          }
          const staffId = await staffOfUser(db, {
            staffId: input.staffId,
            role: input.role,
            name: input.name,
            userId: null,
          })
          const newId = await insertUser(db, { ...input, staffId, passwordHash: hash, now })
          await recordAudit(db, caller, 'users', `新建用户「${input.login}」（${roleLabels[input.role]}）`, clock())
          return newId
        }),
      )
      return findUser(id)
    },

    'users.update': async (input, caller) => {
      const now = localNow(clock())
      await afterChange(() =>
        store.write(async (db) => {
          const before = mustFind(await findUserSecrets(db, input.id), '用户')
          const role = input.role ?? before.role
          const enabled = input.enabled ?? before.enabled
          if (
            before.role === 'admin' &&
            before.enabled &&
            (role !== 'admin' || !enabled) &&
            (await countEnabledAdmins(db)) <= 1
          ) {
            throw new AppError('CONFLICT', '至少要保留一位启用的管理员')
          }
          if (input.id === caller.userId && !enabled) throw new AppError('CONFLICT', '不能停用自己正在使用的账号')
          const staffId = await staffOfUser(db, {
            staffId: input.staffId === undefined ? before.staffId : input.staffId,
            role,
            name: input.name ?? before.name,
            userId: before.id,
          })
          const { id: _id, ...changes } = input
          await updateUser(db, before.id, { ...changes, staffId }, now)
          if (!enabled) await deleteSessions(db, before.id, now)
          await recordAudit(db, caller, 'users', `修改用户「${before.login}」：${describeUpdate(input)}`, clock())
        }),
      )
      return findUser(input.id)
    },

    'users.resetPassword': async (input, caller) => {
      const hash = await hashPassword(input.password)
      const now = localNow(clock())
      await afterChange(() =>
        store.write(async (db) => {
          const user = mustFind(await findUserSecrets(db, input.id), '用户')
          await updateUser(db, user.id, { passwordHash: hash, failedLogins: 0, lockedUntil: null }, now)
          if (user.id !== caller.userId) await deleteSessions(db, user.id, now)
          await recordAudit(db, caller, 'users', `重设了用户「${user.login}」的密码`, clock())
        }),
      )
      return {}
    },
  }

  /** Accounts turned off and on again: the users are kept, and an enabled 管理员 signs in to turn them on. */
  async function reenable(login: string, password: string) {
    const user = await store.read((db) => findUserByLogin(db, login))
    const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstNothing(password)
    if (!user || !ok || user.role !== 'admin' || !user.enabled) {
      throw new AppError('FORBIDDEN', '已有用户：请填写一位启用的管理员的登录名和密码以重新开启多用户')
    }
    return startSession(user, false, async (db) => {
      await setSetting(db, accountsEnabledKey, 'true')
      await recordAudit(db, userCaller(user), 'accounts', '重新开启了多用户', clock())
    })
  }
}

function sessionUserOfCaller(caller: Caller): SessionUser {
  return {
    id: caller.userId as number,
    login: caller.login,
    name: caller.name,
    role: caller.role,
    staffId: caller.staffId,
    permissions: [...caller.permissions],
  }
}

function describeUpdate(input: {
  name?: string
  role?: string
  enabled?: boolean
  staffId?: number | null
  customerLimit?: number | null
}): string {
  const parts: string[] = []
  if (input.name !== undefined) parts.push(`姓名→${input.name}`)
  if (input.role !== undefined) parts.push(`角色→${roleLabels[input.role as keyof typeof roleLabels]}`)
  if (input.enabled !== undefined) parts.push(input.enabled ? '启用' : '停用')
  if (input.staffId !== undefined) parts.push('对应业务员')
  if (input.customerLimit !== undefined) parts.push(`客户上限→${input.customerLimit ?? '不限'}`)
  return parts.join('，') || '无变化'
}

function closedRecovery(): AppError {
  return new AppError('FORBIDDEN', '未找到重置文件：请在数据文件夹中放入 reset-admin-password.txt 后再试')
}

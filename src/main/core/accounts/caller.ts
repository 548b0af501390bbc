import { rolePermissions, seesAllCustomers, type Permission, type Role } from '../../../shared/accounts'

/**
 * Who is calling: every handler gets one. With accounts off (single-PC mode)
 * it is the PC's one user, who may do everything and sees every customer.
 */
export interface Caller {
  /** null: single-PC mode, or the core's own scheduled work. */
  userId: number | null
  login: string
  name: string
  role: Role
  /** The 业务员 item the user stands for: 负责业务员 of the customers they own. */
  staffId: number | null
  /** 主管, 管理员 and single-PC: every customer; a 业务员: their own and the 公海. */
  seesAll: boolean
  permissions: readonly Permission[]
  /** The hash of the session's token (accountCache.ts): what 注销 ends. */
  sessionKey: string | null
}

export const localCaller: Caller = {
  userId: null,
  login: '',
  name: '',
  role: 'admin',
  staffId: null,
  seesAll: true,
  permissions: rolePermissions.admin,
  sessionKey: null,
}

/** Before a login, with accounts on: only the public channels answer. */
export const anonymousCaller: Caller = { ...localCaller, role: 'sales', seesAll: false, permissions: ['public'] }

export function userCaller(
  user: { id: number; login: string; name: string; role: Role; staffId: number | null },
  sessionKey: string | null = null,
): Caller {
  return {
    userId: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    staffId: user.staffId,
    seesAll: seesAllCustomers(user.role),
    permissions: rolePermissions[user.role],
    sessionKey,
  }
}

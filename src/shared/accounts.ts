import { z } from 'zod'
import { requiredName, strictError } from './fieldSchemas'

/**
 * Staff accounts (docs/product-rules.md#accounts): who may do what. The core
 * enforces it on every call (src/main/core/dispatch.ts); the renderer reads the
 * same tables only to hide what the signed-in role cannot use.
 */
export const roles = ['admin', 'manager', 'sales'] as const
export type Role = (typeof roles)[number]
export const roleLabels: Record<Role, string> = { admin: '管理员', manager: '主管', sales: '业务员' }
export const roleSchema = z.enum(roles, { error: '角色须为 管理员、主管 或 业务员' })

/**
 * What a channel needs beyond its input. `public` channels answer before a login
 * (the login itself, what the login screen shows); `signedIn` ones any user, whose
 * data scope the handler applies; the rest are granted by role.
 */
export const permissions = [
  'public',
  'signedIn',
  'users',
  'settings',
  'dictionary',
  'backups',
  'purge',
  'handover',
  'import',
  'creditOverride',
] as const
export type Permission = (typeof permissions)[number]

/** How a refusal names what is missing: 「没有 X 的权限」. */
export const permissionLabels: Record<Permission, string> = {
  public: '公开',
  signedIn: '登录',
  users: '用户与权限管理',
  settings: '系统设置',
  dictionary: '系统字典维护',
  backups: '备份与恢复',
  purge: '彻底删除（清空回收站）',
  handover: '转交客户',
  import: '批量导入',
  creditOverride: '确认超出信用额度',
}

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  manager: ['public', 'signedIn', 'handover', 'import', 'creditOverride'],
  sales: ['public', 'signedIn'],
}

/** 主管 and 管理员 see every customer; a 业务员 their own and the 公海. */
export function seesAllCustomers(role: Role): boolean {
  return role !== 'sales'
}

export function roleHas(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission)
}

/** Failed passwords in a row that lock a login, and for how long. */
export const lockoutAttempts = 5
export const lockoutMinutes = 15
/** A session without 记住我 ends after this long unused; with it, after `rememberDays`. */
export const sessionIdleHours = 12
export const rememberDays = 30
export const minPasswordLength = 6

const loginName = z
  .string({ error: '登录名必须是文字' })
  .trim()
  .min(1, '请填写登录名')
  .max(32, '登录名最多 32 个字符')
  .regex(/^[^\s]+$/, '登录名不能含空格')
const personName = requiredName('姓名', 32)
const password = z
  .string({ error: '密码必须是文字' })
  .min(minPasswordLength, `密码至少 ${minPasswordLength} 位`)
  .max(128, '密码最多 128 位')
const customerLimit = z
  .number({ error: '客户上限必须是数字' })
  .int('客户上限须为整数')
  .min(1, '客户上限至少为 1')
  .max(1_000_000, '客户上限过大')
  .nullable()
const id = z.number({ error: '编号必须是数字' }).int().positive()

export const userSchema = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  role: roleSchema,
  enabled: z.boolean(),
  /** The 业务员 dictionary item this user stands for: 负责业务员 of their customers. */
  staffId: z.number().nullable(),
  staffName: z.string().nullable(),
  /** How many customers they may own at most (领取 stops there); null = no limit. */
  customerLimit: z.number().nullable(),
  ownedCustomers: z.number(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
})
export type User = z.infer<typeof userSchema>

/** The signed-in user as the renderer knows them. */
export const sessionUserSchema = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  role: roleSchema,
  staffId: z.number().nullable(),
  permissions: z.array(z.enum(permissions)),
})
export type SessionUser = z.infer<typeof sessionUserSchema>

export const authStatusOutput = z.object({
  /** 多用户 is on: every call but the public ones needs a session. */
  enabled: z.boolean(),
  /** The caller's user; null when accounts are off or the token is missing or expired. */
  user: sessionUserSchema.nullable(),
  /** The data folder holds the recovery file (docs/product-rules.md#accounts): a new 管理员 password may be set. */
  recoveryOpen: z.boolean(),
})
export type AuthStatus = z.infer<typeof authStatusOutput>

export const loginInput = z.strictObject(
  {
    login: loginName,
    password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128),
    remember: z.boolean(),
  },
  { error: strictError('登录') },
)
export const loginOutput = z.object({ token: z.string(), user: sessionUserSchema, expiresAt: z.string() })

export const enableAccountsInput = z.strictObject(
  { login: loginName, name: personName, password, staffId: id.nullable() },
  { error: strictError('开启多用户') },
)

export const userCreateInput = z.strictObject(
  { login: loginName, name: personName, role: roleSchema, password, staffId: id.nullable(), customerLimit },
  { error: strictError('新建用户') },
)
export const userUpdateInput = z.strictObject(
  {
    id,
    name: personName.optional(),
    role: roleSchema.optional(),
    enabled: z.boolean({ error: '启用须为是或否' }).optional(),
    staffId: id.nullable().optional(),
    customerLimit: customerLimit.optional(),
  },
  { error: strictError('修改用户') },
)
export const userResetPasswordInput = z.strictObject({ id, password }, { error: strictError('重设密码') })
export const changePasswordInput = z.strictObject(
  { oldPassword: z.string({ error: '请填写原密码' }).min(1, '请填写原密码').max(128), newPassword: password },
  { error: strictError('修改密码') },
)
export const recoverAdminInput = z.strictObject({ userId: id, password }, { error: strictError('重设管理员密码') })
export const recoveryAdminsOutput = z.array(z.object({ id: z.number(), login: z.string(), name: z.string() }))

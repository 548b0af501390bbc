import type { Role, User } from '../../../shared/accounts'
import type { SqlReader, SqlWriter } from '../db/sqlHandles'

/** The login as compared: 'Zhang ' and 'ｚｈａｎｇ' are one login. */
export function loginKey(login: string): string {
  return login.normalize('NFKC').trim().toLowerCase()
}

/** What the core keeps of a user for each call (accountCache.ts). */
export interface UserBrief {
  id: number
  login: string
  name: string
  role: Role
  enabled: boolean
  staffId: number | null
}

export interface UserSecrets extends UserBrief {
  passwordHash: string
  failedLogins: number
  lockedUntil: string | null
}

interface UserRaw {
  id: number
  login: string
  name: string
  role: Role
  enabled: number
  staff_id: number | null
  password_hash: string
  failed_logins: number
  locked_until: string | null
}

const secretColumns = `id, login, name, role, enabled, staff_id, password_hash, failed_logins, locked_until`

function secretsOfRaw(raw: UserRaw): UserSecrets {
  return {
    id: raw.id,
    login: raw.login,
    name: raw.name,
    role: raw.role,
    enabled: raw.enabled === 1,
    staffId: raw.staff_id,
    passwordHash: raw.password_hash,
    failedLogins: raw.failed_logins,
    lockedUntil: raw.locked_until,
  }
}

export async function userBriefs(db: SqlReader): Promise<UserBrief[]> {
  const rows = await db.all<UserRaw>(`SELECT ${secretColumns} FROM app_user ORDER BY id`)
  return rows.map((raw) => {
    const { passwordHash: _hash, failedLogins: _failed, lockedUntil: _locked, ...brief } = secretsOfRaw(raw)
    return brief
  })
}

export async function findUserByLogin(db: SqlReader, login: string): Promise<UserSecrets | null> {
  const raw = await db.first<UserRaw>(`SELECT ${secretColumns} FROM app_user WHERE login_key = ?`, [loginKey(login)])
  return raw ? secretsOfRaw(raw) : null
}

export async function findUserSecrets(db: SqlReader, id: number): Promise<UserSecrets | null> {
  const raw = await db.first<UserRaw>(`SELECT ${secretColumns} FROM app_user WHERE id = ?`, [id])
  return raw ? secretsOfRaw(raw) : null
}

/** The 用户与权限 table: each user with their 业务员 item and how many live customers they own. */
export async function listUsers(db: SqlReader): Promise<User[]> {
  const rows = await db.all<{
    id: number
    login: string
    name: string
    role: Role
    enabled: number
    staff_id: number | null
    staff_name: string | null
    customer_limit: number | null
    owned: number
    locked_until: string | null
    created_at: string
  }>(
    `SELECT u.id, u.login, u.name, u.role, u.enabled, u.staff_id, d.label AS staff_name, u.customer_limit,
            u.locked_until, u.created_at,
            CASE WHEN u.staff_id IS NULL THEN 0 ELSE
              (SELECT count(*) FROM customer c WHERE c.owner_staff_id = u.staff_id AND c.deleted_at IS NULL) END AS owned
       FROM app_user u LEFT JOIN dict_item d ON d.id = u.staff_id
      ORDER BY u.enabled DESC, u.id`,
  )
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    enabled: r.enabled === 1,
    staffId: r.staff_id,
    staffName: r.staff_name,
    customerLimit: r.customer_limit,
    ownedCustomers: r.owned,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
  }))
}

export interface NewUser {
  login: string
  name: string
  role: Role
  staffId: number | null
  customerLimit: number | null
  passwordHash: string
  now: string
}

export async function insertUser(db: SqlWriter, user: NewUser): Promise<number> {
  const { lastId } = await db.run(
    `INSERT INTO app_user (login, login_key, name, role, enabled, staff_id, customer_limit, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    [
      user.login.trim(),
      loginKey(user.login),
      user.name,
      user.role,
      user.staffId,
      user.customerLimit,
      user.passwordHash,
      user.now,
      user.now,
    ],
  )
  return lastId
}

export interface UserChanges {
  name?: string
  role?: Role
  enabled?: boolean
  staffId?: number | null
  customerLimit?: number | null
  passwordHash?: string
  failedLogins?: number
  lockedUntil?: string | null
}

const changeColumns: Record<keyof UserChanges, string> = {
  name: 'name',
  role: 'role',
  enabled: 'enabled',
  staffId: 'staff_id',
  customerLimit: 'customer_limit',
  passwordHash: 'password_hash',
  failedLogins: 'failed_logins',
  lockedUntil: 'locked_until',
}

export async function updateUser(db: SqlWriter, id: number, changes: UserChanges, now: string): Promise<void> {
  const keys = (Object.keys(changes) as (keyof UserChanges)[]).filter((k) => changes[k] !== undefined)
  const sets = keys.map((k) => `${changeColumns[k]} = ?`)
  const values = keys.map((k) => {
    const value = changes[k]
    return typeof value === 'boolean' ? (value ? 1 : 0) : value
  })
  await db.run(`UPDATE app_user SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`, [...values, now, id])
}

export async function countEnabledAdmins(db: SqlReader): Promise<number> {
  const row = await db.first<{ n: number }>(`SELECT count(*) AS n FROM app_user WHERE role = 'admin' AND enabled = 1`)
  return row?.n ?? 0
}

export async function userOfStaff(db: SqlReader, staffId: number): Promise<{ id: number; name: string } | null> {
  return (
    (await db.first<{ id: number; name: string }>(`SELECT id, name FROM app_user WHERE staff_id = ?`, [staffId])) ??
    null
  )
}

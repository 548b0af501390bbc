import { createHash, randomBytes } from 'node:crypto'
import dayjs from 'dayjs'
import { rememberDays, sessionIdleHours } from '../../../shared/accounts'
import { localNow } from '../common/localTime'
import type { Authenticate } from '../dispatch'
import { getSetting } from '../prefs/prefsQueries'
import type { Store } from '../store'
import { localCaller, userCaller } from './caller'
import { liveSessions, touchSession, type SessionRow } from './sessionQueries'
import { userBriefs, type UserBrief } from './userQueries'

export const accountsEnabledKey = 'accounts.enabled'
/** A session's last use is written at most this often: a call is a read, not a write. */
const touchEveryMinutes = 5

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Who may call, kept in memory: every call is authenticated here without waiting
 * for the database (an import's long write must not hold up its own progress
 * polls). The core is the only writer of users and sessions, so the accounts
 * handlers `load` again after each change; a restore or a reopened connection
 * changes the store's generation, and the next call loads again.
 */
export class AccountCache {
  private loadedGeneration = 0
  private loading: Promise<void> | null = null
  private enabled = false
  private users = new Map<number, UserBrief>()
  private sessions = new Map<string, SessionRow>()

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
  ) {}

  /** Reads users and live sessions again; call after every write to them. */
  async load(): Promise<void> {
    const generation = this.store.generation
    const now = localNow(this.clock())
    const { enabled, users, sessions } = await this.store.read(async (db) => ({
      enabled: (await getSetting(db, accountsEnabledKey)) === 'true',
      users: await userBriefs(db),
      sessions: await liveSessions(db, now),
    }))
    this.enabled = enabled
    this.users = new Map(users.map((u) => [u.id, u]))
    this.sessions = new Map(sessions.map((s) => [s.tokenHash, s]))
    this.loadedGeneration = generation
  }

  private async current(): Promise<void> {
    if (this.loadedGeneration === this.store.generation) return
    this.loading ??= this.load().finally(() => (this.loading = null))
    await this.loading
  }

  async isEnabled(): Promise<boolean> {
    await this.current()
    return this.enabled
  }

  /** A new session's row, with its expiry from now. */
  session(token: string, userId: number, remember: boolean): SessionRow {
    const now = this.clock()
    return {
      tokenHash: tokenHash(token),
      userId,
      remember,
      lastSeenAt: localNow(now),
      expiresAt: expiry(now, remember),
    }
  }

  /** The user behind a token, or null (none, unknown, expired, disabled user). */
  async userOf(token: string | null): Promise<UserBrief | null> {
    await this.current()
    if (!this.enabled || !token) return null
    const hash = tokenHash(token)
    const session = this.sessions.get(hash)
    if (!session) return null
    const now = this.clock()
    if (session.expiresAt <= localNow(now)) {
      this.sessions.delete(hash)
      return null
    }
    const user = this.users.get(session.userId)
    if (!user?.enabled) return null
    if (dayjs(now).diff(dayjs(session.lastSeenAt), 'minute') >= touchEveryMinutes) this.touch(session, now)
    return user
  }

  authenticate: Authenticate = async (token) => {
    if (!(await this.isEnabled())) return { enabled: false, caller: localCaller }
    const user = await this.userOf(token)
    return { enabled: true, caller: user && token ? userCaller(user, tokenHash(token)) : null }
  }

  /** Sliding expiry: written in the background; a failed write only shortens the session. */
  private touch(session: SessionRow, now: Date): void {
    session.lastSeenAt = localNow(now)
    session.expiresAt = expiry(now, session.remember)
    void this.store.write((db) => touchSession(db, session), { bookkeeping: true }).catch(() => undefined)
  }
}

function expiry(from: Date, remember: boolean): string {
  const end = remember ? dayjs(from).add(rememberDays, 'day') : dayjs(from).add(sessionIdleHours, 'hour')
  return localNow(end.toDate())
}

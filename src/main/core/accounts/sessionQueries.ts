import type { SqlReader, SqlWriter } from '../db/sqlHandles'

export interface SessionRow {
  tokenHash: string
  userId: number
  remember: boolean
  lastSeenAt: string
  expiresAt: string
}

interface SessionRaw {
  token_hash: string
  user_id: number
  remember: number
  last_seen_at: string
  expires_at: string
}

export async function liveSessions(db: SqlReader, now: string): Promise<SessionRow[]> {
  const rows = await db.all<SessionRaw>(
    `SELECT token_hash, user_id, remember, last_seen_at, expires_at FROM user_session WHERE expires_at > ?`,
    [now],
  )
  return rows.map((r) => ({
    tokenHash: r.token_hash,
    userId: r.user_id,
    remember: r.remember === 1,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  }))
}

export async function insertSession(db: SqlWriter, session: SessionRow, now: string): Promise<void> {
  await db.run(
    `INSERT INTO user_session (token_hash, user_id, remember, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [session.tokenHash, session.userId, session.remember ? 1 : 0, now, session.lastSeenAt, session.expiresAt],
  )
}

export async function touchSession(db: SqlWriter, session: SessionRow): Promise<void> {
  await db.run(`UPDATE user_session SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?`, [
    session.lastSeenAt,
    session.expiresAt,
    session.tokenHash,
  ])
}

export async function deleteSession(db: SqlWriter, tokenHash: string): Promise<void> {
  await db.run(`DELETE FROM user_session WHERE token_hash = ?`, [tokenHash])
}

/** Ends every session of one user (password reset, disabled), or of everyone (accounts turned off). */
export async function deleteSessions(db: SqlWriter, userId: number | null, now: string): Promise<void> {
  if (userId === null) await db.run(`DELETE FROM user_session`)
  else await db.run(`DELETE FROM user_session WHERE user_id = ?`, [userId])
  await db.run(`DELETE FROM user_session WHERE expires_at <= ?`, [now])
}

import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * Staff accounts (docs/product-rules.md#accounts). Nothing existing changes:
 * 负责业务员 (customer.owner_staff_id, a 业务员 dictionary item) stays the one
 * record of who owns a customer; a user stands for one 业务员 item (app_user.staff_id),
 * so every existing 负责业务员 maps onto the user created for it. Until an office
 * turns accounts on there are no users and the new columns stay empty.
 */
export class StaffAccounts1795400000013 implements MigrationInterface {
  name = 'StaffAccounts1795400000013'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE app_user (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      login TEXT NOT NULL,
      -- the login as compared: trimmed, NFKC, lower case
      login_key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'sales')),
      enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
      staff_id INTEGER UNIQUE REFERENCES dict_item (id) ON DELETE RESTRICT,
      customer_limit INTEGER CHECK (customer_limit IS NULL OR customer_limit > 0),
      -- scrypt$N$r$p$salt$hash (base64); never leaves the core
      password_hash TEXT NOT NULL,
      failed_logins INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`)
    await runner.query(`CREATE TABLE user_session (
      -- sha256 of the token: a copied database file holds no usable session
      token_hash TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
      remember INTEGER NOT NULL CHECK (remember IN (0, 1)),
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    ) WITHOUT ROWID`)
    await runner.query(`CREATE INDEX user_session_user ON user_session (user_id)`)

    // Who did what. NULL = before accounts, or single-PC mode.
    await runner.query(`ALTER TABLE customer ADD COLUMN updated_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL`)
    await runner.query(
      `ALTER TABLE customer_change ADD COLUMN user_id INTEGER REFERENCES app_user (id) ON DELETE SET NULL`,
    )
    await runner.query(
      `ALTER TABLE interaction ADD COLUMN created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL`,
    )
    await runner.query(`ALTER TABLE sale ADD COLUMN created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL`)
    // Imports, merges, restores, handovers and account changes: one row each.
    await runner.query(`CREATE TABLE audit_event (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      user_id INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
      user_name TEXT,
      action TEXT NOT NULL,
      detail TEXT NOT NULL
    )`)
    await runner.query(`CREATE INDEX audit_event_at ON audit_event (at)`)

    // A 业务员's scope is (owner_staff_id = theirs OR owner_staff_id IS NULL): both halves by index,
    // and the sheet's default order (pinyin) within them.
    await runner.query(`CREATE INDEX customer_owner_pinyin ON customer (owner_staff_id, deleted_at, pinyin, id)`)

    await runner.query(`PRAGMA user_version = 13`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX customer_owner_pinyin`)
    await runner.query(`DROP TABLE audit_event`)
    await runner.query(`ALTER TABLE sale DROP COLUMN created_by`)
    await runner.query(`ALTER TABLE interaction DROP COLUMN created_by`)
    await runner.query(`ALTER TABLE customer_change DROP COLUMN user_id`)
    await runner.query(`ALTER TABLE customer DROP COLUMN updated_by`)
    await runner.query(`DROP TABLE user_session`)
    await runner.query(`DROP TABLE app_user`)
    await runner.query(`PRAGMA user_version = 12`)
  }
}

import type { SqlReader, SqlWriter } from '../db/sqlHandles'

/** Rows of app_setting: one text value per key. */

export async function getSetting(db: SqlReader, key: string): Promise<string | null> {
  const row = await db.first<{ value: string }>(`SELECT value FROM app_setting WHERE key = ?`, [key])
  return row ? row.value : null
}

export async function setSetting(db: SqlWriter, key: string, value: string): Promise<void> {
  await db.run(
    `INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [key, value],
  )
}

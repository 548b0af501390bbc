import type { EntityManager } from 'typeorm'

/** Rows of app_setting: one text value per key. */

export async function getSetting(manager: EntityManager, key: string): Promise<string | null> {
  const [row] = await manager.query(`SELECT value FROM app_setting WHERE key = ?`, [key])
  return row ? String(row.value) : null
}

export async function setSetting(manager: EntityManager, key: string, value: string): Promise<void> {
  await manager.query(
    `INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [key, value],
  )
}

import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../../../src/main/core/openCore'
import { tempDir } from '../../../helpers/tempDir'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

describe('the store’s handles', () => {
  it('a read handle gives typed rows and refuses a statement that writes', async () => {
    core = await openCore(tempDir('handles'))
    const store = core.store
    await store.write((db) => db.run(`INSERT INTO app_setting (key, value) VALUES (?, ?)`, ['probe', '42']))
    const row = await store.read((db) =>
      db.first<{ value: string }>(`SELECT value FROM app_setting WHERE key = ?`, ['probe']),
    )
    expect(row?.value).toBe('42')
    expect(await store.read((db) => db.first(`SELECT 1 FROM app_setting WHERE key = 'none'`))).toBeUndefined()
    for (const sql of [
      `DELETE FROM app_setting`,
      `UPDATE app_setting SET value = '0'`,
      `INSERT INTO app_setting (key, value) VALUES ('x', 'y')`,
      `WITH k AS (SELECT 'probe' AS key) DELETE FROM app_setting WHERE key IN (SELECT key FROM k)`,
      `PRAGMA user_version = 99`,
    ]) {
      await expect(store.read((db) => db.all(sql))).rejects.toThrow('A read path tried to write')
    }
    const [{ n }] = await store.read((db) =>
      db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM app_setting WHERE key = 'probe'`),
    )
    expect(n).toBe(1)
  })

  it('a write handle reports the inserted rowid and the rows changed', async () => {
    core = await openCore(tempDir('handles'))
    const inserted = await core.store.write((db) =>
      db.run(`INSERT INTO app_setting (key, value) VALUES (?, ?), (?, ?)`, ['a', '1', 'b', '2']),
    )
    expect(inserted.lastId).toBeGreaterThan(0)
    const updated = await core.store.write((db) => db.run(`UPDATE app_setting SET value = 'x' WHERE key IN ('a', 'b')`))
    expect(updated.changes).toBe(2)
  })
})

describe('a write handle, whatever the statement begins with', () => {
  it('returns the rows of INSERT … RETURNING and counts the changes of a statement that starts with WITH', async () => {
    core = await openCore(tempDir('handles'))
    const rows = await core.store.write((db) =>
      db.all<{ key: string }>(`INSERT INTO app_setting (key, value) VALUES ('r1', '1'), ('r2', '2') RETURNING key`),
    )
    expect(rows.map((r) => r.key).sort()).toEqual(['r1', 'r2'])
    const changed = await core.store.write((db) =>
      db.run(`
        WITH k AS (SELECT 'r1' AS key UNION ALL SELECT 'r2') UPDATE app_setting SET value = 'x' WHERE key IN (SELECT key FROM k)`),
    )
    expect(changed.changes).toBe(2)
  })
})

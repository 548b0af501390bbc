import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { latestSchemaVersion, migrations } from '../../../src/main/core/db/migrations'
import { openStore } from '../../../src/main/core/db/openStore'
import type { Store } from '../../../src/main/core/store'
import { tempDir } from '../../helpers/tempDir'

const opened: Store[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

async function open(path: string) {
  const result = await openStore(path)
  opened.push(result.store)
  return result
}

function rawExec(path: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return reject(openError)
      db.exec(sql, (error) => db.close(() => (error ? reject(error) : resolve())))
    })
  })
}

describe('openStore', () => {
  it('creates the schema from an empty folder with WAL, foreign keys and the seeded dictionary', async () => {
    const path = join(tempDir('store'), 'kqgj.sqlite')
    const { store, applied } = await open(path)
    expect(applied).toEqual(migrations.map((migration) => migration.name))
    const [{ journal_mode }] = await store.manager.query('PRAGMA journal_mode')
    const [{ foreign_keys }] = await store.manager.query('PRAGMA foreign_keys')
    const [{ timeout }] = await store.manager.query('PRAGMA busy_timeout')
    const [{ user_version }] = await store.manager.query('PRAGMA user_version')
    expect(journal_mode).toBe('wal')
    expect(foreign_keys).toBe(1)
    expect(timeout).toBeGreaterThan(0)
    expect(user_version).toBe(latestSchemaVersion)
    const [{ n }] = await store.manager.query(`SELECT COUNT(*) AS n FROM dict_item WHERE category = 'region'`)
    expect(n).toBe(7)
    const [{ mapped }] = await store.manager.query(
      `SELECT COUNT(*) AS mapped FROM province_region WHERE region_id IS NOT NULL`,
    )
    expect(mapped).toBe(34)
  })

  it('a second open applies nothing and keeps the rows', async () => {
    const path = join(tempDir('store'), 'kqgj.sqlite')
    const first = await open(path)
    await first.store.manager.query(
      `INSERT INTO dict_item (category, label, sort_order, enabled) VALUES ('staff', '张三', 1, 1)`,
    )
    await first.store.close()
    const second = await open(path)
    expect(second.applied).toEqual([])
    const [{ n }] = await second.store.manager.query(`SELECT COUNT(*) AS n FROM dict_item WHERE category = 'staff'`)
    expect(n).toBe(1)
  })

  it('refuses a file that is not a database and leaves it untouched', async () => {
    const path = join(tempDir('store'), 'kqgj.sqlite')
    writeFileSync(path, 'PK\u0003\u0004 这是一个改了扩展名的 Excel 文件'.repeat(200))
    const before = readFileSync(path)
    await expect(openStore(path)).rejects.toMatchObject({ code: 'DB_OPEN', message: expect.stringContaining(path) })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a database written by a newer schema version and leaves it untouched', async () => {
    const dir = tempDir('store')
    const path = join(dir, 'kqgj.sqlite')
    const { store } = await open(path)
    await store.close()
    await rawExec(path, `PRAGMA user_version = ${latestSchemaVersion + 1}`)
    const before = readFileSync(path)
    await expect(openStore(path)).rejects.toMatchObject({
      code: 'DB_OPEN',
      message: expect.stringContaining('更新版本'),
    })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a corrupt database (a middle page zeroed) and leaves it untouched', async () => {
    const dir = tempDir('store')
    const path = join(dir, 'kqgj.sqlite')
    const { store } = await open(path)
    // Enough rows to span several pages, then checkpoint so everything is in the main file.
    await store.manager.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
       INSERT INTO app_setting (key, value) SELECT 'k' || i, printf('%0200d', i) FROM n`,
    )
    await store.manager.query('PRAGMA wal_checkpoint(TRUNCATE)')
    await store.close()
    const bytes = readFileSync(path)
    const pageSize = bytes.readUInt16BE(16)
    bytes.fill(0, pageSize * 3, pageSize * 6)
    writeFileSync(path, bytes)
    const corruptCopy = join(dir, 'copy.sqlite')
    copyFileSync(path, corruptCopy)
    await expect(openStore(path)).rejects.toMatchObject({ code: 'DB_OPEN', message: expect.stringContaining('损坏') })
    expect(readFileSync(path).equals(readFileSync(corruptCopy))).toBe(true)
  })
})

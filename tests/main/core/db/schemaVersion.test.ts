import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { describe, expect, it } from 'vitest'
import { latestSchemaVersion, migrations } from '../../../../src/main/core/db/migrations'
import { tempDir } from '../../../helpers/tempDir'

/**
 * The schema version lives in PRAGMA user_version (read by start-up, backups and
 * restores without TypeORM) and in TypeORM's migrations table (read by its runner).
 * The list in migrations/index.ts is the one source of both: migration n of the
 * list must set user_version = n, and after it the table must hold the first n
 * names. Upgrading one step at a time, as released versions do, they never part.
 */
describe('schema version', () => {
  const names = migrations.map((Migration) => new Migration().name ?? Migration.name)

  it('is the number of migrations, each named after its class with a later timestamp than the one before', () => {
    expect(latestSchemaVersion).toBe(migrations.length)
    migrations.forEach((Migration, index) => expect(names[index]).toBe(Migration.name))
    const stamps = names.map((name) => Number(/(\d{13})$/.exec(name ?? '')?.[1]))
    stamps.forEach((stamp, index) => {
      expect(stamp, names[index]).toBeGreaterThan(index === 0 ? 0 : (stamps[index - 1] ?? Infinity))
    })
  })

  it('user_version and the migrations table agree with the list after every single migration', async () => {
    const path = join(tempDir('schema-version'), 'kqgj.sqlite')
    for (let version = 1; version <= migrations.length; version++) {
      const db = new DataSource({ type: 'sqlite', database: path, migrations: migrations.slice(0, version) })
      await db.initialize()
      try {
        const applied = await db.runMigrations({ transaction: 'all' })
        expect(applied.map((m) => m.name)).toEqual([names[version - 1]])
        expect(await db.query('PRAGMA user_version')).toEqual([{ user_version: version }])
        const rows: { name: string }[] = await db.query('SELECT name FROM migrations ORDER BY id')
        expect(rows.map((r) => r.name)).toEqual(names.slice(0, version))
      } finally {
        await db.destroy()
      }
    }
  })
})

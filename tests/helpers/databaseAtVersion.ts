import { join } from 'node:path'
import { DataSource } from 'typeorm'
import { migrations } from '../../src/main/core/db/migrations'
import { tempDir } from './tempDir'

/**
 * A new database file brought up to schema `version` by the app's own first
 * migrations, as a released app of that version left it: the starting point of
 * each migration test. The caller fills it with rows and destroys it.
 */
export async function databaseAtVersion(version: number): Promise<{ path: string; db: DataSource }> {
  const path = join(tempDir(`schema-v${version}`), 'kqgj.sqlite')
  const db = new DataSource({ type: 'sqlite', database: path, migrations: migrations.slice(0, version) })
  await db.initialize()
  await db.runMigrations({ transaction: 'all' })
  return { path, db }
}

import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import sqlite3 from 'sqlite3'
import { DataSource, type MigrationInterface } from 'typeorm'
import { takeBackup } from '../backup/takeBackup'
import { Store } from '../store'
import { entities } from './entities'
import { migrations as appMigrations } from './migrations'
import { preflight, type PreflightResult } from './preflight'

/**
 * sqlite3 as TypeORM's driver without its `verbose()` mode, which TypeORM turns
 * on otherwise: it wraps every call to `util.inspect` the SQL and all parameters
 * for a longer stack trace — for a 1,000-row INSERT, 17,000 values per call.
 */
const quietSqlite3 = { ...sqlite3, verbose: () => sqlite3 }

export interface OpenedStore {
  store: Store
  /** Names of the migrations this open applied; empty when the file was current. */
  applied: string[]
}

export interface OpenStoreOptions {
  /** Tests replace the list, e.g. with one that fails half-way. */
  migrations?: (new () => MigrationInterface)[]
  now?: Date
  /** What start-up's own look at the file found, so a large file is not checked twice. */
  checked?: PreflightResult
}

/**
 * Opens (or creates) the database file: refuses foreign, corrupt or newer files
 * untouched, then brings the schema up to date with migrations in one transaction.
 * Before migrating an existing file it takes an online backup into the data
 * folder's backups/, so even a migration that commits wrongly can be undone.
 */
export async function openStore(databasePath: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const migrations = options.migrations ?? appMigrations
  const found = options.checked ?? (await preflight(databasePath, migrations.length))
  mkdirSync(dirname(databasePath), { recursive: true })
  if (found.state === 'ok' && found.schemaVersion > 0 && found.schemaVersion < migrations.length) {
    const backups = join(dirname(databasePath), 'backups')
    await takeBackup(databasePath, backups, 'premigration', options.now ?? new Date())
  }
  const dataSource = new DataSource({
    type: 'sqlite',
    driver: quietSqlite3,
    database: databasePath,
    entities,
    migrations,
    migrationsTransactionMode: 'all',
    synchronize: false,
    enableWAL: true,
    busyTimeout: 5000,
    logging: false,
  })
  await dataSource.initialize()
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' })
    return { store: new Store(dataSource, databasePath), applied: applied.map((m) => m.name) }
  } catch (error) {
    await dataSource.destroy()
    throw error
  }
}

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DataSource } from 'typeorm'
import { Store } from '../store'
import { entities } from './entities'
import { latestSchemaVersion, migrations } from './migrations'
import { preflight } from './preflight'

export interface OpenedStore {
  store: Store
  /** Names of the migrations this open applied; empty when the file was current. */
  applied: string[]
}

/**
 * Opens (or creates) the database file: refuses foreign, corrupt or newer files
 * untouched, then brings the schema up to date with migrations in one transaction.
 */
export async function openStore(databasePath: string): Promise<OpenedStore> {
  await preflight(databasePath, latestSchemaVersion)
  mkdirSync(dirname(databasePath), { recursive: true })
  const dataSource = new DataSource({
    type: 'sqlite',
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

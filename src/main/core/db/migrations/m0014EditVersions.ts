import type { MigrationInterface, QueryRunner } from 'typeorm'

/** The rows a user edits in a form: each counts its changes so that a stale save can be refused. */
const versionedTables = ['customer', 'contact', 'interaction', 'sale', 'project', 'competitor', 'feedback']
/** The records among them, which also learn who changed them last (a customer has updated_by since m0013). */
const recordTables = ['interaction', 'sale', 'project', 'competitor', 'feedback']

/**
 * Concurrent edits (docs/product-rules.md#concurrent-edits): two users opening the
 * same customer or record both save; the later save names the version it loaded and
 * is refused when the row has moved on since, with who changed it and when. Existing
 * rows start at version 0 (nobody holds an older one); nothing else changes.
 * ADD COLUMN with a constant default rewrites no row, so this is quick on any size.
 */
export class EditVersions1795400000014 implements MigrationInterface {
  name = 'EditVersions1795400000014'

  async up(runner: QueryRunner): Promise<void> {
    for (const table of versionedTables) {
      await runner.query(`ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 0`)
    }
    for (const table of recordTables) {
      await runner.query(
        `ALTER TABLE ${table} ADD COLUMN updated_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL`,
      )
    }
    await runner.query(`PRAGMA user_version = 14`)
  }

  /** Never run (see db/README.md): the way back is the pre-migration backup. */
  async down(runner: QueryRunner): Promise<void> {
    for (const table of recordTables) await runner.query(`ALTER TABLE ${table} DROP COLUMN updated_by`)
    for (const table of versionedTables) await runner.query(`ALTER TABLE ${table} DROP COLUMN version`)
    await runner.query(`PRAGMA user_version = 13`)
  }
}

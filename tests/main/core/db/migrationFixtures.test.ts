import { copyFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { MigrationInterface, QueryRunner } from 'typeorm'
import { afterEach, describe, expect, it } from 'vitest'
import { latestSchemaVersion, migrations } from '../../../../src/main/core/db/migrations'
import { openStore } from '../../../../src/main/core/db/openStore'
import type { Store } from '../../../../src/main/core/store'
import { releasedVersions } from '../../../../scripts/makeDbFixtures'
import { databaseDigest, databaseSums, type TableDigest } from '../../../helpers/databaseDigest'
import { tempDir } from '../../../helpers/tempDir'

const fixtureDir = resolve(__dirname, '../../../fixtures/db')
const opened: Store[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

/** A working copy of the fixture of `version`, in its own data folder. */
function copyOf(version: number): string {
  const path = join(tempDir(`fixture-v${version}`), 'kqgj.sqlite')
  copyFileSync(join(fixtureDir, `kqgj-v${version}.sqlite`), path)
  return path
}

/** Money and quantity sums, each only where its table exists at that version. */
function sumsFor(version: number): Record<string, string> {
  const sums: Record<string, string> = {
    enabledDictItems: `SELECT SUM(enabled) FROM dict_item`,
    settings: `SELECT COUNT(*) FROM app_setting`,
  }
  if (version >= 2) {
    Object.assign(sums, {
      creditLimit: `SELECT ROUND(SUM(credit_limit), 2) FROM customer`,
      employees: `SELECT SUM(employee_count) FROM customer`,
      deleted: `SELECT COUNT(*) FROM customer WHERE deleted_at IS NOT NULL`,
      keyContacts: `SELECT SUM(is_key) FROM contact`,
    })
  }
  if (version >= 3) {
    Object.assign(sums, {
      saleAmount: `SELECT ROUND(SUM(amount), 2) FROM sale`,
      saleQuantity: `SELECT SUM(quantity) FROM sale`,
      storedAmount: `SELECT ROUND(SUM(transaction_amount), 2) FROM customer`,
      interactionsWithResult: `SELECT COUNT(result) FROM interaction`,
    })
  }
  if (version >= 4) {
    Object.assign(sums, {
      chosenLevels: `SELECT COUNT(chosen_level) FROM relationship_assessment`,
    })
  }
  if (version >= 5) {
    Object.assign(sums, {
      projectBudget: `SELECT ROUND(SUM(budget), 2) FROM project`,
      projectHeat: `SELECT SUM(heat) FROM project`,
      contractors: `SELECT COUNT(contractor_customer_id) FROM project`,
      deletedProjects: `SELECT COUNT(*) FROM project WHERE deleted_at IS NOT NULL`,
      ourShare: `SELECT ROUND(SUM(our_share), 2) FROM competitor`,
      suppliers: `SELECT COUNT(*) FROM competitor WHERE kind = '供应商'`,
      feedbackSatisfaction: `SELECT SUM(satisfaction) FROM feedback`,
      feedbackResolved: `SELECT COUNT(resolved_at) FROM feedback`,
    })
  }
  if (version >= 6) {
    // Per status, so a migration that reopened or closed reminders would show.
    for (const status of ['pending', 'done', 'snoozed', 'ignored']) {
      sums[`reminders.${status}`] = `SELECT COUNT(*) FROM reminder WHERE status = '${status}'`
    }
    Object.assign(sums, {
      festivals: `SELECT COUNT(*) FROM reminder WHERE customer_id IS NULL`,
      remindersWithContact: `SELECT COUNT(contact_id) FROM reminder`,
      remindersWithInteraction: `SELECT COUNT(interaction_id) FROM reminder`,
      dirtyCustomers: `SELECT COUNT(*) FROM reminder_dirty`,
    })
  }
  if (version >= 7) {
    Object.assign(sums, {
      responseNotes: `SELECT COUNT(*) FROM customer_response_note`,
    })
  }
  return sums
}

const counts = (digest: Record<string, TableDigest>) =>
  Object.fromEntries(Object.entries(digest).map(([table, d]) => [table, d.count]))

describe('migration fixtures', () => {
  it('has a fixture for every released schema version', () => {
    const files = readdirSync(fixtureDir).filter((n) => n.endsWith('.sqlite'))
    expect(files.sort()).toEqual(releasedVersions.map((v) => `kqgj-v${v}.sqlite`).sort())
    expect(Math.max(...releasedVersions)).toBeLessThanOrEqual(latestSchemaVersion)
  })

  for (const version of releasedVersions) {
    it(`v${version} → v${latestSchemaVersion}: every row kept (counts and sums), no dangling keys, a backup taken first`, async () => {
      const path = copyOf(version)
      const before = await databaseDigest(path)
      const sumsBefore = await databaseSums(path, sumsFor(version))
      expect(before.dict_item?.count).toBeGreaterThan(0)

      const { store, applied } = await openStore(path, { now: new Date(2026, 10, 23, 14, 15) })
      opened.push(store)
      expect(applied).toEqual(migrations.slice(version).map((m) => m.name))
      const m = store.manager
      expect(await m.query('PRAGMA user_version')).toEqual([{ user_version: latestSchemaVersion }])
      expect(await m.query('PRAGMA foreign_key_check')).toEqual([])
      expect(await m.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
      await m.query('PRAGMA wal_checkpoint(TRUNCATE)')

      const after = await databaseDigest(path)
      for (const [table, count] of Object.entries(counts(before))) {
        if (table === 'migrations' || table === 'sqlite_sequence') continue
        expect(after[table]?.count, table).toBe(count)
      }
      expect(await databaseSums(path, sumsFor(version))).toEqual(sumsBefore)
      // m0010 filled the contacts' pinyin (every fixture contact has a Chinese name).
      const contactPinyin = `SELECT COUNT(*) FROM contact WHERE pinyin <> '' AND pinyin_initials <> ''`
      expect(await databaseSums(path, { contactPinyin })).toEqual({ contactPinyin: before.contact?.count ?? 0 })
      // m0008's trigger-kept count starts from the reminders already there (v6, v7) or was kept
      // by its triggers while the fixture was filled (v8): either way it matches a fresh count.
      const pending = await databaseSums(path, {
        kept: `SELECT n FROM reminder_pending_count WHERE id = 1`,
        counted: `SELECT COUNT(*) FROM reminder WHERE status = 'pending'`,
      })
      expect(pending.kept).toBe(pending.counted)
      if (version >= 6) expect(pending.kept).toBeGreaterThan(0)

      // The pre-migration backup holds the fixture's rows exactly.
      const backups = join(path, '..', 'backups')
      const [backup] = readdirSync(backups).filter((n) => n.endsWith('-premigration.sqlite'))
      expect(backup).toBe('kqgj-20261123-141500-premigration.sqlite')
      expect(await databaseDigest(join(backups, backup ?? ''))).toEqual(before)
    })
  }

  it('a migration that fails half-way leaves the old database as it was', async () => {
    class FailsHalfWay implements MigrationInterface {
      name = 'FailsHalfWay1795400009999'
      async up(runner: QueryRunner): Promise<void> {
        await runner.query(`CREATE TABLE half_done (id INTEGER PRIMARY KEY)`)
        await runner.query(`UPDATE customer SET name = '被改坏的名称', credit_limit = 0`)
        await runner.query(`DELETE FROM contact`)
        await runner.query(`PRAGMA user_version = 99`)
        throw new Error('磁盘在迁移中途出错')
      }
      async down(): Promise<void> {}
    }
    const path = copyOf(2)
    const before = await databaseDigest(path)
    const schemaBefore = await databaseSums(path, { version: 'PRAGMA user_version' })
    // Migration 3 succeeds first: it must be rolled back with the failing one, not kept.
    await expect(openStore(path, { migrations: [...migrations.slice(0, 3), FailsHalfWay] })).rejects.toThrow(
      '磁盘在迁移中途出错',
    )
    expect(await databaseDigest(path)).toEqual(before)
    expect(await databaseSums(path, { version: 'PRAGMA user_version' })).toEqual(schemaBefore)

    // And the app still opens it afterwards, migrating it properly.
    const { store } = await openStore(path)
    opened.push(store)
    const [{ n }] = await store.manager.query(`SELECT COUNT(*) AS n FROM contact`)
    expect(n).toBe(before.contact?.count)
  })
})

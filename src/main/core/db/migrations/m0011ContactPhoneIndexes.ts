import type { MigrationInterface, QueryRunner } from 'typeorm'

const phoneColumns = ['mobile_norm', 'office_phone_norm'] as const

/**
 * The import's duplicate check asks, per phone of the file, for the oldest
 * customer whose contact has it. With the contacts' phone indexes on the phone
 * alone, that read every contact holding the number (each earlier copy of a
 * re-imported file, every colleague sharing an office line), fetched their
 * customers and sorted them: the check grew with each import of the same file.
 * Ordered by customer within a phone, the index hands over the oldest first and
 * the check stops there (LIMIT 1), reading neither the contact rows nor the rest.
 */
export class ContactPhoneIndexes1795400000011 implements MigrationInterface {
  name = 'ContactPhoneIndexes1795400000011'

  async up(runner: QueryRunner): Promise<void> {
    for (const column of phoneColumns) {
      await runner.query(`DROP INDEX contact_${column}`)
      await runner.query(`CREATE INDEX contact_${column} ON contact (${column}, customer_id)`)
    }
    await runner.query(`PRAGMA user_version = 11`)
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const column of phoneColumns) {
      await runner.query(`DROP INDEX contact_${column}`)
      await runner.query(`CREATE INDEX contact_${column} ON contact (${column})`)
    }
    await runner.query(`PRAGMA user_version = 10`)
  }
}

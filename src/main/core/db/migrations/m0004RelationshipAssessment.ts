import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * 客情关系等级评估 (docs/product-rules.md#relationship-level): the dated history of checklist assessments of a
 * customer. `ticked` holds the JSON array of the ticked criterion ids of
 * src/shared/grading/relationshipChecklists.ts; the customer's
 * relationship_level is set from the latest one by relationship/relationshipHandlers.ts.
 */
export class RelationshipAssessment1795400000004 implements MigrationInterface {
  name = 'RelationshipAssessment1795400000004'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE relationship_assessment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      assessed_at TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('owner', 'installer', 'other')),
      ticked TEXT NOT NULL DEFAULT '[]',
      suggested_level TEXT CHECK (suggested_level IS NULL OR suggested_level IN ('I', 'II', 'III', 'IV')),
      chosen_level TEXT CHECK (chosen_level IS NULL OR chosen_level IN ('I', 'II', 'III', 'IV')),
      note TEXT,
      created_by TEXT
    )`)
    await runner.query(
      `CREATE INDEX relationship_assessment_customer_assessed ON relationship_assessment (customer_id, assessed_at)`,
    )
    await runner.query(`PRAGMA user_version = 4`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE relationship_assessment`)
    await runner.query(`PRAGMA user_version = 3`)
  }
}

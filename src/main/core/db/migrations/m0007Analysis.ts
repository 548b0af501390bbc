import type { MigrationInterface, QueryRunner } from 'typeorm'

/** 统计分析 (docs/product-rules.md#analyses): the 应对措施 note per customer, and the indexes the period aggregates read. */
export class Analysis1795400000007 implements MigrationInterface {
  name = 'Analysis1795400000007'

  async up(runner: QueryRunner): Promise<void> {
    // 极端情况's 应对措施: one editable note per customer, gone with the customer when it is purged.
    await runner.query(`CREATE TABLE customer_response_note (
      customer_id INTEGER PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
      note TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`)
    // Every period aggregate (sums per customer, RFM, 二八, 保持与流失, 销售业绩) reads sales by date
    // range; covering the columns they sum keeps them on the index instead of the wide rows.
    await runner.query(`CREATE INDEX sale_date_cover ON sale (date, customer_id, amount, quantity, product_id)`)
    // 客户接触评价 counts a period's interactions per 业务员 and customer.
    await runner.query(`CREATE INDEX interaction_occurred_cover ON interaction (occurred_at, staff_id, customer_id)`)
    await runner.query(`PRAGMA user_version = 7`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX interaction_occurred_cover`)
    await runner.query(`DROP INDEX sale_date_cover`)
    await runner.query(`DROP TABLE customer_response_note`)
    await runner.query(`PRAGMA user_version = 6`)
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * 交往记录 and 交易记录 (docs/product-rules.md#interactions and #sales). Both belong to a customer and go with it
 * when it is deleted for good; the customer's statistics (交易次数, 交易金额, 首次/最近交易,
 * 最近联系) are recomputed from these rows by activity/customerStats.ts.
 */
export class Activity1795400000003 implements MigrationInterface {
  name = 'Activity1795400000003'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE interaction (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
      occurred_at TEXT NOT NULL,
      type_id INTEGER NOT NULL REFERENCES dict_item (id) ON DELETE RESTRICT,
      subject TEXT,
      content TEXT,
      result TEXT,
      next_follow_up TEXT,
      staff_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`)
    await runner.query(`CREATE INDEX interaction_customer_occurred ON interaction (customer_id, occurred_at)`)
    await runner.query(`CREATE INDEX interaction_next_follow_up ON interaction (next_follow_up)`)
    await runner.query(`CREATE INDEX interaction_staff_occurred ON interaction (staff_id, occurred_at)`)
    // The usage count of a 交往方式 item, and the filter by it.
    await runner.query(`CREATE INDEX interaction_type ON interaction (type_id)`)
    await runner.query(`CREATE INDEX interaction_contact ON interaction (contact_id)`)

    await runner.query(`CREATE TABLE sale (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      date TEXT NOT NULL,
      product_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      quantity REAL CHECK (quantity IS NULL OR quantity >= 0),
      unit_price REAL CHECK (unit_price IS NULL OR unit_price >= 0),
      amount REAL NOT NULL CHECK (amount >= 0),
      remarks TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`)
    await runner.query(`CREATE INDEX sale_customer_date ON sale (customer_id, date)`)
    await runner.query(`CREATE INDEX sale_date ON sale (date)`)
    await runner.query(`CREATE INDEX sale_product_date ON sale (product_id, date)`)

    await runner.query(`PRAGMA user_version = 3`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE sale`)
    await runner.query(`DROP TABLE interaction`)
    await runner.query(`PRAGMA user_version = 2`)
  }
}

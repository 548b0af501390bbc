import type { MigrationInterface, QueryRunner } from 'typeorm'

/**
 * 项目, 竞争对手/供应商, 客户意见 (docs/product-rules.md#projects, #competitors-and-feedback). Each belongs to customers and goes
 * with them when they are deleted for good. A project's 成交热度 (heat, heat_reason) is
 * stored so lists can sort and filter by it; projects/projectHeat.ts recomputes it from
 * the tender facts and both customers' 客情 levels whenever either changes.
 */
export class Projects1795400000005 implements MigrationInterface {
  name = 'Projects1795400000005'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE project (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      owner_customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      contractor_customer_id INTEGER REFERENCES customer (id) ON DELETE SET NULL,
      stage TEXT NOT NULL CHECK (stage IN ('信息收集', '编写标书', '投标', '中标', '签约', '失败')),
      budget REAL CHECK (budget IS NULL OR budget >= 0),
      expected_date TEXT,
      started_at TEXT,
      decision_makers TEXT,
      competitor_brands TEXT,
      -- JSON array of the ticked tender-fact keys of shared/grading/dealHeat.ts.
      tender_facts TEXT NOT NULL DEFAULT '[]',
      heat INTEGER NOT NULL DEFAULT 10 CHECK (heat IN (10, 30, 50, 70, 90)),
      heat_reason TEXT NOT NULL DEFAULT '',
      note TEXT,
      staff_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (contractor_customer_id IS NULL OR contractor_customer_id <> owner_customer_id)
    )`)
    await runner.query(`CREATE INDEX project_owner ON project (owner_customer_id)`)
    await runner.query(`CREATE INDEX project_contractor ON project (contractor_customer_id)`)
    await runner.query(`CREATE INDEX project_stage ON project (stage)`)
    await runner.query(`CREATE INDEX project_heat ON project (heat)`)
    await runner.query(`CREATE INDEX project_staff ON project (staff_id)`)

    await runner.query(`CREATE TABLE competitor (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('竞争对手', '供应商')),
      products TEXT,
      volume TEXT,
      price TEXT,
      rep_name TEXT,
      rep_relation TEXT,
      satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
      quality_issues TEXT,
      strengths TEXT,
      weaknesses TEXT,
      strategy TEXT,
      our_share REAL CHECK (our_share IS NULL OR our_share BETWEEN 0 AND 100),
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`)
    await runner.query(`CREATE INDEX competitor_customer ON competitor (customer_id)`)

    await runner.query(`CREATE TABLE feedback (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      type TEXT NOT NULL CHECK (type IN ('投诉', '建议', '咨询', '表扬')),
      product_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      received_at TEXT NOT NULL,
      resolved_at TEXT,
      status TEXT NOT NULL CHECK (status IN ('待处理', '处理中', '已解决', '已关闭')),
      handler_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      content TEXT,
      resolution TEXT,
      satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (resolved_at IS NULL OR resolved_at >= received_at)
    )`)
    await runner.query(`CREATE INDEX feedback_customer ON feedback (customer_id)`)
    await runner.query(`CREATE INDEX feedback_received ON feedback (received_at)`)
    // The in-use checks of the 产品 and 业务员 dictionaries.
    await runner.query(`CREATE INDEX feedback_product ON feedback (product_id)`)
    await runner.query(`CREATE INDEX feedback_handler ON feedback (handler_id)`)

    await runner.query(`PRAGMA user_version = 5`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE feedback`)
    await runner.query(`DROP TABLE competitor`)
    await runner.query(`DROP TABLE project`)
    await runner.query(`PRAGMA user_version = 4`)
  }
}

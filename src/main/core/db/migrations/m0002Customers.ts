import type { MigrationInterface, QueryRunner } from 'typeorm'

const dict = 'INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT'

/** Dictionary reference columns of customer, each indexed (filters, and the usage count of an item). */
const dictColumns = [
  'region_id',
  'nature_id',
  'source_id',
  'category_id',
  'industry_id',
  'sales_scale_id',
  'years_in_business_id',
  'industry_position_id',
  'settlement_id',
  'contact_strategy_id',
  'purchase_strategy_id',
  'owner_staff_id',
]

/**
 * Customers (docs/product-rules.md#customer-card), their contacts and important dates, user groups,
 * the change history and the counter of 客户编号. A customer is deleted in two
 * steps: `deleted_at` (回收站), then a real delete that cascades to its child rows.
 */
export class Customers1795400000002 implements MigrationInterface {
  name = 'Customers1795400000002'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE customer (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      code TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'individual')),
      name TEXT NOT NULL,
      short_name TEXT,
      name_norm TEXT NOT NULL,
      pinyin TEXT NOT NULL,
      pinyin_initials TEXT NOT NULL,
      region_id ${dict},
      province_code TEXT,
      city_code TEXT,
      district_code TEXT,
      nature_id ${dict},
      source_id ${dict},
      category_id ${dict},
      industry_id ${dict},
      sales_scale_id ${dict},
      years_in_business_id ${dict},
      industry_position_id ${dict},
      employee_count INTEGER CHECK (employee_count IS NULL OR employee_count >= 0),
      credit_rating INTEGER CHECK (credit_rating IS NULL OR credit_rating BETWEEN 1 AND 5),
      settlement_id ${dict},
      dealer_intention TEXT,
      credit_limit REAL CHECK (credit_limit IS NULL OR credit_limit >= 0),
      contact_strategy_id ${dict},
      purchase_strategy_id ${dict},
      phone TEXT,
      phone_norm TEXT,
      fax TEXT,
      email TEXT,
      email_norm TEXT,
      website TEXT,
      address TEXT,
      postal_code TEXT,
      credit_code TEXT,
      bank_name TEXT,
      bank_account TEXT,
      legal_representative TEXT,
      founded_date TEXT,
      registered_capital TEXT,
      main_business TEXT,
      side_business TEXT,
      service_area TEXT,
      business_direction TEXT,
      reputation TEXT,
      organization TEXT,
      annual_purchase TEXT,
      purchase_cycle TEXT,
      inventory TEXT,
      needs TEXT,
      new_product_plans TEXT,
      strategy_news TEXT,
      gender TEXT CHECK (gender IS NULL OR gender IN ('男', '女')),
      birth_date TEXT,
      birth_calendar TEXT NOT NULL DEFAULT 'solar' CHECK (birth_calendar IN ('solar', 'lunar')),
      native_place TEXT,
      ethnicity TEXT,
      education TEXT,
      occupation TEXT,
      marital_status TEXT,
      family TEXT,
      family_income TEXT,
      hobbies TEXT,
      personality TEXT,
      consumption_view TEXT,
      brand_preference TEXT,
      purchase_motive TEXT,
      has_decision_power BOOLEAN,
      demand_status TEXT CHECK (demand_status IS NULL OR demand_status IN ('明确需求', '潜在需求', '无需求')),
      expected_close_date TEXT,
      deal_grade_override TEXT CHECK (deal_grade_override IS NULL OR deal_grade_override IN ('A', 'B', 'C', 'D', 'E')),
      relationship_level TEXT CHECK (relationship_level IS NULL OR relationship_level IN ('I', 'II', 'III', 'IV')),
      value_class TEXT CHECK (value_class IS NULL OR value_class IN ('重要客户', '核心客户', '潜力客户', '一般客户')),
      deal_status TEXT CHECK (deal_status IS NULL OR deal_status IN ('已成交', '正在谈判', '潜在')),
      competition_notes TEXT,
      demand_notes TEXT,
      owner_staff_id ${dict},
      registrar TEXT,
      registered_at TEXT NOT NULL,
      remarks TEXT,
      transaction_count INTEGER NOT NULL DEFAULT 0,
      transaction_amount REAL NOT NULL DEFAULT 0,
      first_transaction_at TEXT,
      last_transaction_at TEXT,
      last_contact_at TEXT,
      contact_names TEXT NOT NULL DEFAULT '',
      search_text TEXT NOT NULL DEFAULT '',
      completeness INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    )`)
    // The sheet's default order (by pinyin) and the 回收站 split share one index.
    await runner.query(`CREATE INDEX customer_deleted_pinyin ON customer (deleted_at, pinyin, id)`)
    // The quick search scans this narrow index instead of the wide rows.
    await runner.query(`CREATE INDEX customer_search_text ON customer (deleted_at, search_text)`)
    await runner.query(`CREATE INDEX customer_name_norm ON customer (name_norm)`)
    await runner.query(`CREATE INDEX customer_phone_norm ON customer (phone_norm)`)
    await runner.query(`CREATE INDEX customer_email_norm ON customer (email_norm)`)
    await runner.query(`CREATE INDEX customer_pinyin_initials ON customer (pinyin_initials)`)
    await runner.query(
      `CREATE UNIQUE INDEX customer_credit_code ON customer (credit_code) WHERE credit_code IS NOT NULL`,
    )
    await runner.query(`CREATE INDEX customer_last_contact ON customer (last_contact_at)`)
    await runner.query(`CREATE INDEX customer_last_transaction ON customer (last_transaction_at)`)
    await runner.query(`CREATE INDEX customer_registered ON customer (registered_at)`)
    for (const column of dictColumns) {
      await runner.query(`CREATE INDEX customer_${column} ON customer (${column})`)
    }

    await runner.query(`CREATE TABLE customer_code_counter (
      year INTEGER PRIMARY KEY,
      last_value INTEGER NOT NULL CHECK (last_value >= 0)
    )`)

    await runner.query(`CREATE TABLE customer_group (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE
    )`)
    await runner.query(`CREATE TABLE customer_group_member (
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      group_id INTEGER NOT NULL REFERENCES customer_group (id) ON DELETE CASCADE,
      PRIMARY KEY (customer_id, group_id)
    ) WITHOUT ROWID`)
    await runner.query(`CREATE INDEX customer_group_member_group ON customer_group_member (group_id, customer_id)`)

    await runner.query(`CREATE TABLE contact (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      sort_order INTEGER NOT NULL,
      name TEXT NOT NULL,
      gender TEXT CHECK (gender IS NULL OR gender IN ('男', '女')),
      title TEXT,
      department TEXT,
      mobile TEXT,
      mobile_norm TEXT,
      office_phone TEXT,
      office_phone_norm TEXT,
      home_phone TEXT,
      wechat TEXT,
      email TEXT,
      home_address TEXT,
      birthday_date TEXT,
      birthday_calendar TEXT CHECK (birthday_calendar IS NULL OR birthday_calendar IN ('solar', 'lunar')),
      hobbies TEXT,
      personality TEXT,
      education TEXT,
      native_place TEXT,
      friendliness INTEGER CHECK (friendliness IS NULL OR friendliness BETWEEN 1 AND 5),
      decision_role TEXT CHECK (decision_role IS NULL OR decision_role IN ('发起者', '影响者', '购买者', '使用者', '决策者')),
      is_key BOOLEAN NOT NULL DEFAULT 0,
      call_time TEXT,
      speech_style TEXT,
      remarks TEXT
    )`)
    await runner.query(`CREATE INDEX contact_customer ON contact (customer_id, sort_order)`)
    await runner.query(`CREATE INDEX contact_mobile_norm ON contact (mobile_norm)`)
    await runner.query(`CREATE INDEX contact_office_phone_norm ON contact (office_phone_norm)`)

    await runner.query(`CREATE TABLE contact_date (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
      sort_order INTEGER NOT NULL,
      label TEXT NOT NULL,
      date TEXT NOT NULL,
      calendar TEXT NOT NULL CHECK (calendar IN ('solar', 'lunar'))
    )`)
    await runner.query(`CREATE INDEX contact_date_contact ON contact_date (contact_id, sort_order)`)

    await runner.query(`CREATE TABLE customer_change (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      changed_at TEXT NOT NULL,
      field TEXT NOT NULL,
      label TEXT NOT NULL,
      old_value TEXT,
      new_value TEXT
    )`)
    await runner.query(`CREATE INDEX customer_change_customer ON customer_change (customer_id, id)`)

    await runner.query(`PRAGMA user_version = 2`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE customer_change`)
    await runner.query(`DROP TABLE contact_date`)
    await runner.query(`DROP TABLE contact`)
    await runner.query(`DROP TABLE customer_group_member`)
    await runner.query(`DROP TABLE customer_group`)
    await runner.query(`DROP TABLE customer_code_counter`)
    await runner.query(`DROP TABLE customer`)
    await runner.query(`PRAGMA user_version = 1`)
  }
}

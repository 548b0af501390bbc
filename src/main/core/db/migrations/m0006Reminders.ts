import type { MigrationInterface, QueryRunner } from 'typeorm'

const contactOf = (row: 'NEW' | 'OLD') => `(SELECT customer_id FROM contact WHERE id = ${row}.contact_id)`

/** [trigger, event, the customer it marks]. */
const dirtyTriggers: [string, string, string][] = [
  ['reminder_dirty_customer_insert', 'AFTER INSERT ON customer', 'NEW.id'],
  [
    'reminder_dirty_customer_update',
    `AFTER UPDATE OF contact_strategy_id, purchase_strategy_id, last_contact_at, last_transaction_at, registered_at,
       expected_close_date, demand_status, deal_grade_override, deal_status, deleted_at, birth_date, birth_calendar
     ON customer`,
    'NEW.id',
  ],
  ['reminder_dirty_interaction_insert', 'AFTER INSERT ON interaction', 'NEW.customer_id'],
  [
    'reminder_dirty_interaction_update',
    'AFTER UPDATE OF next_follow_up, customer_id ON interaction',
    'NEW.customer_id',
  ],
  ['reminder_dirty_interaction_moved', 'AFTER UPDATE OF customer_id ON interaction', 'OLD.customer_id'],
  ['reminder_dirty_interaction_delete', 'AFTER DELETE ON interaction', 'OLD.customer_id'],
  ['reminder_dirty_contact_insert', 'AFTER INSERT ON contact', 'NEW.customer_id'],
  [
    'reminder_dirty_contact_update',
    'AFTER UPDATE OF birthday_date, birthday_calendar, customer_id ON contact',
    'NEW.customer_id',
  ],
  ['reminder_dirty_contact_delete', 'AFTER DELETE ON contact', 'OLD.customer_id'],
  ['reminder_dirty_date_insert', 'AFTER INSERT ON contact_date', contactOf('NEW')],
  ['reminder_dirty_date_update', 'AFTER UPDATE ON contact_date', contactOf('NEW')],
  ['reminder_dirty_date_delete', 'AFTER DELETE ON contact_date', contactOf('OLD')],
]

/**
 * 提醒 (docs/product-rules.md#idempotence). A reminder is one occasion: the unique key (kind, customer,
 * subject, due date) makes every scan idempotent. Festival greetings belong to no
 * customer, so their key is a partial unique index (NULLs never collide in UNIQUE).
 * The scan indexes match the rules' predicates in reminders/reminderRules.ts
 * expression for expression, or SQLite would not use them.
 */
export class Reminders1795400000006 implements MigrationInterface {
  name = 'Reminders1795400000006'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE reminder (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('followUp', 'salesDecline', 'birthday', 'plannedFollowUp', 'dealDeadline', 'festival')),
      customer_id INTEGER REFERENCES customer (id) ON DELETE CASCADE,
      contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
      subject_key TEXT NOT NULL DEFAULT '',
      due_date TEXT NOT NULL,
      reason TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'snoozed', 'ignored')),
      snoozed_until TEXT,
      notified_at TEXT,
      created_at TEXT NOT NULL,
      done_at TEXT,
      interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
      CHECK (customer_id IS NOT NULL OR kind = 'festival'),
      UNIQUE (kind, customer_id, subject_key, due_date)
    )`)
    await runner.query(
      `CREATE UNIQUE INDEX reminder_festival_key ON reminder (kind, subject_key, due_date) WHERE customer_id IS NULL`,
    )
    // The open list in due order, and by kind; both cover the per-kind counts and the 回收站 check.
    await runner.query(`CREATE INDEX reminder_status_due ON reminder (status, due_date, kind, customer_id)`)
    await runner.query(`CREATE INDEX reminder_status_kind ON reminder (status, kind, due_date, customer_id)`)
    await runner.query(`CREATE INDEX reminder_customer ON reminder (customer_id, status)`)
    await runner.query(`CREATE INDEX reminder_unnotified ON reminder (id) WHERE notified_at IS NULL`)
    await runner.query(`CREATE INDEX reminder_interaction ON reminder (interaction_id)`)
    // 跟进提醒: per 联系策略, customers whose cycle start is on or before today − cycle.
    await runner.query(
      `CREATE INDEX customer_follow_up_scan ON customer
       (contact_strategy_id, COALESCE(last_contact_at, substr(registered_at, 1, 10))) WHERE deleted_at IS NULL`,
    )
    // 业务下滑提醒: only customers who have bought.
    await runner.query(
      `CREATE INDEX customer_sales_decline_scan ON customer (purchase_strategy_id, last_transaction_at)
       WHERE deleted_at IS NULL AND last_transaction_at IS NOT NULL`,
    )
    await runner.query(
      `CREATE INDEX customer_expected_close_scan ON customer (expected_close_date)
       WHERE deleted_at IS NULL AND expected_close_date IS NOT NULL`,
    )
    // Birthdays are looked up by month-day (the last five characters of YYYY-MM-DD, MM-DD or 闰MM-DD).
    await runner.query(
      `CREATE INDEX contact_birthday_md ON contact (birthday_calendar, substr(birthday_date, -5))
       WHERE birthday_date IS NOT NULL`,
    )
    await runner.query(`CREATE INDEX contact_date_md ON contact_date (calendar, substr(date, -5))`)
    await runner.query(
      `CREATE INDEX customer_birth_md ON customer (birth_calendar, substr(birth_date, -5))
       WHERE birth_date IS NOT NULL AND deleted_at IS NULL`,
    )
    // Customers whose reminder inputs changed since the last scan. Every write path (cards,
    // batch edits, imports, interactions, contacts, a strategy's cycle) marks them through
    // these triggers, so a scan re-checks only them plus the due dates the calendar reached.
    await runner.query(`CREATE TABLE reminder_dirty (customer_id INTEGER PRIMARY KEY) WITHOUT ROWID`)
    for (const [name, event, id] of dirtyTriggers) {
      await runner.query(
        `CREATE TRIGGER ${name} ${event} BEGIN INSERT OR IGNORE INTO reminder_dirty (customer_id) VALUES (${id}); END`,
      )
    }
    await runner.query(
      `CREATE TRIGGER reminder_dirty_cycle AFTER UPDATE OF cycle_days ON dict_item BEGIN
         INSERT OR IGNORE INTO reminder_dirty (customer_id)
         SELECT id FROM customer WHERE contact_strategy_id = NEW.id OR purchase_strategy_id = NEW.id;
       END`,
    )
    await runner.query(`PRAGMA user_version = 6`)
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER reminder_dirty_cycle`)
    for (const [name] of dirtyTriggers) await runner.query(`DROP TRIGGER ${name}`)
    await runner.query(`DROP TABLE reminder_dirty`)
    await runner.query(`DROP INDEX customer_birth_md`)
    await runner.query(`DROP INDEX contact_date_md`)
    await runner.query(`DROP INDEX contact_birthday_md`)
    await runner.query(`DROP INDEX customer_expected_close_scan`)
    await runner.query(`DROP INDEX customer_sales_decline_scan`)
    await runner.query(`DROP INDEX customer_follow_up_scan`)
    await runner.query(`DROP TABLE reminder`)
    await runner.query(`PRAGMA user_version = 5`)
  }
}

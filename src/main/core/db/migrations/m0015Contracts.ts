import type { MigrationInterface, QueryRunner } from 'typeorm'

/** The reminder kinds after this migration: the six of m0006 and the two of contracts. */
const reminderKinds = [
  'followUp',
  'salesDecline',
  'birthday',
  'plannedFollowUp',
  'dealDeadline',
  'festival',
  'payment',
  'contractEnd',
]

const bump = (delta: string) => `UPDATE reminder_pending_count SET n = n + ${delta} WHERE id = 1`

/** m0008's triggers, recreated on the rebuilt reminder table (dropping a table drops its triggers). */
const pendingCountTriggers: [string, string, string, string][] = [
  ['reminder_pending_insert', 'AFTER INSERT ON reminder', `NEW.status = 'pending'`, '1'],
  ['reminder_pending_delete', 'AFTER DELETE ON reminder', `OLD.status = 'pending'`, '-1'],
  [
    'reminder_pending_update',
    'AFTER UPDATE OF status ON reminder',
    `(OLD.status = 'pending') <> (NEW.status = 'pending')`,
    `(NEW.status = 'pending') - (OLD.status = 'pending')`,
  ],
]

const contractCustomer = (row: 'NEW' | 'OLD') => `(SELECT customer_id FROM contract WHERE id = ${row}.contract_id)`

/**
 * [trigger, event, the customer it marks]: a change to what the 回款/合同到期 reminders
 * are computed from marks the customer for the next scan (m0006's reminder_dirty).
 */
const dirtyTriggers: [string, string, string][] = [
  ['reminder_dirty_contract_insert', 'AFTER INSERT ON contract', 'NEW.customer_id'],
  [
    'reminder_dirty_contract_update',
    'AFTER UPDATE OF status, end_on, amount, received_amount, customer_id, deleted_at ON contract',
    'NEW.customer_id',
  ],
  ['reminder_dirty_contract_moved', 'AFTER UPDATE OF customer_id ON contract', 'OLD.customer_id'],
  ['reminder_dirty_instalment_insert', 'AFTER INSERT ON contract_instalment', contractCustomer('NEW')],
  ['reminder_dirty_instalment_update', 'AFTER UPDATE ON contract_instalment', contractCustomer('NEW')],
  ['reminder_dirty_instalment_delete', 'AFTER DELETE ON contract_instalment', contractCustomer('OLD')],
]

/** The contract's 已收 is the sum of its payments, kept by triggers so that every path (handlers, demo data) agrees. */
const receivedOf = (row: 'NEW' | 'OLD') =>
  `UPDATE contract SET received_amount = (
     SELECT ROUND(COALESCE(SUM(amount), 0), 2) FROM contract_payment WHERE contract_id = ${row}.contract_id)
   WHERE id = ${row}.contract_id`

/**
 * 合同与回款 (docs/product-rules.md#contracts): 合同 per customer with product lines, a 回款计划
 * of instalments and the 回款记录 received. Money is REAL yuan with two decimals, as in sale;
 * the core compares sums in fen. 合同编号 HT-年份-序号 come from a counter per year, so a
 * number is never handed out twice, even after its contract is deleted for good.
 * A 交易记录 may name the contract it belongs to. The reminder table is rebuilt to allow the
 * two new kinds (its CHECK lists the kinds; SQLite cannot alter a CHECK in place): same
 * columns, same rows and ids, same indexes and triggers.
 */
export class Contracts1795400000015 implements MigrationInterface {
  name = 'Contracts1795400000015'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE contract_no_counter (year INTEGER PRIMARY KEY, last_value INTEGER NOT NULL)`)
    await runner.query(`CREATE TABLE contract (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      contract_no TEXT NOT NULL UNIQUE,
      customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      signed_on TEXT,
      start_on TEXT,
      end_on TEXT,
      amount REAL NOT NULL CHECK (amount >= 0),
      -- the sum of contract_payment.amount, kept by the triggers below
      received_amount REAL NOT NULL DEFAULT 0,
      settlement_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      status TEXT NOT NULL DEFAULT '草拟' CHECK (status IN ('草拟', '执行中', '已完成', '已终止')),
      project_id INTEGER REFERENCES project (id) ON DELETE SET NULL,
      -- 经办业务员 (a 业务员 item); the customer's 负责业务员 when the form leaves it empty
      staff_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      remarks TEXT,
      created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
      updated_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (start_on IS NULL OR end_on IS NULL OR end_on >= start_on)
    )`)
    await runner.query(`CREATE INDEX contract_customer ON contract (customer_id, deleted_at)`)
    await runner.query(`CREATE INDEX contract_signed ON contract (signed_on)`)
    await runner.query(`CREATE INDEX contract_status ON contract (status, deleted_at)`)
    await runner.query(`CREATE INDEX contract_staff ON contract (staff_id)`)
    await runner.query(`CREATE INDEX contract_settlement ON contract (settlement_id)`)
    await runner.query(`CREATE INDEX contract_project ON contract (project_id)`)
    // 合同到期 reminders: the running contracts by end date.
    await runner.query(
      `CREATE INDEX contract_end_scan ON contract (end_on) WHERE deleted_at IS NULL AND status = '执行中' AND end_on IS NOT NULL`,
    )
    // 应收: the live contracts still owed, per customer (aging, 信用额度).
    await runner.query(
      `CREATE INDEX contract_open ON contract (customer_id, amount, received_amount)
       WHERE deleted_at IS NULL AND status IN ('执行中', '已完成')`,
    )

    await runner.query(`CREATE TABLE contract_line (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
      line_no INTEGER NOT NULL,
      name TEXT NOT NULL,
      quantity REAL CHECK (quantity IS NULL OR quantity >= 0),
      unit_price REAL CHECK (unit_price IS NULL OR unit_price >= 0),
      amount REAL NOT NULL CHECK (amount >= 0),
      UNIQUE (contract_id, line_no)
    )`)

    await runner.query(`CREATE TABLE contract_instalment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL CHECK (seq > 0),
      due_on TEXT NOT NULL,
      amount REAL NOT NULL CHECK (amount > 0),
      remind_days_before INTEGER NOT NULL DEFAULT 7 CHECK (remind_days_before BETWEEN 0 AND 365),
      -- due_on − remind_days_before: the day its 回款提醒 fires (indexed for the scan)
      remind_on TEXT NOT NULL,
      note TEXT,
      UNIQUE (contract_id, seq)
    )`)
    await runner.query(`CREATE INDEX contract_instalment_remind ON contract_instalment (remind_on)`)
    await runner.query(`CREATE INDEX contract_instalment_due ON contract_instalment (due_on, amount)`)

    await runner.query(`CREATE TABLE contract_payment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      contract_id INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
      instalment_id INTEGER REFERENCES contract_instalment (id) ON DELETE SET NULL,
      paid_on TEXT NOT NULL,
      amount REAL NOT NULL CHECK (amount > 0),
      -- the part of amount beyond what was still owed when it was recorded (超收)
      over_amount REAL NOT NULL DEFAULT 0 CHECK (over_amount >= 0),
      method TEXT,
      receiver_staff_id INTEGER REFERENCES dict_item (id) ON DELETE RESTRICT,
      remarks TEXT,
      created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
      created_at TEXT NOT NULL
    )`)
    await runner.query(`CREATE INDEX contract_payment_contract ON contract_payment (contract_id, paid_on)`)
    await runner.query(`CREATE INDEX contract_payment_paid ON contract_payment (paid_on, amount)`)
    await runner.query(`CREATE INDEX contract_payment_instalment ON contract_payment (instalment_id)`)
    await runner.query(`CREATE INDEX contract_payment_receiver ON contract_payment (receiver_staff_id)`)
    for (const [name, event, row] of [
      ['contract_received_insert', 'AFTER INSERT ON contract_payment', 'NEW'],
      ['contract_received_delete', 'AFTER DELETE ON contract_payment', 'OLD'],
      ['contract_received_update', 'AFTER UPDATE OF amount, contract_id ON contract_payment', 'NEW'],
      ['contract_received_moved', 'AFTER UPDATE OF contract_id ON contract_payment', 'OLD'],
    ] as const) {
      await runner.query(`CREATE TRIGGER ${name} ${event} BEGIN ${receivedOf(row)}; END`)
    }

    await runner.query(`ALTER TABLE sale ADD COLUMN contract_id INTEGER REFERENCES contract (id) ON DELETE SET NULL`)
    await runner.query(`CREATE INDEX sale_contract ON sale (contract_id) WHERE contract_id IS NOT NULL`)

    await this.rebuildReminders(runner)
    for (const [name, event, id] of dirtyTriggers) {
      await runner.query(
        `CREATE TRIGGER ${name} ${event} BEGIN INSERT OR IGNORE INTO reminder_dirty (customer_id) VALUES (${id}); END`,
      )
    }
    await runner.query(`PRAGMA user_version = 15`)
  }

  /** The reminder table with the new kinds in its CHECK, everything else as it was. */
  private async rebuildReminders(runner: QueryRunner): Promise<void> {
    const kinds = reminderKinds.map((k) => `'${k}'`).join(', ')
    await runner.query(`CREATE TABLE reminder_rebuilt (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN (${kinds})),
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
    const columns = `id, kind, customer_id, contact_id, subject_key, due_date, reason, status, snoozed_until,
      notified_at, created_at, done_at, interaction_id`
    await runner.query(`INSERT INTO reminder_rebuilt (${columns}) SELECT ${columns} FROM reminder ORDER BY id`)
    // Ids are never handed out twice (a notification names its reminder): keep the old high-water mark.
    const [sequence] = (await runner.query(`SELECT seq FROM sqlite_sequence WHERE name = 'reminder'`)) as {
      seq: number
    }[]
    // Nothing references reminder, and DROP fires no trigger: the pending count stays as it was.
    await runner.query(`DROP TABLE reminder`)
    await runner.query(`ALTER TABLE reminder_rebuilt RENAME TO reminder`)
    if (sequence) {
      await runner.query(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'reminder'`, [sequence.seq])
      await runner.query(
        `INSERT INTO sqlite_sequence (name, seq) SELECT 'reminder', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'reminder')`,
        [sequence.seq],
      )
    }
    await runner.query(
      `CREATE UNIQUE INDEX reminder_festival_key ON reminder (kind, subject_key, due_date) WHERE customer_id IS NULL`,
    )
    await runner.query(`CREATE INDEX reminder_status_due ON reminder (status, due_date, kind, customer_id)`)
    await runner.query(`CREATE INDEX reminder_status_kind ON reminder (status, kind, due_date, customer_id)`)
    await runner.query(`CREATE INDEX reminder_customer ON reminder (customer_id, status)`)
    await runner.query(`CREATE INDEX reminder_unnotified ON reminder (id) WHERE notified_at IS NULL`)
    await runner.query(`CREATE INDEX reminder_interaction ON reminder (interaction_id)`)
    for (const [name, event, when, delta] of pendingCountTriggers) {
      await runner.query(`CREATE TRIGGER ${name} ${event} WHEN ${when} BEGIN ${bump(delta)}; END`)
    }
  }

  /** Never run (see db/README.md): the way back is the pre-migration backup. */
  async down(): Promise<void> {
    throw new Error('m0015 is undone by restoring the pre-migration backup')
  }
}

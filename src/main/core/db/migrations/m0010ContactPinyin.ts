import type { MigrationInterface, QueryRunner } from 'typeorm'
import { namePinyin } from '../../customers/namePinyin'

/** Contacts read per round trip; their pinyin is written back while the next round is computed. */
const readRows = 10_000
/** Rows per UPDATE: 3 parameters each, well under SQLite's 32,766. */
const writeRows = 2_000

const markBoth = (event: string, customers: string) =>
  `${event} BEGIN INSERT OR IGNORE INTO reminder_dirty (customer_id) ${customers}; END`

/** [trigger, m0006's definition, the one that replaces it]. */
const movedTriggers: [string, string, string][] = [
  [
    'reminder_dirty_contact_update',
    markBoth('AFTER UPDATE OF birthday_date, birthday_calendar, customer_id ON contact', 'VALUES (NEW.customer_id)'),
    markBoth(
      'AFTER UPDATE OF birthday_date, birthday_calendar, customer_id ON contact',
      'VALUES (OLD.customer_id), (NEW.customer_id)',
    ),
  ],
  [
    'reminder_dirty_date_update',
    markBoth('AFTER UPDATE ON contact_date', 'VALUES ((SELECT customer_id FROM contact WHERE id = NEW.contact_id))'),
    markBoth(
      'AFTER UPDATE ON contact_date',
      'SELECT customer_id FROM contact WHERE id IN (OLD.contact_id, NEW.contact_id)',
    ),
  ],
]

/**
 * 联系人 get the customers' pinyin columns, so the global search finds 张三 by
 * `zhangsan` and `zs` too. Existing rows are filled here with the app's own
 * namePinyin (SQLite has no pinyin), in multi-row UPDATEs: the bench data's 144,521
 * contacts take ~1.6 s, most of it pinyin-pro.
 *
 * Also: moving a contact to another customer marked only the new customer for the
 * reminder scan (m0006), so the scan never looked at the old one again, which kept
 * that contact's open birthday reminders; the triggers now mark both customers (and
 * likewise for a 纪念日 moved between contacts).
 */
export class ContactPinyin1795400000010 implements MigrationInterface {
  name = 'ContactPinyin1795400000010'

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contact ADD COLUMN pinyin TEXT NOT NULL DEFAULT ''`)
    await runner.query(`ALTER TABLE contact ADD COLUMN pinyin_initials TEXT NOT NULL DEFAULT ''`)
    await fillPinyin(runner)
    for (const [name, , now] of movedTriggers) {
      await runner.query(`DROP TRIGGER ${name}`)
      await runner.query(`CREATE TRIGGER ${name} ${now}`)
    }
    await runner.query(`PRAGMA user_version = 10`)
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const [name, before] of movedTriggers) {
      await runner.query(`DROP TRIGGER ${name}`)
      await runner.query(`CREATE TRIGGER ${name} ${before}`)
    }
    await runner.query(`ALTER TABLE contact DROP COLUMN pinyin_initials`)
    await runner.query(`ALTER TABLE contact DROP COLUMN pinyin`)
    await runner.query(`PRAGMA user_version = 9`)
  }
}

/**
 * Reads contacts in id order and computes each round's pinyin while SQLite (on its own
 * thread) writes the previous round's. Office contact names repeat (王经理, 张总), so each
 * distinct name is converted once.
 */
async function fillPinyin(runner: QueryRunner): Promise<void> {
  const known = new Map<string, { pinyin: string; initials: string }>()
  const read = (after: number): Promise<{ id: number; name: string }[]> =>
    runner.query(`SELECT id, name FROM contact WHERE id > ? ORDER BY id LIMIT ?`, [after, readRows])
  let writing: Promise<void> = Promise.resolve()
  let rows = await read(0)
  while (rows.length > 0) {
    const values: unknown[] = []
    for (const { id, name } of rows) {
      let pinyin = known.get(name)
      if (pinyin === undefined) known.set(name, (pinyin = namePinyin(name)))
      if (pinyin.pinyin !== '') values.push(id, pinyin.pinyin, pinyin.initials)
    }
    await writing
    const next = read(Number(rows[rows.length - 1]?.id))
    writing = writePinyin(runner, values)
    // Awaited above or below; this only keeps a failed read from leaving it unhandled meanwhile.
    writing.catch(() => undefined)
    rows = await next
  }
  await writing
}

async function writePinyin(runner: QueryRunner, values: unknown[]): Promise<void> {
  for (let start = 0; start < values.length; start += writeRows * 3) {
    const slice = values.slice(start, start + writeRows * 3)
    await runner.query(
      `UPDATE contact SET pinyin = v.column2, pinyin_initials = v.column3
       FROM (VALUES ${Array(slice.length / 3)
         .fill('(?, ?, ?)')
         .join(', ')}) AS v
       WHERE contact.id = v.column1`,
      slice,
    )
  }
}

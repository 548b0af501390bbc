import type { MigrationInterface, QueryRunner } from 'typeorm'
import { visibleText } from '../../../../shared/visibleText'
import { normalizeName } from '../../customers/normalizeName'

/** Customers read per round trip. */
const readRows = 10_000

/**
 * The duplicate key (name_norm) and the quick-search text now leave out invisible
 * characters (zero-width space and joiners, U+FEFF, soft hyphen …), so that
 * 零宽\u200B查重 and 零宽查重 are one name to the duplicate check, the import's
 * lookups, 查重合并 and the search. Rows stored before kept them in both keys:
 * those are computed again here. Only the derived keys change; the names stay as
 * the user saved them (a name saved again loses its invisible characters then).
 * Only rows whose name or search text holds such a character are written: the
 * keys of the others came from the same rules and stay as they are.
 */
export class InvisibleNameKeys1795400000012 implements MigrationInterface {
  name = 'InvisibleNameKeys1795400000012'

  async up(runner: QueryRunner): Promise<void> {
    const read = (after: number): Promise<{ id: number; name: string; search_text: string }[]> =>
      runner.query(`SELECT id, name, search_text FROM customer WHERE id > ? ORDER BY id LIMIT ?`, [after, readRows])
    for (let rows = await read(0); rows.length > 0; rows = await read(Number(rows[rows.length - 1]?.id))) {
      for (const row of rows) {
        const searchText = visibleText(row.search_text)
        if (visibleText(row.name) === row.name && searchText === row.search_text) continue
        const nameNorm = normalizeName(row.name)
        await runner.query(`UPDATE customer SET name_norm = ?, search_text = ? WHERE id = ?`, [
          nameNorm,
          searchText,
          row.id,
        ])
      }
    }
    await runner.query(`PRAGMA user_version = 12`)
  }

  /** Nothing to undo: an older version reads these keys as it reads any other. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`PRAGMA user_version = 11`)
  }
}

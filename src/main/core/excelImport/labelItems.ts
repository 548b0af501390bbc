import type { SqlWriter } from '../db/sqlHandles'
import { insertDictItems } from './importQueries'
import type { PendingLabel } from './readRow'

/**
 * The dictionary items an import creates for labels the file uses that the
 * dictionary lacks: each made when the first row that uses it is written (a
 * label only skipped or problem rows use is never created), then filled into
 * the rows that name it.
 */
export class LabelItems {
  private readonly ids = new Map<string, number>()

  constructor(private readonly db: SqlWriter) {}

  get created(): number {
    return this.ids.size
  }

  async create(rows: { pending: PendingLabel[] }[]): Promise<void> {
    const fresh = new Map<string, PendingLabel>()
    for (const p of rows.flatMap((row) => row.pending)) {
      if (!this.ids.has(p.key) && !fresh.has(p.key)) fresh.set(p.key, p)
    }
    if (fresh.size === 0) return
    const ids = await insertDictItems(this.db, [...fresh.values()])
    for (const [index, key] of [...fresh.keys()].entries()) this.ids.set(key, ids[index] as number)
  }

  fill(values: Record<string, unknown>, pending: PendingLabel[]): void {
    for (const p of pending) values[p.field] = this.ids.get(p.key) ?? null
  }
}

import type { EntityManager } from 'typeorm'
import type { DictionaryCategory } from '../../../shared/dictionary'
import { insertDictItems } from './importQueries'
import type { PendingLabel } from './planImport'

/**
 * The dictionary items an import creates for labels the file uses that the
 * dictionary lacks: each made when the first row that uses it is written (a
 * label only skipped or problem rows use is never created), then filled into
 * the rows that name it.
 */
export class LabelItems {
  private readonly ids = new Map<string, number>()

  constructor(
    private readonly manager: EntityManager,
    /** The label behind a key of `PendingLabel`, as the plan found it. */
    private readonly labelOf: (key: string) => { category: DictionaryCategory; label: string } | undefined,
  ) {}

  get created(): number {
    return this.ids.size
  }

  async create(rows: { pending: PendingLabel[] }[]): Promise<void> {
    const keys = [...new Set(rows.flatMap((row) => row.pending.map((p) => p.key)))].filter((key) => !this.ids.has(key))
    if (keys.length === 0) return
    const items = keys.map((key) => {
      const item = this.labelOf(key)
      if (!item) throw new Error(`导入计划缺少新选项 ${key}`)
      return item
    })
    const ids = await insertDictItems(this.manager, items)
    keys.forEach((key, index) => this.ids.set(key, ids[index] as number))
  }

  fill(values: Record<string, unknown>, pending: PendingLabel[]): void {
    for (const p of pending) values[p.field] = this.ids.get(p.key) ?? null
  }
}

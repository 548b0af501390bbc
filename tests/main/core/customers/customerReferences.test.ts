import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { customerReferences } from '../../../../src/main/core/customers/customerReferences'
import { testCore } from '../../../helpers/testCore'

let core: Awaited<ReturnType<typeof testCore>>
beforeEach(async () => {
  core = await testCore('references')
})
afterEach(async () => {
  await core.close()
})

describe('customerReferences', () => {
  it('lists exactly the foreign keys to customer(id) of every table in the migrated database', async () => {
    const tables: { name: string }[] = await core.store.manager.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    const found: string[] = []
    for (const { name } of tables) {
      const keys: { table: string; from: string; to: string | null }[] = await core.store.manager.query(
        `SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`,
        [name],
      )
      for (const key of keys) if (key.table === 'customer') found.push(`${name}.${key.from}`)
    }
    expect(found.length).toBeGreaterThan(5)
    expect(customerReferences.map((r) => `${r.table}.${r.column}`).sort()).toEqual(found.sort())
  })
})

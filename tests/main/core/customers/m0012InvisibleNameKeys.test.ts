import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeName } from '../../../../src/main/core/customers/normalizeName'
import { InvisibleNameKeys1795400000012 } from '../../../../src/main/core/db/migrations/m0012InvisibleNameKeys'
import { openStore } from '../../../../src/main/core/db/openStore'
import { openCore } from '../../../../src/main/core/openCore'
import { databaseAtVersion } from '../../../helpers/databaseAtVersion'
import { call } from '../../../helpers/testCore'

/** More than one round of reads (10,000). */
const generated = 12_345

/** The name key as version 11 computed it: the same rules, invisible characters kept. */
const oldNameNorm = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/有限公司$/, '')

describe('migration 12 (name keys without invisible characters)', () => {
  it('recomputes the keys of names that hold invisible characters, leaves every other row as it was', async () => {
    const { path, db: v11 } = await databaseAtVersion(11)
    const named: [string, string][] = [
      ['零宽\u200B查重有限公司', '零宽\u200B查重|零宽\u200B查重有限公司'],
      ['\uFEFF软\u00AD连字符有限公司', '\uFEFF软\u00AD连字符|软\u00AD连字符有限公司'],
      ['普通名称有限公司', '普通名称|普通名称有限公司'],
      // A name without them but a search text with them (a contact's name): only the search text changes.
      ['联系人有零宽有限公司', '联系人有零宽|张\u200C三'],
    ]
    for (const [i, [name, searchText]] of named.entries()) {
      await v11.query(
        `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, search_text, registered_at, created_at, updated_at)
         VALUES (?, 'enterprise', ?, ?, 'x', 'x', ?, '2026-01-01', 'n', 'n')`,
        [`KH-2026-${String(i + 1).padStart(5, '0')}`, name, oldNameNorm(name), searchText],
      )
    }
    // Many more; every 1000th carries a zero-width joiner, past the first round of reads too.
    await v11.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, search_text, registered_at, created_at, updated_at)
       SELECT printf('KH-2025-%05d', i), 'enterprise', name, name, 'x', 'x', name, '2025-01-01', 'n', 'n'
         FROM (SELECT i, '客户' || i || CASE WHEN i % 1000 = 0 THEN char(8205) || '号' ELSE '' END AS name FROM n)`,
      [generated],
    )
    const before: Record<string, unknown>[] = await v11.query(`SELECT * FROM customer ORDER BY id`)
    await v11.destroy()

    const { store, applied } = await openStore(path)
    try {
      expect(applied[0]).toBe('InvisibleNameKeys1795400000012')
      // The columns of version 11 only: later migrations add their own (m0013's updated_by).
      const after: Record<string, unknown>[] = (
        (await store.manager.query(`SELECT * FROM customer ORDER BY id`)) as Record<string, unknown>[]
      ).map((row) => Object.fromEntries(Object.keys(before[0] ?? {}).map((key) => [key, row[key]])))
      expect(after).toHaveLength(before.length)
      const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]))
      expect(changed.map((r) => r.name)).toEqual([
        '零宽\u200B查重有限公司',
        '\uFEFF软\u00AD连字符有限公司',
        '联系人有零宽有限公司',
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((k) => `客户${k * 1000}\u200D号`),
      ])
      // Only the two keys change; names stay as the user saved them.
      const withoutKeys = (row: Record<string, unknown>) => ({ ...row, name_norm: null, search_text: null })
      expect(after.map(withoutKeys)).toEqual(before.map(withoutKeys))
      const keys = (name: string) => after.find((r) => r.name === name)
      expect(keys('零宽\u200B查重有限公司')).toMatchObject({
        name_norm: '零宽查重',
        search_text: '零宽查重|零宽查重有限公司',
      })
      expect(keys('\uFEFF软\u00AD连字符有限公司')).toMatchObject({ name_norm: '软连字符' })
      expect(keys('联系人有零宽有限公司')).toMatchObject({
        name_norm: '联系人有零宽',
        search_text: '联系人有零宽|张三',
      })
      expect(keys('客户5000\u200D号')).toMatchObject({ name_norm: normalizeName('客户5000号') })
      // Later migrations run after it.
      const [{ user_version: version }] = (await store.manager.query(`PRAGMA user_version`)) as {
        user_version: number
      }[]
      expect(version).toBeGreaterThanOrEqual(12)

      const runner = store.manager.connection.createQueryRunner()
      try {
        await new InvisibleNameKeys1795400000012().down(runner)
      } finally {
        await runner.release()
      }
      expect(await store.manager.query(`PRAGMA user_version`)).toEqual([{ user_version: 11 }])
    } finally {
      await store.close()
    }
  })

  it('after it, the duplicate check and the search find a customer saved with a zero-width space', async () => {
    const { path, db: v11 } = await databaseAtVersion(11)
    const name = '零宽\u200B查重科技有限公司'
    await v11.query(
      `INSERT INTO customer (code, kind, name, name_norm, pinyin, pinyin_initials, search_text, registered_at, created_at, updated_at)
       VALUES ('KH-2026-00001', 'enterprise', ?, ?, 'x', 'x', ?, '2026-01-01', 'n', 'n')`,
      [name, '零宽\u200B查重科技', `kh-2026-00001|${name}|零宽\u200B查重科技`],
    )
    await v11.destroy()
    const core = await openCore(dirname(path), { checkOutput: true })
    try {
      const found = await call(core, 'customers.duplicates', { name: '零宽查重科技' })
      expect(found).toMatchObject([{ name, reason: '名称相同' }])
      const list = await call(core, 'customers.list', { quick: '零宽查重' })
      expect(list.rows.map((r) => r.name)).toEqual([name])
    } finally {
      await core.close()
    }
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { demoTicks } from '../../../../src/main/core/demo/demoAssessments'
import { generateDemoData } from '../../../../src/main/core/demo/generateDemoData'
import { relationshipLevels } from '../../../../src/shared/customer'
import { suggestRelationshipLevel } from '../../../../src/shared/grading/relationshipChecklists'
import { checklistOfRole } from '../../../../src/shared/relationshipAssessment'
import { call, testCore } from '../../../helpers/testCore'

type TestCore = Awaited<ReturnType<typeof testCore>>
const opened: TestCore[] = []
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close()
})

describe('demo 客情评估', () => {
  it('ticks exactly up to the level by the ladder rule, for both checklists and every level', () => {
    for (const role of ['owner', 'installer'] as const) {
      const checklist = checklistOfRole[role]
      if (!checklist) throw new Error(role)
      for (const level of relationshipLevels) {
        expect(suggestRelationshipLevel(checklist, demoTicks(role, level)), `${role} ${level}`).toBe(level)
      }
    }
  })

  it('gives every demo customer with a 客情关系等级 an assessment of that level, and none to the others', async () => {
    const core = await testCore('demo-assess')
    opened.push(core)
    await generateDemoData(core.store, { customers: 200, seed: 3 })
    const rows = (await core.store.manager.query(
      `SELECT id, relationship_level AS level FROM customer ORDER BY id`,
    )) as { id: number; level: string | null }[]
    expect(rows).toHaveLength(200)
    const graded = rows.filter((r) => r.level !== null)
    // The demo grades most customers (about 70 %), so this checks many of each level.
    expect(graded.length).toBeGreaterThan(100)
    expect(new Set(graded.map((r) => r.level)).size).toBe(4)
    const roles = new Set<string>()
    for (const row of rows) {
      // Through the channel the customer page's 客情评估 tab reads.
      const history = await call(core, 'relationship.history', { customerId: row.id })
      if (row.level === null) {
        expect(history, `customer ${row.id}`).toEqual([])
        continue
      }
      expect(history, `customer ${row.id}`).toHaveLength(1)
      const [latest] = history
      expect(latest?.level).toBe(row.level)
      expect(latest?.chosenLevel).toBeNull()
      const checklist = latest ? checklistOfRole[latest.role] : null
      expect(checklist && latest ? suggestRelationshipLevel(checklist, latest.ticked) : null).toBe(row.level)
      roles.add(latest?.role ?? '')
    }
    expect([...roles].sort()).toEqual(['installer', 'owner'])
  })
})

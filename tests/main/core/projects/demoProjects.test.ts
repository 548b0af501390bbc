import { afterEach, describe, expect, it } from 'vitest'
import { generateDemoData } from '../../../../src/main/core/demo/generateDemoData'
import { computeDealHeat, dealHeatFacts, type TenderFact } from '../../../../src/shared/grading/dealHeat'
import { call, testCore } from '../../../helpers/testCore'

let core: Awaited<ReturnType<typeof testCore>> | undefined
afterEach(async () => {
  await core?.close()
})

describe('demo 项目, 竞争对手 and 客户意见', () => {
  it('fills the tables with rows every channel reads back, heat computed from the facts and levels', async () => {
    core = await testCore('demo-projects')
    const counts = await generateDemoData(core.store, { customers: 400, seed: 3, today: '2026-06-30' })
    expect(counts).toMatchObject({ customers: 400, projects: 20, competitors: 80, feedback: 100 })
    const m = core.store.manager
    const [n] = await m.query(
      `SELECT (SELECT COUNT(*) FROM project) AS p, (SELECT COUNT(*) FROM competitor) AS c, (SELECT COUNT(*) FROM feedback) AS f`,
    )
    expect(n).toEqual({ p: 20, c: 80, f: 100 })

    // The stored heat agrees with computeDealHeat over the rows, worked out here independently of projectHeat.ts.
    const projects: Record<string, unknown>[] = await m.query(
      `SELECT p.stage, p.tender_facts, p.heat, p.heat_reason, p.owner_customer_id, p.contractor_customer_id,
          o.relationship_level AS ol, c.relationship_level AS cl
        FROM project p JOIN customer o ON o.id = p.owner_customer_id LEFT JOIN customer c ON c.id = p.contractor_customer_id`,
    )
    for (const p of projects) {
      const expected = computeDealHeat(
        dealHeatFacts(
          p.stage as never,
          JSON.parse(String(p.tender_facts)) as TenderFact[],
          (p.ol ?? null) as never,
          (p.cl ?? null) as never,
        ),
      )
      expect({ heat: p.heat, reason: p.heat_reason }).toEqual({ heat: expected.percent, reason: expected.reason })
      expect(p.owner_customer_id).not.toBe(p.contractor_customer_id)
    }
    expect(new Set(projects.map((p) => p.stage)).size).toBeGreaterThan(2)
    expect(new Set(projects.map((p) => p.heat)).size).toBeGreaterThan(2)

    const [bad] = await m.query(
      `SELECT COUNT(*) AS n FROM feedback WHERE resolved_at < received_at OR received_at > '2026-06-30'
         OR (status IN ('已解决', '已关闭')) <> (resolved_at IS NOT NULL)`,
    )
    expect(bad.n).toBe(0)

    // Every row passes the contract's output schemas (testCore checks outputs).
    expect((await call(core, 'projects.list', { endRow: 500 })).total).toBe(20)
    expect((await call(core, 'competitors.list', { endRow: 500 })).total).toBe(80)
    const feedback = await call(core, 'feedback.list', { endRow: 500 })
    expect(feedback.total).toBe(100)
    expect(feedback.rows.every((f) => f.content && f.content.length > 4)).toBe(true)
  })
})

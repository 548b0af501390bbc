import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { localCaller, userCaller, type Caller } from '../../../../src/main/core/accounts/caller'
import { AnalysisAnswers } from '../../../../src/main/core/analysis/analysisAnswers'
import { analysisKey } from '../../../../src/main/core/analysis/analysisCache'
import { analysisComputations } from '../../../../src/main/core/analysis/analysisComputations'
import type { SqlWriter } from '../../../../src/main/core/db/sqlHandles'
import type { Core } from '../../../../src/main/core/openCore'
import type { ParetoOutput } from '../../../../src/shared/analysis/analysisOutputs'
import { defaultAnalysisRequests } from '../../../../src/shared/analysis/pageRequests'
import { contract } from '../../../../src/shared/contract'
import { call, testCore } from '../../../helpers/testCore'
import { buildFixture, type Fixture } from './analysisFixture'

const today = '2026-12-06'
const y2026 = { from: '2026-01-01', to: '2027-01-01' }
const pareto = { channel: 'analysis.pareto', input: { period: y2026 } } as const

let core: Core
let fx: Fixture

beforeAll(async () => {
  core = await testCore('analysis-answers')
  fx = await buildFixture(core)
})
afterAll(async () => core.close())

/** The computation the handler would run, counted. */
function counted(caller: Caller = localCaller) {
  const compute = vi.fn(() =>
    core.store.read((db) => analysisComputations['analysis.pareto'](db, pareto.input, caller, today)),
  )
  return compute
}

const sold = (out: ParetoOutput) => out.totalAmount

/** The 二八 answer is handed out without computing, and is what a computation on the data now gives. */
async function expectParetoKept(answers: AnalysisAnswers): Promise<void> {
  const compute = counted()
  const out = await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
  expect(compute).not.toHaveBeenCalled()
  const direct = await core.store.read((db) =>
    analysisComputations['analysis.pareto'](db, pareto.input, localCaller, today),
  )
  expect(out).toEqual(direct)
}

/** The keys of every heavy page's opening view, as the dispatch reads its input, for whoever sees all. */
const openingViewKeys = (): string[] =>
  defaultAnalysisRequests(today).map((r) =>
    analysisKey(r.channel, contract[r.channel].input.parse(r.input), localCaller, today),
  )

describe('answers kept until the data changes', () => {
  it('a second ask is answered from the kept answer; asks made together share one computation', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today })
    try {
      const compute = counted()
      const [a, b] = await Promise.all([
        answers.answer(pareto.channel, pareto.input, localCaller, today, compute),
        answers.answer(pareto.channel, pareto.input, localCaller, today, compute),
      ])
      const c = await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).toHaveBeenCalledTimes(1)
      expect(b).toBe(a)
      expect(c).toBe(a)
    } finally {
      await answers.close()
    }
  })

  it('a write, a failed one too, or a restore-like reconnect makes the kept answer stale', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 60_000 })
    try {
      const compute = counted()
      const before = await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      await call(core, 'sales.create', { customerId: fx.ids.B, date: '2026-08-01', amount: 1000 })
      const after = await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).toHaveBeenCalledTimes(2)
      expect(sold(after)).toBe(sold(before) + 1000)

      await expect(core.store.write(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused')
      await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).toHaveBeenCalledTimes(3)
    } finally {
      await answers.close()
    }
  })

  it('a bookkeeping write (a session’s last use) or one that changed no row leaves the kept answer as it is', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 60_000 })
    try {
      // The first scan after the fixture's sales settles their reminders: that is a change of data.
      await call(core, 'reminders.scan', {})
      const compute = counted()
      await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      const touch = (db: SqlWriter) =>
        db.run(`INSERT OR REPLACE INTO app_setting (key, value) VALUES ('test.touch', ?)`, [String(Math.random())])
      expect((await core.store.write(touch, { bookkeeping: true })).changes).toBe(1)
      await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).toHaveBeenCalledTimes(1)
      // Nor does a write that changed no row (the 工作台's reminder scan finding nothing new) …
      await core.store.write((db) => db.run(`UPDATE app_setting SET value = value WHERE 0`))
      await call(core, 'reminders.scan', {})
      await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).toHaveBeenCalledTimes(1)
      // … while the same row written as data does.
      await core.store.write(touch)
      await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).toHaveBeenCalledTimes(2)
    } finally {
      await answers.close()
    }
  })

  it('an answer whose computation overlapped a write is not handed out after it', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 60_000 })
    try {
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      const slow = vi.fn(async () => {
        await held
        return core.store.read((db) => analysisComputations['analysis.pareto'](db, pareto.input, localCaller, today))
      })
      const first = answers.answer(pareto.channel, pareto.input, localCaller, today, slow)
      await call(core, 'sales.create', { customerId: fx.ids.A, date: '2026-09-01', amount: 7 })
      release()
      await first
      const compute = counted()
      await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).toHaveBeenCalledTimes(1)
    } finally {
      await answers.close()
    }
  })

  it('keeps a 业务员’s answers apart from those of whoever sees every customer, and each day apart', () => {
    const sales = userCaller({ id: 7, login: 'li', name: '李四', role: 'sales', staffId: fx.staff.li })
    const manager = userCaller({ id: 8, login: 'wang', name: '王五', role: 'manager', staffId: null })
    const key = (caller: Caller, day = today) => analysisKey(pareto.channel, pareto.input, caller, day)
    expect(key(manager)).toBe(key(localCaller))
    expect(key(sales)).not.toBe(key(localCaller))
    expect(key(localCaller, '2026-12-07')).not.toBe(key(localCaller))
  })
})

describe('answers made ready in the background', () => {
  it('after writes settle, computes again what was asked lately, on its own connection: the next ask waits for nothing', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 50 })
    try {
      const before = await answers.answer(pareto.channel, pareto.input, localCaller, today, counted())
      await call(core, 'sales.create', { customerId: fx.ids.C, date: '2026-10-01', amount: 300 })
      await call(core, 'sales.create', { customerId: fx.ids.C, date: '2026-10-02', amount: 30 })
      const key = analysisKey(pareto.channel, pareto.input, localCaller, today)
      await vi.waitFor(() => expect(answers.isReady(key)).toBe(true), { timeout: 10_000 })
      const compute = counted()
      const after = await answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      expect(compute).not.toHaveBeenCalled()
      expect(sold(after)).toBe(sold(before) + 330)
    } finally {
      await answers.close()
    }
  })

  it('warm() readies opening views nobody asked for yet, for the view of who sees all', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 60_000 })
    try {
      await answers.warm([pareto], localCaller)
      await expectParetoKept(answers)
    } finally {
      await answers.close()
    }
  })

  it('warmOpeningViews readies every heavy page’s opening request, read as the dispatch reads it', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 60_000 })
    try {
      answers.warmOpeningViews(0)
      const keys = openingViewKeys()
      expect(keys).toHaveLength(6)
      await vi.waitFor(() => expect(keys.filter((key) => !answers.isReady(key))).toEqual([]), { timeout: 20_000 })
    } finally {
      await answers.close()
    }
  })

  it('after writes settle, the opening views are computed again too, though nobody asked for them since', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 50 })
    try {
      const keys = openingViewKeys()
      // A delay no test waits for: only the writes below can make them ready.
      answers.warmOpeningViews(3_600_000)
      await call(core, 'sales.create', { customerId: fx.ids.C, date: '2026-11-01', amount: 7 })
      await vi.waitFor(() => expect(keys.filter((key) => !answers.isReady(key))).toEqual([]), { timeout: 20_000 })
      await call(core, 'sales.create', { customerId: fx.ids.C, date: '2026-11-02', amount: 8 })
      expect(keys.filter((key) => answers.isReady(key))).toEqual([])
      await vi.waitFor(() => expect(keys.filter((key) => !answers.isReady(key))).toEqual([]), { timeout: 20_000 })
      await expectParetoKept(answers)
    } finally {
      await answers.close()
    }
  })

  it('an ask before the start-up warm-up brings the opening views forward: 统计分析 is open, its heavy pages come next', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 60_000 })
    try {
      const keys = openingViewKeys()
      answers.warmOpeningViews(3_600_000)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(keys.filter((key) => answers.isReady(key))).toEqual([])
      const grades = { channel: 'analysis.grades', input: {} } as const
      await answers.answer(grades.channel, grades.input, localCaller, today, () =>
        core.store.read((db) => analysisComputations['analysis.grades'](db, grades.input, localCaller, today)),
      )
      await vi.waitFor(() => expect(keys.filter((key) => !answers.isReady(key))).toEqual([]), { timeout: 20_000 })
    } finally {
      await answers.close()
    }
  })

  it('people first: an ask that must be computed interrupts the background, which finishes its answer after', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 60_000 })
    const grades = { channel: 'analysis.grades', input: {} } as const
    const original = core.store.readAside.bind(core.store)
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const started: string[] = []
    // The background's first computation stalls before its first statement, as a long one would run.
    const aside = vi
      .spyOn(core.store, 'readAside')
      .mockImplementation((work, signal) =>
        original(async (db) => (started.push('background'), await held, work(db)), signal),
      )
    try {
      const round = answers.warm([grades], localCaller)
      await vi.waitFor(() => expect(started).toEqual(['background']))
      const compute = counted()
      const asked = answers.answer(pareto.channel, pareto.input, localCaller, today, compute)
      release()
      const out = await asked
      expect(compute).toHaveBeenCalledTimes(1)
      expect(out.totalAmount).toBeGreaterThan(0)
      await round
      // Interrupted once, then computed again once nobody waited.
      expect(started).toEqual(['background', 'background'])
      const gradesKey = analysisKey(grades.channel, grades.input, localCaller, today)
      expect(answers.isReady(gradesKey)).toBe(true)
      expect(aside).toHaveBeenCalledTimes(2)
    } finally {
      aside.mockRestore()
      await answers.close()
    }
  })

  it('after close(), a write starts no more background work', async () => {
    const answers = new AnalysisAnswers(core.store, { today: () => today, settleMs: 20 })
    await answers.answer(pareto.channel, pareto.input, localCaller, today, counted())
    await answers.close()
    const aside = vi.spyOn(core.store, 'readAside')
    try {
      await call(core, 'sales.create', { customerId: fx.ids.D, date: '2026-11-01', amount: 5 })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(aside).not.toHaveBeenCalled()
    } finally {
      aside.mockRestore()
    }
  })
})

describe('through the dispatch', () => {
  it('an analysis answered twice is the same; after a sale it counts the sale', async () => {
    const first = await call(core, 'analysis.pareto', pareto.input)
    const again = await call(core, 'analysis.pareto', pareto.input)
    expect(again).toEqual(first)
    await call(core, 'sales.create', { customerId: fx.ids.A, date: '2026-11-11', amount: 11 })
    const after = await call(core, 'analysis.pareto', pareto.input)
    expect(after.totalAmount).toBe(first.totalAmount + 11)
  })
})

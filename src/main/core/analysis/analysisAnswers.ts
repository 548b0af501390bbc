import { defaultAnalysisRequests } from '../../../shared/analysis/pageRequests'
import { contract, type ChannelOutput, type HandlerInput } from '../../../shared/contract'
import { localCaller, type Caller } from '../accounts/caller'
import type { Store } from '../store'
import { AnalysisCache, analysisKey } from './analysisCache'
import { analysisComputations, type AnalysisRead } from './analysisComputations'

/** After start-up, the window's first screens come first: the opening analyses wait this long (the app and the preview). */
export const openingViewsDelayMs = 10_000

export interface AnalysisRequest<C extends AnalysisRead = AnalysisRead> {
  channel: C
  input: HandlerInput<C>
}

interface Asked {
  request: AnalysisRequest
  caller: Caller
  /** When someone last asked (ms): only what was asked lately is computed again after a change. */
  at: number
}

export interface AnalysisAnswersOptions {
  /** Quiet time after the last write before answers are computed again: a burst of saves costs one round. */
  settleMs?: number
  /** How long an asked-for answer is kept ready after its last ask. */
  keepAskedMs?: number
  /** How many different asks are kept ready at most. */
  maxAsked?: number
  now?: () => number
  /** Today's date (YYYY-MM-DD) as the analyses count it. */
  today: () => string
}

/**
 * The analyses' answers for everyone: kept until the data changes (AnalysisCache), and
 * ready before they are asked for. At 100,000 customers an analysis takes a second of
 * SQL; a page that waits for it feels slow. So the answers people asked for lately
 * are computed again once the writes have settled, and so are the pages' opening views
 * (`warmOpeningViews`: at start-up, then after each settled burst of writes, so whoever
 * records a sale and then opens 统计分析 finds its first page ready), on a read-only
 * connection of their own (Store.readAside) so nobody's calls wait behind them. Asking
 * while one is being computed joins it.
 * People come first: an ask that must be computed interrupts the background one,
 * and the round goes on only once nobody waits. A write during a round ends the
 * round; the next quiet moment starts another.
 */
export class AnalysisAnswers {
  private readonly cache: AnalysisCache
  private readonly asked = new Map<string, Asked>()
  private readonly settleMs: number
  private readonly keepAskedMs: number
  private readonly maxAsked: number
  private readonly now: () => number
  private readonly today: () => string
  private timer: NodeJS.Timeout | undefined
  private round: Promise<void> = Promise.resolve()
  private closed = false
  /** Asks being computed for someone waiting; the background computes nothing meanwhile. */
  private waitingAsks = 0
  private readonly resumes: (() => void)[] = []
  /** The background computation under way, to interrupt when someone asks for another answer. */
  private warming: { key: string; stop: AbortController; joined: boolean } | null = null
  /** The start-up warm-up of the opening views, until it fires or an ask brings it forward. */
  private openingViews: NodeJS.Timeout | undefined
  /** Whether the opening views are kept ready (warmOpeningViews). */
  private keepOpeningViews = false
  private readonly unsubscribe: () => void

  constructor(
    private readonly store: Store,
    options: AnalysisAnswersOptions,
  ) {
    this.cache = new AnalysisCache(store)
    this.settleMs = options.settleMs ?? 3000
    this.keepAskedMs = options.keepAskedMs ?? 30 * 60 * 1000
    this.maxAsked = options.maxAsked ?? 8
    this.now = options.now ?? Date.now
    this.today = options.today
    this.unsubscribe = store.onChange(() => this.schedule())
  }

  /** The answer to a caller's ask: kept, being computed, or computed now by `compute`; remembered for warming. */
  answer<C extends AnalysisRead>(
    channel: C,
    input: HandlerInput<C>,
    caller: Caller,
    today: string,
    compute: () => Promise<ChannelOutput<C>>,
  ): Promise<ChannelOutput<C>> {
    const key = analysisKey(channel, input, caller, today)
    this.asked.delete(key)
    this.asked.set(key, { request: { channel, input } as AnalysisRequest, caller, at: this.now() })
    for (const oldest of this.asked.keys()) {
      if (this.asked.size <= this.maxAsked) break
      this.asked.delete(oldest)
    }
    this.bringOpeningViewsForward()
    if (this.cache.has(key)) {
      // Joining the background's computation: it is now someone's, and is not interrupted.
      if (this.warming?.key === key) this.warming.joined = true
      return this.cache.get(key, compute)
    }
    // Someone waits for this one: the background yields the CPU (it picks its answer up again later).
    if (this.warming && !this.warming.joined) this.warming.stop.abort()
    this.waitingAsks += 1
    const answer = this.cache.get(key, compute)
    void answer
      .catch(() => undefined)
      .finally(() => {
        this.waitingAsks -= 1
        if (this.waitingAsks === 0) for (const resume of this.resumes.splice(0)) resume()
      })
    return answer
  }

  /** Whether the answer under `key` (analysisKey) is kept for the current data, or being computed. */
  isReady(key: string): boolean {
    return this.cache.has(key)
  }

  /** Computes these answers in the background now, for `caller`'s view (start-up: the pages' opening views). */
  warm(requests: readonly AnalysisRequest[], caller: Caller): Promise<void> {
    return this.enqueue(requests.map((request) => ({ request, caller })))
  }

  /**
   * The opening view of every heavy 统计分析 page (shared/analysis/pageRequests.ts, the same requests
   * the pages send), for whoever sees every customer: `delayMs` after start-up, late enough not to slow
   * the window's first screens, and again after each settled burst of writes.
   */
  warmOpeningViews(delayMs: number): void {
    this.keepOpeningViews = true
    this.openingViews = setTimeout(() => this.warmOpeningViewsNow(), delayMs)
    this.openingViews.unref()
  }

  /**
   * Someone opened 统计分析 before the start-up warm-up: its heavy pages are likely next, so their
   * opening views are computed now, once this ask is answered (people first), not at the timer.
   */
  private bringOpeningViewsForward(): void {
    if (this.openingViews === undefined) return
    clearTimeout(this.openingViews)
    this.warmOpeningViewsNow()
  }

  private warmOpeningViewsNow(): void {
    this.openingViews = undefined
    void this.warm(this.openingViewRequests(), localCaller)
  }

  /** Today's opening requests, their inputs read as the dispatch reads them, so the keys match. */
  private openingViewRequests(): AnalysisRequest[] {
    return defaultAnalysisRequests(this.today()).flatMap((request) =>
      request.channel in analysisComputations
        ? [{ channel: request.channel, input: contract[request.channel].input.parse(request.input) } as AnalysisRequest]
        : [],
    )
  }

  /** Stops warming; a round under way ends after its current answer. */
  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.timer)
    clearTimeout(this.openingViews)
    this.warming?.stop.abort()
    for (const resume of this.resumes.splice(0)) resume()
    this.unsubscribe()
    await this.round
  }

  private schedule(): void {
    if (this.closed) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      const recent = [...this.asked.values()].filter((a) => this.now() - a.at <= this.keepAskedMs).reverse()
      // What was asked lately first; the opening views after (one already computed is skipped).
      const opening = this.keepOpeningViews
        ? this.openingViewRequests().map((request) => ({ request, caller: localCaller }))
        : []
      void this.enqueue([...recent, ...opening])
    }, this.settleMs)
    // The timer alone never keeps the process alive.
    this.timer.unref()
  }

  private enqueue(list: readonly Pick<Asked, 'request' | 'caller'>[]): Promise<void> {
    const run = this.round.then(() => this.compute(list))
    this.round = run
    return run
  }

  /** One answer after another, newest ask first; each may be joined by someone asking for it meanwhile. */
  private async compute(list: readonly Pick<Asked, 'request' | 'caller'>[]): Promise<void> {
    const version = this.store.dataVersion
    for (const { request, caller } of list) {
      // A write came in: this round's answers would be stale; the write's own quiet moment starts the next round.
      if (this.closed || this.store.dataVersion !== version) return
      const today = this.today()
      const key = analysisKey(request.channel, request.input, caller, today)
      if (this.cache.has(key)) continue
      const computation = analysisComputations[request.channel] as (
        ...args: Parameters<(typeof analysisComputations)[AnalysisRead]>
      ) => Promise<unknown>
      for (let tries = 0; tries < 3; tries++) {
        await this.usersServed()
        if (this.closed || this.store.dataVersion !== version) return
        const stop = new AbortController()
        this.warming = { key, stop, joined: false }
        try {
          await this.cache.get(key, () =>
            this.store.readAside((db) => computation(db, request.input as never, caller, today), stop.signal),
          )
          break
        } catch (error) {
          // Interrupted for someone's ask: tried again once they have their answer.
          if (!stop.signal.aborted) {
            console.error('[analysis warm-up]', error)
            break
          }
        } finally {
          this.warming = null
        }
      }
    }
  }

  /** Resolves when no one waits for an answer being computed. */
  private usersServed(): Promise<void> {
    if (this.waitingAsks === 0) return Promise.resolve()
    return new Promise((resume) => this.resumes.push(resume))
  }
}

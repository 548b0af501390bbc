import type { Caller } from '../accounts/caller'
import type { Store } from '../store'

/** Answers kept: a few pages, each with a few periods or regions tried. An answer is a few hundred rows at most. */
const defaultCapacity = 32

/**
 * The analyses' answers, kept while the data they were computed from is unchanged.
 * An answer belongs to the store's `dataVersion` at the moment its computation
 * began: any write ending after that (or a restore) makes it stale, so it is never
 * handed out again. Callers asking for the same answer while it is being computed
 * share that one computation — the page's own request joins the one sent when the
 * page was opened, or the one the warmer started (analysisWarmer.ts).
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; value: Promise<unknown> }>()

  constructor(
    private readonly store: Store,
    private readonly capacity = defaultCapacity,
  ) {}

  /** The answer for `key` at the current data version, computing it when there is none. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = this.store.dataVersion
    const found = this.entries.get(key)
    // Re-inserted on each use: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key)
    if (found && found.version === version) {
      this.entries.set(key, found)
      return found.value as Promise<T>
    }
    const value = compute()
    this.entries.set(key, { version, value })
    // A failure is not kept: the next ask tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break
      this.entries.delete(oldest)
    }
    return value
  }

  /** Whether an answer for `key` at the current data version is kept (or being computed). */
  has(key: string): boolean {
    return this.entries.get(key)?.version === this.store.dataVersion
  }
}

/**
 * What an answer depends on besides the data: the channel, its input, the customers the caller
 * sees (everyone who sees all shares answers; a 业务员 has their own), and the day, for the
 * analyses that count from today.
 */
export function analysisKey(channel: string, input: unknown, caller: Caller, today: string): string {
  const scope = caller.seesAll ? 'all' : `staff:${caller.staffId ?? 'none'}`
  return `${channel}|${scope}|${today}|${JSON.stringify(input)}`
}

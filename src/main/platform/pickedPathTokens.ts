import { randomUUID } from 'node:crypto'
import type { PickedPathKind, PickedPaths } from '../core/pickedPaths'

export interface PickedPathTokens extends PickedPaths {
  /** A fresh token for a path the user just picked in one of the shell's dialogs. */
  issue(path: string, kind: PickedPathKind): string
}

/**
 * The one place tokens come from: only the shell's dialog handlers hold this
 * object, the core gets it as its PickedPaths. A token works once and only for
 * its kind, so a folder picked for backups cannot be restored from, and the
 * few kept are the latest picks (the user is answering one dialog at a time).
 */
export function createPickedPathTokens(kept = 20): PickedPathTokens {
  const picks = new Map<string, { path: string; kind: PickedPathKind }>()
  return {
    issue(path, kind) {
      const token = randomUUID()
      picks.set(token, { path, kind })
      // A Map iterates in insertion order: the first key is the oldest pick.
      for (const oldest of picks.keys()) {
        if (picks.size <= kept) break
        picks.delete(oldest)
      }
      return token
    },
    take(token, kind) {
      const pick = picks.get(token)
      if (!pick || pick.kind !== kind) return undefined
      picks.delete(token)
      return pick.path
    },
  }
}

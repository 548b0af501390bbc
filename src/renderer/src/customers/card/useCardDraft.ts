import { useEffect, useRef, useState } from 'react'
import { useSession } from '../../accounts/session'
import type { CardFormValues } from './cardValues'

/** A new customer card being typed, kept in this PC's browser storage. */
export interface CardDraft {
  savedAt: string
  values: CardFormValues
}

/** One draft per signed-in user, so a colleague on the same PC is not offered someone else's typing. */
function draftKey(userId: number | undefined): string {
  return userId === undefined ? 'kq.customerCardDraft' : `kq.customerCardDraft.u${userId}`
}

function readDraft(key: string): CardDraft | null {
  try {
    const text = window.localStorage.getItem(key)
    if (!text) return null
    const draft = JSON.parse(text) as Partial<CardDraft>
    return typeof draft.savedAt === 'string' && draft.values && typeof draft.values === 'object'
      ? (draft as CardDraft)
      : null
  } catch {
    return null
  }
}

/**
 * Keeps what is typed on a NEW card (debounced, and once more as the page goes), so
 * an accidental close loses nothing; the next 新建客户 offers it back (`offered`).
 * `drop` forgets it: after a save, after 放弃, after 丢弃.
 */
export function useCardDraft(
  enabled: boolean,
  values: CardFormValues,
  dirty: boolean,
): { offered: CardDraft | null; drop: () => void; dismissOffer: () => void } {
  const key = draftKey(useSession().user?.id)
  const [offered, setOffered] = useState(() => (enabled ? readDraft(key) : null))
  const latest = useRef({ values, dirty })
  const timer = useRef<number | undefined>(undefined)
  const dropped = useRef(false)
  const wroteOwn = useRef(false)

  const write = (): void => {
    window.clearTimeout(timer.current)
    if (!enabled || dropped.current || !latest.current.dirty) return
    const draft: CardDraft = { savedAt: new Date().toISOString(), values: latest.current.values }
    try {
      window.localStorage.setItem(key, JSON.stringify(draft))
      wroteOwn.current = true
    } catch {
      // A full or disabled storage only costs the draft; the card itself still saves.
    }
  }

  useEffect(() => {
    latest.current = { values, dirty }
    if (!enabled) return
    if (!dirty) {
      // Typed and then undone: nothing left worth offering (an older draft on offer stays).
      if (wroteOwn.current) forget()
      return
    }
    dropped.current = false
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(write, 500)
  })

  useEffect(() => {
    if (!enabled) return
    const flush = (): void => write()
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      window.clearTimeout(timer.current)
    }
    // write reads refs only; the key changes only with the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, key])

  function forget(): void {
    window.clearTimeout(timer.current)
    wroteOwn.current = false
    try {
      window.localStorage.removeItem(key)
    } catch {
      // Nothing to forget.
    }
  }

  return {
    offered,
    dismissOffer: () => setOffered(null),
    drop: () => {
      dropped.current = true
      setOffered(null)
      forget()
    },
  }
}

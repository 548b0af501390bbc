import { useEffect, useRef, type RefObject } from 'react'

/**
 * The shell's content pane keeps its scroll position across hash routes, so a
 * card opened from the bottom of another page would start half-way down; this
 * brings the element's top into view once it is rendered (`ready`: after its data loaded).
 */
export function useScrolledToTop<T extends HTMLElement>(ready = true): RefObject<T | null> {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (ready) ref.current?.scrollIntoView({ block: 'start' })
  }, [ready])
  return ref
}

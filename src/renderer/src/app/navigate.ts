import { useEffect, useState } from 'react'
import { prefetchRoute } from './routePrefetch'
import { confirmLeave, hasUnsavedChanges } from './unsavedGuard'

/** The route at start and after a route nobody knows: the day's work. */
export const homeRoute = '/workbench'

/**
 * Moves to a screen. The route lives in the URL hash (#/settings/dictionary) so that a
 * reload returns to the same screen; every move goes through here, so a later router
 * (or a route guard for staff accounts) changes one function. A form with unsaved
 * changes is asked first (unsavedGuard.ts).
 */
export function navigate(route: string): void {
  if (!hasUnsavedChanges()) {
    window.location.hash = route
    return
  }
  void confirmLeave().then((leave) => {
    if (leave) window.location.hash = route
  })
}

export function currentRoute(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, '')) || homeRoute
}

/** The hash of the screen on show: a move that is not let through puts the address back to it. */
let shownHash = window.location.hash

/**
 * Whether a hash change not made by navigate() (a link, Back, a route the tray opens)
 * may show its screen. With unsaved changes the address goes back while the user is
 * asked, and moves on again after 放弃.
 */
function routeChangeAllowed(): boolean {
  const hash = window.location.hash
  if (hash === shownHash || !hasUnsavedChanges()) {
    shownHash = hash
    return true
  }
  window.history.replaceState(window.history.state, '', shownHash || window.location.pathname + window.location.search)
  void confirmLeave().then((leave) => {
    if (leave) window.location.hash = hash
  })
  return false
}

/** How long a move waits for the new screen's answer asked ahead before showing the screen without it. */
const answerWaitMs = 150

/** The current route, re-rendering on every move (the hash also changes by links and Back). */
export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const onChange = (): void => {
      if (!routeChangeAllowed()) return
      const route = currentRoute()
      // Before the update: a hash change is a discrete event, so React renders the new screen (and
      // runs its effects) within setRoute, 200-300 ms, before anything else hears of the move.
      const answer = prefetchRoute(route)
      if (!answer) {
        setRoute(route)
        return
      }
      // A moment's wait for it: an answer the core kept comes in a few ms, and the screen then renders
      // once, with its data, instead of empty first and again with the data. The address may have
      // moved on meanwhile: the screen follows where it is now.
      void Promise.race([answer, new Promise((resolve) => window.setTimeout(resolve, answerWaitMs))])
        .catch(() => undefined)
        .then(() => setRoute(currentRoute()))
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
